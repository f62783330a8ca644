// The worker threads of a streamed corpus: their code and the main thread's side
// that hands them batches and writes their results in order. In: batches of raw lines from the caller. Out: result
// bytes through the caller's `emit`, one line per record, in input order, whatever happens to a worker.
//
// The main thread blocks (Atomics.wait) and so never sees a worker's `exit` event; the supervisor, a thread with an
// event loop of its own, starts each worker and posts `dead` when one stops. A worker publishes, per slot, the index
// of the record it is assessing: a worker that dies on a record (out of memory, typically) leaves that index, the
// record gets an error line saying so, a new worker takes the dead one's slots and their batches again (with that
// record rejected), and the others go on; each death rejects one more record, so this ends. A worker that stops
// outside any record (while compiling the ruleset, say) hands every unanswered batch, and the rest of the file, to
// the main thread, with a warning.

import { existsSync } from 'node:fs';
import { deserialize, getHeapStatistics } from 'node:v8';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import type { Lang, Ruleset } from '../../dsl/index';
import { compileRuleset, generatedStats, withGenerated, type CompiledRuleset } from '../../engine/index';
import { importGenerated } from '../generated';
import { t } from '../i18n';
import { ByteSink, runBatch, type StageTimes } from './batch';
import { csvShape } from './records';
import { bump, type DeadMsg, type SpawnMsg, type SupervisorInit } from './supervisor';

/** What every worker of a run is told: the ruleset, the corpus and how to write results. */
export interface Job {
  readonly rulesetText: string;
  readonly path: string;
  readonly format: 'ndjson' | 'csv';
  /** The CSV header row and its line number. */
  readonly header: string | undefined;
  readonly headerLine: number;
  readonly lang: Lang;
  readonly decision: boolean;
  /** Assess leniently (`AssessOptions.lenient`). */
  readonly lenient: boolean;
  /** Report the worker's heap, busy time and time per stage in each answer (ASSAY_STREAM_STATS). */
  readonly stats: boolean;
  /** The ruleset's generated module (cli/generated.ts: decide and full results), imported and attached by each worker. */
  readonly generated?: string;
  /**
   * The main thread's syntax tree of the ruleset (v8.serialize), checked there: a worker compiles from it without
   * parsing or checking the text again (about 60 ms of CPU less per worker, a third of its start).
   */
  readonly ast?: Uint8Array;
}

interface WorkerInit extends Job {
  readonly assayStream: true;
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
  /** One Int32 per slot: the index in its batch of the record being assessed, else -1. */
  readonly progress: SharedArrayBuffer;
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
  /** Lines (by index in the batch) that get an error line with this message instead of being read. */
  readonly rejected: readonly (readonly [number, string])[];
}
interface DoneMsg {
  readonly seq: number;
  readonly slot: number;
  readonly outputLength: number;
  /** The bigger buffer the results were written to, when the slot's was too small. */
  readonly output?: SharedArrayBuffer;
  readonly records: number;
  readonly failed: number;
  /** With `stats`: the worker's figures after this batch. */
  readonly stats?: WorkerStats;
}

/** A worker's figures (ASSAY_STREAM_STATS): its heap, and its time on batches so far, in all and per stage. */
export interface WorkerStats {
  /** Heap in use and reserved, in bytes. */
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** Milliseconds spent on batches. */
  readonly busy: number;
  readonly stages: StageTimes;
  /** Platforms its generated decide module decided (the rest the plan did). */
  readonly generated: number;
  /** Full results its generated module wrote (the rest the plan wrote). */
  readonly generatedFull: number;
}
/** A batch that threw: at record `at` of the batch, or before any record (-1). */
type ResultMsg = DoneMsg | { readonly seq: number; readonly slot: number; readonly crash: string; readonly at: number };

const sharedBuffer = (size: number): Buffer => Buffer.from(new SharedArrayBuffer(size));


/**
 * The worker's ruleset: compiled from its text, with the generated decide module attached when there is one (its
 * decisions are the plan's; a module that cannot be imported or attached leaves the plan alone to decide).
 */
