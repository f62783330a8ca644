// A large synthetic corpus for the Distribution tab's tests: the 240 platforms of rulesets/csp-assessment/corpus,
// repeated with every number moved by up to ±20 % (same decimals as written) by a fixed-seed generator.
// In: a count. Out: platform documents and their NDJSON text (one document per line).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const DIR = join(import.meta.dirname, '../../rulesets/csp-assessment/corpus');

export interface CorpusDoc {
  readonly platform: string;
  readonly name?: string;
  readonly evidence: Record<string, unknown>;
}

export function baseCorpus(): CorpusDoc[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(DIR, f), 'utf8'), { schema: 'core' }) as CorpusDoc);
}

export function bigCorpus(count: number, seed = 20261205): CorpusDoc[] {
  const base = baseCorpus();
  let s = seed >>> 0;
  const rand = (): number => {
    // xorshift32: the same corpus on every run.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  const out: CorpusDoc[] = [];
  for (let i = 0; i < count; i++) {
    const b = base[i % base.length] as CorpusDoc;
    const evidence: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(b.evidence)) {
      if (typeof v === 'number' && i >= base.length) {
        const d = /\.(\d+)$/.exec(String(v))?.[1]?.length ?? 0;
        evidence[k] = Number((v * (0.8 + 0.4 * rand())).toFixed(d));
      } else evidence[k] = v;
    }
    out.push({ platform: `G${String(i).padStart(5, '0')}_${b.platform}`, ...(b.name !== undefined ? { name: b.name } : {}), evidence });
  }
  return out;
}

export const toNdjson = (docs: readonly CorpusDoc[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';
