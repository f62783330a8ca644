// Running rule tests: every case of the test files against every ruleset version it applies to.
// In: compiled rulesets (with their paths) and read test files. Out: a `TestRun`: one result per case and
// version (pass, fail with mismatches, or error when the case names what the version lacks), file issues,
// and coverage per ruleset. Nothing here reads files or the clock.

import { LANGS, type Lang } from '../../../dsl/ast';
import type { CompiledRuleset } from '../../compile';
import type { EvalEvent } from '../../evaluate/events';
import type { Assessment } from '../../evaluate/result';
import { CoverageCollector, type RulesetCoverage } from './coverage';
import { caseProblems, compare, type CaseProblem, type Mismatch } from './expect';
import { explanationOf, plainListing, type Explainer } from './listing';
import { renderMessage } from '../../../dsl/diagnostics';
import type { TestCase, TestFile, TestIssue } from './model';

export interface RulesetUnderTest {
  /** The .assay file (for messages, coverage and lcov). */
  readonly path: string;
  readonly ruleset: CompiledRuleset;
}

export type CaseStatus = 'pass' | 'fail' | 'error';

export interface CaseResult {
  readonly file: string;
  readonly caseIndex: number;
  readonly name: string;
  readonly line: number;
  readonly version: string;
  readonly rulesetPath: string;
  readonly status: CaseStatus;
  readonly mismatches: readonly Mismatch[];
  /** Why the case could not run under this version (`error`). */
  readonly problems: readonly CaseProblem[];
  readonly assessment?: Assessment;
  /** The explanation of the actual result (failing cases, and cases that expect explanation text). */
  readonly explanation?: string;
}

export interface TestRun {
  readonly files: readonly { readonly path: string; readonly listed: number; readonly ran: number }[];
  readonly results: readonly CaseResult[];
  /** Problems of the test files (malformed cases, unknown versions). */
  readonly issues: readonly TestIssue[];
  /** One per ruleset, when coverage was asked for. */
  readonly coverage: readonly RulesetCoverage[];
}

export interface RunOptions {
  /** Language of messages and mismatches (default en); explanations use each case's `lang`. */
  readonly lang?: Lang;
  /** Explains a result; default: engine/analyses/explain's text (the plain listing of listing.ts if it throws). */
  readonly explain?: Explainer;
  readonly coverage?: boolean;
  /** Explain the actual result of failing cases (default true; tools that only count failures turn it off). */
  readonly explainFailures?: boolean;
  /** Versions that exist but are not tested in this run (a case naming one is skipped there, not an error). */
  readonly otherVersions?: readonly string[];
  /**
   * Run the cases pinned to this version (and the unpinned ones) against every ruleset given, whatever its own
   * version: a standard's shipped tests against an edited ruleset. Cases pinned to other versions are skipped.
   */
  readonly asVersion?: string;
}

/** The rulesets a case runs against (its `versions`, else all), and the versions it names that are not there. */
export function targetsOf(
  tc: TestCase,
  rulesets: readonly RulesetUnderTest[],
): { targets: RulesetUnderTest[]; unknown: string[] } {
  if (!tc.versions) return { targets: [...rulesets], unknown: [] };
  const targets = rulesets.filter((r) => tc.versions?.includes(r.ruleset.identity.version));
  const have = new Set(rulesets.map((r) => r.ruleset.identity.version));
  return { targets, unknown: tc.versions.filter((v) => !have.has(v)) };
}

