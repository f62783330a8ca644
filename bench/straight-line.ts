// A straight-line exact scorer of csp-assessment@0.9: the honest limit of the benchmark. In: one platform's
// evidence (plain data, e.g. from JSON.parse). Out: the decision in one object reused by every call (outcome code,
// level index, exact total as an integer fraction): nothing is allocated per platform.
//
// Every field is read by name at a fixed site, validated in place (type, domain, integer; null is absent), scored by
// an if-chain, and summed as integer weight × points; shares and totals are compared by integer cross-multiplication.
// It decides what bench/handwritten.ts decides (draft-0.9: redistribution in B and E, vetoes in three-valued logic,
// prerequisites, the cumulative ladder) and nothing else — no messages, no detail.

/** Outcome codes of `Straight.outcome`. */
export const OUTCOMES = ['graded', 'vetoed', 'not_rated', 'invalid'] as const;
export const LEVELS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5'] as const;

/** The decision of the last call: overwritten by the next one. */
export interface Straight {
  /** Index in `OUTCOMES`. */
  outcome: number;
  /** Index in `LEVELS`, −1 when not graded. */
  level: number;
  /** total = totalN / totalD, exactly. */
  totalN: number;
  totalD: number;
}

const OUT: Straight = { outcome: 0, level: -1, totalN: 0, totalD: 1 };

// Field states: absent, present and valid, invalid.
const ABSENT = 0;
const OK = 1;
const BAD = 2;
// Three-valued truth: 0 false, 1 true, 2 unknown.
const F = 0;
const T = 1;
const U = 2;

function numState(x: unknown, lo: number, hi: number): number {
  if (x === undefined || x === null) return ABSENT;
  return typeof x === 'number' && x >= lo && x <= hi ? OK : BAD;
}
/**
 * A percentage whose bands start high (issue 14's E162): a value in (0, 1) is a fraction written for a percentage,
 * and so is exactly 1 where `one` (bands starting at 50 % or more): invalid, as the engine's plausibility rule says.
 */
function pctState(x: unknown, one: boolean): number {
  const s = numState(x, 0, 100);
  if (s !== OK) return s;
  const v = x as number;
  return v > 0 && (v < 1 || (one && v === 1)) ? BAD : OK;
}
function intState(x: unknown, lo: number, hi: number): number {
  if (x === undefined || x === null) return ABSENT;
  return typeof x === 'number' && x >= lo && x <= hi && Number.isInteger(x) ? OK : BAD;
}
function boolState(x: unknown): number {
  if (x === undefined || x === null) return ABSENT;
  return typeof x === 'boolean' ? OK : BAD;
}
function strState(x: unknown): number {
  if (x === undefined || x === null) return ABSENT;
  return typeof x === 'string' ? OK : BAD;
}

const INF = Number.POSITIVE_INFINITY;

