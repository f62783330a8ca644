// The registry of static checks that `compileRuleset` runs after the model is built.
// In: check functions (engine/check/ adds its own here). Out: `CHECKS`, run in order by engine/compile.ts.
//
// To add a check, write `(model, ast) => Diagnostic[]` in engine/check/<name>.ts and list it below with a
// name; compile.ts needs no change. A check may assume the model is built but not that it is error-free:
// look names up in the model's Maps and skip what is missing. A check that throws is reported as A218
// and the other checks still run.

import type { Ruleset } from '../../dsl/ast';
import { diag, type Diagnostic } from '../../dsl/diagnostics';
import type { Model } from '../model/model';
import { ALL_CHECKS } from './index';

export type Check = (model: Model, ast: Ruleset) => readonly Diagnostic[];

export interface NamedCheck {
  readonly name: string;
  readonly run: Check;
}

/** Every static check, in the order they run. */
export const CHECKS: NamedCheck[] = [...ALL_CHECKS];

/** Adds a check at run time (tools and tests; rulesets in the repository use the list above). */
export function registerCheck(name: string, run: Check): void {
  if (!CHECKS.some((c) => c.name === name)) CHECKS.push({ name, run });
}

/** Runs every registered check; a check that throws becomes A218 and the others still run. */
export function runChecks(model: Model, ast: Ruleset): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of CHECKS) {
    try {
      out.push(...c.run(model, ast));
    } catch (e) {
      out.push(diag('A218', ast.id.span, { check: c.name, message: e instanceof Error ? e.message : String(e) }));
    }
  }
  return out;
}
