// Timing helpers of the benchmark: rounds, medians and spreads, and the machine it ran on.
// In: a function over a batch of platforms. Out: platforms per second per round, summarised (median, min–max).

import { cpus } from 'node:os';

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

/** Runs `fn` over the batch `rounds` times (after one warm-up round) and reports platforms per second. */
export async function time(name: string, n: number, rounds: number, fn: () => unknown | Promise<unknown>): Promise<Timing> {
  await fn();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // CPU time of this process, not wall time: the machine may be shared, and other processes' load would
    // otherwise land on whichever contender happened to run at the time.
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    rates.push(n / ((c.user + c.system) / 1e6));
  }
  return { name, rounds: rates, median: median(rates), min: Math.min(...rates), max: Math.max(...rates) };
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
  return `${c.length} × ${c[0]?.model.trim() ?? 'unknown cpu'}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function fmtRate(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`;
}
