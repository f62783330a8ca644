// bench/why.ts: a CPU profile summarised as shares of busy time by source file and by function. In: a small bundle
// with esbuild's module comments and a hand-made profile of it. Out: the lines bench/run.ts prints under a target.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { summarise, type CpuProfile } from '../../bench/why';

const dir = mkdtempSync(join(tmpdir(), 'assay-why-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, 'bundle.mjs');
writeFileSync(bundle, ['// engine/plan/num.ts', 'function cmp() {}', '', '// cli/stream/pool.ts', 'function waitSome() {}', '// engine/generate/attach.ts', 'function attempt() {}'].join('\n'));
const url = pathToFileURL(bundle).href;

/** A profile whose nodes are `frames` and in which frame k was sampled for `us[k]` microseconds. */
function profile(frames: readonly [string, string, number][], us: readonly number[]): CpuProfile {
  const nodes = frames.map(([functionName, u, lineNumber], k) => ({ id: k + 1, callFrame: { functionName, url: u, lineNumber } }));
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  us.forEach((t, k) => {
    samples.push(k + 1);
    timeDeltas.push(t);
  });
  return { nodes, samples, timeDeltas };
}

describe('summarise', () => {
  it('names the source module of a bundled line, leaves idle, waiting and the profiler out, and sums threads', () => {
    const main = profile(
      [
        ['cmp', url, 1],
        ['attempt', url, 6],
        ['(garbage collector)', '', -1],
        ['(idle)', '', -1],
        ['dispatch', '', -1],
        ['waitSome', url, 4],
      ],
      [300, 500, 200, 9000, 700, 4000],
    );
    const worker = profile([['parse', '', -1], ['cmp', url, 1]], [600, 400]);
    const lines = summarise(dir, [main, worker], 3, 3, ['main thread', 'thread 1']);
    expect(lines).toEqual([
      'profile: 0.00 s busy over 2 threads (main thread 0.00 s, thread 1 0.00 s); 0.00 s waiting (Atomics.wait), left out',
      'by source file: 35% engine/plan/num.ts; 30% V8 built-ins; 25% engine/generate/attach.ts',
      'by function (self time): 35% cmp (engine/plan/num.ts); 30% built-in parse; 25% attempt (engine/generate/attach.ts)',
    ]);
  });

  it('counts the busy seconds of each thread', () => {
    const lines = summarise(dir, [profile([['cmp', url, 1]], [1_500_000]), profile([['attempt', url, 6]], [500_000])], 2, 2, ['main thread', 'thread 2']);
    expect(lines[0]).toBe('profile: 2.00 s busy over 2 threads (main thread 1.50 s, thread 2 0.50 s)');
    expect(lines[1]).toBe('by source file: 75% engine/plan/num.ts; 25% engine/generate/attach.ts');
  });
});
