// A hand-written scorer of csp-assessment@0.9: what a programmer would write for this one ruleset — the limit.
// In: one platform's evidence (plain data). Out: outcome, level, total and dimension scores, exact: points and
// weights are integers, so scores are kept as integer numerators and every comparison is cross-multiplied.
//
// It validates types and domains (an invalid value makes the platform `invalid`), treats absent values as missing
// (0 points, conditions unknown), redistributes the weight of not-applicable indicators and applies the vetoes,
// prerequisites and the cumulative level ladder of draft-0.9 — and nothing else (no explanations, no messages).

export interface HandResult {
  readonly outcome: 'graded' | 'vetoed' | 'not_rated' | 'invalid';
  readonly level: string | null;
  /** Total as a double, for display and for checking against the other contenders. */
  readonly total: number;
  /** Dimension scores A–G as doubles. */
  readonly scores: readonly number[];
}

type Ev = Record<string, unknown>;

const INVALID: HandResult = { outcome: 'invalid', level: null, total: 0, scores: [] };
/** Thrown on an invalid value (caught once per platform). */
const BAD = new Error('invalid');

// Three-valued truth: 1 true, 0 false, 2 unknown.
const U = 2;

function num(e: Ev, k: string, min: number, max: number, integer = false): number | undefined {
  const v = e[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !(v >= min && v <= max) || (integer && !Number.isInteger(v))) throw BAD;
  return v;
}
/**
 * A percentage whose bands start high (issue 14's E162): a value in (0, 1) is a fraction written for a percentage,
 * and so is exactly 1 where `one` (bands starting at 50 % or more).
 */
