// Reports of a test run: text like a test runner's, JSON for tools, and the coverage summary in text.
// In: a `TestRun` and a language. Out: strings (the CLI prints them; the playground may show them).

import type { Lang } from '../../dsl/ast';
import { valueToJson } from '../result';
import { categoryOf, gapOf, percent, summarize, type CoverageCategory, type RulesetCoverage } from './coverage';
import { tm, type TestMessageKey } from './messages';
import type { TestIssue } from './model';
import { countRun, type CaseResult, type TestRun } from './runner';

/** `file:line: case 3 “name”: field `expect.total`: message` */
export function issueText(i: TestIssue, lang: Lang): string {
  const parts = [i.line > 0 ? `${i.file}:${i.line}` : i.file];
  if (i.caseIndex !== undefined) {
    parts.push(
      i.caseName !== undefined
        ? tm(lang, 'whereCase', { index: i.caseIndex, name: i.caseName })
        : tm(lang, 'whereCaseNoName', { index: i.caseIndex }),
    );
  }
  if (i.field !== '') parts.push(tm(lang, 'whereField', { field: i.field }));
  const sep = lang === 'en' ? ': ' : '：';
  return parts.join(sep) + sep + i.message;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n');
}

/** One failing or erroneous run: the expectations that did not hold, then the explanation of the actual result. */
export function caseText(r: CaseResult, lang: Lang): string {
  const head = tm(lang, r.status === 'error' ? 'caseError' : 'caseFailed', {
    version: r.version,
    index: r.caseIndex,
    name: r.name,
    file: r.file,
    line: r.line,
  });
  const lines = [head];
  for (const p of r.problems) lines.push(`  ${tm(lang, 'whereField', { field: p.field })}: ${p.message}`);
  for (const m of r.mismatches) lines.push('  ' + tm(lang, 'mismatchLine', { ...m }));
  if (r.explanation !== undefined && r.status === 'fail') {
    lines.push('  ' + tm(lang, 'explanationOfActual'));
    lines.push(indent(r.explanation, '    '));
  }
  return lines.join('\n');
}

/** The whole run as text: file lines, file problems, each failing case, the summary line; coverage when present. */
export function runText(run: TestRun, lang: Lang, opts: { coverage?: boolean } = {}): string {
  const out: string[] = [];
  const byFile = new Map<string, CaseResult[]>();
  for (const r of run.results) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const f of run.files) {
    const rs = byFile.get(f.path) ?? [];
    const bad = rs.some((r) => r.status !== 'pass') || run.issues.some((i) => i.file === f.path);
    out.push(tm(lang, 'fileLine', { mark: bad ? '✗' : '✓', file: f.path, ran: f.ran, listed: f.listed }));
  }
  for (const i of run.issues) out.push(issueText(i, lang));
  const failing = run.results.filter((r) => r.status !== 'pass');
  if (failing.length > 0) out.push('');
  for (const r of failing) out.push(caseText(r, lang), '');
  if (opts.coverage) for (const c of run.coverage) out.push('', coverageText(c, lang));
  const n = countRun(run);
  const cases = new Set(run.results.map((r) => `${r.file}#${r.caseIndex}`)).size;
  out.push('', tm(lang, 'summary', { ...n, cases, files: run.files.length }));
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

const CATEGORIES: readonly CoverageCategory[] = ['bands', 'mappings', 'conditions'];

/** Percentages per category, then every item not covered with its source line. */
export function coverageText(c: RulesetCoverage, lang: Lang): string {
  const lines = [tm(lang, 'coverageTitle', { path: c.path, version: c.version })];
  const sums = summarize(c);
  const parts: string[] = [];
  for (const cat of CATEGORIES) {
    const s = sums.get(cat);
    if (s) parts.push(tm(lang, 'coverageLine', { what: tm(lang, `c_${cat}`), covered: s.covered, total: s.total, percent: percent(s) }));
  }
  lines.push('  ' + parts.join(' · '));
  const gaps = c.items.flatMap((it) => {
    const g = gapOf(it, c.counts.get(it.key));
    return g ? [{ it, g }] : [];
  });
  if (gaps.length === 0) {
    lines.push('  ' + tm(lang, 'allCovered'));
    return lines.join('\n');
  }
  lines.push('  ' + tm(lang, 'uncovered'));
  for (const { it, g } of gaps) {
    const what = tm(lang, `k_${it.kind}` as TestMessageKey, { owner: it.owner });
    const why = tm(lang, g === 'never' && categoryOf(it.kind) !== 'conditions' ? 'g_neverBand' : (`g_${g}` as TestMessageKey));
    lines.push(`    ${c.path}:${it.line}  ${what}  \`${it.text}\`  — ${why}`);
  }
  return lines.join('\n');
}

/** JSON of a run: results with expected vs actual, issues, counts and coverage (items with counts). */
export function runJson(run: TestRun, lang: Lang): unknown {
  return {
    summary: countRun(run),
    issues: run.issues.map((i) => ({ ...i, text: issueText(i, lang) })),
    results: run.results.map((r) => ({
      file: r.file,
      case: r.caseIndex,
      name: r.name,
      line: r.line,
      version: r.version,
      ruleset: r.rulesetPath,
      status: r.status,
      ...(r.problems.length > 0 ? { problems: r.problems } : {}),
      ...(r.mismatches.length > 0 ? { mismatches: r.mismatches } : {}),
      ...(r.assessment && r.status !== 'pass' ? { actual: actualJson(r) } : {}),
      ...(r.explanation !== undefined && r.status === 'fail' ? { explanation: r.explanation } : {}),
    })),
    coverage: run.coverage.map((c) => {
      const sums = summarize(c);
      return {
        ruleset: c.path,
        version: c.version,
        summary: Object.fromEntries([...sums].map(([k, s]) => [k, { ...s, percent: percent(s) }])),
        items: c.items.map((it) => {
          const n = c.counts.get(it.key);
          const gap = gapOf(it, n);
          return {
            kind: it.kind,
            owner: it.owner,
            index: it.index,
            line: it.line,
            text: it.text,
            hits: n?.hits ?? 0,
            ...(categoryOf(it.kind) === 'conditions' ? { true: n?.whenTrue ?? 0, false: n?.whenFalse ?? 0, unknown: n?.whenUnknown ?? 0 } : {}),
            covered: gap === undefined,
          };
        }),
      };
    }),
  };
}

function actualJson(r: CaseResult): Record<string, unknown> {
  const a = r.assessment;
  if (!a) return {};
  return {
    outcome: a.outcome,
    level: a.level,
    total: a.total.toDecimalString(),
    vetoes: a.vetoes.filter((v) => v.truth === true).map((v) => v.id),
    prerequisites_failed: a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id),
    indicators: Object.fromEntries(
      a.indicators.map((i) => [i.id, { points: i.points === null ? null : i.points.toDecimalString(), status: i.status, ...(i.value ? { value: valueToJson(i.value) } : {}) }]),
    ),
  };
}
