// A large synthetic corpus for the Distribution tab's tests: the 240 platforms of rulesets/csp-assessment/corpus,
// repeated with every number moved by up to ±20 % (same decimals as written) by a fixed-seed generator, reflected
// back inside the bounds that csp-assessment 0.9 and 1.0 both declare for the field (a moved 99.9 % stays ≤ 100), so
// that a copy is invalid only where its original is.
// In: a count. Out: platform documents and their NDJSON text (one document per line).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileRuleset, evidenceSchema } from '../../engine/index';

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

interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** Each numeric field's bounds that both versions of the standard accept (the tighter of the two). */
function fieldBounds(): Map<string, Bounds> {
  const out = new Map<string, Bounds>();
  for (const v of ['0.9', '1.0']) {
    const text = readFileSync(join(import.meta.dirname, `../../rulesets/csp-assessment/${v}.assay`), 'utf8');
    const model = compileRuleset(text).ruleset?.model;
    if (!model) throw new Error(`csp-assessment ${v} does not compile`);
    const props = (evidenceSchema(model) as { properties: { evidence: { properties: Record<string, { minimum?: number; maximum?: number }> } } })
      .properties.evidence.properties;
    for (const [k, p] of Object.entries(props)) {
      const was = out.get(k) ?? { min: -Infinity, max: Infinity };
      out.set(k, { min: Math.max(was.min, p.minimum ?? -Infinity), max: Math.min(was.max, p.maximum ?? Infinity) });
    }
  }
  return out;
}

/** `x` reflected at the bounds until it is inside them. */
function reflect(x: number, b: Bounds | undefined): number {
  if (!b) return x;
  if (x > b.max) x = 2 * b.max - x;
  if (x < b.min) x = 2 * b.min - x;
  return Math.min(b.max, Math.max(b.min, x));
}

export function bigCorpus(count: number, seed = 20261205): CorpusDoc[] {
  const base = baseCorpus();
  const bounds = fieldBounds();
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
        evidence[k] = Number(reflect(Number((v * (0.8 + 0.4 * rand())).toFixed(d)), bounds.get(k)).toFixed(d));
      } else evidence[k] = v;
    }
    out.push({ platform: `G${String(i).padStart(5, '0')}_${b.platform}`, ...(b.name !== undefined ? { name: b.name } : {}), evidence });
  }
  return out;
}

export const toNdjson = (docs: readonly CorpusDoc[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';
