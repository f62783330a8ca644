// Random platforms for the differential test, from a seeded PRNG and the standard's tables.
// In: a version and a seed. Out: evidence objects with values on and next to every band edge and level
// threshold, missing and null fields, n/a cases, former ids, invalid values, unknown fields and P4 situations.

import { Rational } from '../../engine/numbers/rational';
import { FACTS, INDICATORS, type FieldType, type Indicator, type Version } from './tables';

/** The seeded PRNG of the benchmark's generator (mulberry32), so a failure reproduces from its seed. */
import { rng as prng } from '../../bench/generate';

export { prng };

export class Gen {
  constructor(readonly r: () => number) {}
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.r() * xs.length)];
    if (x === undefined) throw new Error('pick from empty list');
    return x;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
}

const num = (r: Rational): number => Number(r.toDecimalString());
const R = (s: string): Rational => Rational.parse(s) ?? Rational.ZERO;

/** Valid candidate values of each indicator with their points, computed once per indicator. */
const candidateCache = new Map<Indicator, { readonly all: readonly unknown[]; readonly best: readonly unknown[] }>();
function candidates(ind: Indicator): { readonly all: readonly unknown[]; readonly best: readonly unknown[] } {
  let c = candidateCache.get(ind);
  if (!c) {
    const all: unknown[] = ind.scoring.kind === 'map' ? [...ind.scoring.map.keys()] : numericCandidates(ind);
    const pts = all.map((x) => roughPoints(ind, x));
    const top = Math.max(...pts);
    c = { all, best: all.filter((_, i) => pts[i] === top) };
    candidateCache.set(ind, c);
  }
  return c;
}

/** Valid values of a numeric indicator: every band edge, one step either side, and the domain's ends. */
function numericCandidates(ind: Indicator): number[] {
  if (ind.type.kind !== 'num' || ind.scoring.kind !== 'bands') return [];
  const t = ind.type;
  const steps = t.integer ? ['1'] : ['0.01', '0.001'];
  const out = new Set<number>();
  const ok = (x: Rational): boolean => x.ge(R(t.min)) && (t.max === undefined || x.le(R(t.max)));
  const add = (x: Rational): void => {
    if (ok(x)) out.add(num(x));
  };
  add(R(t.min));
  if (t.max !== undefined) add(R(t.max));
  for (const b of ind.scoring.bands) {
    if (b.op === 'else') continue;
    add(R(b.t));
    for (const s of steps) {
      add(R(b.t).add(R(s)));
      add(R(b.t).sub(R(s)));
    }
  }
  return [...out];
}

/** Points as the bands give them, for biasing towards good platforms (not for checking). */
function roughPoints(ind: Indicator, v: unknown): number {
  const s = ind.scoring;
  if (s.kind === 'map') return typeof v === 'string' ? (s.map.get(v) ?? 0) : 0;
  if (s.kind === 'framework') return 0;
  if (typeof v !== 'number') return 0;
  const x = Rational.fromNumber(v) ?? Rational.ZERO;
  for (const b of s.bands) {
    if (b.op === 'else') return b.pts;
    const c = x.cmp(R(b.t));
    if (b.op === '>=' ? c >= 0 : b.op === '<=' ? c <= 0 : b.op === '>' ? c > 0 : c < 0) return b.pts;
  }
  return 0;
}

function goodValue(g: Gen, ind: Indicator, quality: number): unknown {
  if (ind.scoring.kind === 'framework') {
    const top = g.chance(quality);
    return { frameworks: top ? g.pick([4, 5]) : g.int(0, 5), architectures: top ? g.pick([3, 4]) : g.int(0, 4) };
  }
  const c = candidates(ind);
  return g.pick(g.chance(quality) ? c.best : c.all);
}

/** A value the type column rejects (§1 Bad evidence). */
export function badValue(g: Gen, t: FieldType): unknown {
  let bad = badCache.get(t);
  if (!bad) {
    bad = badValues(t);
    badCache.set(t, bad);
  }
  return g.pick(bad);
}
const badCache = new Map<FieldType, readonly unknown[]>();

