// Seeded generation of platforms for the improvement-plan tests: sample platforms with indicators moved to
// band thresholds (and just past them), enum values drawn at random, some evidence removed, some facts flipped.
// In: a compiled ruleset, the sample platforms, a count and a seed. Out: platform inputs (plain evidence data).

import type { Expr } from '../../dsl/ast';
import type { CompiledRuleset } from '../../engine/compile';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { Rational } from '../../engine/numbers/rational';

/** The seeded PRNG of the benchmark's generator (mulberry32), so a failure reproduces from its seed. */
import { rng } from '../../bench/generate';

export { rng };

function literal(e: Expr): number | undefined {
  return e.kind === 'Num' ? Number(e.text) : undefined;
}

export function generatePlatforms(
  ruleset: CompiledRuleset,
  samples: readonly { readonly evidence: Readonly<Record<string, unknown>> }[],
  n: number,
  seed: number,
): PlatformInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const m = ruleset.model;
  const out: PlatformInput[] = [];
  for (let k = 0; k < n; k++) {
    const ev: Record<string, unknown> = { ...pick(samples).evidence };
    for (const i of m.indicators) {
      for (const f of i.formerly) {
        if (Object.hasOwn(ev, f)) {
          ev[i.id] = ev[f];
          delete ev[f];
        }
      }
      if (r() < 0.5) continue;
      if (r() < 0.05) {
        delete ev[i.id];
        continue;
      }
      const t = i.type;
      if (!t) continue;
      switch (t.kind) {
        case 'enum':
          ev[i.id] = pick(t.values);
          break;
        case 'boolean':
          ev[i.id] = r() < 0.5;
          break;
        case 'object': {
          const o: Record<string, number> = {};
          for (const f of t.fields.keys()) o[f] = Math.floor(r() * 6);
          ev[i.id] = o;
          break;
        }
        case 'number': {
          const s = i.decl.scoring;
          const bounds = s?.kind === 'Bands' ? s.bands.flatMap((b) => (b.cond.kind === 'Compare' ? [literal(b.cond.bound)] : [])).filter((x): x is number => x !== undefined) : [];
          let v = bounds.length > 0 ? pick(bounds) * pick([1, 1, 0.97, 1.03, 0.9, 1.1]) : r() * 100;
          if (t.base === 'integer') v = Math.round(v);
          else v = Math.round(v * 100) / 100;
          const min = t.min ? Number(t.min.value.toDecimalString()) : -Infinity;
          const max = t.max ? Number(t.max.value.toDecimalString()) : Infinity;
          ev[i.id] = Math.min(max, Math.max(min, v));
          break;
        }
      }
    }
    for (const inp of m.inputs) {
      if (r() > 0.08) continue;
      const t = inp.type;
      if (t.kind === 'boolean') ev[inp.id] = !(ev[inp.id] === true);
      else if (t.kind === 'number') ev[inp.id] = Math.floor(r() * 40);
    }
    out.push({ platform: `G${String(k).padStart(3, '0')}`, evidence: ev });
  }
  return out;
}

/** A value as a JSON number (exact decimal text parsed back): helper for applying plan changes. */
export function num(q: Rational): number {
  return Number(q.toDecimalString());
}
