// One contender in a worker thread of its own — its own V8 isolate, so its JIT state (type feedback, optimised
// code) and its garbage are its own, as in a batch job that runs only it — timed round by round on request.
// In: workerData { root, n, index, oracle }. Out: { differs, note } once set up and checked against the oracle, then the
// CPU seconds of each round asked for with 'round', and the CPU profile of passes for N seconds asked for with 'profile N'.
// A contender with `prepare` (a generated module) is prepared first; its `note` is sent with `differs`.

import { parentPort, workerData } from 'node:worker_threads';
import { differing, passOf, setUp, type Contender, type Decision } from './contenders';
import { timedRound } from './timing';
import { profilePasses } from './why';

interface Init {
  readonly root: string;
  readonly n: number;
  readonly index: number;
  readonly oracle: readonly Decision[];
}

const init = workerData as Init;
const port = parentPort;
if (!port) throw new Error('bench/isolate runs in a worker thread');
const bench = setUp(init.root, init.n);
const c = bench.contenders[init.index] as Contender;
await c.prepare?.();
const pass = passOf(c, bench.platforms);
const round = timedRound(pass);
port.on('message', (m: unknown) => {
  if (m === 'round') void round().then((s) => port.postMessage(s));
  else if (typeof m === 'string' && m.startsWith('profile ')) void profilePasses(pass, Number(m.slice('profile '.length))).then((p) => port.postMessage(p));
});
const differs = await differing(c, bench.platforms, init.oracle);
port.postMessage({ differs, note: c.note?.() });
