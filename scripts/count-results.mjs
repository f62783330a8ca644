// Sums Vitest JSON reports into the one closing line CI reads: `N passed, M failed`.
// In: paths of JSON reports (missing files count as one failure each). Out: the line on stdout, after the name and the
// first lines of the message of each failed test (CI shows the tail of the output: a failure must be named there).
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
  for (const file of r.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (a.status !== 'failed') continue;
      console.log(`FAILED ${String(file.name).replace(process.cwd() + '/', '')} > ${a.fullName}`);
      const message = String((a.failureMessages ?? [])[0] ?? '').split('\n').slice(0, 6).join('\n  ');
      if (message) console.log(`  ${message}`);
    }
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) console.log(`FAILED ${file.name}: ${String(file.message ?? '').slice(0, 400)}`);
  }
  if (r.success === false && (r.numFailedTests ?? 0) === 0 && (r.numFailedTestSuites ?? 0) > 0) failed += r.numFailedTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
