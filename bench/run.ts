// `npm run bench`: one process, the same generated platforms for every contender, results checked before timing.
// In: csp-assessment@0.9, flags (`--n`, `--rounds`, `--quick`). Out: a table on stdout — platforms/s, ratio to the
// hand-written scorer, median and spread over rounds — then editing latencies and cold start, and the machine.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { compileRuleset, parseEvidenceText } from '../engine/index';
import type { PlatformInput } from '../engine/evaluate';
import { exportJsonLogic } from '../engine/export/jsonlogic';
import { compilePlan } from '../engine/plan/index';
import { generatePlatforms, rng } from './generate';
import { scoreHandwritten } from './handwritten';
import { generateRuleset } from './big-ruleset';
import { rulesScorer } from './rules-engine';
import { fmtRate, machine, ms, roundRatio, timeInterleaved, type Timing } from './timing';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const QUICK = args.includes('--quick');
const N = arg('n', QUICK ? 1000 : 5000);
const ROUNDS = arg('rounds', QUICK ? 3 : 7);
const ROOT = process.cwd();
const RULESET = join(ROOT, 'rulesets', 'csp-assessment', '0.9.assay');

/**
 * Platforms like real ones: the bundled samples and corpus (graded at every level, vetoed, not rated), each copied
 * with its numbers moved a little (deterministic), plus generated platforms near band boundaries (one in four).
 */
function corpusLike(model: Parameters<typeof generatePlatforms>[0], n: number): PlatformInput[] {
  const dirs = ['platforms', 'corpus'].map((d) => join(ROOT, 'rulesets', 'csp-assessment', d));
  const bases = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .flatMap((f) => parseEvidenceText(readFileSync(join(d, f), 'utf8'), f).platforms),
  );
  const r = rng(7);
  const move = (x: unknown): unknown => {
    if (typeof x === 'number') {
      if (r() < 0.7) return x;
      const decimals = (String(x).split('.')[1] ?? '').length;
      const f = 10 ** decimals;
      const y = Math.round((x + (r() - 0.5) * Math.max(1, Math.abs(x) * 0.05)) * f) / f;
      return y < 0 ? 0 : x <= 100 && y > 100 ? x : y;
    }
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, move(v)]));
    return x;
  };
  const generated = generatePlatforms(model, Math.ceil(n / 4), 2026, { missing: 0.02, invalid: 0, boundary: 0.4 });
  const out: PlatformInput[] = [];
  for (let k = 0; k < n; k++) {
    if (k % 4 === 3) out.push(generated[(k - 3) / 4] as PlatformInput);
    else {
      const b = bases[Math.floor(r() * bases.length)] as PlatformInput;
      out.push({ platform: `${b.platform}-${k}`, evidence: move(JSON.parse(JSON.stringify(b.evidence))) });
    }
  }
  return out;
}

interface Decision {
  readonly outcome: string;
  readonly level: string | null;
  readonly total: number;
}

interface Contender {
  readonly name: string;
  /** Decides one platform (sync or async), as a `Decision` for checking results against the oracle. */
  readonly decide: (p: PlatformInput) => Decision | Promise<Decision>;
  /**
   * What is timed, when it differs from `decide`: the contender's own form of the decision. Assay's is exact (a
   * `Rational` total); turning it into a double only serves the check against the others, so it is not timed.
   */
  readonly run?: (p: PlatformInput) => unknown;
  readonly note?: string;
}

function same(a: Decision, b: Decision): boolean {
  return a.outcome === b.outcome && a.level === b.level && Math.abs(a.total - b.total) < 1e-9;
}