async function workerRuleset(init: WorkerInit): Promise<CompiledRuleset | undefined> {
  const parsed = init.ast !== undefined ? { parsed: { ast: deserialize(init.ast) as Ruleset, diagnostics: [] }, checks: false } : {};
  const compiled = compileRuleset(init.rulesetText, parsed).ruleset;
  if (!compiled || init.generated === undefined) return compiled;
  try {
    return withGenerated(compiled, await importGenerated(init.generated));
  } catch {
    return compiled;
  }
}

/** Worker side: compile the ruleset once, then answer batches (they wait in the port until then). */
function startWorker(init: WorkerInit): void {
  void workerRuleset(init).then((ruleset) => answerBatches(init, ruleset));
}

function answerBatches(init: WorkerInit, ruleset: CompiledRuleset | undefined): void {
  const signal = new Int32Array(init.signal);
  const progress = new Int32Array(init.progress);
  const post = (m: ResultMsg): void => {
    init.port.postMessage(m);
    bump(signal);
  };
  const shape =
    init.format === 'csv' && ruleset && init.header !== undefined
      ? csvShape(init.header, ruleset.model, init.lang, init.path, init.headerLine)
      : undefined;
  let busy = 0;
  const times: StageTimes | undefined = init.stats ? { read: 0, assess: 0, write: 0 } : undefined;
  init.port.on('message', (m: BatchMsg) => {
    const start = performance.now();
    try {
      if (!ruleset) throw new Error(t(init.lang, 'streamWorkerNoRuleset'));
      if (shape && 'error' in shape) throw new Error(shape.error);
      const sink = new ByteSink(Buffer.from(m.output), sharedBuffer);
      const r = runBatch(
        ruleset,
        new Uint8Array(m.input, 0, m.inputLength),
        m.firstLine,
        init.format,
        shape,
        init.lang,
        init.path,
        sink,
        init.decision,
        init.lenient,
        new Map(m.rejected),
        (k) => Atomics.store(progress, m.slot, k),
        times,
      );
      Atomics.store(progress, m.slot, -1);
      let stats: WorkerStats | undefined;
      if (times) {
        const h = getHeapStatistics();
        busy += performance.now() - start;
        const g = generatedStats(ruleset);
        stats = { heapUsed: h.used_heap_size, heapTotal: h.total_heap_size, busy, stages: { ...times }, generated: g?.decided ?? 0, generatedFull: g?.written ?? 0 };
      }
      const grown = sink.buf.buffer !== m.output ? { output: sink.buf.buffer as SharedArrayBuffer } : {};
      post({ seq: m.seq, slot: m.slot, outputLength: sink.len, ...grown, records: r.records, failed: r.failed, ...(stats ? { stats } : {}) });
    } catch (e) {
      const at = Atomics.exchange(progress, m.slot, -1);
      post({ seq: m.seq, slot: m.slot, crash: e instanceof Error ? e.message : String(e), at });
    }
  });
}

const init = workerData as Partial<WorkerInit> | null;
if (!isMainThread && init?.assayStream === true) startWorker(init as WorkerInit);

/** The supervisor's script: its own small build beside the bundle, else the bundle itself (supervisor.ts is in it). */
function supervisorScript(bundle: URL): URL {
  const own = new URL('stream-supervisor.js', bundle);
  return existsSync(own) ? own : bundle;
}

/** Thrown out of the wait loop when no worker answers for two minutes; becomes the summary's error. */
export class WorkersSilent extends Error {}

/** Batches a worker holds at once: one being assessed, one waiting (or written back, waiting for its turn). */
const SLOTS_PER_WORKER = 2;

/** One batch of lines to assess. */
export interface Lines {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
  readonly rejected: readonly (readonly [number, string])[];
}

export interface Pool {
  /** The bundle the threads run. */
  readonly script: URL;
  readonly workers: number;
  readonly limits: ResourceLimits;
  readonly job: Job;
  /** With `stats`: each worker's largest heap in use and reserved, its busy milliseconds and time per stage. */
  readonly stats: WorkerStats[];
  /** The next batch of the file, or undefined at its end. */
  next(): Lines | undefined;
  /** Writes result bytes (valid during the call only). */
  emit(bytes: Uint8Array, records: number, failed: number): void;
  /** Assesses a batch on the main thread and writes its results. */
  runHere(lines: Lines): void;
  tick(): void;
  warn(message: string): void;
}

