// `assay eval <ruleset> corpus.ndjson|corpus.csv`: assesses a corpus as a stream, on every core, in bounded memory.
// In: the corpus path, the ruleset (compiled here and, from its text, on each worker), options. Out: NDJSON result
// lines written to stdout as they are ready, in input order; a progress bar on a terminal; counts.
//
// The CLI runs commands synchronously, so the main thread reads the file with synchronous reads, hands batches of
// lines to worker threads over MessageChannels, and sleeps on an Atomics counter the workers bump, collecting
// results with `receiveMessageOnPort`. The main thread only moves bytes: a batch goes out as the UTF-8 bytes of
// its lines and comes back as the UTF-8 bytes of its results, through shared buffers reused batch after batch,
// never decoded there, so its heap stays small whatever the corpus. At most two batches per worker are in flight
// and results are written as soon as they are next in order, so memory does not grow with the corpus. Without a
// bundled build (tests run the TypeScript sources) or with `workers: 0`, batches run in-process, through the same
// `runBatch`. For tests and measurements: ASSAY_STREAM_STATS=1 adds a line of figures on stderr (peak memory,
// CPU, rate, heaps), ASSAY_STREAM_BATCH=n sets the lines per batch (default 1000).

import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Lang } from '../../dsl/ast';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import { t } from '../i18n';
import { ByteSink, runBatch } from './batch';
import { firstLine, LineReader } from './lines';
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
}

interface WorkerInit {
  readonly assayStream: true;
  readonly rulesetText: string;
  readonly path: string;
  readonly format: 'ndjson' | 'csv';
  readonly header: string | undefined;
  readonly headerLine: number;
  readonly lang: Lang;
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
  /** Report the worker's heap in each answer (ASSAY_STREAM_STATS). */
  readonly stats: boolean;
  readonly decision: boolean;
  readonly lenient: boolean;
}

/**
 * A batch in flight. Its input and output live in shared memory that the main thread keeps per slot (two per
 * worker) and reuses, so a batch allocates nothing on either side but its strings: the main thread copies the
 * lines' bytes in, the worker writes the result bytes out (into a bigger buffer of its own when they do not fit,
 * which then replaces the slot's).
 */
interface BatchMsg {
  readonly seq: number;
  readonly slot: number;
  readonly firstLine: number;
  readonly input: SharedArrayBuffer;
  readonly inputLength: number;
  readonly output: SharedArrayBuffer;
}
interface DoneMsg {
  readonly seq: number;
  readonly slot: number;
  readonly outputLength: number;
  /** The bigger buffer the results were written to, when the slot's was too small. */
  readonly output?: SharedArrayBuffer;
  readonly records: number;
  readonly failed: number;
  /** Heap in use and reserved after the batch, in bytes, and milliseconds spent on batches so far (with `stats`). */
  readonly heap?: readonly [number, number, number];
}
type ResultMsg = DoneMsg | { readonly seq: number; readonly slot: number; readonly crash: string };

const sharedBuffer = (size: number): Buffer => Buffer.from(new SharedArrayBuffer(size));

