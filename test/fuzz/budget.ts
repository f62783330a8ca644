// How many cases each fuzz property runs. In: FUZZ_RUNS (total cases asked for, set by `npm run fuzz -- --runs N`)
// and FUZZ_SEED. Out: per-property run counts (shares of the total) and fast-check parameters.

import fc from 'fast-check';

/** The total the CI run (`npm test`) uses: at least 20,000 cases, well under a minute on two cores. */
export const CI_TOTAL = 20_600;

const asked = Number(process.env['FUZZ_RUNS'] ?? '');
const TOTAL = Number.isFinite(asked) && asked > 0 ? asked : CI_TOTAL;
const seedEnv = Number(process.env['FUZZ_SEED'] ?? '');

/** Cases tallied by every property of this run, for the report at the end of each file. */
export const tally = new Map<string, number>();

/**
 * fast-check parameters for a property that gets `share` of the total (shares add up to 1 over all fuzz files).
 * A fixed seed in CI keeps `npm test` deterministic; `npm run fuzz` picks a random one (printed on failure).
 */
export function params(name: string, share: number): fc.Parameters<unknown> {
  const numRuns = Math.max(1, Math.round(TOTAL * share));
  tally.set(name, numRuns);
  const seed = Number.isFinite(seedEnv) && process.env['FUZZ_SEED'] ? seedEnv : process.env['FUZZ_RUNS'] ? undefined : 20260113;
  return { numRuns, ...(seed !== undefined ? { seed } : {}), endOnFailure: true };
}
