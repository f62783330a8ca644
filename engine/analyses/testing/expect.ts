// Expectations of one case against one ruleset version: ids checked against the version, then expected vs actual.
// In: a case, the compiled ruleset, its assessment and (when asked for) the explanation text.
// Out: problems of the case itself (unknown ids or fields: the case is wrong) and mismatches (the ruleset is).

import type { Lang } from '../../../dsl/ast';
import type { CompiledRuleset } from '../../compile';
import type { Rational } from '../../numbers/rational';
import { exactOrFractionText } from '../../present/numbers';
import { renderValue } from '../../evidence/validate';
import type { Assessment, EvidenceValue } from '../../evaluate/result';
import { renderMessage } from '../../../dsl/diagnostics';
import type { Code } from '../../../dsl/messages';
import type { ExpectedDerived, ExpectedNumber, TestCase } from './model';
import { describeType, type ValueType } from '../../model/value-type';

/** One expectation that did not hold. `field` is dotted (`indicators.pue.points`). */
export interface Mismatch {
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

/** A problem of the case under one version: `field` is dotted from the case (`expect.indicators.pue2`). */
export interface CaseProblem {
  readonly field: string;
  readonly message: string;
}

export function matchesNumber(e: ExpectedNumber, q: Rational): boolean {
  return e.kind === 'exact' ? e.value.eq(q) : q.sub(e.value).abs().le(e.tolerance);
}

function rulesetName(r: CompiledRuleset): string {
  return `${r.identity.id} ${r.identity.version}`;
}

/** Ids and fields the case names that this version does not have. */
export function caseProblems(tc: TestCase, r: CompiledRuleset, lang: Lang): CaseProblem[] {
  const m = r.model;
  const out: CaseProblem[] = [];
  const unknown = (field: string, what: Code, name: string, known: Iterable<string>): void => {
    out.push({
      field,
      message: renderMessage(
        { code: 'T118', args: { ruleset: rulesetName(r), what: renderMessage({ code: what }, lang), name, known: [...known].join(', ') || '-' } },
        lang,
      ),
    });
  };
  const isField = (f: string): boolean => m.fields.has(f) || m.formerIds.has(f);
  for (const f of Object.keys(tc.set)) {
    if (!isField(f)) out.push({ field: `set.${f}`, message: renderMessage({ code: 'T117', args: { name: f, ruleset: rulesetName(r) } }, lang) });
  }
  tc.unset.forEach((f, i) => {
    if (!isField(f)) out.push({ field: `unset.${i}`, message: renderMessage({ code: 'T117', args: { name: f, ruleset: rulesetName(r) } }, lang) });
  });
  const e = tc.expect;
  for (const id of e.dimensions?.keys() ?? []) {
    if (!m.dimensionsById.has(id)) unknown(`expect.dimensions.${id}`, 'T130', id, m.dimensionsById.keys());
  }
  for (const id of e.indicators?.keys() ?? []) {
    if (!m.indicatorsById.has(id)) unknown(`expect.indicators.${id}`, 'T131', id, m.indicatorsById.keys());
  }
  for (const [id, x] of e.derived ?? []) {
    const d = m.derivedById.get(id);
    if (!d) unknown(`expect.derived.${id}`, 'T138', id, m.derivedById.keys());
    else {
      const t = d.declared ?? m.resolution.types.get(d.decl.formula);
      if (t && t.kind !== 'unknown' && !fits(x, t)) out.push({ field: `expect.derived.${id}`, message: renderMessage({ code: 'T143', args: { id, type: describeType(t), text: x.text } }, lang) });
    }
  }
  e.vetoes?.forEach((id, i) => {
    if (!m.vetoesById.has(id)) unknown(`expect.vetoes.${i}`, 'T132', id, m.vetoesById.keys());
  });
  e.prerequisitesFailed?.forEach((id, i) => {
    if (!m.prerequisitesById.has(id)) unknown(`expect.prerequisites_failed.${i}`, 'T133', id, m.prerequisitesById.keys());
  });
  e.evidenceErrors?.forEach((f, i) => {
    if (!isField(f.split('.')[0] ?? f) && f !== '') {
      out.push({ field: `expect.evidence_errors.${i}`, message: renderMessage({ code: 'T117', args: { name: f, ruleset: rulesetName(r) } }, lang) });
    }
  });
  if (typeof e.level === 'string') {
    const levels = [...m.levels.map((l) => l.id), ...(m.fallback ? [m.fallback.id] : [])];
    if (!levels.includes(e.level)) unknown('expect.level', 'T134', e.level, levels);
  }
  return out;
}

function sameSet(expected: readonly string[], actual: readonly string[]): boolean {
  const a = new Set(actual);
  return expected.length === a.size && expected.every((x) => a.has(x));
}

/** Every expectation of the case that the assessment does not meet, in the order of the `expect` section. */
export function compare(tc: TestCase, a: Assessment, lang: Lang, explanation: string | undefined): Mismatch[] {
  const e = tc.expect;
  const out: Mismatch[] = [];
  const list = (xs: readonly string[]): string => (xs.length === 0 ? renderMessage({ code: 'T141' }, lang) : xs.join(', '));
  const num = (field: string, exp: ExpectedNumber, q: Rational | undefined): void => {
    if (q === undefined) out.push({ field, expected: exp.text, actual: renderMessage({ code: 'T142' }, lang) });
    else if (!matchesNumber(exp, q)) out.push({ field, expected: exp.text, actual: exactOrFractionText(q) });
  };
  if (e.outcome !== undefined && e.outcome !== a.outcome) out.push({ field: 'outcome', expected: e.outcome, actual: a.outcome });
  if (e.level !== undefined && e.level !== a.level) out.push({ field: 'level', expected: String(e.level), actual: String(a.level) });
  if (e.total) num('total', e.total, a.outcome === 'invalid' ? undefined : a.total);
  for (const [id, d] of e.dimensions ?? []) {
    const got = a.dimensions.find((x) => x.id === id);
    if (d.score) num(`dimensions.${id}.score`, d.score, got?.score);
    if (d.share) num(`dimensions.${id}.share`, d.share, got?.share);
  }
  for (const [id, x] of e.indicators ?? []) {
    const got = a.indicators.find((i) => i.id === id);
    if (x.status !== undefined && x.status !== got?.status) {
      out.push({ field: `indicators.${id}.status`, expected: x.status, actual: got?.status ?? renderMessage({ code: 'T142' }, lang) });
    }
    if (x.points === null) {
      if (!got || got.points !== null) {
        out.push({ field: `indicators.${id}.points`, expected: 'null', actual: got?.points ? exactOrFractionText(got.points) : renderMessage({ code: 'T142' }, lang) });
      }
    } else if (x.points !== undefined) {
      if (got && got.points === null) out.push({ field: `indicators.${id}.points`, expected: x.points.text, actual: 'null' });
      else num(`indicators.${id}.points`, x.points, got?.points ?? undefined);
    }
  }
  for (const [id, x] of e.derived ?? []) {
    const got = a.derived?.find((d) => d.id === id);
    const v = got?.value;
    if (x.kind !== 'value') {
      if (v?.kind === 'num') num(`derived.${id}`, x, v.q);
      else out.push({ field: `derived.${id}`, expected: x.text, actual: v ? renderValue(v) : v === null ? 'null' : renderMessage({ code: 'T142' }, lang) });
    } else if (!got || !sameDerived(x.value, v ?? null)) {
      out.push({ field: `derived.${id}`, expected: x.text, actual: v ? renderValue(v) : got ? 'null' : renderMessage({ code: 'T142' }, lang) });
    }
  }
  if (e.vetoes) {
    const fired = a.vetoes.filter((v) => v.truth === true).map((v) => v.id);
    if (!sameSet(e.vetoes, fired)) out.push({ field: 'vetoes', expected: list(e.vetoes), actual: list(fired) });
  }
  if (e.prerequisitesFailed) {
    const failed = a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id);
    if (!sameSet(e.prerequisitesFailed, failed)) {
      out.push({ field: 'prerequisites_failed', expected: list(e.prerequisitesFailed), actual: list(failed) });
    }
  }
  if (e.evidenceErrors) {
    const fields = [...new Set(a.errors.map((x) => x.field))];
    if (!sameSet(e.evidenceErrors, fields)) out.push({ field: 'evidence_errors', expected: list(e.evidenceErrors), actual: list(fields) });
  }
  e.explanation?.forEach((text, i) => {
    if (explanation === undefined || !explanation.includes(text)) {
      out.push({ field: `explanation.${i}`, expected: text, actual: renderMessage({ code: 'T140', args: { text } }, lang) });
    }
  });
  return out;
}

/** Whether an expected derived value can be a value of type `t` (null, unknown, fits every type). */
function fits(x: ExpectedDerived, t: ValueType): boolean {
  if (x.kind !== 'value') return t.kind === 'number';
  if (x.value === null) return true;
  if (typeof x.value === 'boolean') return t.kind === 'boolean';
  return t.kind === 'enum' && t.values.includes(x.value);
}

/** An enum value, a boolean or null (unknown) against what the assessment gives. */
function sameDerived(expected: string | boolean | null, v: EvidenceValue | null): boolean {
  if (expected === null) return v === null;
  if (v === null) return false;
  return typeof expected === 'boolean' ? v.kind === 'bool' && v.b === expected : v.kind === 'sym' && v.s === expected;
}
