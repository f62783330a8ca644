// JUnit XML of a test run (for CI systems) and lcov of its coverage (for editors' margins).
// In: a `TestRun`. Out: XML text (one <testsuite> per test file and version) and lcov text (one record per .assay).

import { renderMessage } from '../../../dsl/diagnostics';
import type { Lang } from '../../../dsl/ast';
import { categoryOf, type RulesetCoverage } from './coverage';
import { caseText, issueText } from './report';
import { countRun, type CaseResult, type TestRun } from './runner';

/**
 * Characters XML 1.0 forbids in a document (C0 controls but tab, newline and return; U+FFFE, U+FFFF; lone
 * surrogates): no entity can stand for them either, so they are written as the text `\uXXXX`.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML content and double-quoted attributes: markup escaped, forbidden characters shown as `\uXXXX`. */
export function xmlText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JUnit XML: suites `<file> [<version>]`, cases named by the case's name; file problems are `<error>` cases. */
export function junitXml(run: TestRun, lang: Lang): string {
  const n = countRun(run);
  const suites = new Map<string, CaseResult[]>();
  for (const r of run.results) {
    const k = `${r.file} [${r.version}]`;
    suites.set(k, [...(suites.get(k) ?? []), r]);
  }
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="assay test" tests="${n.total + run.issues.length}" failures="${n.failed}" errors="${n.errors}">`);
  for (const [name, rs] of suites) {
    const failures = rs.filter((r) => r.status === 'fail').length;
    const errors = rs.filter((r) => r.status === 'error').length;
    out.push(`  <testsuite name="${xmlText(name)}" tests="${rs.length}" failures="${failures}" errors="${errors}">`);
    for (const r of rs) {
      const open = `    <testcase classname="${xmlText(`${r.file} [${r.version}]`)}" name="${xmlText(r.name)}"`;
      if (r.status === 'pass') {
        out.push(`${open}/>`);
        continue;
      }
      const tag = r.status === 'fail' ? 'failure' : 'error';
      const first = r.mismatches[0] ?? r.problems[0];
      const message = first ? ('expected' in first ? renderMessage({ code: 'T154', args: { ...first } }, lang) : `${first.field}: ${first.message}`) : r.status;
      out.push(`${open}>`);
      out.push(`      <${tag} message="${xmlText(message)}">${xmlText(caseText(r, lang))}</${tag}>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  if (run.issues.length > 0) {
    out.push(`  <testsuite name="test files" tests="${run.issues.length}" failures="0" errors="${run.issues.length}">`);
    for (const i of run.issues) {
      const name = `${i.file}${i.caseIndex !== undefined ? ` case ${i.caseIndex}` : ''}${i.field ? ` ${i.field}` : ''}`;
      out.push(`    <testcase classname="${xmlText(i.file)}" name="${xmlText(name)}">`);
      out.push(`      <error message="${xmlText(i.message)}">${xmlText(issueText(i, lang))}</error>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/**
 * lcov of the rulesets' coverage: `DA` per line holding an item (hits; 0 when any item on the line is not
 * reached, so a partly covered line shows as uncovered), `BRDA` per condition (branch 0 true, 1 false).
 */
export function lcov(coverage: readonly RulesetCoverage[]): string {
  const out: string[] = [];
  for (const c of coverage) {
    out.push('TN:', `SF:${c.path}`);
    const lines = new Map<number, number>();
    for (const it of c.items) {
      const hits = c.counts.get(it.key)?.hits ?? 0;
      const prev = lines.get(it.line);
      lines.set(it.line, prev === undefined ? hits : prev === 0 || hits === 0 ? 0 : prev + hits);
    }
    let brf = 0;
    let brh = 0;
    c.items.forEach((it, block) => {
      if (categoryOf(it.kind) !== 'conditions') return;
      const n = c.counts.get(it.key);
      const reached = (n?.hits ?? 0) > 0;
      const t = n?.whenTrue ?? 0;
      const f = n?.whenFalse ?? 0;
      out.push(`BRDA:${it.line},${block},0,${reached ? t : '-'}`, `BRDA:${it.line},${block},1,${reached ? f : '-'}`);
      brf += 2;
      brh += (t > 0 ? 1 : 0) + (f > 0 ? 1 : 0);
    });
    out.push(`BRF:${brf}`, `BRH:${brh}`);
    const sorted = [...lines].sort((a, b) => a[0] - b[0]);
    for (const [line, hits] of sorted) out.push(`DA:${line},${hits}`);
    out.push(`LF:${sorted.length}`, `LH:${sorted.filter(([, h]) => h > 0).length}`, 'end_of_record');
  }
  return out.join('\n') + '\n';
}
