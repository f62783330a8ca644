// `assay eval <ruleset> corpus.ndjson|corpus.csv`: assesses a corpus as a stream, on every core, in bounded memory.
// In: the corpus path, the ruleset (compiled here and, from its text, on each worker), options. Out: NDJSON result
// lines written to stdout as they are ready, in input order, exactly one per record whatever happens; a progress
// bar on a terminal; counts.
//
// The CLI runs commands synchronously, so the main thread reads the file with synchronous reads, hands batches of
// lines to worker threads over MessageChannels, and sleeps on an Atomics counter the workers bump, collecting
// results with `receiveMessageOnPort`. The main thread only moves bytes: a batch goes out as the UTF-8 bytes of
// its lines and comes back as the UTF-8 bytes of its results, through shared buffers reused batch after batch,
// never decoded there, so its heap stays small whatever the corpus. At most two batches per worker are in flight
// and results are written as soon as they are next in order, so memory does not grow with the corpus. Without a
// bundled build (tests run the TypeScript sources) or with `workers: 0`, batches run in-process, through the same
// `runBatch`.
//
// Faults. A line longer than the limit is never read into memory: it gets an error line. A worker's `exit` is an
// event the blocked main thread cannot receive, so one more thread, the supervisor, starts the workers and tells
// the main thread (through the same counter) when one stops. Each worker publishes the index of the record it is
// assessing; when it dies on a record (out of memory, typically), that record gets an error line, a new worker takes
// the dead one's place and its batches again, and the others go on. A worker that stops outside any record hands
// the rest of the file to the main thread. Worker heaps are sized from the ruleset and the line limit.
//
// For tests and measurements: ASSAY_STREAM_STATS=1 adds a line of figures on stderr (peak memory, CPU, rate, heaps,
// time per stage), ASSAY_STREAM_BATCH=n sets the lines per batch (default 1000), ASSAY_MAX_LINE_BYTES the longest
// line read (default the evidence file limit, 4 MiB), ASSAY_WORKER_HEAP_MB a worker's heap limit (default from the
// ruleset).

import { closeSync, fstatSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, serialize } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';
import type { Lang } from '../../dsl/index';
import { MAX_EVIDENCE_BYTES, type CompiledRuleset } from '../../engine/index';
import { writeGenerated } from '../generated';
import { t } from '../i18n';
import { envLimit } from '../io';
import { ByteSink, runBatch, type BatchOut, type StageTimes } from './batch';
import { firstLine, LineReader } from './lines';
import { runOnWorkers, WorkersSilent, type Lines, type WorkerStats } from './pool';
import { csvShape, type CsvShape } from './records';

export interface StreamOptions {
  readonly path: string;
  readonly format: 'ndjson' | 'csv';
  readonly ruleset: CompiledRuleset;
  readonly rulesetText: string;
  readonly lang: Lang;
  /** Worker threads (default: one per core, at most 4; 0 = in-process). */
  readonly workers?: number;
  /** Lines per batch (default 1000, or ASSAY_STREAM_BATCH). */
  readonly batch?: number;
  /** Longest line read, in bytes without its '\n' (default ASSAY_MAX_LINE_BYTES, else the evidence file limit). */
  readonly maxLineBytes?: number;
  /** Where result lines go (default: stdout, synchronously). */
  readonly write?: (text: string) => void;
  /** Progress bar on stderr. */
  readonly progress?: boolean;
  /** The decision alone per platform (`CompiledRuleset.decide`), not the full result. */
  readonly decision?: boolean;
  /** Assess leniently (`AssessOptions.lenient`). */
  readonly lenient?: boolean;
}

export interface StreamSummary {
  readonly records: number;
  readonly failed: number;
  readonly workers: number;
  readonly seconds: number;
  /** Problem with the corpus as a whole (unreadable file, CSV without a header), in `lang`, naming the file. */
  readonly error?: string;
  /** What the user should know although every record got its line (a worker stopped outside any record). */
  readonly warnings?: readonly string[];
}

/** Most worker threads `--workers` accepts: more than the cores only add memory. */
export function maxWorkers(): number {
  return Math.max(4, availableParallelism());
}

/** The script a worker runs: this bundle (dist/cli/assay.js), or undefined when running from sources. */
function workerScript(): URL | undefined {
  const url = import.meta.url;
  return url.endsWith('.js') || url.endsWith('.mjs') ? new URL(url) : undefined;
}