/** Runs one case against one ruleset; `onEvents` receives the run's evaluation events (for coverage). */
export function runCase(
  tc: TestCase,
  file: string,
  target: RulesetUnderTest,
  opts: RunOptions = {},
  onEvents?: (events: readonly EvalEvent[]) => void,
): CaseResult {
  const lang: Lang = LANGS.includes(opts.lang as Lang) ? (opts.lang as Lang) : 'en';
  const r = target.ruleset;
  const base = { file, caseIndex: tc.index, name: tc.name, line: tc.line, version: r.identity.version, rulesetPath: target.path };
  const problems = caseProblems(tc, r, lang);
  if (problems.length > 0) return { ...base, status: 'error', mismatches: [], problems };
  const wantEvents = onEvents !== undefined || tc.expect.explanation !== undefined;
  const events: EvalEvent[] = [];
  const assessment = r.assess(
    { platform: tc.platformId, name: tc.name, evidence: tc.evidence },
    { lang: tc.lang, ...(wantEvents ? { trace: (e: EvalEvent) => events.push(e) } : {}) },
  );
  onEvents?.(events);
  const explain = opts.explain ?? explanationOf;
  const explainNow = (): string => {
    try {
      return explain(r, assessment, events, tc.lang);
    } catch (e) {
      // An explainer bug must not hide the test result.
      return plainListing(r, assessment, events, tc.lang) + `\n(${e instanceof Error ? e.message : String(e)})`;
    }
  };
  let explanation = tc.expect.explanation !== undefined ? explainNow() : undefined;
  const mismatches = compare(tc, assessment, lang, explanation);
  if (mismatches.length > 0 && explanation === undefined && opts.explainFailures !== false) {
    // The failing case's explanation needs the events: run again with a trace when the first run had none.
    if (!wantEvents) {
      const again: EvalEvent[] = [];
      r.assess({ platform: tc.platformId, name: tc.name, evidence: tc.evidence }, { lang: tc.lang, trace: (e) => again.push(e) });
      events.push(...again);
    }
    explanation = explainNow();
  }
  return {
    ...base,
    status: mismatches.length > 0 ? 'fail' : 'pass',
    mismatches,
    problems: [],
    assessment,
    ...(explanation !== undefined ? { explanation } : {}),
  };
}

/** Runs every case of `files` against the `rulesets` it applies to. */
export function runTests(rulesets: readonly RulesetUnderTest[], files: readonly TestFile[], opts: RunOptions = {}): TestRun {
  const lang: Lang = LANGS.includes(opts.lang as Lang) ? (opts.lang as Lang) : 'en';
  const collectors = opts.coverage ? rulesets.map((r) => new CoverageCollector(r.ruleset, r.path)) : [];
  const results: CaseResult[] = [];
  const issues: TestIssue[] = [];
  const summary: { path: string; listed: number; ran: number }[] = [];
  const versions = rulesets.map((r) => r.ruleset.identity.version).join(', ') || '-';
  for (const f of files) {
    let ran = 0;
    for (const tc of f.cases) {
      const asVersion = opts.asVersion;
      const { targets, unknown } =
        asVersion === undefined
          ? targetsOf(tc, rulesets)
          : { targets: !tc.versions || tc.versions.includes(asVersion) ? [...rulesets] : [], unknown: [] };
      for (const v of unknown.filter((x) => !opts.otherVersions?.includes(x))) {
        issues.push({
          file: f.path,
          line: tc.line,
          caseIndex: tc.index,
          caseName: tc.name,
          field: 'versions',
          message: renderMessage({ code: 'T116', args: { version: v, versions } }, lang),
        });
      }
      for (const t of targets) {
        const col = collectors[rulesets.indexOf(t)];
        results.push(runCase(tc, f.path, t, opts, col ? (ev) => col.add(ev) : undefined));
        ran++;
      }
    }
    summary.push({ path: f.path, listed: f.listed, ran });
  }
  return { files: summary, results, issues, coverage: collectors.map((c) => c.result()) };
}

/** Merges runs (one per ruleset folder) into one. */
export function mergeRuns(runs: readonly TestRun[]): TestRun {
  return {
    files: runs.flatMap((r) => r.files),
    results: runs.flatMap((r) => r.results),
    issues: runs.flatMap((r) => r.issues),
    coverage: runs.flatMap((r) => r.coverage),
  };
}

export interface RunCounts {
  readonly passed: number;
  readonly failed: number;
  /** Cases that could not run, plus problems of test files. */
  readonly errors: number;
  readonly total: number;
}

export function countRun(run: TestRun): RunCounts {
  let passed = 0;
  let failed = 0;
  let errors = run.issues.length;
  for (const r of run.results) {
    if (r.status === 'pass') passed++;
    else if (r.status === 'fail') failed++;
    else errors++;
  }
  return { passed, failed, errors, total: run.results.length };
}

/** True when every case passed and no test file had problems. */
export function runPassed(run: TestRun): boolean {
  const c = countRun(run);
  return c.failed === 0 && c.errors === 0;
}
