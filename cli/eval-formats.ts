// `assay eval --format csv|junit`: results as a CSV table (one row per platform, for spreadsheets) and as JUnit XML
// (one testcase per platform, for CI systems). In: the ruleset and the assessments or decisions. Out: text.
// A platform fails its testcase when its evidence is invalid, it is vetoed or it is not rated.

import type { Lang } from '../dsl/index';
import { type CompiledRuleset, decisionOf, type Assessment, type Decision, xmlText } from '../engine/index';
import { t } from './i18n';

/** A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; text that a spreadsheet would run as a formula gets a leading `'`. */
function cell(s: string, text: boolean): string {
  const v = text && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The results as CSV: platform, name, outcome, level, total, each dimension's score (full results), vetoes, failed prerequisites, evidence errors. */
export function evalCsv(ruleset: CompiledRuleset, results: readonly (Assessment | Decision)[]): string {
  const detail = results.every((a): a is Assessment => 'dimensions' in a);
  const dims = detail ? ruleset.model.dimensions.map((d) => d.id) : [];
  const header = ['platform', 'name', 'outcome', 'level', 'total', ...dims, 'vetoes', 'prerequisitesFailed', 'errors'];
  const rows = results.map((a) => {
    const d = 'dimensions' in a ? decisionOf(a) : a;
    const invalid = a.outcome === 'invalid';
    const scores = new Map('dimensions' in a ? a.dimensions.map((x) => [x.id, x.score]) : []);
    return [
      cell(a.platform, true),
      cell(a.name ?? '', true),
      a.outcome,
      a.level ?? '',
      invalid ? '' : String(a.total.toJSONNumber()),
      ...dims.map((id) => {
        const s = scores.get(id);
        return s === undefined || invalid ? '' : String(s.toJSONNumber());
      }),
      cell(d.vetoes.join(' '), true),
      cell(d.prerequisitesFailed.join(' '), true),
      cell(a.errors.map((e) => `${e.field}: ${e.message}`).join('; '), true),
    ].join(',');
  });
  return [header.join(','), ...rows].join('\n');
}

/** Why a platform fails: its outcome, fired vetoes, failed prerequisites and evidence errors, one per line. */
function failureText(a: Assessment | Decision, lang: Lang): string {
  const d = 'dimensions' in a ? decisionOf(a) : a;
  return [
    t(lang, a.outcome),
    ...d.vetoes.map((v) => `${t(lang, 'hVetoes')}: ${v}`),
    ...d.prerequisitesFailed.map((p) => `${t(lang, 'hPrereq')}: ${p}`),
    ...a.errors.map((e) => `${t(lang, 'hErrors')}: ${e.field}: ${e.message}`),
  ].join('\n');
}

/** The results as JUnit XML: one testsuite (the ruleset), one testcase per platform; `<failure>` unless graded. */
export function evalJunit(ruleset: CompiledRuleset, results: readonly (Assessment | Decision)[], lang: Lang): string {
  const id = ruleset.identity;
  const suite = `${id.id}@${id.version}`;
  const failures = results.filter((a) => a.outcome !== 'graded').length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="assay eval" tests="${results.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${xmlText(suite)}" tests="${results.length}" failures="${failures}" errors="0">`,
    `    <properties><property name="hash" value="${xmlText(id.hash)}"/><property name="status" value="${xmlText(id.status)}"/></properties>`,
  ];
  for (const a of results) {
    const open = `    <testcase classname="${xmlText(suite)}" name="${xmlText(a.platform)}"`;
    if (a.outcome === 'graded') {
      out.push(`${open}><system-out>${xmlText(`${t(lang, 'hLevel')}: ${a.level ?? '—'}, ${t(lang, 'hTotal')}: ${a.total.toJSONNumber()}`)}</system-out></testcase>`);
      continue;
    }
    out.push(`${open}>`);
    out.push(`      <failure type="${a.outcome}" message="${xmlText(t(lang, a.outcome))}">${xmlText(failureText(a, lang))}</failure>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n');
}