function pct(e: Ev, k: string, one: boolean): number | undefined {
  const v = num(e, k, 0, 100);
  if (v !== undefined && v > 0 && (v < 1 || (one && v === 1))) throw BAD;
  return v;
}
function bool(e: Ev, k: string): boolean | undefined {
  const v = e[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw BAD;
  return v;
}
function sym(e: Ev, k: string, values: readonly string[]): string | undefined {
  const v = e[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !values.includes(v)) throw BAD;
  return v;
}

const INF = Number.POSITIVE_INFINITY;
const hi = (v: number | undefined, b: readonly number[], p: readonly number[], last: number): number => {
  if (v === undefined) return 0;
  for (let i = 0; i < b.length; i++) if (v >= (b[i] as number)) return p[i] as number;
  return last;
};
const lo = (v: number | undefined, b: readonly number[], p: readonly number[], last: number): number => {
  if (v === undefined) return 0;
  for (let i = 0; i < b.length; i++) if (v <= (b[i] as number)) return p[i] as number;
  return last;
};

const DISCLOSURE = ['full', 'partial', 'none', 'misleading'];
const REGION = ['L0', 'L1', 'L2', 'L3', 'L4'];
const COMP = ['none', 'sla_no_credit', 'tiered_credit', 'tiered_auto'];
const DR = ['none', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6'];
const TIER = ['A_or_TIV', 'TIII', 'B_or_TII', 'C_or_TI', 'unknown'];
const MLPS = ['L4', 'L3', 'L2', 'intl_equiv', 'none'];
const INCIDENTS = ['none', 'general_rectified', 'major'];
const XBORDER = ['compliant', 'partial', 'noncompliant'];
const ACCESS = ['none', 'open_api', 'regional_platform', 'national_platform'];
const METERING = ['none', 'monthly_invoice', 'fine_grained_exportable'];
/** Dimension weights = Σ indicator weights (so share = M / (A·100) with M = Σ wᵢ·pᵢ). */
const T = [14, 18, 16, 18, 14, 10, 10];

export function scoreHandwritten(e: Ev): HandResult {
  try {
    return score(e);
  } catch (x) {
    if (x === BAD) return INVALID;
    throw x;
  }
}

function score(e: Ev): HandResult {
  const legal = bool(e, 'independent_legal_entity');
  const months = num(e, 'months_in_operation', 0, INF, true);
  const mainland = bool(e, 'mainland_ops');
  const fp64 = bool(e, 'offers_fp64');
  const xflow = bool(e, 'cross_border_data_flow');
  const falsified = bool(e, 'falsified_evidence');
  bool(e, 'sells_exclusive_cards');

  const M = [0, 0, 0, 0, 0, 0, 0];
  const A = T.slice();
  // A
  M[0] =
    4 * hi(num(e, 'total_compute_scale', 0, INF), [1000, 300, 100, 20], [100, 80, 60, 40], 20) +
    3 * hi(num(e, 'peak_pool_compute', 0, INF), [500, 100, 20], [100, 75, 50], 25) +
    2 * hi(pct(e, 'domestic_accelerator_share', false), [50, 30, 10], [100, 80, 50], 20) +
    3 * hi(num(e, 'compute_redundancy', 0, 100), [10, 5, 2], [100, 75, 50], 20) +
    2 * hi(num(e, 'interconnect_bandwidth', 0, INF), [400, 200, 100], [100, 75, 50], 25);
  // B
  const gap = num(e, 'declared_vs_measured_gap', 0, 100);
  const disclosure = sym(e, 'metric_disclosure', DISCLOSURE);
  const hpl = pct(e, 'hpl_efficiency', true);
  M[1] =
    5 * lo(gap, [5, 10, 20], [100, 80, 50], 0) +
    2 * (disclosure === 'full' ? 100 : disclosure === 'partial' ? 50 : 0) +
    3 * lo(num(e, 'oversubscription_ratio', 0, INF), [1, 1.1], [100, 60], 0) +
    3 * hi(pct(e, 'training_mfu', false), [45, 35, 25, 15], [100, 80, 60, 40], 20) +
    2 * hi(pct(e, 'inference_slo_pass', true), [100, 90, 75], [100, 80, 60], 30);
  if (fp64 === false) A[1] = 15;
  else M[1] += 3 * hi(hpl, [80, 70, 60], [100, 80, 60], 30);
  // C
  const region = sym(e, 'cross_region_scheduling', REGION);
  M[2] =
    3 * hi(num(e, 'max_job_scale', 0, INF, true), [10000, 1000, 256, 64], [100, 80, 60, 40], 20) +
    3 * hi(pct(e, 'scaling_efficiency', true), [90, 80, 70, 60], [100, 80, 60, 40], 20) +
    3 * lo(num(e, 'task_response_latency', 0, INF), [1, 10, 60, 1440], [100, 80, 60, 40], 10) +
    3 * hi(pct(e, 'compute_utilization', false), [70, 50, 30], [100, 80, 50], 20) +
    4 * (region === undefined ? 0 : ([0, 40, 60, 85, 100][REGION.indexOf(region)] as number));
  // D
  const availability = pct(e, 'service_availability', true);
  const comp = sym(e, 'interruption_compensation', COMP);
  const dr = sym(e, 'disaster_recovery_level', DR);
  const tier = sym(e, 'facility_tier', TIER);
  M[3] =
    5 * hi(availability, [99.99, 99.95, 99.9, 99.5, 99.0], [100, 85, 70, 50, 30], 0) +
    3 * (comp === undefined ? 0 : ([0, 40, 80, 100][COMP.indexOf(comp)] as number)) +
    3 * hi(pct(e, 'effective_job_time', true), [95, 90, 85, 75], [100, 80, 60, 40], 20) +
    3 * lo(num(e, 'mttr', 0, INF), [10, 30, 60, 240], [100, 80, 60, 40], 10) +
    2 * (dr === undefined ? 0 : ([0, 20, 35, 50, 70, 85, 100][DR.indexOf(dr)] as number)) +
    2 * (tier === undefined ? 0 : ([100, 85, 60, 30, 0][TIER.indexOf(tier)] as number));
  // E
  const mlps = sym(e, 'mlps_level', MLPS);
  const incidents = sym(e, 'major_security_incidents', INCIDENTS);
  const xcomp = sym(e, 'cross_border_data_compliance', XBORDER);
  M[4] =
    4 * (mlps === 'L4' || mlps === 'L3' ? 100 : mlps === 'L2' ? 60 : mlps === 'intl_equiv' && mainland === false ? 60 : 0) +
    4 * hi(pct(e, 'data_protection_controls', true), [90, 75, 60], [100, 80, 60], 30) +
    3 * (incidents === 'none' ? 100 : incidents === 'general_rectified' ? 50 : 0);
  if (xflow === false) A[4] = 11;
  else M[4] += 3 * (xcomp === 'compliant' ? 100 : xcomp === 'partial' ? 50 : 0);
  // F
  const access = sym(e, 'interconnection_platform_access', ACCESS);
  let fca = 0;
  const fc = e['framework_chip_adaptation'];
  if (fc !== undefined && fc !== null) {
    if (typeof fc !== 'object' || Array.isArray(fc)) throw BAD;
    const o = fc as Ev;
    const fw = num(o, 'frameworks', 0, INF, true);
    const ar = num(o, 'architectures', 0, INF, true);
    if (fw === undefined || ar === undefined) throw BAD;
    fca = fw >= 4 && ar >= 3 ? 100 : fw >= 3 && ar >= 2 ? 75 : fw >= 2 ? 50 : 25;
  }
  M[5] =
    3 * (access === undefined ? 0 : ([0, 40, 70, 100][ACCESS.indexOf(access)] as number)) +
    3 * fca +
    2 * hi(num(e, 'multi_scenario_coverage', 0, 7, true), [5, 4, 3, 2, 1], [100, 80, 60, 40, 20], 0) +
    2 * lo(num(e, 'user_network_latency', 0, INF), [1, 5, 20, 50], [100, 80, 60, 30], 10);
  // G
  const pue = num(e, 'pue', 1, INF);
  const metering = sym(e, 'metering_transparency', METERING);
  M[6] =
    3 * lo(pue, [1.15, 1.2, 1.25, 1.3, 1.4, 1.5], [100, 90, 80, 65, 40, 20], 0) +
    2 * hi(pct(e, 'renewable_energy_share', false), [80, 50, 30, 15], [100, 75, 50, 30], 0) +
    2 * hi(pct(e, 'rack_occupancy', true), [80, 65, 60, 50], [100, 80, 60, 40], 10) +
    2 * (metering === 'fine_grained_exportable' ? 100 : metering === 'monthly_invoice' ? 50 : 0) +
    1 * lo(num(e, 'support_response_p1', 0, INF), [15, 30, 60, 240], [100, 80, 60, 30], 0);

  // score_d = T·M / (A·100); total over the common denominator D = 100·A_B·A_E.
  const AB = A[1] as number;
  const AE = A[4] as number;
  const D = 100 * AB * AE;
  let totalNum = 0;
  const scores: number[] = [];
  for (let d = 0; d < 7; d++) {
    const t = T[d] as number;
    const a = A[d] as number;
    const m = M[d] as number;
    // Only B (1) and E (4) redistribute: T·M·D/(A·100) is then an integer for every dimension.
    totalNum += d === 1 ? t * m * AE : d === 4 ? t * m * AB : m * AB * AE;
    scores.push((t * m) / (a * 100));
  }
  const totalAtLeast = (x: number): boolean => totalNum >= x * D;
  // share ≥ x% ⇔ M·100 ≥ x·A·100 (T = dimension weight)
  const sharesAtLeast = (pct: number): boolean => {
    for (let d = 0; d < 7; d++) if ((M[d] as number) < pct * (A[d] as number)) return false;
    return true;
  };

  // Vetoes (three-valued).
  const v1 = or3(gap === undefined ? U : gap > 20 ? 1 : 0, disclosure === undefined ? U : disclosure === 'misleading' ? 1 : 0);
  const v2 = incidents === undefined ? U : incidents === 'major' ? 1 : 0;
  const v3 = and3(mainland === undefined ? U : mainland ? 1 : 0, mlps === undefined ? U : mlps === 'none' || mlps === 'intl_equiv' ? 1 : 0);
  const v4 = falsified === undefined ? U : falsified ? 1 : 0;
  const fired = v1 === 1 || v2 === 1 || v3 === 1 || v4 === 1;
  const decided = v1 !== U && v2 !== U && v3 !== U && v4 !== U;
  const prereqs = legal === true && months !== undefined && months >= 6 && comp !== undefined && comp !== 'none' && (fired || decided);
  const total = totalNum / D;
  if (!prereqs) return { outcome: 'not_rated', level: null, total, scores };
  if (fired) return { outcome: 'vetoed', level: null, total, scores };
  const l1 = totalAtLeast(60) && sharesAtLeast(50);
  const l2 = l1 && totalAtLeast(70) && sharesAtLeast(60);
  const l3 = l2 && totalAtLeast(80) && sharesAtLeast(60) && availability !== undefined && availability >= 99.9 && (mlps === 'L3' || mlps === 'L4');
  const l4 =
    l3 && totalAtLeast(88) && sharesAtLeast(70) && availability !== undefined && availability >= 99.95 && gap !== undefined && gap <= 10 && pue !== undefined && pue <= 1.3;
  const l5 =
    l4 && totalAtLeast(95) && sharesAtLeast(80) && availability !== undefined && availability >= 99.99 && gap !== undefined && gap <= 5 && pue !== undefined && pue <= 1.25;
  const level = l5 ? 'L5' : l4 ? 'L4' : l3 ? 'L3' : l2 ? 'L2' : l1 ? 'L1' : 'L0';
  return { outcome: 'graded', level, total, scores };
}

function or3(a: number, b: number): number {
  return a === 1 || b === 1 ? 1 : a === 0 && b === 0 ? 0 : U;
}
function and3(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a === 1 && b === 1 ? 1 : U;
}
