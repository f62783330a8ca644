// The compilation and evaluation pipeline, stage by stage: where each stage lives and what it turns into what.
// In: nothing. Out: `STAGES`, the ordered list; the stages with a `run` are the ones `compileRuleset` runs, in this
// order, over one `Compiling` state (engine/compile.ts loops over them: adding a stage here adds it there). Tests
// keep the rest honest: every module exists and exports its entry point.

import type { Ruleset } from '../dsl/ast';
import { hasErrors, type Diagnostic } from '../dsl/diagnostics';
import { parseRuleset, type ParseResult } from '../dsl/parse';
import { runChecksKept, type CheckResults, type KeptChecks } from './check/registry';
import { buildModel, type Model } from './model/model';

/** What the compile stages read and write, from the text to the model and its diagnostics. */
export interface Compiling {
  readonly text: string;
  /** Run the static checks (`compileRuleset(…, { checks: false })` skips them). */
  readonly checks: boolean;
  /** The text's parse when the caller has it already (an editor's incremental reparse); else the parse stage parses. */
  readonly parsed?: ParseResult;
  /** The checks of the compile before an edit that changed no meaning (an editor's): see `runChecksKept`. */
  readonly keptChecks?: KeptChecks;
  /** Each check's diagnostics, when the checks ran (kept for the next compile). */
  checkResults?: CheckResults;
  ast?: Ruleset;
  syntaxErrors: boolean;
  model?: Model;
  readonly diagnostics: Diagnostic[];
}

/** Model diagnostics that only repeat a syntax error (a clause lost to recovery). */
const CASCADE: ReadonlySet<string> = new Set(['A207', 'A208', 'A209', 'A210', 'A212']);

export interface Stage {
  readonly name: string;
  /** Module path from the repository root. */
  readonly module: string;
  /** The stage's entry point. */
  readonly entry: string;
  readonly input: string;
  readonly output: string;
  /** Run by `compileRuleset` (the stages without one are run later, on demand, or by other commands). */
  readonly run?: (c: Compiling) => void;
}

export const STAGES: readonly Stage[] = [
  { name: 'parse', module: 'dsl/parse.ts', entry: 'parseRuleset', input: 'ruleset text', output: 'AST + syntax diagnostics (A1xx)',
    run: (c) => {
      const parsed = c.parsed ?? parseRuleset(c.text);
      c.ast = parsed.ast;
      c.syntaxErrors = hasErrors(parsed.diagnostics);
      c.diagnostics.push(...parsed.diagnostics);
    },
  },
  { name: 'model', module: 'engine/model/build.ts', entry: 'buildModel', input: 'AST', output: 'semantic model: declarations by id, types, weights (resolve and order run inside it)',
    run: (c) => {
      if (!c.ast) return;
      const { model, diagnostics } = buildModel(c.ast);
      c.model = model;
      c.diagnostics.push(...(c.syntaxErrors ? diagnostics.filter((d) => !CASCADE.has(d.code)) : diagnostics));
    },
  },
  { name: 'resolve', module: 'engine/model/resolve.ts', entry: 'resolveModel', input: 'model declarations', output: 'every name, property and quantifier resolved + A2xx' },
  { name: 'order', module: 'engine/model/order.ts', entry: 'evaluationOrder', input: 'resolved dependencies', output: 'evaluation order, cycles as A211' },
  { name: 'check', module: 'engine/check/registry.ts', entry: 'CHECKS', input: 'model + AST', output: 'static diagnostics (A3xx–A8xx)',
    run: (c) => {
      if (!(c.model && c.ast && !c.syntaxErrors && c.checks)) return;
      const { diagnostics, results } = runChecksKept(c.model, c.ast, c.keptChecks);
      c.diagnostics.push(...diagnostics);
      c.checkResults = results;
    },
  },
  { name: 'hash', module: 'engine/model/hash.ts', entry: 'rulesetHash', input: 'AST', output: "'sha256:' + hex of the canonical JSON" },
  { name: 'compile', module: 'engine/compile.ts', entry: 'compileRuleset', input: 'ruleset text', output: 'CompiledRuleset or diagnostics' },
  { name: 'read evidence', module: 'engine/evidence/read.ts', entry: 'parseEvidenceText', input: 'YAML or JSON text', output: 'platform documents + file issues' },
  { name: 'validate evidence', module: 'engine/evidence/validate.ts', entry: 'validateEvidence', input: 'evidence map', output: 'exact values + E1xx issues' },
  { name: 'evaluate', module: 'engine/evaluate/evaluate.ts', entry: 'assessPlatform', input: 'model + values', output: 'Assessment (+ trace events)' },
  { name: 'plan', module: 'engine/plan/plan.ts', entry: 'compilePlan', input: 'model (once), then platforms', output: 'Assessment, or the Decision alone, equal to evaluate’s (hands over when in doubt)' },
  { name: 'result JSON', module: 'engine/evaluate/result.ts', entry: 'toResultJson', input: 'Assessment (or Decision: toDecisionJson)', output: 'ResultJson (DecisionJson)' },
];
