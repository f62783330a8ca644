// Timing helpers of the benchmark: rounds, medians and spreads, and the machine it ran on.
// In: a function over a batch of platforms. Out: platforms per second per round, summarised (median, min–max).

import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection before each timed round, outside the timing: otherwise the garbage one contender
 * leaves is collected, and charged, in the next one's round.
 */
setFlagsFromString('--expose-gc');
export const collect = runInNewContext('gc') as () => void;

export interface Timing {
  readonly name: string;
  /** Platforms per second of each round. */
  readonly rounds: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The shortest round, in CPU seconds: a round of the fastest contenders over 20,000 platforms took 25–45 ms, where a
 * collector pause or a slice of another job moved one round's ratio between 0.36× and 0.70×. */
export const MIN_ROUND_SECONDS = 0.25;

/**
 * One timed round: a full collection (not timed), then `pass` as many times as make a round last at least
 * `minSeconds` of CPU time; gives the seconds of CPU time of this process per pass. The number of passes is fixed by
 * the first call (the warm-up round `timeInterleaved` makes), so every timed round of a contender runs the same
 * work. In a worker thread the process's time is the worker's own while every other thread waits.
 */
export function timedRound(pass: () => unknown, minSeconds = MIN_ROUND_SECONDS): () => Promise<number> {
  let passes = 0;
  return async () => {
    collect();
    const c0 = process.cpuUsage();
    const times = passes === 0 ? 1 : passes;
    for (let k = 0; k < times; k++) await pass();
    const c = process.cpuUsage(c0);
    const seconds = (c.user + c.system) / 1e6;
    if (passes === 0) passes = Math.max(1, Math.ceil(minSeconds / Math.max(seconds, 1e-4)));
    return seconds / times;
  };
}

/**
 * Times every contender round by round — round 1 of each, then round 2 of each, … (after one warm-up round
 * each) — so that a change in the machine's load falls on all of them alike, not on whichever ran at the time.
 * A contender stops after its own number of rounds. `round` runs one round of passes over `n` platforms and gives
 * the CPU seconds of one pass (`timedRound`, here or in the contender's worker); rates are platforms per second. An entry's own `n`:
 * it times a round of that many platforms (the first `n`: slow contenders).
 */
export async function timeInterleaved(
  n: number,
  entries: readonly { readonly name: string; readonly rounds: number; readonly round: () => Promise<number>; readonly n?: number }[],
): Promise<Timing[]> {
  for (const e of entries) await e.round();
  const rates: number[][] = entries.map(() => []);
  const most = Math.max(...entries.map((e) => e.rounds));
  for (let r = 0; r < most; r++) {
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k] as (typeof entries)[number];
      if (r >= e.rounds) continue;
      (rates[k] as number[]).push((e.n ?? n) / (await e.round()));
    }
  }
  return entries.map((e, k) => {
    const xs = rates[k] as number[];
    return { name: e.name, rounds: xs, median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
  });
}

/** The median over rounds of the ratio of two contenders' rates in the same round (see `timeInterleaved`). */
export function roundRatio(a: Timing, b: Timing): number {
  const xs: number[] = [];
  for (let r = 0; r < Math.min(a.rounds.length, b.rounds.length); r++) xs.push((a.rounds[r] as number) / (b.rounds[r] as number));
  return median(xs);
}

/** CPU milliseconds of one call of this process (median of `rounds`); `wall` for wall-clock time instead. */
export function ms(rounds: number, fn: () => void, wall = false): { median: number; min: number; max: number; first: number } {
  const xs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (wall) {
      const t0 = process.hrtime.bigint();
      fn();
      xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    } else {
      const c0 = process.cpuUsage();
      fn();
      const c = process.cpuUsage(c0);
      xs.push((c.user + c.system) / 1000);
    }
  }
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), first: xs[0] ?? NaN };
}

export function machine(): string {
  const c = cpus();
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  return `${c.length} × ${c[0]?.model.trim() ?? 'unknown cpu'}, Node ${process.version}, ${process.platform}/${process.arch}, load average ${load} (1, 5, 15 min)`;
}

export function fmtRate(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`;
}
