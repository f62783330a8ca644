// The package's main export as another program sees it: a consumer project depending on `assay` imports the built
// JavaScript and type-checks against the emitted declarations (NodeNext resolution, strict).
// In: engine/index.ts built into a temp copy of the package. Out: what the consumer prints and tsc's verdict.

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../rulesets/load';

const require = createRequire(import.meta.url);
const tmp = mkdtempSync(join(tmpdir(), 'assay-lib-'));
const pkg = join(tmp, 'assay');
const app = join(tmp, 'app');

beforeAll(async () => {
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  // The same bundle as scripts/build.mjs makes for dist/index.js.
  await build({
    entryPoints: [join(ROOT, 'engine/index.ts')],
    outfile: join(pkg, 'dist/index.js'),
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-types.mjs'), '--out', join(pkg, 'dist/types')], { cwd: ROOT });
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(app, 'node_modules', 'assay'));
  // The package's own dependencies (their types are named by the declarations), as an install would give them.
  mkdirSync(join(pkg, 'node_modules'), { recursive: true });
  for (const dep of ['ajv', 'chevrotain', '@chevrotain', 'yaml']) {
    try {
      symlinkSync(join(ROOT, 'node_modules', dep), join(pkg, 'node_modules', dep));
    } catch {
      // not installed: nothing to link
    }
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true }));
  writeFileSync(
    join(app, 'main.ts'),
    `import { compileRuleset, exportJsonLogic, type ResultJson } from 'assay';
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2] as string, 'utf8');
const { ruleset, diagnostics } = compileRuleset(text, { path: '1.0.assay' });
if (!ruleset) throw new Error(diagnostics.map((d) => d.code).join(', '));
const result: ResultJson = ruleset.evaluate({ platform: 'demo', evidence: { pue: 1.18, months_in_operation: 30 } });
const rules = exportJsonLogic(ruleset.model).rules;
console.log(JSON.stringify({ outcome: result.outcome, pue: result.indicators['pue']?.points, rules: Object.keys(rules).length }));
`,
  );
}, 120_000);

describe('the library (package main export)', () => {
  it('imports the built JavaScript from a consumer project', () => {
    const script = `import('assay').then(async (m) => {
      const { readFileSync } = await import('node:fs');
      const { ruleset } = m.compileRuleset(readFileSync(${JSON.stringify(join(ROOT, 'rulesets/csp-assessment/1.0.assay'))}, 'utf8'));
      const r = ruleset.evaluate({ platform: 'demo', evidence: { pue: 1.18 } });
      console.log(JSON.stringify({ outcome: r.outcome, pue: r.indicators.pue.points, hash: ruleset.identity.hash.startsWith('sha256:') }));
    })`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ outcome: 'not_rated', pue: 90, hash: true });
  });

  it('type-checks a consumer against the emitted declarations (strict, NodeNext)', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'main.ts'];
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, ...args], { cwd: app, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });
});
