// The benchmark's platforms, the same in every isolate that builds them (deterministic), read from JSON text.
// In: the model of csp-assessment@0.9, a count, the repository root. Out: `PlatformInput`s — the bundled samples and
// corpus, each copied with its numbers moved a little, and one in four generated near band boundaries — each
// written as a line of JSON and parsed back (`JSON.parse`), as evidence files and NDJSON corpora are read: fast-mode
// objects. Most are written in one common shape (every field of the ruleset in declaration order, `null` when
// absent, as a template or a CSV export writes them); one in eight keeps its own keys in its own order (free-form).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvidenceText } from '../engine/index';
import type { PlatformInput } from '../engine/evaluate/evaluate';
import type { Model } from '../engine/model/model';
import { generatePlatforms, rng } from './generate';

/** Share of platforms written free-form (their own keys, in their own order). */
export const FREE_FORM = 1 / 8;

export function corpusLike(model: Model, n: number, root: string): PlatformInput[] {
  return asJsonText(model, corpusObjects(model, n, root)).platforms;
}

/** The platforms as built (objects filled key by key, some of them in V8's dictionary mode): see `asJsonText`. */
export function corpusObjects(model: Model, n: number, root: string): PlatformInput[] {
  const dirs = ['platforms', 'corpus'].map((d) => join(root, 'rulesets', 'csp-assessment', d));
  const bases = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .flatMap((f) => parseEvidenceText(readFileSync(join(d, f), 'utf8'), f).platforms),
  );
  const r = rng(7);
  const move = (x: unknown): unknown => {
    if (typeof x === 'number') {
      if (r() < 0.7) return x;
      const decimals = (String(x).split('.')[1] ?? '').length;
      const f = 10 ** decimals;
      const y = Math.round((x + (r() - 0.5) * Math.max(1, Math.abs(x) * 0.05)) * f) / f;
      return y < 0 ? 0 : x <= 100 && y > 100 ? x : y;
    }
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, move(v)]));
    return x;
  };
  const generated = generatePlatforms(model, Math.ceil(n / 4), 2026, { missing: 0.02, invalid: 0, boundary: 0.4 });
  const out: PlatformInput[] = [];
  for (let k = 0; k < n; k++) {
    if (k % 4 === 3) out.push(generated[(k - 3) / 4] as PlatformInput);
    else {
      const b = bases[Math.floor(r() * bases.length)] as PlatformInput;
      out.push({ platform: `${b.platform}-${k}`, evidence: move(JSON.parse(JSON.stringify(b.evidence))) });
    }
  }
  return out;
}

/**
 * The platforms as NDJSON text and as `JSON.parse` reads it back. Every eighth keeps its own keys and order; the
 * others list every field of the model in declaration order (absent: `null`) and then any other key they have.
 */
export function asJsonText(model: Model, platforms: readonly PlatformInput[]): { text: string; platforms: PlatformInput[] } {
  const fields = [...model.fields.keys()];
  const known = new Set(fields);
  const lines = platforms.map((p, k) => {
    const ev = p.evidence as Record<string, unknown>;
    let evidence: Record<string, unknown> = ev;
    if (k % Math.round(1 / FREE_FORM) !== 5) {
      // Built as text, key by key, so the written order is the common one whatever `ev`'s own order is.
      const parts = fields.map((f) => `${JSON.stringify(f)}:${JSON.stringify(ev[f] ?? null)}`);
      for (const key of Object.keys(ev)) if (!known.has(key)) parts.push(`${JSON.stringify(key)}:${JSON.stringify(ev[key])}`);
      return `{"platform":${JSON.stringify(p.platform)},"evidence":{${parts.join(',')}}}`;
    }
    return JSON.stringify({ platform: p.platform, evidence });
  });
  const text = lines.join('\n') + '\n';
  return { text, platforms: lines.map((l) => JSON.parse(l) as PlatformInput) };
}
