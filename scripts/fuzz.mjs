// `npm run fuzz -- --runs 100000 [--seed 42]`: runs the fast-check fuzz suites of test/fuzz/ with as many cases
// in total as asked (shared among the properties as in CI), no time limit, and a random seed unless given.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : undefined;
};
const runs = Number(opt('runs') ?? 100000);
if (!Number.isSafeInteger(runs) || runs <= 0) {
  console.error('usage: npm run fuzz -- --runs <positive integer> [--seed <integer>]');
  process.exit(2);
}
const seed = opt('seed');
const env = { ...process.env, FUZZ_RUNS: String(runs), ...(seed !== undefined ? { FUZZ_SEED: seed } : {}) };
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
console.log(`fuzzing with ${runs} cases in total${seed !== undefined ? `, seed ${seed}` : ', random seed'}`);
const r = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz', '--testTimeout=0', '--hookTimeout=0', '--reporter=verbose'], {
  env,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
