// Import of a ruleset from its canonical JSON text: JSON → AST → formatted DSL, checked by parsing the DSL again.
// In: JSON text (as `assay export --format json` writes it). Out: the AST and its DSL text, or every problem found.
//
// The check closes the loop: the printed DSL must parse without errors to the same canonical form, so an import
// never yields text that means something else (e.g. an id that is a keyword of the DSL).

import type { Ruleset } from '../../dsl/ast';
import { canonicalString } from '../../dsl/canonical';
import { hasErrors } from '../../dsl/diagnostics';
import { MAX_FILE_BYTES, parseRuleset } from '../../dsl/parse';
import { printRuleset } from '../../dsl/printer';
import { rulesetFromCanonical, type ImportIssue } from './canonical';

export type RulesetImport =
  | { readonly ok: true; readonly ast: Ruleset; readonly text: string }
  | { readonly ok: false; readonly issues: readonly ImportIssue[] };

/** Parses canonical JSON text and turns it into formatted DSL. */
export function importRulesetJson(json: string): RulesetImport {
  if (json.length > MAX_FILE_BYTES * 4) return fail('json', `at most ${MAX_FILE_BYTES * 4} characters`);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return fail('json', e instanceof Error ? e.message : String(e));
  }
  return importRulesetData(data);
}

/** Turns already parsed canonical JSON into formatted DSL. */
export function importRulesetData(data: unknown): RulesetImport {
  const decoded = rulesetFromCanonical(data);
  if (!decoded.ok) return decoded;
  const ast = decoded.value;
  const text = printRuleset(ast);
  const back = parseRuleset(text);
  if (hasErrors(back.diagnostics)) {
    const d = back.diagnostics.find((x) => x.severity === 'error');
    const at = d ? text.slice(d.span.start, Math.min(d.span.end, d.span.start + 40)) : '';
    return fail('round-trip', `the DSL text does not parse back (${d?.code ?? '?'} at \`${at}\`)`);
  }
  if (canonicalString(back.ast) !== canonicalString(ast)) return fail('round-trip', 'the DSL text parses back to a different ruleset');
  return { ok: true, ast, text };
}

function fail(problem: ImportIssue['problem'], detail: string): RulesetImport {
  return { ok: false, issues: [{ path: '', problem, detail }] };
}
