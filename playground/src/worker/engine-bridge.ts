// The playground's entry points into dsl/ and engine/: compile, format (parse + print), evidence schema and
// semantic diff. In: ruleset text. Out: the engine's own results (no assessment logic here).

import { type Ruleset as RulesetAst, hasErrors, parseRuleset, printRuleset } from '../../../dsl/index';
import {
  diffRulesets,
  type DiffEntry,
  compileRuleset,
  type CompileResult,
  type CompiledRuleset,
} from '../../../engine/index';

export type { CompiledRuleset, CompileResult, DiffEntry };

export interface PlatformDoc {
  readonly platform: string;
  readonly name?: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

export function compile(text: string, path: string): CompileResult {
  return compileRuleset(text, { path });
}

/** The printer's canonical text, or null when the text does not parse cleanly. */
export function format(text: string): string | null {
  const parsed = parseRuleset(text);
  if (hasErrors(parsed.diagnostics)) return null;
  return printRuleset(parsed.ast);
}

export function schemaOf(ruleset: CompiledRuleset): unknown {
  return ruleset.evidenceSchema;
}

export function semanticDiffEntries(a: CompiledRuleset, b: CompiledRuleset): DiffEntry[] {
  return diffRulesets({ model: { ast: a.ast }, identity: a.identity }, { model: { ast: b.ast }, identity: b.identity });
}

export type { RulesetAst };