function bar(done: number, bytes: number, size: number, t0: number, lang: Lang): string {
  const s = (Date.now() - t0) / 1000;
  const pct = size > 0 ? Math.min(1, bytes / size) : 0;
  const width = 24;
  const full = Math.round(pct * width);
  const rate = s > 0 ? Math.round(done / s) : 0;
  return `\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(pct * 100).toFixed(0).padStart(3)}%  ${t(lang, 'streamProgress', { done, rate })}  `;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `bytes` to a file descriptor, waiting while a non-blocking pipe is full. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

const utf8 = new TextDecoder();

/** Most bytes of input in one batch (besides its first line): memory stays bounded when records are long. */
const BATCH_BYTES = 2 << 20;

/**
 * A worker's heap: one ruleset, its compilation, and the garbage of one batch, whose largest part is the one
 * record being read (JSON.parse of a line of tiny objects takes about 8 times its bytes). The main thread's heap
 * after compiling the ruleset bounds what the ruleset holds; compiling takes up to twice that. The old generation is
 * a ceiling, not a reservation. A small young generation keeps the short-lived objects of each platform from
 * growing the process; a big ruleset gets a bigger one, or compiling it and its plan scavenges all the time (a
 * 20,000-indicator ruleset: 8.4 s of CPU with 4 MB, 6.6 s with 32 MB). ASSAY_WORKER_HEAP_MB sets the old
 * generation (tests, or a corpus of unusual records).
 */
function workerLimits(maxLine: number): ResourceLimits {
  const used = getHeapStatistics().used_heap_size / (1 << 20);
  const sized = Math.ceil(2 * used + (8 * maxLine) / (1 << 20)) + 32;
  return {
    maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.round(used / 8))),
    maxOldGenerationSizeMb: envLimit('ASSAY_WORKER_HEAP_MB', Math.max(96, sized)),
  };
}

export function streamEval(o: StreamOptions): StreamSummary {
  const t0 = Date.now();
  // TextDecoder does not read shared memory: a copy, for the tests' `write`.
  const write: (out: Uint8Array) => void = o.write ? (out) => (o.write as (text: string) => void)(utf8.decode(out.slice())) : (out) => writeAll(1, out);
  const batchSize = o.batch ?? envLimit('ASSAY_STREAM_BATCH', 1000);
  const maxLine = o.maxLineBytes ?? envLimit('ASSAY_MAX_LINE_BYTES', MAX_EVIDENCE_BYTES);
  let fd: number;
  try {
    fd = openSync(o.path, 'r');
  } catch (e) {
    return { records: 0, failed: 0, workers: 0, seconds: 0, error: t(o.lang, 'cannotRead', { path: o.path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }) };
  }
  let size = 0;
  try {
    size = fstatSync(fd).size;
  } catch {
    size = 0;
  }
  const reader = new LineReader(fd, maxLine);
  let lineNo = 0;
  /** The next batch, its lines too long to read rejected with a message saying so. */
  const next = (): Lines | undefined => {
    const b = reader.next(batchSize, BATCH_BYTES);
    if (b === undefined) return undefined;
    const lines: Lines = {
      bytes: b.bytes,
      firstLine: lineNo + 1,
      rejected: b.oversize.map(([k, bytes]) => [k, t(o.lang, 'streamLineTooLong', { bytes, limit: maxLine })]),
    };
    lineNo += b.lines;
    return lines;
  };

  let header: string | undefined;
  let headerLine = 0;
  let shape: CsvShape | undefined;
  if (o.format === 'csv') {
    for (;;) {
      const b = reader.next(1);
      if (b === undefined) break;
      lineNo++;
      const long = b.oversize[0];
      if (long) {
        closeSync(fd);
        const message = t(o.lang, 'streamLineTooLong', { bytes: long[1], limit: maxLine });
        return { records: 0, failed: 0, workers: 0, seconds: 0, error: t(o.lang, 'streamRecord', { file: o.path, line: lineNo, message }) };
      }
      const h = firstLine(b.bytes);
      if (h.trim() !== '') {
        header = h;
        headerLine = lineNo;
        break;
      }
    }
    const s =
      header === undefined
        ? { error: t(o.lang, 'streamCsvEmpty', { file: o.path }) }
        : csvShape(header, o.ruleset.model, o.lang, o.path, headerLine);
    if ('error' in s) {
      closeSync(fd);
      return { records: 0, failed: 0, workers: 0, seconds: 0, error: s.error };
    }
    shape = s;
  }

  const script = workerScript();
  const env = process.env['ASSAY_WORKERS'];
  const envWorkers = env !== undefined && /^\d+$/.test(env.trim()) ? Math.min(Number(env), maxWorkers()) : undefined;
  const wanted = o.workers ?? envWorkers ?? Math.min(availableParallelism(), 4);
  const nWorkers = script ? wanted : 0;
  const stats = Boolean(process.env['ASSAY_STREAM_STATS']);
  const workerStats: WorkerStats[] = [];
  /** The main thread's time per stage, when it assesses batches itself. */
  const hereTimes: StageTimes | undefined = stats ? { read: 0, assess: 0, write: 0 } : undefined;
  const warnings: string[] = [];
  let records = 0;
  let failed = 0;
  let lastBar = 0;
  const showBar = (): void => {
    if (!o.progress) return;
    const now = Date.now();
    if (now - lastBar < 200) return;
    lastBar = now;
    writeSync(2, bar(records, reader.bytesRead, size, t0, o.lang));
  };
  const emit = (out: Uint8Array, r: BatchOut): void => {
    write(out);
    records += r.records;
    failed += r.failed;
    showBar();
  };
  const here = new ByteSink(Buffer.allocUnsafeSlow(1 << 20));
  const runHere = (b: Lines): void => {
    here.clear();
    const r = runBatch(o.ruleset, b.bytes, b.firstLine, o.format, shape, o.lang, o.path, here, o.decision === true, o.lenient === true, new Map(b.rejected), undefined, hereTimes);
    emit(here.bytes(), r);
  };
  const summary = (error?: string): StreamSummary => ({
    records,
    failed,
    workers: nWorkers,
    seconds: (Date.now() - t0) / 1000,
    ...(error !== undefined ? { error } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  });

  /** With workers (not `--lenient`): a folder of this run holding the generated module they import (decide and full
   * results: the full variant writes a result about 1.2× as fast as the plan, measured on 100,000 platforms). */
  let genDir: string | undefined;
  try {
    if (nWorkers > 0) {
      let generated: string | undefined;
      if (!o.lenient) ({ dir: genDir, path: generated } = generatedModule(o.ruleset));
      const crash = runOnWorkers({
        script: script as URL,
        workers: nWorkers,
        limits: workerLimits(maxLine),
        job: { rulesetText: o.rulesetText, path: o.path, format: o.format, header, headerLine, lang: o.lang, decision: o.decision === true, lenient: o.lenient === true, stats, ...(generated !== undefined ? { generated } : {}), ...syntaxTree(o.ruleset) },
        stats: workerStats,
        next,
        emit: (out, records, failed) => emit(out, { records, failed }),
        runHere,
        tick: showBar,
        warn: (m) => warnings.push(m),
      });
      if (crash !== undefined) return summary(t(o.lang, 'streamWorkerFailed', { file: o.path, reason: crash }));
    }
    // In-process: all of the file, or what is left when the workers handed it over.
    for (let b = next(); b; b = next()) runHere(b);
  } catch (e) {
    if (!(e instanceof WorkersSilent)) throw e;
    return summary(t(o.lang, 'streamWorkersSilent', { file: o.path }));
  } finally {
    closeSync(fd);
    if (genDir !== undefined) rmSync(genDir, { recursive: true, force: true });
    if (o.progress) writeSync(2, bar(records, size, size, t0, o.lang) + '\n');
    if (stats) writeStats(records, nWorkers, t0, workerStats, hereTimes);
  }
  return summary();
}

/** The ruleset's syntax tree for the workers (`Job.ast`); nothing when it cannot be serialised (they parse the text). */
function syntaxTree(r: CompiledRuleset): { ast?: Uint8Array } {
  try {
    return { ast: serialize(r.ast) };
  } catch {
    return {};
  }
}

/**
 * The ruleset's generated decide module written into a new temporary folder (removed after the run), for the workers
 * to import: the generated code decides about three times as fast as the plan. Nothing when the generator does not
 * cover the ruleset or the folder cannot be written — the plan decides the same.
 */
function generatedModule(r: CompiledRuleset): { dir?: string; path?: string } {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'assay-stream-gen-'));
    const w = writeGenerated(r, dir);
    return 'path' in w ? { dir, path: w.path } : { dir };
  } catch {
    return dir !== undefined ? { dir } : {};
  }
}

