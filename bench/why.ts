// Why a target is not met: V8 CPU profiles summarised as the share of busy time by source file and by function.
// In: `.cpuprofile` objects (one per thread: the main thread, stream workers), from the inspector in-process
// (`profileHere`) or from `node --cpu-prof` around the CLI (`profileCli`, which runs an unminified build of it so
// that functions keep their names). Code in an esbuild bundle is traced back to its source file by the `// path.ts`
// comment esbuild writes before each module. Out: a few lines of text, printed by bench/run.ts under a NOT met target.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 CPU profile read here. */
export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where each module of a bundle starts: its first line (0-based) and its source path, in order of lines. */
type Markers = readonly { readonly line: number; readonly source: string }[];

const MODULE_COMMENT = /^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|mts|js|mjs|cjs|json))$/;

function markersOf(file: string): Markers {
  if (!existsSync(file)) return [];
  const out: { line: number; source: string }[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = MODULE_COMMENT.exec(l);
      if (m) out.push({ line: i, source: (m[1] as string).replace(/^(?:\.\.\/)+/, '') });
    });
  return out;
}

/** The source file of a frame: the bundle's module that holds its line, else the file relative to `root`. */
function sourceOf(root: string, url: string, line: number, bundles: Map<string, Markers>): string {
  if (url === '') return '';
  if (!url.startsWith('file:')) return url.startsWith('node:') ? 'node internals' : url;
  const file = fileURLToPath(url);
  let markers = bundles.get(file);
  if (markers === undefined) bundles.set(file, (markers = markersOf(file)));
  let source: string | undefined;
  for (const m of markers) {
    if (m.line > line) break;
    source = m.source;
  }
  if (source !== undefined) return source.replace(/^node_modules\//, 'npm ');
  if (/(^|\/)sha256_[0-9a-f]+\.mjs$/.test(file)) return 'the generated module';
  const rel = relative(root, file);
  return rel.startsWith('..') ? file : rel.replace(/^node_modules\//, 'npm ');
}

const SPECIAL: Readonly<Record<string, string>> = { '(garbage collector)': 'garbage collection', '(program)': 'V8 itself (compiling, runtime)' };

/** The inspector's own frames (`session.post` of Profiler.start and stop): not the code profiled. */
const PROFILER = 'built-in dispatch';

/**
 * Frames where a thread sleeps rather than works: a profile samples a thread blocked in `Atomics.wait` as if it ran
 * the function that called it. Their time is counted apart, as waiting.
 */
const WAITING: ReadonlySet<string> = new Set(['waitSome (cli/stream/pool.ts)', 'built-in wait']);
/**
 * The busy time of `profiles` (idle left out), as the lines printed under a target: the share of each source file
 * (the `files` largest) and of each function (the `functions` largest), each with its source.
 */
export function summarise(root: string, profiles: readonly CpuProfile[], files = 6, functions = 8, threads?: readonly string[]): string[] {
  const bundles = new Map<string, Markers>();
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let waiting = 0;
  const perThread: string[] = [];
  for (const [k, p] of profiles.entries()) {
    const busy0 = busy;
    const self = new Map<number, number>();
    p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    for (const node of p.nodes) {
      const us = self.get(node.id);
      if (us === undefined || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(root)') continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const special = Object.hasOwn(SPECIAL, functionName) ? SPECIAL[functionName] : undefined;
      const source = sourceOf(root, url, lineNumber, bundles);
      const file = special ?? (source === '' ? 'V8 built-ins' : source);
      const fn = special ?? (source === '' ? `built-in ${functionName || '(anonymous)'}` : `${functionName || '(anonymous)'} (${source})`);
      if (fn === PROFILER) continue;
      if (WAITING.has(fn)) {
        waiting += us;
        continue;
      }
      byFile.set(file, (byFile.get(file) ?? 0) + us);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
      busy += us;
    }
    if (threads) perThread.push(`${threads[k] ?? `thread ${k}`} ${((busy - busy0) / 1e6).toFixed(2)} s`);
  }
  const top = (m: Map<string, number>, n: number): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${((100 * us) / busy).toFixed(0)}% ${k}`)
      .join('; ');
  const head = `profile: ${(busy / 1e6).toFixed(2)} s busy over ${profiles.length} thread${profiles.length === 1 ? '' : 's'}`;
  const threadsShown = perThread.length > 1 ? ` (${perThread.join(', ')})` : '';
  const waited = waiting > 0 ? `; ${(waiting / 1e6).toFixed(2)} s waiting (Atomics.wait), left out` : '';
  return [head + threadsShown + waited, `by source file: ${top(byFile, files)}`, `by function (self time): ${top(byFunction, functions)}`];
}

/** The CPU profile of `run` in this thread (the main thread or a worker), sampled every 200 µs. */
export async function profileHere(run: () => Promise<unknown> | unknown): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await run();
    const { profile } = await session.post('Profiler.stop');
    return profile as unknown as CpuProfile;
  } finally {
    session.disconnect();
  }
}

const threadOf = (file: string): number => Number(file.split('.')[4]);

/**
 * The CPU profile of `pass` run again and again for `seconds` of wall time (at least three times). Unlike a timed
 * round, no garbage collection is forced between passes: the profile shows the garbage a pass leaves.
 */
export function profilePasses(pass: () => unknown, seconds: number): Promise<CpuProfile> {
  return profileHere(async () => {
    const t0 = performance.now();
    for (let k = 0; k < 3 || performance.now() - t0 < seconds * 1000; k++) await pass();
  });
}

/** The unminified CLI that `profileCli` runs: built by scripts/bench.mjs beside the benchmark. */
export const PROFILED_CLI = join('dist', 'bench', 'cli', 'assay.js');

/**
 * `assay …args` run once under `node --cpu-prof` (every thread profiled), with `env` added; the profiles' summary.
 * Exits 0 and 1 (a result with failures) are both a normal run.
 */
export function profileCli(root: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'assay-profile-'));
  try {
    const p = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500', join(root, PROFILED_CLI), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (p.status !== 0 && p.status !== 1) return [`profile: assay ${args.join(' ')} failed (${p.status}): ${p.stderr.slice(-200)}`];
    // Files are named CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile; thread 0 is the main thread.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort((a, b) => threadOf(a) - threadOf(b));
    const profiles = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
    return summarise(root, profiles, 6, 8, files.map((f) => (threadOf(f) === 0 ? 'main thread' : `thread ${threadOf(f)}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