function badValues(t: FieldType): readonly unknown[] {
  const common: unknown[] = [[], [1], 'x'];
  switch (t.kind) {
    case 'bool':
      return [...common, 'true', 'false', 1, 0, 'yes', {}];
    case 'enum':
      return [...common, '', 'L7', 'FULL', ' none', 3, true, { value: t.values[0] }, (t.values[0] ?? 'x').toUpperCase() + '_'];
    case 'num': {
      const bad: unknown[] = [...common, '95', '1.2', true, {}, -1, -0.01, Number.NaN, Number.POSITIVE_INFINITY];
      const min = R(t.min);
      bad.push(num(min.sub(R('0.01'))), num(min.sub(R('0.001'))));
      if (t.max !== undefined) bad.push(num(R(t.max).add(R('0.01'))), num(R(t.max).add(R('1'))));
      if (t.integer) bad.push(3.5, 0.5, 6.01, 1e-3);
      return bad;
    }
    case 'obj':
      return [
        ...common,
        5,
        { frameworks: 4 },
        { architectures: 3 },
        { frameworks: 4, architectures: null },
        { frameworks: -1, architectures: 3 },
        { frameworks: 2.5, architectures: 3 },
        { frameworks: '4', architectures: 3 },
        { frameworks: 4, architectures: true },
        {},
      ];
  }
}

export interface Generated {
  readonly platform: string;
  readonly evidence: Record<string, unknown>;
  /** What the generator did on purpose (for coverage counts and for triage). */
  readonly tags: readonly string[];
}

const VETO_FIELDS: Record<Version, readonly string[]> = {
  '0.9': ['declared_vs_measured_gap', 'metric_disclosure', 'major_security_incidents', 'mainland_ops', 'mlps_level', 'falsified_evidence'],
  '1.0': [
    'declared_vs_measured_gap', 'metric_disclosure', 'major_security_incidents', 'mainland_ops', 'mlps_level', 'falsified_evidence',
    'sells_exclusive_cards', 'oversubscription_ratio', 'cross_border_data_flow', 'cross_border_data_compliance',
  ],
};

const LEVEL_GATES: readonly (readonly [string, readonly unknown[]])[] = [
  ['service_availability', [99.99, 99.95, 99.9, 99.989, 99.949, 99.899, 99.9899]],
  ['declared_vs_measured_gap', [5, 10, 5.01, 10.01, 5.001]],
  ['pue', [1.2, 1.25, 1.3, 1.201, 1.251, 1.301, 1.2001]],
  ['mlps_level', ['L2', 'L3', 'L4', 'intl_equiv']],
];
const LEVEL_TOTALS: Record<Version, readonly number[]> = { '0.9': [60, 70, 80, 88, 95], '1.0': [60, 70, 80, 88, 93] };

/** Points of a valid value as the tables give them, with every indicator applicable and `mainland_ops` true. */
function pointsOf(ind: Indicator, v: unknown): number {
  if (ind.scoring.kind !== 'framework') return roughPoints(ind, v);
  const o = v as { frameworks: number; architectures: number };
  return o.frameworks >= 4 && o.architectures >= 3 ? 100 : o.frameworks >= 3 && o.architectures >= 2 ? 75 : o.frameworks >= 2 ? 50 : 25;
}

/**
 * Lowers indicators one at a time until Σ weight × points (= total × 100 when every indicator applies) equals
 * `target`, never going below it; gives up quietly after a bounded number of tries.
 */
function aimTotal(g: Gen, indicators: readonly Indicator[], ev: Record<string, unknown>, target: number): void {
  let cur = indicators.reduce((a, i) => a + i.w * pointsOf(i, ev[i.id]), 0);
  for (let step = 0; step < 200 && cur !== target; step++) {
    const ind = g.pick(indicators);
    const v =
      ind.scoring.kind === 'framework'
        ? g.pick([{ frameworks: 4, architectures: 3 }, { frameworks: 3, architectures: 2 }, { frameworks: 2, architectures: 0 }, { frameworks: 1, architectures: 5 }])
        : g.pick(candidates(ind).all);
    const next = cur - ind.w * pointsOf(ind, ev[ind.id]) + ind.w * pointsOf(ind, v);
    if (next >= target && next < cur) {
      ev[ind.id] = v;
      cur = next;
    }
  }
}

