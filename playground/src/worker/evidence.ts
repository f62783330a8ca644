// Evidence checked against the ruleset's schema in the worker: each platform assessed as the results would assess it
// (the engine validates evidence against the ruleset's schema first), its evidence errors and warnings returned.
// In: the ruleset text, the platforms of one evidence text, a language. Out: `EvidenceCheckResult`; never throws.

import type { Lang } from '../../../dsl/index';
import type { EvidenceCheckResult, EvidenceIssueOut } from '../protocol';
import { compile, type CompiledRuleset } from './engine-bridge';

/** The last ruleset compiled here, by its text (the evidence is checked again and again against one ruleset). */
let last: { text: string; ruleset: CompiledRuleset | undefined } | undefined;

export function checkEvidence(
  seq: number,
  text: string,
  lang: Lang,
  platforms: readonly { readonly platform: string; readonly name?: string; readonly evidence: Readonly<Record<string, unknown>> }[],
): EvidenceCheckResult {
  if (last?.text !== text) last = { text, ruleset: compile(text, 'playground.assay').ruleset };
  const ruleset = last.ruleset;
  if (!ruleset) return { seq, rulesetOk: false, issues: [] };
  const issues: EvidenceIssueOut[] = [];
  platforms.forEach((doc, index) => {
    try {
      const a = ruleset.assess(doc, { lang });
      for (const [severity, list] of [['error', a.errors], ['warning', a.warnings]] as const) {
        for (const i of list) issues.push({ index, code: i.code, severity, field: i.field, message: i.message, args: { ...(i.args ?? {}) } });
      }
    } catch (e) {
      issues.push({ index, code: 'internal', severity: 'error', field: '', message: e instanceof Error ? e.message : String(e), args: {} });
    }
  });
  return { seq, rulesetOk: true, issues };
}