/** Worker side: compile the ruleset once, then answer batches. */
function startWorker(init: WorkerInit): void {
  const signal = new Int32Array(init.signal);
  const post = (m: ResultMsg): void => {
    init.port.postMessage(m);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  const ruleset = compileRuleset(init.rulesetText).ruleset;
  const shape =
    init.format === 'csv' && ruleset && init.header !== undefined
      ? csvShape(init.header, ruleset.model, init.lang, init.path, init.headerLine)
      : undefined;
  let busy = 0;
  init.port.on('message', (m: BatchMsg) => {
    const start = performance.now();
    try {
      if (!ruleset) throw new Error(t(init.lang, 'streamWorkerNoRuleset'));
      if (shape && 'error' in shape) throw new Error(shape.error);
      const sink = new ByteSink(Buffer.from(m.output), sharedBuffer);
      const r = runBatch(ruleset, new Uint8Array(m.input, 0, m.inputLength), m.firstLine, init.format, shape, init.lang, init.path, sink, init.decision, init.lenient);
      let heap: [number, number, number] | undefined;
      if (init.stats) {
        const h = getHeapStatistics();
        busy += performance.now() - start;
        heap = [h.used_heap_size, h.total_heap_size, busy];
      }
      const grown = sink.buf.buffer !== m.output ? { output: sink.buf.buffer as SharedArrayBuffer } : {};
      post({ seq: m.seq, slot: m.slot, outputLength: sink.len, ...grown, records: r.records, failed: r.failed, ...(heap ? { heap } : {}) });
    } catch (e) {
      post({ seq: m.seq, slot: m.slot, crash: e instanceof Error ? e.message : String(e) });
    }
  });
}

const init = workerData as Partial<WorkerInit> | null;
if (!isMainThread && init?.assayStream === true) startWorker(init as WorkerInit);

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

/** Thrown out of the wait loop when no worker answers for two minutes; becomes the summary's error. */
class WorkersSilent extends Error {}

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

/** Batches a worker holds at once: one being assessed, one waiting (or written back, waiting for its turn). */
const SLOTS_PER_WORKER = 2;

/** Most bytes of input in one batch (besides its first line): memory stays bounded when records are long. */
const BATCH_BYTES = 2 << 20;

/**
 * A worker's heap: one ruleset and the garbage of one batch. A small young generation keeps the short-lived
 * objects of each platform from growing the process; the old generation is a ceiling, not a reservation.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 };

export function streamEval(o: StreamOptions): StreamSummary {
  const t0 = Date.now();
  // TextDecoder does not read shared memory: a copy, for the tests' `write`.
  const emit: (out: Uint8Array) => void = o.write ? (out) => (o.write as (text: string) => void)(utf8.decode(out.slice())) : (out) => writeAll(1, out);
  const envBatch = Number(process.env['ASSAY_STREAM_BATCH']);
  const batchSize = o.batch ?? (Number.isInteger(envBatch) && envBatch > 0 ? envBatch : 1000);
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
  const reader = new LineReader(fd);
  let lineNo = 0;

  let header: string | undefined;
  let headerLine = 0;
  let shape: CsvShape | undefined;
  if (o.format === 'csv') {
    for (;;) {
      const b = reader.next(1);
      if (b === undefined) break;
      lineNo++;
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
  const env = Number(process.env['ASSAY_WORKERS']);
  const wanted = o.workers ?? (Number.isInteger(env) && env >= 0 && process.env['ASSAY_WORKERS'] !== '' ? env : Math.min(availableParallelism(), 4));
  const nWorkers = script ? wanted : 0;
  const stats = Boolean(process.env['ASSAY_STREAM_STATS']);
  const heaps: [number, number, number][] = [];
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

  try {
    if (nWorkers === 0) {
      const sink = new ByteSink(Buffer.allocUnsafeSlow(1 << 20));
      for (;;) {
        const b = reader.next(batchSize, BATCH_BYTES);
        if (b === undefined) break;
        sink.clear();
        const r = runBatch(o.ruleset, b.bytes, lineNo + 1, o.format, shape, o.lang, o.path, sink, o.decision === true, o.lenient === true);
        lineNo += b.lines;
        emit(sink.bytes());
        records += r.records;
        failed += r.failed;
        showBar();
      }
    } else {
      const signalBuf = new SharedArrayBuffer(4);
      const signal = new Int32Array(signalBuf);
      interface Slot {
        readonly worker: number;
        input: SharedArrayBuffer;
        output: SharedArrayBuffer;
        busy: boolean;
      }
      const workers: { worker: Worker; port: MessagePort; slots: Slot[] }[] = [];
      const slots: Slot[] = [];
      for (let k = 0; k < nWorkers; k++) {
        const ch = new MessageChannel();
        const data: WorkerInit = {
          assayStream: true,
          rulesetText: o.rulesetText,
          path: o.path,
          format: o.format,
          header,
          headerLine,
          lang: o.lang,
          port: ch.port2,
          signal: signalBuf,
          stats,
          decision: o.decision === true,
          lenient: o.lenient === true,
        };
        const worker = new Worker(script as URL, { workerData: data, transferList: [ch.port2], env: { ...process.env, ASSAY_NO_MAIN: '1' }, stdout: false, stderr: false,
          resourceLimits: WORKER_LIMITS });
        const own: Slot[] = [];
        for (let j = 0; j < SLOTS_PER_WORKER; j++) {
          const slot: Slot = { worker: k, input: new SharedArrayBuffer(1 << 20), output: new SharedArrayBuffer(1 << 20), busy: false };
          own.push(slot);
          slots.push(slot);
        }
        workers.push({ worker, port: ch.port1, slots: own });
        heaps.push([0, 0, 0]);
      }
      const pending = new Map<number, ResultMsg>();
      let nextSeq = 0;
      let nextOut = 0;
      let crash: string | undefined;
      const drain = (): boolean => {
        let got = false;
        for (let k = 0; k < workers.length; k++) {
          const w = workers[k] as (typeof workers)[number];
          for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
            const r = m.message as ResultMsg;
            pending.set(r.seq, r);
            if ('heap' in r && r.heap) {
              const h = heaps[k] as [number, number, number];
              h[0] = Math.max(h[0], r.heap[0]);
              h[1] = Math.max(h[1], r.heap[1]);
              h[2] = r.heap[2];
            }
            got = true;
          }
        }
        for (let r = pending.get(nextOut); r; r = pending.get(nextOut)) {
          pending.delete(nextOut);
          nextOut++;
          const slot = slots[r.slot] as Slot;
          if ('crash' in r) crash ??= r.crash;
          else {
            if (r.output) slot.output = r.output;
            emit(new Uint8Array(slot.output, 0, r.outputLength));
            records += r.records;
            failed += r.failed;
          }
          // Free only once written: the slot's output holds the results until then.
          slot.busy = false;
        }
        return got;
      };
      /** Sleeps until a worker posts, giving up after two minutes without any answer. */
      const waitSome = (): void => {
        let idle = 0;
        while (!drain()) {
          const seen = Atomics.load(signal, 0);
          if (drain()) return;
          if (Atomics.wait(signal, 0, seen, 1000) === 'timed-out' && ++idle > 120) throw new WorkersSilent();
        }
      };
      /** A free slot of the least busy worker (waiting for one). */
      const freeSlot = (): Slot => {
        for (;;) {
          let best: Slot | undefined;
          let bestBusy = Infinity;
          for (const w of workers) {
            const busy = w.slots.filter((x) => x.busy).length;
            const free = w.slots.find((x) => !x.busy);
            if (free && busy < bestBusy) {
              best = free;
              bestBusy = busy;
            }
          }
          if (best) return best;
          waitSome();
        }
      };
      try {
        for (;;) {
          if (crash) break;
          const slot = freeSlot();
          if (crash) break;
          const b = reader.next(batchSize, BATCH_BYTES);
          if (b === undefined) break;
          if (b.bytes.length > slot.input.byteLength) slot.input = new SharedArrayBuffer(Math.max(b.bytes.length, slot.input.byteLength * 2));
          new Uint8Array(slot.input, 0, b.bytes.length).set(b.bytes);
          slot.busy = true;
          const w = workers[slot.worker] as (typeof workers)[number];
          const msg: BatchMsg = { seq: nextSeq++, slot: slots.indexOf(slot), firstLine: lineNo + 1, input: slot.input, inputLength: b.bytes.length, output: slot.output };
          w.port.postMessage(msg);
          lineNo += b.lines;
          drain();
          showBar();
        }
        while (nextOut < nextSeq && !crash) {
          waitSome();
          showBar();
        }
      } finally {
        for (const w of workers) {
          w.port.close();
          void w.worker.terminate();
        }
      }
      if (crash) {
        return { records, failed, workers: nWorkers, seconds: (Date.now() - t0) / 1000, error: t(o.lang, 'streamWorkerFailed', { file: o.path, reason: crash }) };
      }
    }
  } catch (e) {
    if (!(e instanceof WorkersSilent)) throw e;
    return { records, failed, workers: nWorkers, seconds: (Date.now() - t0) / 1000, error: t(o.lang, 'streamWorkersSilent', { file: o.path }) };
  } finally {
    closeSync(fd);
    if (o.progress) writeSync(2, bar(records, size, size, t0, o.lang) + '\n');
    if (stats) writeStats(records, nWorkers, t0, heaps);
  }
  return { records, failed, workers: nWorkers, seconds: (Date.now() - t0) / 1000 };
}

