// Reports of a test run: text like a test runner's, JSON for tools, and the coverage summary in text.
// In: a `TestRun` and a language. Out: strings (the CLI prints them; the playground may show them).

import type { Lang } from '../../../dsl/ast';
import { valueToJson } from '../../evaluate/result';
import { categoryOf, gapOf, percent, summarize, type CoverageCategory, type CoverageKind, type Gap, type RulesetCoverage } from './coverage';
import { renderMessage } from '../../../dsl/diagnostics';
import type { Code } from '../../../dsl/messages';
import type { TestIssue } from './model';
import { countRun, type CaseResult, type TestRun } from './runner';

/** `file:line: case 3 “name”: field `expect.total`: message` */
export function issueText(i: TestIssue, lang: Lang): string {
  const parts = [i.line > 0 ? `${i.file}:${i.line}` : i.file];
  if (i.caseIndex !== undefined) {
    parts.push(
      i.caseName !== undefined
        ? renderMessage({ code: 'T135', args: { index: i.caseIndex, name: i.caseName } }, lang)
        : renderMessage({ code: 'T136', args: { index: i.caseIndex } }, lang),
    );
  }
  if (i.field !== '') parts.push(renderMessage({ code: 'T137', args: { field: i.field } }, lang));
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
  const args = { version: r.version, index: r.caseIndex, name: r.name, file: r.file, line: r.line };
  const head = renderMessage({ code: r.status === 'error' ? 'T153' : 'T152', args }, lang);
  const what = [
    ...r.problems.map((p) => `${renderMessage({ code: 'T137', args: { field: p.field } }, lang)}: ${p.message}`),
    ...r.mismatches.map((m) => renderMessage({ code: 'T154', args: { ...m } }, lang)),
  ];
  // Without an explanation, one line per failing run: what was expected and what came out.
  if (r.explanation === undefined || r.status !== 'fail') return what.length === 0 ? head : head + (lang === 'en' ? ': ' : '：') + what.join(lang === 'en' ? '; ' : '；');
  const lines = [head, ...what.map((w) => '  ' + w)];
  if (r.explanation !== undefined && r.status === 'fail') {
    lines.push('  ' + renderMessage({ code: 'T155' }, lang));
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
    out.push(renderMessage({ code: 'T151', args: { mark: bad ? '✗' : '✓', file: f.path, ran: f.ran, listed: f.listed } }, lang));
  }
  for (const i of run.issues) out.push(issueText(i, lang));
  const failing = run.results.filter((r) => r.status !== 'pass');
  if (failing.length > 0) out.push('');
  for (const r of failing) {
    const text = caseText(r, lang);
    out.push(text, ...(text.includes('\n') ? [''] : []));
  }
  if (opts.coverage) for (const c of run.coverage) out.push('', coverageText(c, lang));
  const n = countRun(run);
  const cases = new Set(run.results.map((r) => `${r.file}#${r.caseIndex}`)).size;
  out.push('', renderMessage({ code: 'T150', args: { ...n, cases, files: run.files.length } }, lang));
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

const CATEGORIES: readonly CoverageCategory[] = ['bands', 'mappings', 'conditions'];

/** Catalogue codes of the coverage words: categories, kinds of item, and why an item is not covered. */
const CATEGORY = { bands: 'T161', mappings: 'T162', conditions: 'T163' } as const satisfies Record<CoverageCategory, Code>;
const KIND = {
  band: 'T171',
  'map-entry': 'T172',
  applicability: 'T173',
  'conditional-points': 'T174',
  prerequisite: 'T175',
  veto: 'T176',
  level: 'T177',
} as const satisfies Record<CoverageKind, Code>;
const GAP = { never: 'T167', 'never-true': 'T169', 'never-false': 'T170' } as const satisfies Record<Gap, Code>;

/** Percentages per category, then every item not covered with its source line. */
export function coverageText(c: RulesetCoverage, lang: Lang): string {
  const lines = [renderMessage({ code: 'T160', args: { path: c.path, version: c.version } }, lang)];
  const sums = summarize(c);
  const parts: string[] = [];
  for (const cat of CATEGORIES) {
    const s = sums.get(cat);
    if (!s) continue;
    const what = renderMessage({ code: CATEGORY[cat] }, lang);
    parts.push(renderMessage({ code: 'T164', args: { what, covered: s.covered, total: s.total, percent: percent(s) } }, lang));
  }
  lines.push('  ' + parts.join(' · '));
  const gaps = c.items.flatMap((it) => {
    const g = gapOf(it, c.counts.get(it.key));
    return g ? [{ it, g }] : [];
  });
  if (gaps.length === 0) {
    lines.push('  ' + renderMessage({ code: 'T166' }, lang));
    return lines.join('\n');
  }
  lines.push('  ' + renderMessage({ code: 'T165' }, lang));
  for (const { it, g } of gaps) {
    const what = renderMessage({ code: KIND[it.kind], args: { owner: it.owner } }, lang);
    const why = renderMessage({ code: g === 'never' && categoryOf(it.kind) !== 'conditions' ? 'T168' : GAP[g] }, lang);
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
