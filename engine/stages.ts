// The compilation and evaluation pipeline, stage by stage: where each stage lives and what it turns into what.
// In: nothing. Out: `STAGES`, the ordered list (documentation that tests keep honest: every module exists).

export interface Stage {
  readonly name: string;
  /** Module path from the repository root. */
  readonly module: string;
  /** The stage's entry point. */
  readonly entry: string;
  readonly input: string;
  readonly output: string;
}

export const STAGES: readonly Stage[] = [
  { name: 'parse', module: 'dsl/parse.ts', entry: 'parseRuleset', input: 'ruleset text', output: 'AST + syntax diagnostics (A1xx)' },
  { name: 'model', module: 'engine/model/model.ts', entry: 'buildModel', input: 'AST', output: 'semantic model: declarations by id, types, weights' },
  { name: 'resolve', module: 'engine/model/resolve.ts', entry: 'resolveModel', input: 'model declarations', output: 'every name, property and quantifier resolved + A2xx' },
  { name: 'order', module: 'engine/model/order.ts', entry: 'evaluationOrder', input: 'resolved dependencies', output: 'evaluation order, cycles as A211' },
  { name: 'check', module: 'engine/check/registry.ts', entry: 'CHECKS', input: 'model + AST', output: 'static diagnostics (A3xx–A8xx)' },
  { name: 'hash', module: 'engine/model/hash.ts', entry: 'rulesetHash', input: 'AST', output: "'sha256:' + hex of the canonical JSON" },
  { name: 'compile', module: 'engine/compile.ts', entry: 'compileRuleset', input: 'ruleset text', output: 'CompiledRuleset or diagnostics' },
  { name: 'read evidence', module: 'engine/evidence/read.ts', entry: 'parseEvidenceText', input: 'YAML or JSON text', output: 'platform documents + file issues' },
  { name: 'validate evidence', module: 'engine/evidence/validate.ts', entry: 'validateEvidence', input: 'evidence map', output: 'exact values + E1xx issues' },
  { name: 'evaluate', module: 'engine/evaluate/evaluate.ts', entry: 'assessPlatform', input: 'model + values', output: 'Assessment (+ trace events)' },
  { name: 'plan', module: 'engine/plan/plan.ts', entry: 'compilePlan', input: 'model (once), then platforms', output: 'Assessment, or the Decision alone, equal to evaluate’s (hands over when in doubt)' },
  { name: 'result JSON', module: 'engine/evaluate/result.ts', entry: 'toResultJson', input: 'Assessment (or Decision: toDecisionJson)', output: 'ResultJson (DecisionJson)' },
];