/**
 * With ASSAY_STREAM_STATS set: one JSON line on stderr with the process's peak resident memory (all threads),
 * CPU time, throughput, the main thread's heap, each worker's largest heap and busy share (for measurements).
 */
function writeStats(records: number, workers: number, t0: number, heaps: readonly (readonly [number, number, number])[]): void {
  const u = process.resourceUsage();
  const seconds = (Date.now() - t0) / 1000;
  const cpu = (u.userCPUTime + u.systemCPUTime) / 1e6;
  const mb = (x: number): number => Math.round(x / 1048576);
  const main = getHeapStatistics();
  const line = {
    records,
    workers,
    seconds,
    cpuSeconds: cpu,
    perSecond: seconds > 0 ? Math.round(records / seconds) : 0,
    maxRssMb: Math.round(u.maxRSS / 1024),
    mainHeapMb: [mb(main.used_heap_size), mb(main.total_heap_size)],
    workerHeapMb: heaps.map(([used, total]) => [mb(used), mb(total)]),
    /** Share of the run each worker spent assessing (the rest: starting, waiting for batches or for its turn). */
    workerBusy: heaps.map(([, , busy]) => Math.round(busy / 10 / seconds) / 100),
  };
  writeSync(2, `assay-stream-stats ${JSON.stringify(line)}\n`);
}
