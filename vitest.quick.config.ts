// `npm run test:quick`: the suite without its slow parts, for the edit–test loop (under a minute on the
// development machine). Left out: fuzzing, property and differential runs, benchmarks and performance budgets,
// streaming with worker threads, the generated corpus, mutation testing, the oracle and plan sweeps over every
// sample and version, and the suites that spawn the built CLI
// (their parts that need no process run in the suites kept). `npm test` runs everything.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export const SLOW = [
  // fuzzing, property-based and differential runs
  'test/fuzz/**',
  'test/engine/fuzz.test.ts',
  'test/dsl/property.test.ts',
  'test/dsl/by-items.test.ts',
  'test/check/bands-plain.test.ts',
  'test/check/intervals.test.ts',
  'test/export/canonical.test.ts',
  'test/**/differential.test.ts',
  'test/ruletests/mutation.test.ts',
  'test/oracle/oracle.test.ts',
  'test/plan/growth.test.ts',
  'test/plan/cvss-speed.test.ts',
  // the whole-ruleset sweeps (every sample, every version, every plan path): the slowest suites measured
  'test/gap/plans.test.ts',
  'test/plan/trace.test.ts',
  'test/plan/summary.test.ts',
  'test/plan/decide.test.ts',
  'test/plan/evidence-shapes.test.ts',
  'test/plan/constructs.test.ts',
  'test/plan/json.test.ts',
  'test/rulesets/versions.test.ts',
  'test/ruletests/cli.test.ts',
  // benchmarks and performance budgets
  'test/bench/**',
  'test/**/perf.test.ts',
  'test/**/speed.test.ts',
  'test/gap/big.test.ts',
  // suites that build dist/ and spawn the CLI, worker threads or the generated corpus
  'test/stream/**',
  'test/impact/corpus.test.ts',
  'test/impact/cli.test.ts',
  'test/cli/**',
  'test/report/report.test.ts',
  'test/export/library.test.ts',
  'test/export/cli.test.ts',
  'test/readme/**',
  'test/gap/fast.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/e2e/**', 'node_modules/**', ...SLOW],
    },
  }),
);
