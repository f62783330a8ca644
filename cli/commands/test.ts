// `assay test [paths] [--format text|json|junit] [--coverage] [--lcov <file>] [--explain]`: runs rule tests (issue #7).
// `--lcov` never replaces an existing file without `--force`.
// In: paths — a ruleset folder (its tests/*.yaml against its *.assay), a tests folder, a test file, an .assay file,
// or a registry folder (every ruleset folder in it; one without tests is named in a warning); none means ./rulesets. `--ruleset <file> [tests…]`: the given test
// files or folders (default: tests/ beside the file) against that one ruleset, pinned cases included (issue 14).
// Out: the report on stdout, lcov to a file; exit 0 when every case passed, 1 on any failure, malformed test file or
// a run that ran no case, 2 on usage errors.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { type Lang, renderDiagnostics } from '../../dsl/index';
import {
  compileRuleset,
  compareVersions,
  type PlatformDoc,
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
} from '../../engine/index';
import { flag, has, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError, readText } from '../io';
import { occupied, writeFileSafely } from '../write';
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

/**
 * Turns the command-line paths into groups, one per ruleset folder. A registry (a folder of `<id>/` folders) gives
 * every ruleset folder in it: those with tests become groups, those without are returned in `untested`.
 */
function collectGroups(paths: readonly string[]): { groups: Group[]; untested: string[] } {
  const untested: string[] = [];
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
        // A registry: every ruleset folder in it; one without tests is named, never skipped in silence.
        const subs = readdirSync(p)
          .sort()
          .map((n) => join(p, n))
          .filter((d) => assayFiles(d).length > 0);
        const tested = subs.filter((d) => testFiles(join(d, 'tests')).length > 0);
        if (tested.length === 0) throw new CliError('noTests', { path: p });
        for (const d of tested) wholeFolder(d);
        untested.push(...subs.filter((d) => !tested.includes(d)));
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
  return { groups: [...groups.values()], untested };
}

/** The explanation of a failing case: the explainer of engine/analyses/explain when present, else the plain listing. */
function explainer(): Explainer | undefined {
  return undefined;
}

/** `--ruleset <file> [tests…]`: one group, the given ruleset and the test files of the paths (or of tests/ beside it). */
function givenRulesetGroup(file: string, paths: readonly string[]): Group {
  if (!existsSync(file) || isDir(file)) throw new CliError('cannotRead', { path: file, reason: 'no such file' });
  const tests = new Set<string>();
  for (const p of paths.length > 0 ? paths : [join(dirname(file), 'tests')]) {
    if (!existsSync(p)) throw new CliError('cannotRead', { path: p, reason: 'no such file or folder' });
    if (!isDir(p)) tests.add(p);
    else for (const f of testFiles(p).length > 0 ? testFiles(p) : testFiles(join(p, 'tests'))) tests.add(f);
  }
  return { dir: dirname(file), assay: new Set([file]), tests };
}

/** The version whose pinned cases run against a given ruleset: its own when a case names it, else the newest named. */
function pinnedVersion(files: readonly TestFile[], own: string): string {
  const named = new Set(files.flatMap((f) => f.cases.flatMap((c) => c.versions ?? [])));
  if (named.has(own) || named.size === 0) return own;
  return [...named].sort(compareVersions).at(-1) ?? own;
}

/** Failed expectations counted by kind (the first part of the field: `level`, `total`, `indicators`, …). */
function failuresByKind(run: TestRun): string {
  const kinds = new Map<string, number>();
  for (const r of run.results) {
    for (const m of r.mismatches) {
      const k = m.field.split('.')[0] ?? m.field;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    if (r.status === 'error') kinds.set('error', (kinds.get('error') ?? 0) + 1);
  }
  return [...kinds].map(([k, n]) => `${k} ${n}`).join(' · ');
}

export function runTest(p: ParsedArgs, lang: Lang, out: Out): number {
  const format = flag(p, 'format') ?? 'text';
  const lcovFile = flag(p, 'lcov');
  if (lcovFile !== undefined && occupied(lcovFile) && !has(p, 'force')) throw new CliError('outExists', { path: lcovFile });
  const wantCoverage = has(p, 'coverage') || lcovFile !== undefined;
  const given = flag(p, 'ruleset');
  const paths = p.positionals.length > 0 ? p.positionals : ['rulesets'];
  const { groups, untested } = given !== undefined ? { groups: [givenRulesetGroup(given, p.positionals)], untested: [] } : collectGroups(paths);
  for (const path of untested) out.err(`${t(lang, 'warning')}: ${t(lang, 'rulesetWithoutTests', { path })}`);
  const runs: TestRun[] = [];
  let broken = false;
  const platformCache = new Map<string, PlatformDoc | string>();
  const load = (path: string): string | undefined => {
    try {
      return readText(path);
    } catch (e) {
      // Not UTF-8: say so, with the encoding to convert from; a file that is not there is the test's own error.
      if (e instanceof CliError && e.key === 'notUtf8') throw e;
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
    // The one ruleset asked for does not compile: its diagnostics say why; its tests cannot say more.
    if (given !== undefined && rulesets.length === 0) continue;
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
    const asVersion = given !== undefined && rulesets[0] ? pinnedVersion(files, rulesets[0].ruleset.identity.version) : undefined;
    const run = runTests(rulesets, files, {
      lang,
      coverage: wantCoverage,
      otherVersions,
      explainFailures: has(p, 'explain'),
      ...(asVersion !== undefined ? { asVersion } : {}),
      ...(explain ? { explain } : {}),
    });
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
    case 'text': {
      out.out(runText(run, lang, { coverage: has(p, 'coverage') }));
      const kinds = failuresByKind(run);
      if (kinds !== '') out.out(`${t(lang, 'failuresByKind')}: ${kinds}`);
      break;
    }
    default:
      throw new CliError('badChoice', { flag: '--format', value: format, choices: 'text, json, junit' }, 2);
  }
  if (lcovFile !== undefined) writeFileSafely(lcovFile, lcov(run.coverage), { force: has(p, 'force') }, lang);
  if (run.results.length === 0 && !broken) {
    const files = run.files.length;
    out.err(`${t(lang, 'error')}: ${t(lang, 'noCasesRun', { why: files === 0 ? t(lang, 'noTestFiles') : t(lang, 'noCasesFor', { what: given ?? paths.join(', ') }) })}`);
    return 1;
  }
  return broken || !runPassed(run) ? 1 : 0;
}
