// `npm run bench`: one process, the same generated platforms for every contender, results checked before timing.
// In: csp-assessment@0.9, flags (`--n`, `--rounds`, `--quick`, `--shared`, `--max N`, `--sizes a,b`, `--stream N`, `--scale`,
// `--only a,b`: the contenders whose name contains a or b, beside the two limits, and nothing else). Out: on stdout, with
// the machine and its load — platforms/s of each contender, ratios to the straight-line limit and to the hand-written
// scorer; the waits users feel (impact, report, improvement plans, streaming, CVSS: bench/waits.ts); editing latency
// and cold start; how the cost grows (bench/scale.ts); last, every target of issue 15 marked met or NOT met.
// `--scale`: the growth tables alone. `--quick`: a smoke run (fewer platforms, rounds and sizes; see README).
//
// Each contender runs in a worker thread of its own (bench/isolate.ts): its own V8 isolate, so one engine's JIT
// state and garbage never fall on another, as in a batch job that runs one engine. Rounds are still interleaved
// across contenders, one at a time. `--shared` runs every contender in the main thread instead (one isolate).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileRuleset, parseEvidenceText } from '../engine/index';
import { generateRuleset } from './big-ruleset';
import { runScale } from './scale';
import { differing, GENERATED_DECIDE, GENERATED_EVALUATE, oracleOf, passOf, PLAN_DECIDE, PLAN_EVALUATE, roundSize, RULESET, setUp, SLOW_PLATFORMS, STRAIGHT_LINE, type Decision } from './contenders';
import { fmtRate, machine, ms, roundRatio, timedRound, timeInterleaved, type Timing } from './timing';
import { profilePasses, summarise, type CpuProfile } from './why';
import { commandWaits, cvssRates, gapWaits, streamRates, unmet, type Figure } from './waits';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const QUICK = args.includes('--quick');
const SHARED = args.includes('--shared');
const N = arg('n', QUICK ? 1000 : 20_000);
const ROUNDS = arg('rounds', QUICK ? 3 : 7);
const ROOT = process.cwd();
/** The largest corpus of the growth table (10⁶ by default; `--quick`: 10⁴). */
const MAX = arg('max', QUICK ? 10_000 : 1_000_000);
/** Ruleset sizes of the growth table (`--sizes 30,300`). */
const SIZES = (args.includes('--sizes') ? String(args[args.indexOf('--sizes') + 1]) : QUICK ? '30,300,3000' : '30,300,3000,30000').split(',').map(Number);
/** Platforms of the streamed corpus. */
const STREAM = arg('stream', QUICK ? 20_000 : 100_000);
/** `--only a,b`: time only the contenders whose name contains one of these (and the two limits), then stop. */
const ONLY = args.includes('--only') ? String(args[args.indexOf('--only') + 1]).toLowerCase().split(',') : undefined;

/** A contender as the timing loop sees it: its rounds and its check result. */
interface Timed {
  readonly round: () => Promise<number>;
  readonly differs: number;
  readonly note?: string;
  /** A CPU profile of a few rounds, in the contender's own thread. */
  readonly profile: () => Promise<CpuProfile>;
  readonly close: () => Promise<unknown>;
}

/** Seconds of passes of a contender profiled when it misses its target. */
const PROFILED_SECONDS = QUICK ? 0.3 : 1.5;

/** Starts a contender's worker and waits until it has checked its results. */
function isolated(index: number, oracle: readonly Decision[]): Promise<Timed> {
  const w = new Worker(new URL('./isolate.mjs', import.meta.url), { workerData: { root: ROOT, n: N, index, oracle } });
  // One answer is awaited at a time (set-up, then each round): the worker's messages and failure go to it.
  let waiting: { resolve: (m: unknown) => void; reject: (e: unknown) => void } | undefined;
  const next = <T>(): Promise<T> => new Promise<T>((resolve, reject) => (waiting = { resolve: resolve as (m: unknown) => void, reject }));
  w.on('message', (m) => waiting?.resolve(m));
  w.on('error', (e) => waiting?.reject(e));
  const ask = <T>(m: string): Promise<T> => {
    const answer = next<T>();
    w.postMessage(m);
    return answer;
  };
  return next<{ differs: number; note?: string }>().then((m) => ({
    round: () => ask<number>('round'),
    differs: m.differs,
    ...(m.note ? { note: m.note } : {}),
    profile: () => ask<CpuProfile>(`profile ${PROFILED_SECONDS}`),
    close: () => w.terminate(),
  }));
}

