// Field-by-field comparison of the engine's assessment with the hand-written scorer of the standard's text.
// In: an engine `Assessment` and an `OracleResult`. Out: a list of disagreements (path, oracle value, engine
// value), empty when they agree; numbers are compared exactly as fractions.

import type { Assessment, Rational } from '../../engine/index';
import { valueToJson } from '../../engine/evaluate/result';
import type { OracleResult } from './standard';

export interface Disagreement {
  /** e.g. `outcome`, `total`, `dimensions.E.share`, `indicators.mlps_level.points`, `errors`. */
  readonly path: string;
  readonly oracle: string;
  readonly engine: string;
}

const frac = (r: Rational | null | undefined): string => (r === null ? 'null' : r === undefined ? 'absent' : r.toFraction());
const list = (xs: readonly string[]): string => JSON.stringify([...new Set(xs)].sort());
const json = (x: unknown): string => (x === undefined ? 'absent' : JSON.stringify(x));
const top = (field: string): string => field.split('.')[0] ?? field;

export function compare(a: Assessment, o: OracleResult): Disagreement[] {
  const out: Disagreement[] = [];
  const eq = (path: string, oracle: string, engine: string): void => {
    if (oracle !== engine) out.push({ path, oracle, engine });
  };
  /** Exact comparison; fractions are only printed for a disagreement. */
  const eqq = (path: string, oracle: Rational | null, engine: Rational | null): void => {
    if (oracle === null || engine === null ? oracle !== engine : !oracle.eq(engine)) out.push({ path, oracle: frac(oracle), engine: frac(engine) });
  };
  eq('outcome', o.outcome, a.outcome);
  if (o.outcome === 'invalid' || a.outcome === 'invalid') {
    // For invalid platforms only the set of erroring (top-level) fields is compared.
    eq('errors', list(o.errorFields), list(a.errors.map((e) => top(e.field))));
    return out;
  }
  eq('errors', '[]', list(a.errors.map((e) => e.field)));
  eq('warnings', list(o.warningFields), list(a.warnings.map((w) => w.field)));
  eq('level', json(o.level), json(a.level));
  eqq('total', o.total, a.total);
  eq('prerequisitesFailed', list(o.prerequisitesFailed), list(a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id)));
  eq('vetoes', list(o.vetoes), list(a.vetoes.filter((x) => x.truth === true).map((x) => x.id)));

  eq('dimensions', json(Object.keys(o.dimensions)), json(a.dimensions.map((d) => d.id)));
  for (const d of a.dimensions) {
    const od = Object.hasOwn(o.dimensions, d.id) ? o.dimensions[d.id] : undefined;
    if (!od) continue;
    eqq(`dimensions.${d.id}.weight`, od.weight, d.weight);
    eqq(`dimensions.${d.id}.score`, od.score, d.score);
    eqq(`dimensions.${d.id}.share`, od.share, d.share);
  }

  // §6: for each level, whether it holds (cumulatively) and the truth of its own conditions.
  let below = true;
  for (const [id, own] of Object.entries(o.levelOwn)) {
    const l = a.levels.find((x) => x.id === id);
    if (!l) {
      eq(`levels.${id}`, 'present', 'absent');
      continue;
    }
    const truths = l.failed.map((f) => f.truth);
    const engineOwn = truths.includes(false) ? false : truths.includes('unknown') ? 'unknown' : true;
    eq(`levels.${id}.own`, String(own), String(engineOwn));
    below = below && own === true;
    eq(`levels.${id}.holds`, String(below), String(l.holds));
  }

  eq('indicators', json(Object.keys(o.indicators)), json(a.indicators.map((i) => i.id)));
  for (const i of a.indicators) {
    const oi = Object.hasOwn(o.indicators, i.id) ? o.indicators[i.id] : undefined;
    if (!oi) continue;
    const p = `indicators.${i.id}`;
    eq(`${p}.status`, oi.status, i.status);
    eqq(`${p}.points`, oi.points, i.points);
    eqq(`${p}.weight`, oi.weight, i.effectiveWeight);
    eq(`${p}.value`, json(oi.value), json(i.value === undefined ? undefined : valueToJson(i.value)));
    eq(`${p}.matched`, json(oi.matched), json(i.matched));
    eq(`${p}.field`, json(oi.field), json(i.field !== undefined && i.field !== i.id ? i.field : undefined));
  }
  return out;
}
