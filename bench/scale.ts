// How the cost grows with the ruleset and with the corpus (`npm run bench`, or alone: `npm run bench -- --scale`).
// In: generated rulesets of the given sizes (30 … 30,000 indicators, bench/big-ruleset.ts) and csp-assessment@0.9.
// Out: two tables on stdout — compile time and decide / evaluate rates by ruleset size; decide / evaluate rates by
// corpus size (10³ up to `max` platforms, every one parsed from JSON text and assessed). When `max` is below 10⁶,
// the 10⁶ row is extrapolated from the largest measured corpus, and only if the measured rates are linear (within
// 25 % of each other from 10³ up); the table says so.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleset, type CompiledRuleset } from '../engine/index';
import type { PlatformInput } from '../engine/evaluate/evaluate';
import { generateRuleset } from './big-ruleset';
import { asJsonText, corpusLike } from './corpus';
import { RULESET } from './contenders';
import { generatePlatforms } from './generate';
import { fmtRate, machine } from './timing';

/** CPU seconds of `fn`. */
function cpu(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/** Platforms per second of `run` over `ps` (after a warm-up pass over a few of them). */
function rate(ps: readonly PlatformInput[], run: (p: PlatformInput) => unknown): number {
  for (let k = 0; k < Math.min(ps.length, 500); k++) run(ps[k] as PlatformInput);
  return ps.length / cpu(() => {
    for (const p of ps) run(p);
  });
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

const int = (n: number): string => n.toLocaleString('en-US');
const us = (s: number): string => `${(s * 1e6).toFixed(s < 1e-5 ? 2 : 1)} µs`;

/** By ruleset size: the corpus holds about 3·10⁵ values (so 10,000 platforms of 30 indicators, 100 of 30,000). */
function byRuleset(sizes: readonly number[]): void {
  const rows: string[][] = [];
  for (const n of sizes) {
    const text = generateRuleset(n, Math.min(50, n), true);
    let compiled: CompiledRuleset | undefined;
    const compileS = cpu(() => {
      const r = compileRuleset(text);
      if (!r.ruleset) throw new Error(`generated ruleset of ${n} indicators has errors: ${r.diagnostics.slice(0, 3).map((d) => d.code).join(', ')}`);
      compiled = r.ruleset;
    });
    const r = compiled as CompiledRuleset;
    const count = Math.max(100, Math.round(300_000 / n));
    const ps = asJsonText(r.model, generatePlatforms(r.model, count, 17, { missing: 0.02, boundary: 0.5, plausible: true })).platforms;
    const planS = cpu(() => r.decide(ps[0] as PlatformInput));
    const decide = rate(ps, (p) => r.decide(p));
    const evaluate = rate(ps, (p) => r.evaluate(p));
    rows.push([
      int(n),
      `${(text.length / 1024).toFixed(0)} KiB`,
      `${(compileS * 1000).toFixed(0)} ms`,
      `${(planS * 1000).toFixed(0)} ms`,
      int(count),
      fmtRate(decide),
      us(1 / decide / n),
      fmtRate(evaluate),
      us(1 / evaluate / n),
    ]);
  }
  console.log('\n### By ruleset size (generated rulesets, bench/big-ruleset.ts; platforms from JSON text)');
  table(['indicators', 'text', 'compile (parse + check)', 'plan (first decide)', 'platforms', 'decide', 'decide per indicator', 'evaluate', 'evaluate per indicator'], rows);
}

/** By corpus size on csp-assessment@0.9: 10³ … 10⁶ platforms, parsed from JSON text in chunks of 10⁴ lines. */
function byCorpus(root: string, max: number): void {
  const r = compileRuleset(readFileSync(join(root, ...RULESET), 'utf8')).ruleset;
  if (!r) throw new Error('csp-assessment 0.9 does not compile');
  const chunk = 10_000;
  // Distinct lines: the benchmark's corpus of 10⁴ platforms, each chunk's copies renamed (fresh objects every chunk).
  const lines = asJsonText(r.model, corpusLike(r.model, chunk, root)).text.trimEnd().split('\n');
  // Warm-up on the whole first chunk, so that the smallest corpus is not the one that pays for V8's compiler.
  const warm = lines.map((l) => JSON.parse(l) as PlatformInput);
  for (let k = 0; k < 2; k++) {
    for (const p of warm) r.decide(p);
    for (const p of warm) r.evaluate(p);
  }
  const rows: string[][] = [];
  const measured: { n: number; decide: number; evaluate: number; parse: number }[] = [];
  for (let n = 1_000; n <= max; n *= 10) {
    // A corpus under 10⁵ platforms is assessed 10⁵/n times (a round of 10³ lasts a few ms): the median rate is shown.
    const repeats = Math.max(1, Math.round(100_000 / n));
    const decideRates: number[] = [];
    const evaluateRates: number[] = [];
    /** Rates of the first and the last chunk of 10⁴ (the corpus's beginning and end: equal when cost is linear). */
    const chunkRates: number[] = [];
    let parseS = 0;
    let levels = 0;
    for (let rep = 0; rep < repeats; rep++) {
      let decideS = 0;
      let evaluateS = 0;
      for (let done = 0; done < n; done += chunk) {
        const m = Math.min(chunk, n - done);
        let ps: PlatformInput[] = [];
        parseS += cpu(() => {
          ps = lines.slice(0, m).map((l, k) => {
            const p = JSON.parse(l) as { platform: string; evidence: unknown };
            p.platform = `c${done + k}`;
            return p;
          });
        });
        const d = cpu(() => {
          for (const p of ps) if (r.decide(p).level !== null && rep === 0) levels++;
        });
        if (rep === 0 && (done === 0 || done + chunk >= n)) chunkRates.push(m / d);
        decideS += d;
        evaluateS += cpu(() => {
          for (const p of ps) r.evaluate(p);
        });
      }
      decideRates.push(n / decideS);
      evaluateRates.push(n / evaluateS);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const firstLast = n > chunk ? `${fmtRate(chunkRates[0] as number)} / ${fmtRate(chunkRates[chunkRates.length - 1] as number)}` : '–';
    measured.push({ n, decide: median(decideRates), evaluate: median(evaluateRates), parse: parseS / repeats });
    rows.push([int(n), String(repeats), fmtRate(median(decideRates)), firstLast, `${(n / median(decideRates)).toFixed(2)} s`, fmtRate(median(evaluateRates)), `${(n / median(evaluateRates)).toFixed(2)} s`, `${(parseS / repeats).toFixed(2)} s`, int(levels)]);
  }
  const last = measured[measured.length - 1];
  let note = 'none extrapolated';
  if (last && last.n < 1_000_000) {
    const spreadOf = (xs: number[]): number => Math.max(...xs) / Math.min(...xs);
    const spread = Math.max(spreadOf(measured.map((m) => m.decide)), spreadOf(measured.map((m) => m.evaluate)));
    if (spread <= 1.25) {
      const k = 1_000_000 / last.n;
      rows.push(['1,000,000 (extrapolated)', '–', fmtRate(last.decide), '–', `${((last.n / last.decide) * k).toFixed(2)} s`, fmtRate(last.evaluate), `${((last.n / last.evaluate) * k).toFixed(2)} s`, `${(last.parse * k).toFixed(2)} s`, '–']);
      note = `10⁶ extrapolated from ${int(last.n)}: the measured rates from 10³ up are within ${((spread - 1) * 100).toFixed(0)} % of each other (linear)`;
    } else note = `10⁶ not shown: the measured rates differ by ${((spread - 1) * 100).toFixed(0)} % (more than 25 %), too far from linear to extrapolate`;
  }
  console.log(`\n### By corpus size (csp-assessment@0.9; every platform parsed from JSON text and assessed; ${note})`);
  table(['platforms', 'times assessed', 'decide (median)', 'decide: first / last 10⁴', 'decide time', 'evaluate (median)', 'evaluate time', 'JSON.parse (not in the rates)', 'graded'], rows);
}

export function runScale(root: string, max: number, sizes: readonly number[]): void {
  console.log('## How the cost grows (CPU time of this process)');
  console.log(`machine: ${machine()}`);
  byRuleset(sizes);
  byCorpus(root, max);
  console.log(`\nmachine after the run: ${machine()}`);
}
