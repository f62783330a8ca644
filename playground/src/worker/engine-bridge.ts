// The one place the playground touches the engine's API. Core entry points (compile, parse, print,
// diff) are typed imports; features written later (improvement plans) are found
// among the bundled modules by file name and checked at run time. Out: typed functions, or
// `undefined` for a feature this build does not have.

import type { Ruleset as RulesetAst } from '../../../dsl/ast';
import { hasErrors } from '../../../dsl/diagnostics';
import { parseRuleset } from '../../../dsl/parse';
import { printRuleset } from '../../../dsl/printer';
import { diffRulesets, type DiffEntry } from '../../../engine/diff/index';
import { compileRuleset, type CompileResult, type CompiledRuleset } from '../../../engine/index';

export type { CompiledRuleset, CompileResult, DiffEntry };

// Optional modules, eagerly: a module not (yet) written is simply absent from the map.
const optionalModules = import.meta.glob<Record<string, unknown>>(
  [
    '../../../engine/gap*.ts',
    '../../../engine/plan*.ts',
    '../../../engine/improve*.ts',
    '../../../engine/{gap,plan,improve}*/index.ts',
    '!**/*.d.ts',
  ],
  { eager: true },
);

type Fn = (...args: never[]) => unknown;

/** Looks up an optional engine function by one of several names (improvement plans). */
export function optional(names: readonly string[]): Fn | undefined {
  const entries = Object.entries(optionalModules).sort(([a], [b]) => a.localeCompare(b));
  for (const name of names) {
    for (const [, mod] of entries) {
      if (Object.hasOwn(mod, name) && typeof mod[name] === 'function') return mod[name] as Fn;
    }
  }
  return undefined;
}

/** Names of the optional modules found, for debugging. */
export const OPTIONAL_MODULES: readonly string[] = Object.keys(optionalModules).map((p) => p.replace(/^(\.\.\/)+/, ''));

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
