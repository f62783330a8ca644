// Sums Vitest JSON reports into the one closing line CI reads: `N passed, M failed`.
// In: paths of JSON reports (missing files count as one failure each). Out: the line on stdout.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const path of process.argv.slice(2)) {
  if (!existsSync(path)) {
    if (path.includes('e2e') && !existsSync('vitest.e2e.config.ts')) continue;
    console.error(`missing test report ${path}`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(path, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  if (r.success === false && (r.numFailedTests ?? 0) === 0 && (r.numFailedTestSuites ?? 0) > 0) failed += r.numFailedTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
