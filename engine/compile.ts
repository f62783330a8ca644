// Compilation of a ruleset: text → AST → model → static checks → a `CompiledRuleset` that assesses platforms.
// In: the ruleset's text. Out: `{ ruleset, diagnostics, ast }`; `ruleset` is undefined when any diagnostic is an
// error. It runs the stages engine/stages.ts lists with a `run` (parse, model, check), in that order; the static
// checks come from engine/check/registry.ts (a list: adding one needs no change here).

import type { Lang, Ruleset } from '../dsl/ast';
import { hasErrors, notShown, sortDiagnostics, type Diagnostic } from '../dsl/diagnostics';
import type { ParseResult } from '../dsl/parse';
import { printRuleset } from '../dsl/printer';
import { runChecks, type CheckResults, type KeptChecks } from './check/registry';
import { STAGES, type Compiling } from './stages';
import { assessPlatform, type PlatformInput } from './evaluate/evaluate';
import type { Trace } from './evaluate/events';
import { compileEvidenceCheck, type EvidenceCheck } from './evidence/validate';
import { evidenceSchema, type JsonSchema } from './evidence/schema';
import { rulesetHash } from './model/hash';
import type { Model } from './model/model';
import { compilePlan, type Plan } from './plan/index';
import { Rational } from './numbers/rational';
import { decisionOf, toResultJson, type Assessment, type Decision, type ResultJson, type RulesetIdentity } from './evaluate/result';

export interface CompiledRuleset {
  readonly identity: RulesetIdentity;
  readonly model: Model;
  readonly ast: Ruleset;
  readonly text: string;
  /** JSON Schema of a platform document for this ruleset. */
  readonly evidenceSchema: JsonSchema;
  /**
   * Assesses one platform exactly. Never throws: bad evidence gives outcome `invalid`. Uses the compiled plan
   * (engine/plan/) unless `engine: 'reference'` asks for the tree-walking reference evaluator; both give the same.
   */
  assess(input: PlatformInput, opts?: { lang?: Lang; trace?: Trace; engine?: Engine; lenient?: boolean }): Assessment;
  /** `toResultJson(assess(input))`. */
  evaluate(input: PlatformInput, opts?: { lang?: Lang; engine?: Engine; lenient?: boolean }): ResultJson;
  /**
   * The decision alone (outcome, level, exact total, failed prerequisites, fired vetoes, evidence errors and
   * warnings): `decisionOf(assess(input))`, computed without the per-dimension and per-indicator detail by the
   * plan's decision variant; the errors of invalid evidence come from the reference evaluator's validation.
   * `messages: false` (for tallies over a corpus): no errors or warnings are described — the outcome `invalid`
   * still says that the evidence is invalid, and `assess` gives the messages. Never throws.
   */
  decide(input: PlatformInput, opts?: { lang?: Lang; engine?: Engine; messages?: boolean; lenient?: boolean }): Decision;
}

/** Which evaluator assesses: the compiled plan (default) or the reference evaluator (the oracle). */
export type Engine = 'plan' | 'reference';

export interface CompileResult {
  readonly ruleset: CompiledRuleset | undefined;
  readonly diagnostics: Diagnostic[];
  readonly ast: Ruleset;
  /** The model, also when the ruleset has errors (for editors); undefined only if the text did not parse at all. */
  readonly model: Model | undefined;
  /** Each static check's diagnostics, when they ran: an editor passes them back as `keptChecks` (see compileRuleset). */
  readonly checks?: CheckResults;
}

/** At most this many diagnostics are returned, then one A105 "n more" (as the parser does). */
export const MAX_DIAGNOSTICS = 100;

function cap(all: Diagnostic[]): Diagnostic[] {
  // An earlier stage may already have capped its own list with an A105: count what it hid, once.
  let hiddenErrors = 0;
  let hiddenOthers = 0;
  const sorted = all.filter((d) => {
    if (d.code !== 'A105') return true;
    hiddenErrors += Number(d.args['errors'] ?? 0);
    hiddenOthers += Number(d.args['warnings'] ?? 0);
    return false;
  });
  if (sorted.length <= MAX_DIAGNOSTICS && hiddenErrors + hiddenOthers === 0) return sorted;
  const kept = sorted.slice(0, MAX_DIAGNOSTICS);
  const rest = sorted.slice(MAX_DIAGNOSTICS);
  const next = rest[0] ?? all.find((d) => d.code === 'A105');
  // Never drop the only errors: if every kept one is a warning, the cap must still fail compilation (notShown's severity).
  const errors = hiddenErrors + rest.filter((d) => d.severity === 'error').length;
  return [...kept, notShown(next ? next.span : { start: 0, end: 0 }, errors, hiddenOthers + rest.length - (errors - hiddenErrors))];
}

export { runChecks };

/** The stages `compileRuleset` runs, in the order engine/stages.ts lists them. */
const RUN = STAGES.flatMap((s) => (s.run ? [s.run] : []));
/** The same after parsing, for an AST built in memory. */
const RUN_AFTER_PARSE = STAGES.flatMap((s) => (s.run && s.name !== 'parse' ? [s.run] : []));

/**
 * Compiles a ruleset. `path` is for messages only. `checks: false` skips the static checks of engine/check/registry.ts
 * (tools and tests that study evaluation alone); name resolution and cycle detection always run.
 */
