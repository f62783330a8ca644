// The CLI bundled for tests of the worker-thread path (the tests' own TypeScript runs streams in-process only), and a
// runner of it. In: a folder to build into. Out: the bundle's path; a run's exit status, output and stream figures.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../plan/helpers';

/** Builds cli/assay.ts and the stream supervisor as scripts/build.mjs does (a worker runs the bundle's own file). */
export async function buildBundle(dir: string): Promise<string> {
  const bundle = join(dir, 'assay.js');
  await build({
    entryPoints: [join(ROOT, 'cli/assay.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __assayCreateRequire } from 'node:module'; const require = __assayCreateRequire(import.meta.url);" },
    minify: true,
    keepNames: true,
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(ROOT, 'cli/stream/supervisor.ts')],
    outfile: join(dir, 'stream-supervisor.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
  return bundle;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly stats: { records: number; workers: number; maxRssMb: number; workerHeapMb: number[][]; stageMicros: { read: number; assess: number; write: number }; generated: number; generatedFull: number } | undefined;
}

/** Runs the bundle with `args` and extra environment, with ASSAY_STREAM_STATS on (its line taken out of stderr). */
export function runBundle(bundle: string, args: readonly string[], env: Readonly<Record<string, string>> = {}, timeout = 120_000): Run {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [bundle, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout,
    env: { ...process.env, ASSAY_STREAM_STATS: '1', ...env },
  });
  const line = p.stderr.split('\n').find((l) => l.startsWith('assay-stream-stats '));
  const stderr = p.stderr
    .split('\n')
    .filter((l) => !l.startsWith('assay-stream-stats '))
    .join('\n');
  return { status: p.status, stdout: p.stdout, stderr, seconds: (performance.now() - t0) / 1000, stats: line ? (JSON.parse(line.slice(19)) as Run['stats']) : undefined };
}
