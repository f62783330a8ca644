// Generates the synthetic corpus of csp-assessment platforms (fixed seed: rerunning gives the same files).
// In: nothing (`node scripts/gen-corpus.mjs [count]`). Out: rulesets/csp-assessment/corpus/*.yaml, one platform each
// (another folder with ASSAY_CORPUS_OUT).
//
// Five kinds of platforms, like the samples in rulesets/csp-assessment/platforms/: hub operators, regional
// AICCs, GPU-rental startups, Hong Kong cross-border operators and platforms with inflated claims. Each gets a
// quality in [0, 1]; each field is drawn around it, and one value in six is put exactly on a band edge of 0.9
// or 1.0, so that every band, level and boundary is met. Evidence is recorded as for 0.9 (old ids
// `compute_redundancy`, `task_response_latency`; `support_response_p1`); some files also carry 1.0 fields,
// some both ids of a renamed indicator, and some miss a field or two.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const SEED = 20260630;
const COUNT = Number(process.argv[2] ?? 240);
const OUT = process.env.ASSAY_CORPUS_OUT ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'rulesets', 'csp-assessment', 'corpus');

/** mulberry32: a small, well-known seeded PRNG. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(SEED);
const chance = (p) => rnd() < p;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const clamp01 = (x) => Math.min(1, Math.max(0, x));
/** Roughly normal noise (sum of uniforms), sd ≈ s. */
const noise = (s) => (rnd() + rnd() + rnd() - 1.5) * s * 2;
const round = (x, d) => Number(x.toFixed(d));
/** Per-field spread around a platform's quality; set per kind of platform. */
let SPREAD = 0.22;

/**
 * A number around quality `q` on [lo, hi] (log scale when `log`), or — one time in six — exactly a band edge.
 * `better`: 'higher' or 'lower'.
 */
function num(q, { lo, hi, d = 0, better = 'higher', edges = [], log = false, spread = SPREAD }) {
  if (edges.length > 0 && chance(1 / 6)) return pick(edges);
  const t = clamp01(q + noise(spread));
  const u = better === 'higher' ? t : 1 - t;
  const v = log ? Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * u) : lo + (hi - lo) * u;
  return round(v, d);
}

/** An enum value: `values` from best to worst, chosen around quality `q`. */
function grade(q, values, spread = 0.25) {
  const t = clamp01(q + noise(spread));
  return values[Math.min(values.length - 1, Math.floor((1 - t) * values.length))];
}

const CITIES = ['广州', '深圳', '珠海', '佛山', '东莞', '中山', '江门', '惠州', '肇庆', '韶关', '清远', '汕尾'];
const HK = ['香港', '澳门', '香港葵涌', '香港将军澳', '澳门横琴'];

const KINDS = [
  { kind: 'hub-operator', share: 0.2, q: 0.9, sd: 0.09, spread: 0.12, names: (c) => `${c}枢纽算力中心` },
  { kind: 'regional-aicc', share: 0.3, q: 0.62, sd: 0.13, names: (c) => `${c}城市智算中心` },
  { kind: 'gpu-rental-startup', share: 0.22, q: 0.38, sd: 0.16, names: (c) => `${c}算力租赁科技` },
  { kind: 'hk-crossborder', share: 0.16, q: 0.64, sd: 0.13, names: (c) => `${c}跨境算力互联` },
  { kind: 'inflated-claims', share: 0.12, q: 0.52, sd: 0.14, names: (c) => `${c}云算力服务` },
];