async function main(): Promise<void> {
  const bench = setUp(ROOT, N);
  const { ruleset, plan, platforms, text } = bench;
  // Contenders timed (with their index in the full list, which each worker builds alike): all, or `--only`'s.
  const chosen = [...bench.contenders.entries()].filter(([k, c]) => k < 2 || ONLY === undefined || ONLY.some((o) => c.name.toLowerCase().includes(o)));
  const contenders = chosen.map(([, c]) => c);
  if (bench.missing !== undefined) console.log(`JsonLogic export unavailable: ${bench.missing}`);

  // 1. Results checked equal before timing (the reference evaluator is the oracle), by each contender where it runs.
  const oracle = platforms.map((p) => oracleOf(ruleset, p));
  const levels = new Map<string, number>();
  for (const o of oracle) levels.set(o.level ?? o.outcome, (levels.get(o.level ?? o.outcome) ?? 0) + 1);
  const timed: Timed[] = [];
  for (const [k, c] of chosen) {
    if (!SHARED) timed.push(await isolated(k, oracle));
    else {
      await c.prepare?.();
      const differs = await differing(c, platforms, oracle);
      const note = c.note?.();
      const pass = passOf(c, platforms);
      timed.push({ round: timedRound(pass), differs, ...(note ? { note } : {}), profile: () => profilePasses(pass, PROFILED_SECONDS), close: async () => undefined });
    }
  }

  console.log(`# Assay benchmark — csp-assessment@0.9, ${N} generated platforms (seed 2026), ${ROUNDS} rounds`);
  console.log(`machine: ${machine()}`);
  console.log(`outcomes/levels of the corpus: ${[...levels].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    SHARED
      ? 'every contender in the main thread (one V8 isolate: JIT state and garbage shared)'
      : 'each contender in a worker thread of its own (its own V8 isolate), one at a time',
  );
  console.log('rates are platforms per second of CPU time of this process (median, min–max over rounds)');
  console.log(`slow contenders (reference, json-logic-js, json-rules-engine) time their rounds on the first ${Math.min(N, SLOW_PLATFORMS)} platforms\n`);

  // 2. Timing, round by round across contenders.
  const timings = await timeInterleaved(
    N,
    contenders.map((c, k) => ({ name: c.name, rounds: c.slow ? Math.max(3, Math.ceil(ROUNDS / 2)) : ROUNDS, round: (timed[k] as Timed).round, n: roundSize(c, N) })),
  );
  // Rows by name (`--only` leaves some out): the limit, the hand-written scorer, and Assay's calls.
  const row = (prefix: string): Timing | undefined => timings.find((t) => t.name.startsWith(prefix));
  const limitT = row(STRAIGHT_LINE) as Timing;
  const handT = row('hand-written scorer') as Timing;
  const generatedT = row(GENERATED_DECIDE);
  const generatedQuietT = row('Assay decide, generated module, without messages');
  const planT = row(PLAN_DECIDE);
  const quietT = row('Assay decide, plan only, without messages');
  const decideT = generatedT ?? planT;
  const planEvaluateT = row(PLAN_EVALUATE);
  const generatedEvaluateT = row(GENERATED_EVALUATE);
  const evaluateT = generatedEvaluateT ?? planEvaluateT;
  const fullT = row('Assay assess');
  const tracedT = row('Assay compiled plan with tracing');
  const rows = timings.map((t, k) => {
    const bad = (timed[k] as Timed).differs;
    const of = roundSize(contenders[k] as (typeof contenders)[number], N) < N ? ` (first ${roundSize(contenders[k] as (typeof contenders)[number], N)})` : '';
    return [t.name, fmtRate(t.median), `${fmtRate(t.min)} – ${fmtRate(t.max)}`, `${roundRatio(t, limitT).toFixed(3)}×`, `${roundRatio(t, handT).toFixed(3)}×`, (bad === 0 ? 'equal' : `${bad} differ`) + of];
  });
  printTable(['contender', 'median', 'spread', 'vs straight-line', 'vs hand-written', 'results'], rows);
  console.log('\nratios are medians over rounds of the ratio within a round (contenders run round by round)');
  console.log(`hand-written ÷ straight-line: ${roundRatio(handT, limitT).toFixed(3)}`);
  const vs = (t: Timing | undefined): string => (t ? roundRatio(t, limitT).toFixed(3) : '–');
  if (decideT) {
    console.log(`decide ÷ straight-line: ${vs(decideT)} (target ≥ 0.5; ${generatedT ? 'generated module attached' : 'plan only'}); without messages: ${vs(generatedT ? generatedQuietT : quietT)}`);
    console.log(`decide, plan only ÷ straight-line: ${vs(planT)}; without messages: ${vs(quietT)}`);
    console.log(`decide ÷ straight-line by round: ${decideT.rounds.map((x, r) => (x / (limitT.rounds[r] as number)).toFixed(2)).join(' ')}`);
    for (const peer of timings.filter((t) => t.name.startsWith('json-logic-engine'))) {
      console.log(`decide ÷ ${peer.name}: ${roundRatio(decideT, peer).toFixed(2)}×`);
    }
  }
  for (const t of timed) if (t.note) console.log(t.note);
  if (evaluateT) {
    console.log(`evaluate ÷ straight-line: ${vs(evaluateT)} (target ≥ 0.1; ${generatedEvaluateT ? 'generated module attached' : 'plan only'}); plan only: ${vs(planEvaluateT)}; assess ÷ straight-line: ${vs(fullT)}`);
  }
  if (fullT && tracedT && evaluateT) {
    console.log(`untraced full Assessment (assess) ÷ traced: ${roundRatio(fullT, tracedT).toFixed(2)}× (target ≤ 3); evaluate ÷ traced: ${roundRatio(evaluateT, tracedT).toFixed(2)}×`);
  }
  const how = `ruleset's rate ÷ the straight-line scorer's, same round (${N.toLocaleString('en-US')} platforms from JSON text, median of ${ROUNDS} rounds)`;
  // Where a contender's time goes, in its own thread (asked only of contenders whose target is not met).
  const profileOf = async (t: Timing, files: number, functions: number): Promise<string[]> => summarise(ROOT, [await (timed[timings.indexOf(t)] as Timed).profile()], files, functions);
  const ratio = async (what: string, t: Timing, target: number): Promise<Figure> => {
    const r = roundRatio(t, limitT);
    const f: Figure = { what, value: r, target, atMost: false, targetShown: `≥ ${target}×`, shown: `${r.toFixed(3)}× (${fmtRate(t.median)}; limit ${fmtRate(limitT.median)})`, how };
    if (!unmet(f)) return f;
    return { ...f, why: [...(await profileOf(t, 6, 8)), `the limit, profiled alike: ${(await profileOf(limitT, 3, 3)).slice(1).join('; ')}`] };
  };
  const figures: Figure[] = [];
  if (decideT) figures.push(await ratio(`\`ruleset.decide(p)\` ÷ straight-line (${generatedT ? 'generated module attached' : 'plan only'})`, decideT, 0.5));
  if (evaluateT) figures.push(await ratio(`\`ruleset.evaluate(p)\` ÷ straight-line (${generatedEvaluateT ? 'generated module attached' : 'plan only'})`, evaluateT, 0.1));
  if (fullT && tracedT) {
    const traced = roundRatio(fullT, tracedT);
    const f: Figure = { what: 'traced `assess` within 3× of untraced', value: traced, target: 3, atMost: true, targetShown: '≤ 3×', shown: `${traced.toFixed(2)}×`, how: 'ruleset.assess(p) rate ÷ ruleset.assess(p, { trace }) rate, same round' };
    figures.push(unmet(f) ? { ...f, why: [...(await profileOf(tracedT, 6, 8)), `untraced, profiled alike: ${(await profileOf(fullT, 3, 3)).slice(1).join('; ')}`] } : f);
  }
  // Not timed: how many platforms the plan decides itself (the rest it hands over to the reference evaluator).
  for (const p of platforms) plan.summary(p, 'en', false);
  console.log(`plan: ${plan.stats.decided} platforms decided, ${plan.stats.handedOver} handed over to the reference`);
  for (const t of timed) await t.close();
  if (ONLY !== undefined) {
    printTargets(figures, QUICK);
    return;
  }

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
  const RULESET_FILE = join(ROOT, ...RULESET);
  if (existsSync(cli)) {
    const cold = ms(QUICK ? 3 : 7, () => {
      execFileSync(process.execPath, [cli, 'check', RULESET_FILE], { stdio: 'ignore' });
    }, true);
    console.log(`\`assay check\` cold start (fresh node process, bundled CLI): median ${cold.median.toFixed(0)} ms (min ${cold.min.toFixed(0)}, max ${cold.max.toFixed(0)}; target < 300)`);
    const bare = ms(QUICK ? 3 : 7, () => {
      execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    }, true);
    console.log(`  (of which an empty \`node -e 0\`: median ${bare.median.toFixed(0)} ms)`);
  } else console.log('`assay check` cold start: dist/cli/assay.js missing (run `npm run build`)');

  // 5. The waits users feel.
  console.log('\n## The waits users feel (impact and report: wall time, what the user waits, and CPU time of all threads; the rest CPU time)');
  const commands = await commandWaits(ROOT, QUICK);
  for (const f of commands) console.log(`${f.what}: ${f.shown} — \`${f.how}\``);
  const gap = await gapWaits(ROOT);
  console.log('improvement plans of the samples (first search after a fresh compile, CPU):');
  printTable(['version', ...['P1', 'P2', 'P3', 'P4', 'P5']], gap.rows);
  const stream = await streamRates(ROOT, STREAM);
  for (const f of stream) console.log(`${f.what}: ${f.shown} — \`${f.how}\``);
  const cvss = await cvssRates(ROOT, QUICK ? 3 : 7);
  console.log(cvss.detail);
  figures.push(...stream, ...commands, ...gap.figures, cvss.figure);

  // 6. How the cost grows.
  console.log('');
  runScale(ROOT, MAX, SIZES);

  // 7. Every target of issue 15.
  printTargets(figures, QUICK);
}

function printTargets(figures: readonly Figure[], quick: boolean): void {
  console.log(`\n## Targets of issue 15 (machine: ${machine()})`);
  printTable(
    ['target', 'measured', '', 'how'],
    figures.map((f) => [`${f.what} ${f.targetShown}`, f.shown, unmet(f) ? '**NOT met**' : 'met', f.how]),
  );
  const missed = figures.filter(unmet);
  if (missed.length > 0) console.log('\n### Why each target not met is missed: where the time goes (V8 CPU profile, bench/why.ts)');
  for (const f of missed) {
    console.log(`\n${f.what} — ${f.shown}`);
    for (const l of f.why ?? ['profile: not taken']) console.log(`- ${l}`);
  }
  if (quick) console.log('(--quick: fewer platforms and rounds, a smaller stream; figures for a smoke test, not for the README)');
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

if (args.includes('--scale')) runScale(ROOT, MAX, SIZES);
else await main();