/** One random platform of `version`. */
export function generatePlatform(version: Version, g: Gen, n: number): Generated {
  const tags: string[] = [];
  const ev: Record<string, unknown> = {};
  // An edge platform aims its total at a level threshold (or one step from it) and is otherwise left clean.
  const edge = g.chance(0.12);
  const quality = edge ? 1 : g.pick([0.97, 0.97, 0.93, 0.85, 0.7, 0.4, 0.1]);
  const missRate = edge ? 0 : g.pick([0, 0, 0, 0, 0.03, 0.1, 0.3]);
  const perturb = edge ? 0 : 1;
  const indicators = INDICATORS(version);

  const mainland = g.chance(0.65);
  ev['independent_legal_entity'] = g.chance(0.95) ? true : g.pick([false, true]);
  ev['months_in_operation'] = g.chance(0.85) ? g.pick([12, 13, 30]) : g.pick([0, 5, 6, 7, 11, 12]);
  ev['mainland_ops'] = mainland;
  ev['offers_fp64'] = g.chance(0.55);
  ev['cross_border_data_flow'] = g.chance(mainland ? 0.2 : 0.7);
  ev['falsified_evidence'] = g.chance(0.96) ? false : true;
  ev['sells_exclusive_cards'] = g.chance(0.3);

  for (const ind of indicators) ev[ind.id] = goodValue(g, ind, quality);
  // Level gates on and just across their thresholds (§5, C12), on platforms good enough for the level to matter.
  if (quality >= 0.9 && g.chance(0.5)) {
    const [f, vs] = g.pick(LEVEL_GATES);
    ev[f] = g.pick(vs);
    tags.push(`gate:${f}`);
  }
  if (edge) {
    Object.assign(ev, { mainland_ops: true, offers_fp64: true, cross_border_data_flow: true, independent_legal_entity: true });
    const target = g.pick(LEVEL_TOTALS[version]) * 100 + g.pick([0, 0, 0, 0, -1, -5, 5]);
    aimTotal(g, indicators, ev, target);
    tags.push(`edge:${target / 100}`);
  }
  if (!mainland && g.chance(perturb * 0.6)) {
    ev['mlps_level'] = 'intl_equiv';
    tags.push('hk-intl-equiv');
  }
  if (g.chance(perturb * 0.04)) {
    ev['mlps_level'] = 'intl_equiv';
    tags.push('intl-equiv');
  }

  // Missing evidence, absent or null.
  for (const k of Object.keys(ev)) {
    if (g.chance(missRate)) {
      if (g.chance(0.5)) delete ev[k];
      else ev[k] = null;
      tags.push(`missing:${k}`);
    }
  }
  // P4: one veto's evidence withheld.
  if (g.chance(perturb * 0.12)) {
    const f = g.pick(VETO_FIELDS[version]);
    if (g.chance(0.5)) delete ev[f];
    else ev[f] = null;
    tags.push(`p4:${f}`);
  }
  // A veto that fires while another may be unknown.
  if (g.chance(perturb * 0.05)) {
    ev['metric_disclosure'] = 'misleading';
    tags.push('veto:misleading');
  }

  // Former ids (1.0) and fields of the other version.
  if (version === '1.0') {
    for (const ind of indicators) {
      if (ind.formerId === undefined) continue;
      const mode = g.pick(['new', 'new', 'old', 'both', 'null-new', 'old-bad-both']);
      const v = ev[ind.id];
      if (mode === 'old') {
        delete ev[ind.id];
        ev[ind.formerId] = v;
      } else if (mode === 'both') {
        ev[ind.formerId] = goodValue(g, ind, 0.5);
      } else if (mode === 'null-new') {
        ev[ind.id] = null;
        ev[ind.formerId] = goodValue(g, ind, 0.5);
      } else if (mode === 'old-bad-both') {
        ev[ind.formerId] = badValue(g, ind.type);
      }
      if (mode !== 'new') tags.push(`former:${mode}:${ind.formerId}`);
    }
    if (g.chance(0.2)) {
      ev['support_response_p1'] = g.pick([15, -3, 'fast', null]);
      tags.push('foreign:support_response_p1');
    }
  } else if (g.chance(0.2)) {
    ev[g.pick(['asset_inventory_consistency', 'hot_spare_capacity_ratio', 'resource_delivery_latency'])] = g.pick([99, -5, 'x', 150]);
    tags.push('foreign:1.0-field');
  }
  if (g.chance(0.1)) {
    ev[g.pick(['notes', 'Mainland_ops', 'pue_target', '__proto__x'])] = g.pick(['x', -1, { a: 1 }, true]);
    tags.push('unknown-field');
  }
  if (g.chance(0.03)) {
    const v = ev['framework_chip_adaptation'];
    if (typeof v === 'object' && v !== null) {
      ev['framework_chip_adaptation'] = { ...(v as object), gpus: 8 };
      tags.push('object-extra-member');
    }
  }

  // Bad evidence, also in fields of not-applicable indicators.
  if (g.chance(perturb * 0.12)) {
    const k = g.int(1, 3);
    const fields: [string, FieldType][] = [
      ...FACTS.map((f): [string, FieldType] => [f.id, f.type]),
      ...indicators.map((i): [string, FieldType] => [i.id, i.type]),
    ];
    for (let j = 0; j < k; j++) {
      const [f, t] = g.chance(0.2) ? g.pick(fields.filter(([id]) => id === 'hpl_efficiency' || id === 'cross_border_data_compliance')) : g.pick(fields);
      ev[f] = badValue(g, t);
      tags.push(`bad:${f}`);
    }
  }
  return { platform: `${version}-${n}`, evidence: ev, tags };
}