function platform(i, k) {
  const q = clamp01(k.q + noise(k.sd));
  SPREAD = k.spread ?? 0.22;
  const hk = k.kind === 'hk-crossborder';
  const startup = k.kind === 'gpu-rental-startup';
  const inflated = k.kind === 'inflated-claims';
  const hub = k.kind === 'hub-operator';
  const city = pick(hk ? HK : CITIES);
  const e = {};
  e.independent_legal_entity = !chance(0.02);
  e.months_in_operation = chance(0.2) ? pick([5, 6, 11, 12]) : Math.round(startup ? 3 + rnd() * 20 : 8 + rnd() * 70);
  e.mainland_ops = hk ? chance(0.08) : true;
  e.offers_fp64 = hub ? chance(0.8) : startup ? chance(0.15) : chance(0.45);
  e.cross_border_data_flow = hk ? chance(0.85) : chance(0.08);
  e.falsified_evidence = chance(inflated ? 0.06 : 0.01);
  e.sells_exclusive_cards = startup || inflated ? chance(0.6) : chance(0.15);

  e.total_compute_scale = num(q, { lo: hub ? 300 : 5, hi: hub ? 6000 : 1500, log: true, edges: [20, 100, 300, 1000, 2000] });
  e.peak_pool_compute = num(q, { lo: 2, hi: Math.max(5, e.total_compute_scale), log: true, edges: [20, 100, 500] });
  e.domestic_accelerator_share = num(q, { lo: 0, hi: 95, edges: [10, 30, 50] });
  e.compute_redundancy = num(q, { lo: 0, hi: 14, d: 1, edges: [2, 5, 10] });
  e.interconnect_bandwidth = grade(q, [800, 400, 200, 100, 50, 25]);
  const gapQ = inflated ? clamp01(q - 0.45) : q;
  e.declared_vs_measured_gap = num(gapQ, { lo: 0, hi: inflated ? 40 : 24, d: 1, better: 'lower', edges: [5, 10, 20] });
  e.metric_disclosure = inflated && chance(0.35) ? 'misleading' : grade(q, ['full', 'partial', 'none']);
  e.oversubscription_ratio = num(startup || inflated ? q - 0.25 : q, { lo: 1, hi: 1.45, d: 2, better: 'lower', edges: [1.0, 1.1] });
  e.training_mfu = num(q, { lo: 8, hi: 58, edges: [15, 25, 35, 45] });
  e.inference_slo_pass = num(q, { lo: 55, hi: 100, edges: [75, 90, 100] });
  e.hpl_efficiency = num(q, { lo: 45, hi: 90, edges: [60, 70, 80] });
  e.max_job_scale = num(q, { lo: 8, hi: hub ? 20000 : 4000, log: true, edges: [64, 256, 1000, 10000] });
  e.scaling_efficiency = num(q, { lo: 45, hi: 97, d: 1, edges: [60, 70, 80, 90] });
  e.task_response_latency = num(q, { lo: 0.3, hi: 2500, d: 1, log: true, better: 'lower', edges: [1, 10, 60, 1440] });
  e.compute_utilization = num(q, { lo: 12, hi: 82, edges: [30, 50, 70] });
  e.cross_region_scheduling = grade(q, ['L4', 'L3', 'L2', 'L1', 'L0']);
  e.service_availability = chance(1 / 5)
    ? pick([99.0, 99.5, 99.9, 99.95, 99.99])
    : grade(q, [99.995, 99.99, 99.97, 99.95, 99.93, 99.9, 99.8, 99.6, 99.5, 99.3, 99.0, 98.8], 0.22);
  e.interruption_compensation = chance(0.04) ? 'none' : grade(q, ['tiered_auto', 'tiered_credit', 'sla_no_credit']);
  e.effective_job_time = num(q, { lo: 65, hi: 99, edges: [75, 85, 90, 95] });
  e.mttr = num(q, { lo: 5, hi: 500, log: true, better: 'lower', edges: [10, 30, 60, 240] });
  e.disaster_recovery_level = grade(q, ['L6', 'L5', 'L4', 'L3', 'L2', 'L1', 'none']);
  e.facility_tier = grade(q, ['A_or_TIV', 'TIII', 'B_or_TII', 'C_or_TI', 'unknown']);
  e.mlps_level = hk && !e.mainland_ops ? (chance(0.7) ? 'intl_equiv' : grade(q, ['L3', 'L2', 'none'])) : grade(q, ['L4', 'L3', 'L3', 'L2', 'none'], 0.2);
  e.data_protection_controls = Math.round(num(q, { lo: 40, hi: 100, edges: [60, 90] }) / 10) * 10;
  e.major_security_incidents = chance(0.04) ? 'major' : chance(0.12) ? 'general_rectified' : 'none';
  e.cross_border_data_compliance = grade(q, ['compliant', 'partial', 'noncompliant'], 0.3);
  e.interconnection_platform_access = grade(q, ['national_platform', 'regional_platform', 'open_api', 'none']);
  e.framework_chip_adaptation = {
    frameworks: Math.max(1, Math.round(1 + q * 5 + noise(1))),
    architectures: Math.max(1, Math.round(1 + q * 3 + noise(0.8))),
  };
  e.multi_scenario_coverage = Math.min(7, Math.max(0, Math.round(q * 7 + noise(1.2))));
  e.user_network_latency = num(q, { lo: 0.5, hi: 70, d: 1, log: true, better: 'lower', edges: [1, 5, 20, 50] });
  e.pue = num(q, { lo: 1.08, hi: 1.62, d: 2, better: 'lower', edges: [1.15, 1.2, 1.25, 1.3, 1.4, 1.5] });
  e.renewable_energy_share = num(q, { lo: 0, hi: 95, edges: [15, 30, 50, 80] });
  e.rack_occupancy = num(q, { lo: 30, hi: 95, edges: [50, 60, 65, 80] });
  e.metering_transparency = grade(q, ['fine_grained_exportable', 'monthly_invoice', 'none']);
  if (!chance(0.1)) e.support_response_p1 = num(q, { lo: 5, hi: 480, log: true, better: 'lower', edges: [15, 30, 60, 240] });
  // Collected ahead of 1.0 by some assessors.
  if (chance(0.6)) e.asset_inventory_consistency = num(inflated ? q - 0.3 : q, { lo: 82, hi: 100, d: 1, edges: [90, 95, 99] });
  if (chance(0.1)) e.hot_spare_capacity_ratio = e.compute_redundancy;
  if (chance(0.1)) e.resource_delivery_latency = e.task_response_latency;
  // Some files miss a field or two (withheld or not yet collected).
  if (chance(0.08)) {
    const keys = Object.keys(e);
    for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--) delete e[pick(keys)];
  }
  const id = String(i + 1).padStart(3, '0');
  return {
    file: `c${id}-${k.kind}.yaml`,
    doc: { platform: `C${id}_${k.kind.replace(/-/g, '_')}`, name: `${k.names(city)}（合成）`, evidence: e },
  };
}

function main() {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith('.yaml')) rmSync(join(OUT, f));
  let made = 0;
  for (const k of KINDS) {
    const n = k === KINDS[KINDS.length - 1] ? COUNT - made : Math.round(COUNT * k.share);
    for (let j = 0; j < n; j++) {
      const { file, doc } = platform(made, k);
      const header = `# Synthetic platform (scripts/gen-corpus.mjs, seed ${SEED}); evidence recorded for csp-assessment 0.9.\n`;
      writeFileSync(join(OUT, file), header + stringify(doc));
      made++;
    }
  }
  process.stdout.write(`wrote ${made} platforms to ${OUT}\n`);
}

main();
