// The supervisor thread of a streamed corpus: starts the worker threads when the main thread asks, and tells it when
// one stops (the main thread blocks in Atomics.wait and never sees a worker's `exit` event). In: `spawn` messages
// on its control port. Out: a `dead` message per stopped worker, with its error, and a bump of the shared counter.
//
// Built on its own (dist/cli/stream-supervisor.js, a few kilobytes) so that this idle thread does not load the CLI:
// the whole bundle in it cost about 10 MB more of memory. It imports nothing but Node.

import { isMainThread, Worker, workerData, type MessagePort, type ResourceLimits } from 'node:worker_threads';

export interface SupervisorInit {
  readonly assaySupervisor: true;
  /** The script the workers run. */
  readonly script: string;
  readonly control: MessagePort;
  readonly signal: SharedArrayBuffer;
  readonly limits: ResourceLimits;
}
export interface SpawnMsg {
  readonly spawn: number;
  /** The worker's `workerData`; its `port` is transferred to it. */
  readonly data: { readonly port: MessagePort };
}
export interface DeadMsg {
  readonly dead: number;
  readonly reason: string;
}

/** Adds one to the shared counter and wakes the main thread. */
export function bump(signal: Int32Array): void {
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/** A worker per `spawn`, and a `dead` message (with the worker's error, if any) when it stops. */
export function startSupervisor(init: SupervisorInit): void {
  const signal = new Int32Array(init.signal);
  init.control.on('message', (m: SpawnMsg) => {
    let reason = '';
    const worker = new Worker(new URL(init.script), {
      workerData: m.data,
      transferList: [m.data.port],
      env: { ...process.env, ASSAY_NO_MAIN: '1' },
      stdout: false,
      stderr: false,
      resourceLimits: init.limits,
    });
    worker.on('error', (e: unknown) => (reason = e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => {
      const dead: DeadMsg = { dead: m.spawn, reason: reason || `exit code ${code}` };
      init.control.postMessage(dead);
      bump(signal);
    });
  });
}

const init = workerData as Partial<SupervisorInit> | null;
if (!isMainThread && init?.assaySupervisor === true) startSupervisor(init as SupervisorInit);
