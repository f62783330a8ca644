// A profiling harness: one contender of the benchmark run round after round in the main thread, profiled from the
// first round to the last (set-up and the check of results left out). In: `--contender <part of its name>`, `--n`,
// `--rounds`, `--out <file.cpuprofile>`. Out: the rate of each round on stdout, the CPU profile (for Chrome's
// DevTools or `node bench/profile-top.mjs`) in `--out`.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { passOf, setUp } from './contenders';
import { timedRound } from './timing';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const n = Number(arg('n', '20000'));
const rounds = Number(arg('rounds', '10'));
const which = arg('contender', 'decide without messages');
const out = arg('out', 'bench.cpuprofile');
const bench = setUp(process.cwd(), n);
const c = bench.contenders.find((x) => x.name.includes(which));
if (!c) throw new Error(`no contender named like ${which}: ${bench.contenders.map((x) => x.name).join('; ')}`);
await c.prepare?.(); // the generated module, where the contender runs one
const round = timedRound(passOf(c, bench.platforms));
await round(); // warm-up, not profiled
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
for (let r = 0; r < rounds; r++) {
  const s = await round();
  console.log(`${c.name}: round ${r + 1}: ${(n / s / 1000).toFixed(1)} k/s`);
}
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
session.disconnect();