/**
 * With ASSAY_STREAM_STATS set: one JSON line on stderr with the process's peak resident memory (all threads),
 * CPU time, throughput, the main thread's heap, each worker's largest heap and busy share, and the microseconds per
 * record of each stage (reading, assessing, writing; summed over the threads that assessed) (for measurements).
 */
function writeStats(records: number, workers: number, t0: number, all: readonly WorkerStats[], here: StageTimes | undefined): void {
  const u = process.resourceUsage();
  const seconds = (Date.now() - t0) / 1000;
  const cpu = (u.userCPUTime + u.systemCPUTime) / 1e6;
  const mb = (x: number): number => Math.round(x / 1048576);
  const main = getHeapStatistics();
  const stage = (k: keyof StageTimes): number =>
    records > 0 ? Math.round((1000 * all.reduce((sum, w) => sum + w.stages[k], here?.[k] ?? 0)) / records * 10) / 10 : 0;
  const line = {
    records,
    workers,
    seconds,
    cpuSeconds: cpu,
    perSecond: seconds > 0 ? Math.round(records / seconds) : 0,
    maxRssMb: Math.round(u.maxRSS / 1024),
    mainHeapMb: [mb(main.used_heap_size), mb(main.total_heap_size)],
    workerHeapMb: all.map((w) => [mb(w.heapUsed), mb(w.heapTotal)]),
    /** Share of the run each worker spent assessing (the rest: starting, waiting for batches or for its turn). */
    workerBusy: all.map((w) => Math.round(w.busy / 10 / seconds) / 100),
    /** Microseconds per record, wall time of the thread that did it: reading, assessing, writing its line. */
    stageMicros: { read: stage('read'), assess: stage('assess'), write: stage('write') },
    /** Platforms decided by the generated decide module, in all workers (with `--decision`). */
    generated: all.reduce((sum, w) => sum + w.generated, 0),
    /** Full results written by the generated module's full variant, in all workers (without `--decision`). */
    generatedFull: all.reduce((sum, w) => sum + w.generatedFull, 0),
  };
  writeSync(2, `assay-stream-stats ${JSON.stringify(line)}\n`);
}
