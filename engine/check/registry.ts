// The registry of static checks that `compileRuleset` runs after the model is built.
// In: check functions (engine/check/ adds its own here). Out: `CHECKS`, run in order by engine/compile.ts.
//
// To add a check, write `(model, ast) => Diagnostic[]` in engine/check/<name>.ts and list it below with a
// name; compile.ts needs no change. A check may assume the model is built but not that it is error-free:
// look names up in the model's Maps and skip what is missing. A check that throws is reported as A218
// and the other checks still run.

import type { Ruleset } from '../../dsl/ast';
import { diag, type Diagnostic } from '../../dsl/diagnostics';
import { moveSpans } from '../../dsl/incremental';
import type { Model } from '../model/model';
import { ALL_CHECKS } from './index';

export type Check = (model: Model, ast: Ruleset) => readonly Diagnostic[];

export interface NamedCheck {
  readonly name: string;
  readonly run: Check;
  /**
   * The check reads labels, units, notes, bases or the title. The others give the same diagnostics, moved with the
   * text, after an edit that changed no meaning (`runChecksKept`).
   */
  readonly presentation?: boolean;
}

/** Each check's diagnostics, by check name (what `runChecksKept` may keep for the next compile). */
export type CheckResults = ReadonlyMap<string, readonly Diagnostic[]>;

/** The checks of the compile before an edit that changed no meaning, and how the edit moved the text after `from`. */
export interface KeptChecks {
  readonly results: CheckResults;
  readonly delta: number;
  readonly from: number;
}

/** Every static check, in the order they run. */
export const CHECKS: NamedCheck[] = [...ALL_CHECKS];

/** Adds a check at run time (tools and tests; rulesets in the repository use the list above). */
export function registerCheck(name: string, run: Check): void {
  if (!CHECKS.some((c) => c.name === name)) CHECKS.push({ name, run });
}

/** Runs every registered check; a check that throws becomes A218 and the others still run. */
export function runChecks(model: Model, ast: Ruleset): Diagnostic[] {
  return runChecksKept(model, ast, undefined).diagnostics;
}

/**
 * `runChecks`, and each check's diagnostics by name. With `kept` (the results of the compile before an edit that
 * changed no meaning), only the checks that read presentation run; the others' diagnostics are the kept ones with
 * their spans moved by the edit.
 */
export function runChecksKept(model: Model, ast: Ruleset, kept: KeptChecks | undefined): { diagnostics: Diagnostic[]; results: CheckResults } {
  const out: Diagnostic[] = [];
  const results = new Map<string, readonly Diagnostic[]>();
  for (const c of CHECKS) {
    const before = c.presentation === true ? undefined : kept?.results.get(c.name);
    let found: readonly Diagnostic[];
    if (before !== undefined && kept !== undefined) found = moveSpans(before, kept.delta, kept.from);
    else {
      try {
        found = c.run(model, ast);
      } catch (e) {
        found = [diag('A218', ast.id.span, { check: c.name, message: e instanceof Error ? e.message : String(e) })];
      }
    }
    results.set(c.name, found);
    out.push(...found);
  }
  return { diagnostics: out, results };
}
