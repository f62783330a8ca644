// `assay eval <ruleset> corpus.ndjson|corpus.csv`: assesses a corpus as a stream, on every core, in bounded memory.
// In: the corpus path, the ruleset (compiled here and, from its text, on each worker), options. Out: NDJSON result
// lines written to stdout as they are ready, in input order; a progress bar on a terminal; counts.
//
// The CLI runs commands synchronously, so the main thread reads the file with synchronous reads, hands batches of
// lines to worker threads over MessageChannels, and sleeps on an Atomics counter the workers bump, collecting
// results with `receiveMessageOnPort`. At most two batches per worker are in flight and results are written as
// soon as they are next in order, so memory does not grow with the corpus. Without a bundled build (tests run the
// TypeScript sources) or with `workers: 0`, batches run in-process.

import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Lang } from '../../dsl/ast';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import { t } from '../i18n';
import { runBatch, type BatchOut } from './batch';
import { csvShape, type CsvShape } from './records';

export interface StreamOptions {
  readonly path: string;
  readonly format: 'ndjson' | 'csv';
  readonly ruleset: CompiledRuleset;
  readonly rulesetText: string;
  readonly lang: Lang;
  /** Worker threads (default: one per core, at most 4; 0 = in-process). */
  readonly workers?: number;
  /** Lines per batch (default 1000). */
  readonly batch?: number;
  /** Where result lines go (default: stdout, synchronously). */
  readonly write?: (text: string) => void;
  /** Progress bar on stderr. */
  readonly progress?: boolean;
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
}

interface BatchMsg {
  readonly seq: number;
  readonly firstLine: number;
  readonly lines: readonly string[];
}
type ResultMsg = ({ readonly seq: number } & BatchOut) | { readonly seq: number; readonly crash: string };

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
  init.port.on('message', (m: BatchMsg) => {
    try {
      if (!ruleset) throw new Error(t(init.lang, 'streamWorkerNoRuleset'));
      if (shape && 'error' in shape) throw new Error(shape.error);
      post({ seq: m.seq, ...runBatch(ruleset, m.lines, m.firstLine, init.format, shape, init.lang, init.path) });
    } catch (e) {
      post({ seq: m.seq, crash: e instanceof Error ? e.message : String(e) });
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

export function streamEval(o: StreamOptions): StreamSummary {
  const t0 = Date.now();
  const write = o.write ?? ((s: string) => void writeSync(1, s));
  const batchSize = o.batch ?? 1000;
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
  const decoder = new StringDecoder('utf8');
  const buf = Buffer.allocUnsafe(1 << 20);
  let rest = '';
  let bytes = 0;
  let lineNo = 0;
  let eof = false;
  /** The next complete lines (up to `max`), or fewer at the end of the file. */
  const nextLines = (max: number): string[] => {
    const out: string[] = [];
    while (out.length < max) {
      const nl = rest.indexOf('\n');
      if (nl >= 0) {
        const line = rest.slice(0, nl);
        rest = rest.slice(nl + 1);
        out.push(line.endsWith('\r') ? line.slice(0, -1) : line);
        continue;
      }
      if (eof) {
        if (rest !== '') out.push(rest);
        rest = '';
        break;
      }
      const n = readSync(fd, buf, 0, buf.length, null);
      bytes += n;
      if (n === 0) {
        eof = true;
        rest += decoder.end();
      } else rest += decoder.write(buf.subarray(0, n));
    }
    return out;
  };

  let header: string | undefined;
  let headerLine = 0;
  let shape: CsvShape | undefined;
  if (o.format === 'csv') {
    for (;;) {
      const [h] = nextLines(1);
      lineNo++;
      if (h === undefined) break;
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
  let records = 0;
  let failed = 0;
  let lastBar = 0;
  const showBar = (): void => {
    if (!o.progress) return;
    const now = Date.now();
    if (now - lastBar < 200) return;
    lastBar = now;
    writeSync(2, bar(records, bytes, size, t0, o.lang));
  };

  try {
    if (nWorkers === 0) {
      for (;;) {
        const first = lineNo + 1;
        const lines = nextLines(batchSize);
        if (lines.length === 0) break;
        lineNo += lines.length;
        const r = runBatch(o.ruleset, lines, first, o.format, shape, o.lang, o.path);
        write(r.text);
        records += r.records;
        failed += r.failed;
        showBar();
      }
    } else {
      const signalBuf = new SharedArrayBuffer(4);
      const signal = new Int32Array(signalBuf);
      const workers: { worker: Worker; port: MessagePort; inFlight: number }[] = [];
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
        };
        const worker = new Worker(script as URL, { workerData: data, transferList: [ch.port2], env: { ...process.env, ASSAY_NO_MAIN: '1' }, stdout: false, stderr: false,
          // Small heaps: a worker holds one ruleset and two batches; the default young generation alone is larger.
          resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 } });
        workers.push({ worker, port: ch.port1, inFlight: 0 });
      }
      const pending = new Map<number, ResultMsg>();
      let nextSeq = 0;
      let nextOut = 0;
      let crash: string | undefined;
      const drain = (): boolean => {
        let got = false;
        for (const w of workers) {
          for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
            const r = m.message as ResultMsg;
            w.inFlight--;
            pending.set(r.seq, r);
            got = true;
          }
        }
        for (let r = pending.get(nextOut); r; r = pending.get(nextOut)) {
          pending.delete(nextOut);
          nextOut++;
          if ('crash' in r) crash ??= r.crash;
          else {
            write(r.text);
            records += r.records;
            failed += r.failed;
          }
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
      try {
        for (;;) {
          if (crash) break;
          const first = lineNo + 1;
          const lines = nextLines(batchSize);
          if (lines.length === 0) break;
          lineNo += lines.length;
          let w = workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
          while (w.inFlight >= 2) {
            waitSome();
            w = workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
          }
          w.port.postMessage({ seq: nextSeq++, firstLine: first, lines } satisfies BatchMsg);
          w.inFlight++;
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
  }
  return { records, failed, workers: nWorkers, seconds: (Date.now() - t0) / 1000 };
}
