// `assay test [paths] [--format text|json|junit] [--coverage] [--lcov <file>]`: runs rule tests (issue #7).
// In: paths — a ruleset folder (its tests/*.yaml against its *.assay), a tests folder, a test file, an .assay file,
// or a registry folder (every ruleset in it); none means ./rulesets. Out: the report on stdout, lcov to a file;
// exit 0 when every case passed, 1 on any failure or malformed test file, 2 on usage errors.

import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Lang } from '../../dsl/ast';
import { renderDiagnostics } from '../../dsl/render';
import { compileRuleset } from '../../engine/index';
import type { PlatformDoc } from '../../engine/evidence';
import {
  junitXml,
  lcov,
  mergeRuns,
  readTestFile,
  runJson,
  runPassed,
  runTests,
  runText,
  type Explainer,
  type RulesetUnderTest,
  type TestFile,
  type TestIssue,
  type TestRun,
} from '../../engine/testing/index';
import { flag, has, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError, readText } from '../io';
import type { Out } from './common';

const TEST_EXT = new Set(['.yaml', '.yml']);

/** One ruleset folder: the .assay files to test and the test files to run. */
interface Group {
  readonly dir: string;
  /** undefined: every .assay file of the folder. */
  assay: Set<string> | undefined;
  readonly tests: Set<string>;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function assayFiles(dir: string): string[] {
  return isDir(dir) ? readdirSync(dir).filter((n) => n.endsWith('.assay')).sort().map((n) => join(dir, n)) : [];
}

function testFiles(dir: string): string[] {
  return isDir(dir)
    ? readdirSync(dir)
        .filter((n) => TEST_EXT.has(extname(n).toLowerCase()))
        .sort()
        .map((n) => join(dir, n))
    : [];
}

/** The folder of the rulesets a test file belongs to: its own folder or the one above (`<id>/tests/x.yaml`). */
function rulesetDirOf(file: string): string | undefined {
  const d = dirname(file);
  if (assayFiles(d).length > 0) return d;
  const up = dirname(d);
  return assayFiles(up).length > 0 ? up : undefined;
}

/** Turns the command-line paths into groups, one per ruleset folder. */
function collectGroups(paths: readonly string[]): Group[] {
  const groups = new Map<string, Group>();
  const group = (dir: string): Group => {
    const key = resolve(dir);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { dir, assay: new Set(), tests: new Set() }));
    return g;
  };
  const wholeFolder = (dir: string): void => {
    const g = group(dir);
    g.assay = undefined;
    for (const f of testFiles(join(dir, 'tests'))) g.tests.add(f);
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new CliError('cannotRead', { path: p, reason: 'no such file or folder' });
    if (isDir(p)) {
      if (assayFiles(p).length > 0) wholeFolder(p);
      else if (testFiles(p).length > 0 && assayFiles(dirname(resolve(p))).length > 0) {
        const g = group(relative(process.cwd(), dirname(resolve(p))) || '.');
        g.assay = undefined;
        for (const f of testFiles(p)) g.tests.add(f);
      } else {
        // A registry: every ruleset folder in it that has tests.
        const subs = readdirSync(p)
          .sort()
          .map((n) => join(p, n))
          .filter((d) => assayFiles(d).length > 0 && testFiles(join(d, 'tests')).length > 0);
        if (subs.length === 0) throw new CliError('noTests', { path: p });
        for (const d of subs) wholeFolder(d);
      }
    } else if (p.endsWith('.assay')) {
      const g = group(dirname(p));
      g.assay?.add(p);
      for (const f of testFiles(join(dirname(p), 'tests'))) g.tests.add(f);
    } else {
      const dir = rulesetDirOf(p);
      if (!dir) throw new CliError('noRulesetForTests', { path: p });
      const g = group(dir);
      g.assay = undefined;
      g.tests.add(p);
    }
  }
  return [...groups.values()];
}

/** The explanation of a failing case: the explainer of engine/explain when present, else the plain listing. */
function explainer(): Explainer | undefined {
  return undefined;
}

export function runTest(p: ParsedArgs, lang: Lang, out: Out): number {
  const format = flag(p, 'format') ?? 'text';
  const lcovFile = flag(p, 'lcov');
  const wantCoverage = has(p, 'coverage') || lcovFile !== undefined;
  const paths = p.positionals.length > 0 ? p.positionals : ['rulesets'];
  const groups = collectGroups(paths);
  const runs: TestRun[] = [];
  let broken = false;
  const platformCache = new Map<string, PlatformDoc | string>();
  const load = (path: string): string | undefined => {
    try {
      return readText(path);
    } catch {
      return undefined;
    }
  };
  const explain = explainer();
  for (const g of groups) {
    const rulesets: RulesetUnderTest[] = [];
    for (const path of g.assay ? [...g.assay] : assayFiles(g.dir)) {
      const text = readText(path);
      const { ruleset, diagnostics } = compileRuleset(text, { path });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (!ruleset) {
        out.err(renderDiagnostics(errors, { text, path, lang, color: out.tty }));
        out.err(t(lang, 'rulesetHasErrors', { path }));
        broken = true;
        continue;
      }
      rulesets.push({ path, ruleset });
    }
    const files: TestFile[] = [];
    const issues: TestIssue[] = [];
    for (const path of [...g.tests].sort()) {
      const r = readTestFile(readText(path), path, { lang, load, platformCache });
      files.push(r.file);
      issues.push(...r.issues);
    }
    // Versions in the folder that are not selected (an .assay path was given) are skipped, not errors.
    const selected = new Set(rulesets.map((r) => r.ruleset.identity.version));
    const otherVersions = assayFiles(g.dir)
      .map((f) => basename(f, '.assay'))
      .filter((v) => !selected.has(v));
    const run = runTests(rulesets, files, { lang, coverage: wantCoverage, otherVersions, ...(explain ? { explain } : {}) });
    runs.push({ ...run, issues: [...issues, ...run.issues] });
  }
  const run = mergeRuns(runs);
  switch (format) {
    case 'json':
      out.out(JSON.stringify(runJson(run, lang), null, 2));
      break;
    case 'junit':
      out.out(junitXml(run, lang));
      break;
    case 'text':
      out.out(runText(run, lang, { coverage: has(p, 'coverage') }));
      break;
    default:
      throw new CliError('badChoice', { flag: '--format', value: format, choices: 'text, json, junit' }, 2);
  }
  if (lcovFile !== undefined) {
    try {
      writeFileSync(lcovFile, lcov(run.coverage));
    } catch (e) {
      throw new CliError('cannotWrite', { path: lcovFile, reason: String((e as NodeJS.ErrnoException).code ?? e) });
    }
  }
  return broken || !runPassed(run) ? 1 : 0;
}