interface Slot {
  readonly index: number;
  readonly worker: number;
  input: SharedArrayBuffer;
  output: SharedArrayBuffer;
  /** Holds a batch until its results are written. */
  msg: BatchMsg | undefined;
}

/**
 * Assesses the batches `pool.next()` gives on worker threads, writing results in order. Returns the message of a
 * batch that failed before any record (the ruleset does not compile on a worker), which ends the run; undefined when
 * all was written — possibly by the main thread, after a worker stopped outside any record.
 */
export function runOnWorkers(pool: Pool): string | undefined {
  const signalBuf = new SharedArrayBuffer(4);
  const signal = new Int32Array(signalBuf);
  const progressBuf = new SharedArrayBuffer(4 * SLOTS_PER_WORKER * pool.workers);
  const progress = new Int32Array(progressBuf).fill(-1);
  const control = new MessageChannel();
  const supervisorInit: SupervisorInit = { assaySupervisor: true, script: pool.script.href, control: control.port2, signal: signalBuf, limits: pool.limits };
  const supervisor = new Worker(supervisorScript(pool.script), { workerData: supervisorInit, transferList: [control.port2], env: { ...process.env, ASSAY_NO_MAIN: '1' }, stdout: false, stderr: false });
  const ports: MessagePort[] = [];
  const slots: Slot[] = [];
  const spawn = (k: number): void => {
    const ch = new MessageChannel();
    const data: WorkerInit = { ...pool.job, assayStream: true, port: ch.port2, signal: signalBuf, progress: progressBuf };
    const spawnMsg: SpawnMsg = { spawn: k, data };
    control.port1.postMessage(spawnMsg, [ch.port2]);
    ports[k]?.close();
    ports[k] = ch.port1;
  };
  for (let k = 0; k < pool.workers; k++) {
    for (let j = 0; j < SLOTS_PER_WORKER; j++) {
      slots.push({ index: slots.length, worker: k, input: new SharedArrayBuffer(1 << 20), output: new SharedArrayBuffer(1 << 20), msg: undefined });
    }
    pool.stats.push({ heapUsed: 0, heapTotal: 0, busy: 0, stages: { read: 0, assess: 0, write: 0 }, generated: 0, generatedFull: 0 });
  }
  const pending = new Map<number, DoneMsg>();
  let nextSeq = 0;
  let nextOut = 0;
  let crash: string | undefined;
  /** Set when a worker stopped outside any record: the main thread does the rest. */
  let handOver = false;

  const send = (slot: Slot): void => (ports[slot.worker] as MessagePort).postMessage(slot.msg);
  const receive = (k: number): boolean => {
    let got = false;
    for (let m = receiveMessageOnPort(ports[k] as MessagePort); m; m = receiveMessageOnPort(ports[k] as MessagePort)) {
      got = true;
      const r = m.message as ResultMsg;
      const slot = slots[r.slot] as Slot;
      if ('crash' in r) {
        // An exception on a record: that record gets the message, the batch goes again to the same worker.
        if (r.at < 0 || !slot.msg) crash ??= r.crash;
        else {
          slot.msg = { ...slot.msg, rejected: [...slot.msg.rejected, [r.at, t(pool.job.lang, 'streamRecordFailed', { reason: r.crash })]] };
          send(slot);
        }
        continue;
      }
      pending.set(r.seq, r);
      if (r.stats) {
        const was = pool.stats[k] as WorkerStats;
        pool.stats[k] = { ...r.stats, heapUsed: Math.max(was.heapUsed, r.stats.heapUsed), heapTotal: Math.max(was.heapTotal, r.stats.heapTotal) };
      }
    }
    return got;
  };
  /** A worker stopped: its record in progress is rejected and a new worker takes its batches, or the main thread does. */
  const died = (d: DeadMsg): void => {
    receive(d.dead);
    const held = slots.filter((s) => s.worker === d.dead && s.msg && !pending.has(s.msg.seq)).sort((a, b) => (a.msg as BatchMsg).seq - (b.msg as BatchMsg).seq);
    let blamed = false;
    for (const s of held) {
      const at = Atomics.exchange(progress, s.index, -1);
      if (at < 0 || !s.msg) continue;
      blamed = true;
      const message = t(pool.job.lang, 'streamRecordKilled', { reason: d.reason, heap: pool.limits.maxOldGenerationSizeMb ?? 0 });
      s.msg = { ...s.msg, rejected: [...s.msg.rejected, [at, message]] };
    }
    if (!blamed) {
      if (!handOver) pool.warn(t(pool.job.lang, 'streamWorkerStopped', { file: pool.job.path, reason: d.reason }));
      handOver = true;
      return;
    }
    spawn(d.dead);
    for (const s of held) send(s);
  };
  const drain = (): boolean => {
    let got = false;
    for (let k = 0; k < started; k++) if (receive(k)) got = true;
    for (let m = receiveMessageOnPort(control.port1); m; m = receiveMessageOnPort(control.port1)) {
      got = true;
      if (!handOver) died(m.message as DeadMsg);
    }
    for (let r = pending.get(nextOut); r; r = pending.get(nextOut)) {
      pending.delete(nextOut);
      nextOut++;
      const slot = slots[r.slot] as Slot;
      if (r.output) slot.output = r.output;
      pool.emit(new Uint8Array(slot.output, 0, r.outputLength), r.records, r.failed);
      // Free only once written: the slot's output holds the results until then.
      slot.msg = undefined;
    }
    return got;
  };
  /** Sleeps until a thread posts, giving up after two minutes without any answer. */
  const waitSome = (): void => {
    let idle = 0;
    while (!drain()) {
      const seen = Atomics.load(signal, 0);
      if (drain()) return;
      if (Atomics.wait(signal, 0, seen, 1000) === 'timed-out' && ++idle > 120) throw new WorkersSilent();
    }
  };
  /** Workers started so far: one more only when every started one is busy (a small corpus compiles the ruleset once). */
  let started = 0;
  /** A free slot of the least busy worker (waiting for one). */
  const freeSlot = (): Slot | undefined => {
    for (;;) {
      let best: Slot | undefined;
      let bestBusy = Infinity;
      for (let k = 0; k < started; k++) {
        const own = slots.filter((x) => x.worker === k);
        const busy = own.filter((x) => x.msg).length;
        const free = own.find((x) => !x.msg);
        if (free && busy < bestBusy) {
          best = free;
          bestBusy = busy;
        }
      }
      if (bestBusy > 0 && started < pool.workers) {
        spawn(started);
        return slots[SLOTS_PER_WORKER * started++];
      }
      if (best) return best;
      waitSome();
      if (crash !== undefined || handOver) return undefined;
    }
  };
  try {
    for (;;) {
      if (crash !== undefined || handOver) break;
      const slot = freeSlot();
      if (!slot) break;
      const b = pool.next();
      if (b === undefined) break;
      if (b.bytes.length > slot.input.byteLength) slot.input = new SharedArrayBuffer(Math.max(b.bytes.length, slot.input.byteLength * 2));
      new Uint8Array(slot.input, 0, b.bytes.length).set(b.bytes);
      slot.msg = { seq: nextSeq++, slot: slot.index, firstLine: b.firstLine, input: slot.input, inputLength: b.bytes.length, output: slot.output, rejected: b.rejected };
      send(slot);
      drain();
      pool.tick();
    }
    while (nextOut < nextSeq && crash === undefined && !handOver) {
      waitSome();
      pool.tick();
    }
  } finally {
    // Ends the supervisor and, with it, every worker.
    for (const p of ports) p.close();
    control.port1.close();
    void supervisor.terminate();
  }
  if (crash !== undefined) return crash;
  if (handOver) {
    // What the workers did not answer, in order, on the main thread (their inputs are still in their slots).
    const left = slots.filter((s) => s.msg).sort((a, b) => (a.msg as BatchMsg).seq - (b.msg as BatchMsg).seq);
    for (const s of left) {
      const m = s.msg as BatchMsg;
      const done = pending.get(m.seq);
      if (done) pool.emit(new Uint8Array(done.output ?? s.output, 0, done.outputLength), done.records, done.failed);
      else pool.runHere({ bytes: new Uint8Array(m.input, 0, m.inputLength), firstLine: m.firstLine, rejected: m.rejected });
    }
  }
  return undefined;
}