export function compileRuleset(
  text: string,
  opts: { path?: string; checks?: boolean; parsed?: ParseResult; keptChecks?: KeptChecks } = {},
): CompileResult {
  // An editor that reparsed only the item a keystroke changed (dsl/incremental.ts) passes that parse of `text`, and
  // when that item means what it meant (engine/model/meaning.ts), the checks of the text before with the edit's move.
  const c: Compiling = {
    text,
    checks: opts.checks !== false,
    syntaxErrors: false,
    diagnostics: [],
    ...(opts.parsed ? { parsed: opts.parsed } : {}),
    ...(opts.keptChecks ? { keptChecks: opts.keptChecks } : {}),
  };
  for (const run of RUN) run(c);
  const ast = c.ast as Ruleset;
  const model = c.model as Model;
  const sorted = cap(sortDiagnostics(c.diagnostics));
  const checks = c.checkResults ? { checks: c.checkResults } : {};
  if (hasErrors(sorted)) return { ruleset: undefined, diagnostics: sorted, ast, model, ...checks };
  return { ruleset: makeCompiled(model, ast, text), diagnostics: sorted, ast, model, ...checks };
}

/**
 * Compiles a ruleset built in memory (a variant made by applying diff entries, for impact attribution): the same
 * stages as `compileRuleset` after parsing. Its `text` is the printed AST, made on first read.
 */
export function compileAst(ast: Ruleset, opts: { checks?: boolean } = {}): CompiledRuleset | undefined {
  const c: Compiling = { text: '', checks: opts.checks !== false, ast, syntaxErrors: false, diagnostics: [] };
  for (const run of RUN_AFTER_PARSE) run(c);
  if (hasErrors(c.diagnostics) || !c.model) return undefined;
  return makeCompiled(c.model, ast, () => printRuleset(ast));
}

function makeCompiled(model: Model, ast: Ruleset, source: string | (() => string)): CompiledRuleset {
  let text = typeof source === 'string' ? source : undefined;
  let hash: string | undefined;
  let schema: JsonSchema | undefined;
  const identity: RulesetIdentity = {
    id: model.id,
    version: model.version,
    status: model.status,
    ...(model.date !== undefined ? { date: model.date } : {}),
    // Hashed on first read: the canonical JSON of a big ruleset costs more than checking it, and an editor
    // re-compiling on every keystroke rarely reads the hash.
    get hash(): string {
      return (hash ??= rulesetHash(ast));
    },
  };
  let check: EvidenceCheck | undefined;
  const getCheck = (): EvidenceCheck => (check ??= compileEvidenceCheck(model));
  const reference = (input: PlatformInput, opts: { lang?: Lang; trace?: Trace; lenient?: boolean }): Assessment =>
    assessPlatform(model, getCheck(), input, opts);
  let plan: Plan | undefined;
  const assess = (input: PlatformInput, opts: { lang?: Lang; trace?: Trace; engine?: Engine; lenient?: boolean } = {}): Assessment => {
    try {
      if (opts.engine === 'reference') return reference(input, opts);
      return (plan ??= compilePlan(model, reference)).assess(input, opts);
    } catch (e) {
      // Last resort: an engine bug must not crash a batch of platforms.
      const message = e instanceof Error ? e.message : String(e);
      return {
        platform: String((input as { platform?: unknown } | null)?.platform ?? ''),
        outcome: 'invalid',
        level: null,
        total: Rational.ZERO,
        dimensions: [],
        indicators: [],
        prerequisites: [],
        vetoes: [],
        levels: [],
        errors: [{ field: '', code: 'E152', message: `internal error: ${message}`, args: { where: '', detail: message } }],
        warnings: [],
      };
    }
  };
  const NO_ISSUES: readonly [] = [];
  const decide = (input: PlatformInput, opts: { lang?: Lang; engine?: Engine; messages?: boolean; lenient?: boolean } = {}): Decision => {
    const messages = opts.messages !== false;
    let d: Decision;
    try {
      d = opts.engine === 'reference' ? decisionOf(assess(input, opts)) : (plan ??= compilePlan(model, reference)).summary(input, opts.lang, messages, opts.lenient === true);
    } catch {
      // Whatever the plan cannot say, the full assessment says (it never throws).
      d = decisionOf(assess(input, opts));
    }
    if (!messages) return d.errors.length + d.warnings.length === 0 ? d : { ...d, errors: NO_ISSUES, warnings: NO_ISSUES };
    // Invalid evidence decided by the plan: the reference's messages (the plan would hand it over anyway).
    return d.outcome === 'invalid' && d.errors.length === 0 ? decisionOf(reference(input, opts)) : d;
  };
  return {
    identity,
    model,
    ast,
    get text(): string {
      return (text ??= typeof source === 'string' ? source : source());
    },
    get evidenceSchema(): JsonSchema {
      return (schema ??= evidenceSchema(model));
    },
    assess,
    evaluate: (input, opts = {}) => {
      if (opts.engine === 'reference') return toResultJson(assess(input, opts));
      try {
        return (plan ??= compilePlan(model, reference)).evaluate(input, opts.lang, opts.lenient === true);
      } catch {
        // Whatever the plan cannot write, the full assessment says (it never throws).
        return toResultJson(assess(input, opts));
      }
    },
    decide,
  };
}