async function main(): Promise<void> {
  const text = readFileSync(RULESET, 'utf8');
  const ruleset = compileRuleset(text).ruleset;
  if (!ruleset) throw new Error('csp-assessment 0.9 does not compile');
  const model = ruleset.model;
  const plan = compilePlan(model, (input, opts) => ruleset.assess(input, { ...opts, engine: 'reference' }));
  const platforms = corpusLike(model, N);

  const contenders: Contender[] = [
    { name: 'hand-written scorer (bench/handwritten.ts)', decide: (p) => scoreHandwritten(p.evidence as Record<string, unknown>) },
    {
      name: 'Assay compiled plan (decision: outcome, level, exact total)',
      decide: (p) => {
        const s = plan.summary(p);
        return { outcome: s.outcome, level: s.level, total: s.total.toNumber() };
      },
      run: (p) => plan.summary(p),
    },
    {
      name: 'Assay compiled plan, full Assessment (assess)',
      decide: (p) => {
        const a = ruleset.assess(p);
        return { outcome: a.outcome, level: a.level, total: a.total.toNumber() };
      },
      run: (p) => ruleset.assess(p),
    },
    {
      name: 'Assay compiled plan with tracing (every event)',
      decide: (p) => {
        let n = 0;
        const a = ruleset.assess(p, { trace: () => void n++ });
        return { outcome: a.outcome, level: a.level, total: a.total.toNumber() };
      },
      run: (p) => {
        let n = 0;
        return ruleset.assess(p, { trace: () => void n++ });
      },
    },
    {
      name: 'Assay reference evaluator (tree-walking)',
      decide: (p) => {
        const a = ruleset.assess(p, { engine: 'reference' });
        return { outcome: a.outcome, level: a.level, total: a.total.toNumber() };
      },
      run: (p) => ruleset.assess(p, { engine: 'reference' }),
    },
  ];

  try {
    const rules = exportJsonLogic(model).rules;
    const data = (p: PlatformInput): unknown => ({ evidence: p.evidence });
    contenders.push({
      name: 'json-logic-js on the JsonLogic export',
      decide: (p) => {
        const d = data(p);
        return { outcome: String(jsonLogic.apply(rules.outcome, d)), level: jsonLogic.apply(rules.level, d) as string | null, total: Number(jsonLogic.apply(rules.total, d)) };
      },
    });
    // maxDepth: the export reduces over objects (its default of 0 refuses object accumulators).
    const engine = new LogicEngine(undefined, { maxDepth: Infinity });
    const fo = engine.build(rules.outcome) as (d: unknown) => unknown;
    const fl = engine.build(rules.level) as (d: unknown) => unknown;
    const ft = engine.build(rules.total) as (d: unknown) => unknown;
    contenders.push({
      name: 'json-logic-engine (compiled) on the JsonLogic export',
      decide: (p) => {
        const d = data(p);
        return { outcome: String(fo(d)), level: fl(d) as string | null, total: Number(ft(d)) };
      },
    });
  } catch (e) {
    console.log(`JsonLogic export unavailable: ${e instanceof Error ? e.message : String(e)}`);
  }
  const rulesEngine = rulesScorer(model);
  contenders.push({ name: 'json-rules-engine (bench/rules-engine.ts)', decide: (p) => rulesEngine({ ...(p.evidence as Record<string, unknown>) }) });

  // 1. Results checked equal before timing (the reference evaluator is the oracle).
  const oracle = platforms.map((p) => {
    const a = ruleset.assess(p, { engine: 'reference' });
    return { outcome: a.outcome, level: a.level, total: a.total.toNumber() };
  });
  const levels = new Map<string, number>();
  for (const o of oracle) levels.set(o.level ?? o.outcome, (levels.get(o.level ?? o.outcome) ?? 0) + 1);
  const differs = new Map<string, number>();
  for (const c of contenders) {
    let bad = 0;
    for (let k = 0; k < platforms.length; k++) if (!same(await c.decide(platforms[k] as PlatformInput), oracle[k] as Decision)) bad++;
    differs.set(c.name, bad);
  }

  console.log(`# Assay benchmark — csp-assessment@0.9, ${N} generated platforms (seed 2026), ${ROUNDS} rounds`);
  console.log(`machine: ${machine()}`);
  console.log(`outcomes/levels of the corpus: ${[...levels].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log('rates are platforms per second of CPU time of this process (median, min–max over rounds)\n');

  // 2. Timing, round by round across contenders.
  const timings = await timeInterleaved(
    N,
    contenders.map((c) => {
      const isAsync = c.name.startsWith('json-rules-engine');
      const slow = c.name.includes('reference') || isAsync || c.name.startsWith('json-logic-js');
      const run = c.run ?? c.decide;
      return {
        name: c.name,
        rounds: slow ? Math.max(3, Math.ceil(ROUNDS / 2)) : ROUNDS,
        fn: isAsync
          ? async () => {
              for (const p of platforms) await c.decide(p);
            }
          : () => {
              for (const p of platforms) run(p);
            },
      };
    }),
  );
  const handT = timings[0] as Timing;
  const rows = timings.map((t) => {
    const bad = differs.get(t.name) ?? 0;
    return [t.name, fmtRate(t.median), `${fmtRate(t.min)} – ${fmtRate(t.max)}`, `${roundRatio(t, handT).toFixed(3)}×`, bad === 0 ? 'equal' : `${bad} differ`];
  });
  printTable(['contender', 'median', 'spread', 'vs hand-written', 'results'], rows);
  const [, compiledT, fullT, tracedT] = timings as [Timing, Timing, Timing, Timing];
  console.log('\nratios are medians over rounds of the ratio within a round (contenders run round by round)');
  console.log(`compiled ÷ hand-written: ${roundRatio(compiledT, handT).toFixed(3)} (target ≥ 0.5); full Assessment ÷ hand-written: ${roundRatio(fullT, handT).toFixed(3)}`);
  console.log(`compiled (full Assessment) ÷ traced: ${roundRatio(fullT, tracedT).toFixed(2)}× (target ≤ 3)`);
  console.log(`plan: ${plan.stats.decided} platforms decided, ${plan.stats.handedOver} handed over to the reference`);

  // 3. Editing latency.
  console.log('\n## Editing latency (CPU time of this process; cold start: wall clock)');
  const big = generateRuleset(5000);
  // The first run also pays for compiling the compiler (V8's JIT, cold caches): reported apart from the median.
  const bigCheck = ms(QUICK ? 4 : 7, () => {
    const r = compileRuleset(big);
    if (!r.ruleset) throw new Error(`generated ruleset has errors: ${r.diagnostics.slice(0, 3).map((d) => d.code).join(', ')}`);
  });
  console.log(`parse + check a generated ruleset of 5,000 indicators (${(big.length / 1024).toFixed(0)} KiB): median ${bigCheck.median.toFixed(0)} ms (min ${bigCheck.min.toFixed(0)}, max ${bigCheck.max.toFixed(0)}; target < 500; the first, cold run: ${bigCheck.first.toFixed(0)} ms)`);
  const samplesDir = join(ROOT, 'rulesets', 'csp-assessment', 'platforms');
  const samples = ['p1-hub-operator', 'p2-regional-aicc', 'p3-gpu-rental-startup', 'p4-hk-crossborder', 'p5-inflated-claims'].flatMap(
    (f) => parseEvidenceText(readFileSync(join(samplesDir, `${f}.yaml`), 'utf8'), f).platforms,
  );
  let k = 0;
  const edit = ms(QUICK ? 10 : 40, () => {
    // An edit as a person makes it: one band bound changes, then the playground re-checks and re-evaluates.
    const edited = text.replace('>= 1000: 100', `>= ${1000 + (k++ % 7)}: 100`);
    const r = compileRuleset(edited).ruleset;
    if (!r) throw new Error('edited ruleset has errors');
    for (const p of samples) r.assess(p);
  });
  console.log(`re-check + re-evaluate csp-assessment@0.9 with the 5 samples after an edit: median ${edit.median.toFixed(1)} ms (min ${edit.min.toFixed(1)}, max ${edit.max.toFixed(1)}; target < 20)`);

  // 4. Cold start of the bundled CLI.
  const cli = join(ROOT, 'dist', 'cli', 'assay.js');
  if (existsSync(cli)) {
    const cold = ms(QUICK ? 3 : 7, () => {
      execFileSync(process.execPath, [cli, 'check', RULESET], { stdio: 'ignore' });
    }, true);
    console.log(`\`assay check\` cold start (fresh node process, bundled CLI): median ${cold.median.toFixed(0)} ms (min ${cold.min.toFixed(0)}, max ${cold.max.toFixed(0)}; target < 300)`);
    const bare = ms(QUICK ? 3 : 7, () => {
      execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    }, true);
    console.log(`  (of which an empty \`node -e 0\`: median ${bare.median.toFixed(0)} ms)`);
  } else console.log('`assay check` cold start: dist/cli/assay.js missing (run `npm run build`)');
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

await main();
