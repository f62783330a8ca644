// Makes a large corpus for streaming: platforms jittered from the bundled samples and corpus, NDJSON or CSV.
// In: `node scripts/gen-ndjson.mjs <count> [out.ndjson|out.csv] [--seed n]`. Out: the file (one platform per
// line or row; CSV columns dotted for object members). Deterministic for a seed; never commit the output.
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const args = process.argv.slice(2);
const count = Number(args[0] ?? 1000000);
const out = args[1] && !args[1].startsWith('--') ? args[1] : 'corpus.ndjson';
const seedAt = args.indexOf('--seed');
let seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const dirs = ['rulesets/csp-assessment/platforms', 'rulesets/csp-assessment/corpus'];
const bases = [];
for (const d of dirs) {
  for (const f of readdirSync(d).filter((n) => n.endsWith('.yaml')).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(d, f), 'utf8'))) {
      const v = doc.toJS();
      for (const p of Array.isArray(v) ? v : [v]) if (p && typeof p === 'object' && p.evidence) bases.push(p);
    }
  }
}

/** A number near `x`, keeping its decimals and sign (percent-like values stay within 0–100). */
function jitter(x) {
  if (rand() < 0.7) return x;
  const decimals = (String(x).split('.')[1] ?? '').length;
  const f = 10 ** decimals;
  const y = Math.round((x + (rand() - 0.5) * Math.max(1, Math.abs(x) * 0.1)) * f) / f;
  if (x >= 0 && y < 0) return 0;
  if (x <= 100 && y > 100) return x;
  return Number.isInteger(x) ? Math.round(y) : y;
}

const csv = out.endsWith('.csv');
const columns = [];
if (csv) {
  const seen = new Set();
  for (const b of bases) {
    for (const [k, v] of Object.entries(b.evidence)) {
      const names = v && typeof v === 'object' ? Object.keys(v).map((m) => `${k}.${m}`) : [k];
      for (const n of names) if (!seen.has(n)) seen.add(n), columns.push(n);
    }
  }
}
const cell = (v) => (v === undefined || v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

const w = createWriteStream(out);
if (csv) w.write(['platform', 'name', ...columns].join(',') + '\n');
let i = 0;
function more() {
  let ok = true;
  while (i < count && ok) {
    const b = bases[Math.floor(rand() * bases.length)];
    const evidence = {};
    for (const [k, v] of Object.entries(b.evidence)) {
      if (rand() < 0.01) continue;
      evidence[k] = typeof v === 'number' ? jitter(v) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([m, x]) => [m, typeof x === 'number' ? jitter(x) : x])) : v;
    }
    const platform = `P${String(i).padStart(7, '0')}`;
    let line;
    if (csv) {
      const get = (c) => {
        const [k, m] = c.split('.');
        const v = evidence[k];
        return m === undefined ? v : v && typeof v === 'object' ? v[m] : undefined;
      };
      line = [platform, cell(b.name ?? ''), ...columns.map((c) => cell(get(c)))].join(',') + '\n';
    } else line = JSON.stringify({ platform, name: b.name, evidence }) + '\n';
    ok = w.write(line);
    i++;
  }
  if (i < count) w.once('drain', more);
  else w.end(() => console.error(`wrote ${count} platforms to ${out}`));
}
more();
