// The standard's tables (draft-0.9.md §2–§5 and the twelve changes of final-1.0.md), copied by hand as data.
// In: a version. Out: facts, indicators (type column, bands, weights, applicability, former ids), dimension weights
// and level gates, for the hand-written scorer in standard.ts and the platform generator.

import { Rational } from '../../engine/numbers/rational';

export type Version = '0.9' | '1.0';

export type FieldType =
  | { readonly kind: 'bool' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** min inclusive; max inclusive when present. */
  | { readonly kind: 'num'; readonly min: string; readonly max?: string; readonly integer?: boolean }
  | { readonly kind: 'obj'; readonly members: readonly (readonly [string, FieldType])[] };

export type Band = { readonly op: '>=' | '<=' | '>' | '<'; readonly t: string; readonly pts: number } | { readonly op: 'else'; readonly pts: number };

export type Scoring =
  | { readonly kind: 'bands'; readonly bands: readonly Band[] }
  | { readonly kind: 'map'; readonly map: ReadonlyMap<string, number> }
  | { readonly kind: 'framework' };

export interface Indicator {
  readonly id: string;
  readonly dim: string;
  readonly w: number;
  readonly type: FieldType;
  readonly scoring: Scoring;
  /** Fact whose false value makes the indicator not applicable. */
  readonly appliesWhen?: string;
  /** 1.0: the 0.9 id still accepted as evidence. */
  readonly formerId?: string;
}

export interface Fact {
  readonly id: string;
  readonly type: FieldType;
}

const BOOL: FieldType = { kind: 'bool' };
const PCT: FieldType = { kind: 'num', min: '0', max: '100' };
const NUM: FieldType = { kind: 'num', min: '0' };
const INT: FieldType = { kind: 'num', min: '0', integer: true };

export const FACTS: readonly Fact[] = [
  { id: 'independent_legal_entity', type: BOOL },
  { id: 'months_in_operation', type: INT },
  { id: 'mainland_ops', type: BOOL },
  { id: 'offers_fp64', type: BOOL },
  { id: 'cross_border_data_flow', type: BOOL },
  { id: 'falsified_evidence', type: BOOL },
  { id: 'sells_exclusive_cards', type: BOOL },
];

/** `up('1000:100 300:80 else:20')` → ≥ bands; `down(...)` → ≤ bands. */
function bands(op: '>=' | '<=', spec: string): Scoring {
  return {
    kind: 'bands',
    bands: spec.split(' ').map((s) => {
      const [t = '', p = ''] = s.split(':');
      return t === 'else' ? { op: 'else', pts: Number(p) } : { op, t, pts: Number(p) };
    }),
  };
}
const up = (s: string): Scoring => bands('>=', s);
const down = (s: string): Scoring => bands('<=', s);
function map(spec: string): Scoring {
  return { kind: 'map', map: new Map(spec.split(' ').map((s) => { const [k = '', p = ''] = s.split(':'); return [k, Number(p)]; })) };
}
function enumOf(s: Scoring): FieldType {
  if (s.kind !== 'map') throw new Error('not a map');
  return { kind: 'enum', values: [...s.map.keys()] };
}
function ind(id: string, dim: string, w: number, type: FieldType | 'enum', scoring: Scoring, extra: Partial<Indicator> = {}): Indicator {
  return { id, dim, w, type: type === 'enum' ? enumOf(scoring) : type, scoring, ...extra };
}

/** The indicators of a version in the order of §3 (with C02 inserted after `oversubscription_ratio`). */
export function INDICATORS(v: Version): readonly Indicator[] {
  let list = indicatorCache.get(v);
  if (!list) {
    list = indicators(v);
    indicatorCache.set(v, list);
  }
  return list;
}
const indicatorCache = new Map<Version, readonly Indicator[]>();

function indicators(v: Version): readonly Indicator[] {
  const one = v === '1.0';
  const list: (Indicator | null)[] = [
    ind('total_compute_scale', 'A', 4, NUM, up(`${one ? 2000 : 1000}:100 300:80 100:60 20:40 else:20`)),
    ind('peak_pool_compute', 'A', 3, NUM, up('500:100 100:75 20:50 else:25')),
    ind('domestic_accelerator_share', 'A', 2, PCT, up('50:100 30:80 10:50 else:20')),
    one
      ? ind('hot_spare_capacity_ratio', 'A', 3, PCT, up('10:100 5:75 2:50 else:20'), { formerId: 'compute_redundancy' })
      : ind('compute_redundancy', 'A', 3, PCT, up('10:100 5:75 2:50 else:20')),
    ind('interconnect_bandwidth', 'A', 2, NUM, up('400:100 200:75 100:50 else:25')),

    ind('declared_vs_measured_gap', 'B', 5, PCT, down('5:100 10:80 20:50 else:0')),
    ind('metric_disclosure', 'B', 2, 'enum', map('full:100 partial:50 none:0 misleading:0')),
    ind('oversubscription_ratio', 'B', 3, NUM, down('1.00:100 1.10:60 else:0')),
    one ? ind('asset_inventory_consistency', 'B', 2, PCT, up('99:100 95:70 90:40 else:0')) : null,
    ind('training_mfu', 'B', 3, PCT, up('45:100 35:80 25:60 15:40 else:20')),
    ind('inference_slo_pass', 'B', 2, PCT, up('100:100 90:80 75:60 else:30')),
    ind('hpl_efficiency', 'B', 3, PCT, up('80:100 70:80 60:60 else:30'), { appliesWhen: 'offers_fp64' }),

    ind('max_job_scale', 'C', 3, INT, up('10000:100 1000:80 256:60 64:40 else:20')),
    ind('scaling_efficiency', 'C', 3, PCT, up('90:100 80:80 70:60 60:40 else:20')),
    one
      ? ind('resource_delivery_latency', 'C', 3, NUM, down('1:100 10:80 60:60 1440:40 else:10'), { formerId: 'task_response_latency' })
      : ind('task_response_latency', 'C', 3, NUM, down('1:100 10:80 60:60 1440:40 else:10')),
    ind('compute_utilization', 'C', 3, PCT, up('70:100 50:80 30:50 else:20')),
    ind('cross_region_scheduling', 'C', 4, 'enum', map('L0:0 L1:40 L2:60 L3:85 L4:100')),

    ind('service_availability', 'D', 5, PCT, up(`99.99:100 99.95:85 99.9:70 99.5:50 ${one ? '' : '99.0:30 '}else:0`)),
    ind('interruption_compensation', 'D', 3, 'enum', map('none:0 sla_no_credit:40 tiered_credit:80 tiered_auto:100')),
    ind('effective_job_time', 'D', 3, PCT, up('95:100 90:80 85:60 75:40 else:20')),
    ind('mttr', 'D', 3, NUM, down('10:100 30:80 60:60 240:40 else:10')),
    ind('disaster_recovery_level', 'D', 2, 'enum', map('none:0 L1:20 L2:35 L3:50 L4:70 L5:85 L6:100')),
    ind('facility_tier', 'D', 2, 'enum', map('A_or_TIV:100 TIII:85 B_or_TII:60 C_or_TI:30 unknown:0')),

    ind('mlps_level', 'E', 4, 'enum', map('L4:100 L3:100 L2:60 intl_equiv:60 none:0')),
    ind('data_protection_controls', 'E', 4, PCT, up('90:100 75:80 60:60 else:30')),
    ind('major_security_incidents', 'E', 3, 'enum', map('none:100 general_rectified:50 major:0')),
    ind('cross_border_data_compliance', 'E', 3, 'enum', map('compliant:100 partial:50 noncompliant:0'), {
      appliesWhen: 'cross_border_data_flow',
    }),

    ind('interconnection_platform_access', 'F', 3, 'enum', map('none:0 open_api:40 regional_platform:70 national_platform:100')),
    ind('framework_chip_adaptation', 'F', 3, { kind: 'obj', members: [['frameworks', INT], ['architectures', INT]] }, { kind: 'framework' }),
    ind('multi_scenario_coverage', 'F', 2, { kind: 'num', min: '0', max: '7', integer: true }, up('5:100 4:80 3:60 2:40 1:20 else:0')),
    ind('user_network_latency', 'F', 2, NUM, down('1:100 5:80 20:60 50:30 else:10')),

    ind('pue', 'G', 3, { kind: 'num', min: '1' }, down(`1.15:100 1.20:90 1.25:80 1.30:65 1.40:40 ${one ? '' : '1.50:20 '}else:0`)),
    ind('renewable_energy_share', 'G', 2, PCT, up('80:100 50:75 30:50 15:30 else:0')),
    ind('rack_occupancy', 'G', one ? 1 : 2, PCT, up('80:100 65:80 60:60 50:40 else:10')),
    ind('metering_transparency', 'G', 2, 'enum', map('none:0 monthly_invoice:50 fine_grained_exportable:100')),
    one ? null : ind('support_response_p1', 'G', 1, NUM, down('15:100 30:80 60:60 240:30 else:0')),
  ];
  return list.filter((i): i is Indicator => i !== null);
}

/** Dimension weights as stated (§3 headings; C01), checked against the indicators' sums in the tests. */
export function dimensionWeights(v: Version): ReadonlyMap<string, Rational> {
  const w: [string, number][] =
    v === '0.9'
      ? [['A', 14], ['B', 18], ['C', 16], ['D', 18], ['E', 14], ['F', 10], ['G', 10]]
      : [['A', 14], ['B', 20], ['C', 16], ['D', 18], ['E', 14], ['F', 10], ['G', 8]];
  return new Map(w.map(([d, n]) => [d, Rational.fromInt(n)]));
}

export interface Level {
  readonly id: string;
  readonly total: string;
  /** Every dimension's share ≥ this percentage. */
  readonly share: string;
  /** [field, op, threshold]; op `in` takes a comma list of enum values. */
  readonly gates: readonly (readonly [string, '>=' | '<=' | 'in', string])[];
}

/** Levels from the lowest up (§5, C12); each level's own gates (cumulation is done by the scorer). */
export function LEVELS(v: Version): readonly Level[] {
  const one = v === '1.0';
  return [
    { id: 'L1', total: '60', share: '50', gates: [] },
    { id: 'L2', total: '70', share: '60', gates: [] },
    { id: 'L3', total: '80', share: '60', gates: [['service_availability', '>=', '99.9'], ['mlps_level', 'in', 'L3,L4']] },
    {
      id: 'L4',
      total: '88',
      share: '70',
      gates: [['service_availability', '>=', '99.95'], ['declared_vs_measured_gap', '<=', one ? '5' : '10'], ['pue', '<=', one ? '1.25' : '1.30']],
    },
    {
      id: 'L5',
      total: one ? '93' : '95',
      share: one ? '85' : '80',
      gates: [['service_availability', '>=', '99.99'], ['declared_vs_measured_gap', '<=', '5'], ['pue', '<=', one ? '1.20' : '1.25']],
    },
  ];
}
