// csp-assessment@0.9 encoded for json-rules-engine, the way that library is used: one rule per band or map entry
// (conditions on facts, an event with the points), rules for vetoes, prerequisites and levels, and application code
// that adds up the events. In: the compiled 0.9 model (band bounds and points are read from it). Out: `scoreRules`.
//
// json-rules-engine has no three-valued logic: a custom `missing` operator and a few lines of application code
// decide unknown vetoes (P4) and applicability; everything else is rules. Floating point: scores are integers
// (weights × points) and totals are compared cross-multiplied, so the results equal the exact ones on this ruleset.

import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Model } from '../engine/model/model';

export interface RulesResult {
  readonly outcome: 'graded' | 'vetoed' | 'not_rated' | 'invalid';
  readonly level: string | null;
  readonly total: number;
}

type Cond = { fact: string; operator: string; value: unknown; path?: string };

const OPS: Record<string, string> = { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan', '=': 'equal', '!=': 'notEqual' };
const NEGATE: Record<string, string> = { '>=': 'lessThan', '>': 'lessThanInclusive', '<=': 'greaterThan', '<': 'greaterThanInclusive' };

function pointsOf(text: string): number {
  return Number(text);
}

/** Band and map rules derived from the model; the two indicators with conditions are written by hand. */
function indicatorRules(model: Model): RuleProperties[] {
  const rules: RuleProperties[] = [];
  const ev = (indicator: string, points: number): RuleProperties['event'] => ({ type: 'points', params: { indicator, points } });
  for (const i of model.indicators) {
    const s = i.decl.scoring;
    if (!s) continue;
    if (s.kind === 'Bands' && i.id !== 'framework_chip_adaptation') {
      // Band k: its own comparison and the negation of every earlier band's (first match wins).
      const earlier: Cond[] = [];
      for (const b of s.bands) {
        if (b.points.value.kind !== 'Num') throw new Error('unexpected points');
        const all: Cond[] = [{ fact: i.id, operator: 'present', value: true }, ...earlier];
        if (b.cond.kind === 'Compare' && b.cond.bound.kind === 'Num') {
          const bound = Number(b.cond.bound.text);
          all.push({ fact: i.id, operator: OPS[b.cond.op] as string, value: bound });
          earlier.push({ fact: i.id, operator: NEGATE[b.cond.op] as string, value: bound });
        }
        rules.push({ conditions: { all } as TopLevelCondition, event: ev(i.id, pointsOf(b.points.value.text)) });
      }
    } else if (s.kind === 'Map') {
      for (const e of s.entries) {
        if (e.key.kind !== 'Name') continue;
        if (e.points.when) {
          // mlps_level: `intl_equiv: 60 when not mainland_ops else 0`
          rules.push({
            conditions: { all: [{ fact: i.id, operator: 'equal', value: e.key.name }, { fact: 'mainland_ops', operator: 'equal', value: false }] },
            event: ev(i.id, 60),
          });
          continue;
        }
        if (e.points.value.kind !== 'Num') throw new Error('unexpected points');
        rules.push({ conditions: { all: [{ fact: i.id, operator: 'equal', value: e.key.name }] }, event: ev(i.id, pointsOf(e.points.value.text)) });
      }
    }
  }
  const fca = 'framework_chip_adaptation';
  const fw = (op: string, v: number): Cond => ({ fact: fca, path: '$.frameworks', operator: op, value: v });
  const ar = (op: string, v: number): Cond => ({ fact: fca, path: '$.architectures', operator: op, value: v });
  const present: Cond = { fact: fca, operator: 'present', value: true };
  rules.push({ conditions: { all: [present, fw('greaterThanInclusive', 4), ar('greaterThanInclusive', 3)] }, event: ev(fca, 100) });
  rules.push({
    conditions: { all: [present, { any: [fw('lessThan', 4), ar('lessThan', 3)] }, fw('greaterThanInclusive', 3), ar('greaterThanInclusive', 2)] },
    event: ev(fca, 75),
  });
  rules.push({
    conditions: { all: [present, { any: [fw('lessThan', 4), ar('lessThan', 3)] }, { any: [fw('lessThan', 3), ar('lessThan', 2)] }, fw('greaterThanInclusive', 2)] },
    event: ev(fca, 50),
  });
  rules.push({ conditions: { all: [present, fw('lessThan', 2)] }, event: ev(fca, 25) });
  return rules;
}

function ruleRules(): RuleProperties[] {
  const fire = (id: string, any: unknown[]): RuleProperties => ({ conditions: { any } as TopLevelCondition, event: { type: 'veto', params: { id } } });
  const unknown = (id: string, any: unknown[]): RuleProperties => ({ conditions: { any } as TopLevelCondition, event: { type: 'undecided', params: { id } } });
  const missing = (fact: string): Cond => ({ fact, operator: 'missing', value: true });
  return [
    fire('V1', [{ fact: 'declared_vs_measured_gap', operator: 'greaterThan', value: 20 }, { fact: 'metric_disclosure', operator: 'equal', value: 'misleading' }]),
    fire('V2', [{ fact: 'major_security_incidents', operator: 'equal', value: 'major' }]),
    fire('V3', [{ all: [{ fact: 'mainland_ops', operator: 'equal', value: true }, { fact: 'mlps_level', operator: 'in', value: ['none', 'intl_equiv'] }] }]),
    fire('V4', [{ fact: 'falsified_evidence', operator: 'equal', value: true }]),
    unknown('V1', [missing('declared_vs_measured_gap'), missing('metric_disclosure')]),
    unknown('V2', [missing('major_security_incidents')]),
    unknown('V3', [{ all: [{ any: [missing('mainland_ops'), missing('mlps_level')] }, { not: { fact: 'mainland_ops', operator: 'equal', value: false } }, { not: { fact: 'mlps_level', operator: 'in', value: ['L4', 'L3', 'L2'] } }] }]),
    unknown('V4', [missing('falsified_evidence')]),
    {
      conditions: {
        all: [
          { fact: 'independent_legal_entity', operator: 'equal', value: true },
          { fact: 'months_in_operation', operator: 'greaterThanInclusive', value: 6 },
          { fact: 'interruption_compensation', operator: 'present', value: true },
          { fact: 'interruption_compensation', operator: 'notEqual', value: 'none' },
        ],
      },
      event: { type: 'prerequisites' },
    },
  ];
}

function levelRules(): RuleProperties[] {
  const lv = (id: string, total: number, share: number, extra: Cond[]): RuleProperties => ({
    conditions: {
      all: [{ fact: 'total100', operator: 'greaterThanInclusive', value: total * 100 }, { fact: 'minShareOk', operator: 'greaterThanInclusive', value: share }, ...extra],
    },
    event: { type: 'level', params: { id } },
  });
  return [
    lv('L5', 95, 80, [
      { fact: 'service_availability', operator: 'greaterThanInclusive', value: 99.99 },
      { fact: 'declared_vs_measured_gap', operator: 'lessThanInclusive', value: 5 },
      { fact: 'pue', operator: 'lessThanInclusive', value: 1.25 },
    ]),
    lv('L4', 88, 70, [
      { fact: 'service_availability', operator: 'greaterThanInclusive', value: 99.95 },
      { fact: 'declared_vs_measured_gap', operator: 'lessThanInclusive', value: 10 },
      { fact: 'pue', operator: 'lessThanInclusive', value: 1.3 },
    ]),
    lv('L3', 80, 60, [
      { fact: 'service_availability', operator: 'greaterThanInclusive', value: 99.9 },
      { fact: 'mlps_level', operator: 'in', value: ['L3', 'L4'] },
    ]),
    lv('L2', 70, 60, []),
    lv('L1', 60, 50, []),
  ];
}

function engine(rules: RuleProperties[]): Engine {
  const e = new Engine(rules, { allowUndefinedFacts: true });
  e.addOperator('missing', (a: unknown) => a === undefined || a === null);
  e.addOperator('present', (a: unknown) => a !== undefined && a !== null);
  return e;
}

const DIMS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

/** The scorer: three engine runs' worth of rules (indicators, rules, levels) and the sums in between. */
export function rulesScorer(model: Model): (evidence: Record<string, unknown>) => Promise<RulesResult> {
  const first = engine([...indicatorRules(model), ...ruleRules()]);
  const levels = engine(levelRules());
  const weight = new Map(model.indicators.map((i) => [i.id, Number(i.weight.toDecimalString())]));
  const dimOf = new Map(model.indicators.map((i) => [i.id, DIMS.indexOf(i.dimension)]));
  const T = model.dimensions.map((d) => Number(d.weight.toDecimalString()));
  return async (evidence) => {
    const { events } = await first.run({ ...evidence });
    const M = [0, 0, 0, 0, 0, 0, 0];
    const A = T.slice();
    if (evidence['offers_fp64'] === false) A[1] = (A[1] as number) - 3;
    if (evidence['cross_border_data_flow'] === false) A[4] = (A[4] as number) - 3;
    let fired = false;
    const undecided = new Set<string>();
    let prerequisites = false;
    for (const e of events) {
      const p = e.params as { indicator?: string; points?: number; id?: string } | undefined;
      if (e.type === 'points' && p?.indicator !== undefined) {
        if (p.indicator === 'hpl_efficiency' && evidence['offers_fp64'] === false) continue;
        if (p.indicator === 'cross_border_data_compliance' && evidence['cross_border_data_flow'] === false) continue;
        const d = dimOf.get(p.indicator) as number;
        M[d] = (M[d] as number) + (weight.get(p.indicator) as number) * (p.points as number);
      } else if (e.type === 'veto') fired = true;
      else if (e.type === 'undecided' && p?.id !== undefined) undecided.add(p.id);
      else if (e.type === 'prerequisites') prerequisites = true;
    }
    const AB = A[1] as number;
    const AE = A[4] as number;
    let totalNum = 0;
    for (let d = 0; d < 7; d++) totalNum += d === 1 ? 18 * (M[d] as number) * AE : d === 4 ? 14 * (M[d] as number) * AB : (M[d] as number) * AB * AE;
    const total = totalNum / (100 * AB * AE);
    if (!prerequisites || (!fired && undecided.size > 0)) return { outcome: 'not_rated', level: null, total };
    if (fired) return { outcome: 'vetoed', level: null, total };
    // Facts for the level rules: total × 100 as an exact integer ratio test, and the lowest share (as a percent bound).
    let minShare = 100;
    for (const s of [80, 70, 60, 50]) {
      if (M.every((m, d) => m >= s * (A[d] as number))) {
        minShare = s;
        break;
      }
      minShare = 0;
    }
    const total100 = totalNum / (AB * AE);
    const r = await levels.run({ ...evidence, total100, minShareOk: minShare });
    const ids = new Set(r.events.map((e) => (e.params as { id: string }).id));
    // Cumulative ladder: a level holds when it and every level below hold.
    const order = ['L1', 'L2', 'L3', 'L4', 'L5'];
    let level = 'L0';
    for (const id of order) {
      if (!ids.has(id)) break;
      level = id;
    }
    return { outcome: 'graded', level, total };
  };
}