/** Decides one platform; the answer is in the returned object until the next call. */
export function scoreStraight(e: Record<string, unknown>): Straight {
  const o = OUT;
  let bad = false;
  // Inputs.
  const legal = e.independent_legal_entity;
  const legalS = boolState(legal);
  const months = e.months_in_operation;
  const monthsS = intState(months, 0, INF);
  const mainland = e.mainland_ops;
  const mainlandS = boolState(mainland);
  const fp64 = e.offers_fp64;
  const fp64S = boolState(fp64);
  const xflow = e.cross_border_data_flow;
  const xflowS = boolState(xflow);
  const falsified = e.falsified_evidence;
  const falsifiedS = boolState(falsified);
  bad = legalS === BAD || monthsS === BAD || mainlandS === BAD || fp64S === BAD || xflowS === BAD || falsifiedS === BAD || boolState(e.sells_exclusive_cards) === BAD;

  // A (weights 4 3 2 3 2).
  let mA = 0;
  let x: unknown = e.total_compute_scale;
  let s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mA += 4 * (v >= 1000 ? 100 : v >= 300 ? 80 : v >= 100 ? 60 : v >= 20 ? 40 : 20);
  } else if (s === BAD) bad = true;
  x = e.peak_pool_compute;
  s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mA += 3 * (v >= 500 ? 100 : v >= 100 ? 75 : v >= 20 ? 50 : 25);
  } else if (s === BAD) bad = true;
  x = e.domestic_accelerator_share;
  s = pctState(x, false);
  if (s === OK) {
    const v = x as number;
    mA += 2 * (v >= 50 ? 100 : v >= 30 ? 80 : v >= 10 ? 50 : 20);
  } else if (s === BAD) bad = true;
  x = e.compute_redundancy;
  s = numState(x, 0, 100);
  if (s === OK) {
    const v = x as number;
    mA += 3 * (v >= 10 ? 100 : v >= 5 ? 75 : v >= 2 ? 50 : 20);
  } else if (s === BAD) bad = true;
  x = e.interconnect_bandwidth;
  s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mA += 2 * (v >= 400 ? 100 : v >= 200 ? 75 : v >= 100 ? 50 : 25);
  } else if (s === BAD) bad = true;

  // B (5 2 3 3 2, hpl_efficiency 3 when fp64 is offered).
  let mB = 0;
  const gap = e.declared_vs_measured_gap;
  const gapS = numState(gap, 0, 100);
  if (gapS === OK) {
    const v = gap as number;
    mB += 5 * (v <= 5 ? 100 : v <= 10 ? 80 : v <= 20 ? 50 : 0);
  } else if (gapS === BAD) bad = true;
  const disclosure = e.metric_disclosure;
  const disclosureS = strState(disclosure);
  if (disclosureS === OK) {
    if (disclosure === 'full') mB += 200;
    else if (disclosure === 'partial') mB += 100;
    else if (disclosure !== 'none' && disclosure !== 'misleading') bad = true;
  } else if (disclosureS === BAD) bad = true;
  x = e.oversubscription_ratio;
  s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mB += 3 * (v <= 1 ? 100 : v <= 1.1 ? 60 : 0);
  } else if (s === BAD) bad = true;
  x = e.training_mfu;
  s = pctState(x, false);
  if (s === OK) {
    const v = x as number;
    mB += 3 * (v >= 45 ? 100 : v >= 35 ? 80 : v >= 25 ? 60 : v >= 15 ? 40 : 20);
  } else if (s === BAD) bad = true;
  x = e.inference_slo_pass;
  s = pctState(x, true);
  if (s === OK) {
    const v = x as number;
    mB += 2 * (v >= 100 ? 100 : v >= 90 ? 80 : v >= 75 ? 60 : 30);
  } else if (s === BAD) bad = true;
  x = e.hpl_efficiency;
  s = pctState(x, true);
  let aB = 18;
  if (s === BAD) bad = true;
  if (fp64S === OK && fp64 === false) aB = 15;
  else if (s === OK) {
    const v = x as number;
    mB += 3 * (v >= 80 ? 100 : v >= 70 ? 80 : v >= 60 ? 60 : 30);
  }

  // C (3 3 3 3 4).
  let mC = 0;
  x = e.max_job_scale;
  s = intState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mC += 3 * (v >= 10000 ? 100 : v >= 1000 ? 80 : v >= 256 ? 60 : v >= 64 ? 40 : 20);
  } else if (s === BAD) bad = true;
  x = e.scaling_efficiency;
  s = pctState(x, true);
  if (s === OK) {
    const v = x as number;
    mC += 3 * (v >= 90 ? 100 : v >= 80 ? 80 : v >= 70 ? 60 : v >= 60 ? 40 : 20);
  } else if (s === BAD) bad = true;
  x = e.task_response_latency;
  s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mC += 3 * (v <= 1 ? 100 : v <= 10 ? 80 : v <= 60 ? 60 : v <= 1440 ? 40 : 10);
  } else if (s === BAD) bad = true;
  x = e.compute_utilization;
  s = pctState(x, false);
  if (s === OK) {
    const v = x as number;
    mC += 3 * (v >= 70 ? 100 : v >= 50 ? 80 : v >= 30 ? 50 : 20);
  } else if (s === BAD) bad = true;
  x = e.cross_region_scheduling;
  s = strState(x);
  if (s === OK) {
    if (x === 'L4') mC += 400;
    else if (x === 'L3') mC += 340;
    else if (x === 'L2') mC += 240;
    else if (x === 'L1') mC += 160;
    else if (x !== 'L0') bad = true;
  } else if (s === BAD) bad = true;

  // D (5 3 3 3 2 2).
  let mD = 0;
  const avail = e.service_availability;
  const availS = pctState(avail, true);
  if (availS === OK) {
    const v = avail as number;
    mD += 5 * (v >= 99.99 ? 100 : v >= 99.95 ? 85 : v >= 99.9 ? 70 : v >= 99.5 ? 50 : v >= 99 ? 30 : 0);
  } else if (availS === BAD) bad = true;
  const comp = e.interruption_compensation;
  const compS = strState(comp);
  if (compS === OK) {
    if (comp === 'tiered_auto') mD += 300;
    else if (comp === 'tiered_credit') mD += 240;
    else if (comp === 'sla_no_credit') mD += 120;
    else if (comp !== 'none') bad = true;
  } else if (compS === BAD) bad = true;
  x = e.effective_job_time;
  s = pctState(x, true);
  if (s === OK) {
    const v = x as number;
    mD += 3 * (v >= 95 ? 100 : v >= 90 ? 80 : v >= 85 ? 60 : v >= 75 ? 40 : 20);
  } else if (s === BAD) bad = true;
  x = e.mttr;
  s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mD += 3 * (v <= 10 ? 100 : v <= 30 ? 80 : v <= 60 ? 60 : v <= 240 ? 40 : 10);
  } else if (s === BAD) bad = true;
  x = e.disaster_recovery_level;
  s = strState(x);
  if (s === OK) {
    if (x === 'L6') mD += 200;
    else if (x === 'L5') mD += 170;
    else if (x === 'L4') mD += 140;
    else if (x === 'L3') mD += 100;
    else if (x === 'L2') mD += 70;
    else if (x === 'L1') mD += 40;
    else if (x !== 'none') bad = true;
  } else if (s === BAD) bad = true;
  x = e.facility_tier;
  s = strState(x);
  if (s === OK) {
    if (x === 'A_or_TIV') mD += 200;
    else if (x === 'TIII') mD += 170;
    else if (x === 'B_or_TII') mD += 120;
    else if (x === 'C_or_TI') mD += 60;
    else if (x !== 'unknown') bad = true;
  } else if (s === BAD) bad = true;

  // E (4 4 3, cross_border_data_compliance 3 when data crosses the border).
  let mE = 0;
  const mlps = e.mlps_level;
  const mlpsS = strState(mlps);
  if (mlpsS === OK) {
    if (mlps === 'L4' || mlps === 'L3') mE += 400;
    else if (mlps === 'L2') mE += 240;
    else if (mlps === 'intl_equiv') {
      if (mainlandS === OK && mainland === false) mE += 240;
    } else if (mlps !== 'none') bad = true;
  } else if (mlpsS === BAD) bad = true;
  x = e.data_protection_controls;
  s = pctState(x, true);
  if (s === OK) {
    const v = x as number;
    mE += 4 * (v >= 90 ? 100 : v >= 75 ? 80 : v >= 60 ? 60 : 30);
  } else if (s === BAD) bad = true;
  const incidents = e.major_security_incidents;
  const incidentsS = strState(incidents);
  if (incidentsS === OK) {
    if (incidents === 'none') mE += 300;
    else if (incidents === 'general_rectified') mE += 150;
    else if (incidents !== 'major') bad = true;
  } else if (incidentsS === BAD) bad = true;
  x = e.cross_border_data_compliance;
  s = strState(x);
  let aE = 14;
  let xc = 0;
  if (s === OK) {
    if (x === 'compliant') xc = 300;
    else if (x === 'partial') xc = 150;
    else if (x !== 'noncompliant') bad = true;
  } else if (s === BAD) bad = true;
  if (xflowS === OK && xflow === false) aE = 11;
  else mE += xc;

  // F (3 3 2 2).
  let mF = 0;
  x = e.interconnection_platform_access;
  s = strState(x);
  if (s === OK) {
    if (x === 'national_platform') mF += 300;
    else if (x === 'regional_platform') mF += 210;
    else if (x === 'open_api') mF += 120;
    else if (x !== 'none') bad = true;
  } else if (s === BAD) bad = true;
  const fc = e.framework_chip_adaptation;
  if (fc !== undefined && fc !== null) {
    if (typeof fc !== 'object' || Array.isArray(fc)) bad = true;
    else {
      const fw = (fc as Record<string, unknown>).frameworks;
      const ar = (fc as Record<string, unknown>).architectures;
      if (intState(fw, 0, INF) !== OK || intState(ar, 0, INF) !== OK) bad = true;
      else {
        const f = fw as number;
        const a = ar as number;
        mF += 3 * (f >= 4 && a >= 3 ? 100 : f >= 3 && a >= 2 ? 75 : f >= 2 ? 50 : 25);
      }
    }
  }
  x = e.multi_scenario_coverage;
  s = intState(x, 0, 7);
  if (s === OK) {
    const v = x as number;
    mF += 2 * (v >= 5 ? 100 : v >= 4 ? 80 : v >= 3 ? 60 : v >= 2 ? 40 : v >= 1 ? 20 : 0);
  } else if (s === BAD) bad = true;
  x = e.user_network_latency;
  s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mF += 2 * (v <= 1 ? 100 : v <= 5 ? 80 : v <= 20 ? 60 : v <= 50 ? 30 : 10);
  } else if (s === BAD) bad = true;

  // G (3 2 2 2 1).
  let mG = 0;
  const pue = e.pue;
  const pueS = numState(pue, 1, INF);
  if (pueS === OK) {
    const v = pue as number;
    mG += 3 * (v <= 1.15 ? 100 : v <= 1.2 ? 90 : v <= 1.25 ? 80 : v <= 1.3 ? 65 : v <= 1.4 ? 40 : v <= 1.5 ? 20 : 0);
  } else if (pueS === BAD) bad = true;
  x = e.renewable_energy_share;
  s = pctState(x, false);
  if (s === OK) {
    const v = x as number;
    mG += 2 * (v >= 80 ? 100 : v >= 50 ? 75 : v >= 30 ? 50 : v >= 15 ? 30 : 0);
  } else if (s === BAD) bad = true;
  x = e.rack_occupancy;
  s = pctState(x, true);
  if (s === OK) {
    const v = x as number;
    mG += 2 * (v >= 80 ? 100 : v >= 65 ? 80 : v >= 60 ? 60 : v >= 50 ? 40 : 10);
  } else if (s === BAD) bad = true;
  x = e.metering_transparency;
  s = strState(x);
  if (s === OK) {
    if (x === 'fine_grained_exportable') mG += 200;
    else if (x === 'monthly_invoice') mG += 100;
    else if (x !== 'none') bad = true;
  } else if (s === BAD) bad = true;
  x = e.support_response_p1;
  s = numState(x, 0, INF);
  if (s === OK) {
    const v = x as number;
    mG += v <= 15 ? 100 : v <= 30 ? 80 : v <= 60 ? 60 : v <= 240 ? 30 : 0;
  } else if (s === BAD) bad = true;

  if (bad) {
    o.outcome = 3;
    o.level = -1;
    o.totalN = 0;
    o.totalD = 1;
    return o;
  }

  // score_d = w_d·M_d / (A_d·100) with w_d the dimension weight; only B and E redistribute (A = w elsewhere).
  // total over D = 100·A_B·A_E: an integer numerator.
  const D = 100 * aB * aE;
  const totalN = (mA + mC + mD + mF + mG) * aB * aE + 18 * mB * aE + 14 * mE * aB;
  o.totalN = totalN;
  o.totalD = D;

  // Vetoes (three-valued): V1 gap > 20 or disclosure misleading; V2 major incidents; V3 mainland and mlps none or
  // intl_equiv; V4 falsified evidence.
  const g1 = gapS === OK ? ((gap as number) > 20 ? T : F) : U;
  const d1 = disclosureS === OK ? (disclosure === 'misleading' ? T : F) : U;
  const v1 = g1 === T || d1 === T ? T : g1 === F && d1 === F ? F : U;
  const v2 = incidentsS === OK ? (incidents === 'major' ? T : F) : U;
  const m3 = mainlandS === OK ? (mainland === true ? T : F) : U;
  const l3 = mlpsS === OK ? (mlps === 'none' || mlps === 'intl_equiv' ? T : F) : U;
  const v3 = m3 === F || l3 === F ? F : m3 === T && l3 === T ? T : U;
  const v4 = falsifiedS === OK ? (falsified === true ? T : F) : U;
  const fired = v1 === T || v2 === T || v3 === T || v4 === T;
  const decided = v1 !== U && v2 !== U && v3 !== U && v4 !== U;
  const prereqs =
    legalS === OK && legal === true && monthsS === OK && (months as number) >= 6 && compS === OK && comp !== 'none' && (fired || decided);
  if (!prereqs) {
    o.outcome = 2;
    o.level = -1;
    return o;
  }
  if (fired) {
    o.outcome = 1;
    o.level = -1;
    return o;
  }
  o.outcome = 0;
  // Cumulative ladder, from the bottom: total ≥ x ⇔ totalN ≥ x·D; every share ≥ p% ⇔ M_d ≥ p·A_d.
  let level = 0;
  if (totalN >= 60 * D && mA >= 50 * 14 && mB >= 50 * aB && mC >= 50 * 16 && mD >= 50 * 18 && mE >= 50 * aE && mF >= 50 * 10 && mG >= 50 * 10) {
    level = 1;
    if (totalN >= 70 * D && mA >= 60 * 14 && mB >= 60 * aB && mC >= 60 * 16 && mD >= 60 * 18 && mE >= 60 * aE && mF >= 60 * 10 && mG >= 60 * 10) {
      level = 2;
      const av = availS === OK ? (avail as number) : -1;
      if (totalN >= 80 * D && av >= 99.9 && (mlps === 'L3' || mlps === 'L4')) {
        level = 3;
        const gp = gapS === OK ? (gap as number) : INF;
        const pu = pueS === OK ? (pue as number) : INF;
        if (totalN >= 88 * D && mA >= 70 * 14 && mB >= 70 * aB && mC >= 70 * 16 && mD >= 70 * 18 && mE >= 70 * aE && mF >= 70 * 10 && mG >= 70 * 10 && av >= 99.95 && gp <= 10 && pu <= 1.3) {
          level = 4;
          if (totalN >= 95 * D && mA >= 80 * 14 && mB >= 80 * aB && mC >= 80 * 16 && mD >= 80 * 18 && mE >= 80 * aE && mF >= 80 * 10 && mG >= 80 * 10 && av >= 99.99 && gp <= 5 && pu <= 1.25) {
            level = 5;
          }
        }
      }
    }
  }
  o.level = level;
  return o;
}
