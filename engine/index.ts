// The public API of the engine, used by the CLI, the playground and tests.
// In: ruleset text, evidence text or data. Out: compiled rulesets, assessments, result JSON, schemas, hashes.

export { compileRuleset, runChecks, type CompiledRuleset, type CompileResult, type Engine } from './compile';
export { CHECKS, registerCheck, type Check, type NamedCheck } from './check/registry';
export { buildModel, type Model, type IndicatorInfo, type DimensionInfo, type InputInfo, type FieldInfo } from './model/model';
export type { Resolution, RefTarget, PropTarget, QuantTarget, ExprType } from './model/resolve';
export type { EvalNode } from './model/order';
export type { ValueType, Bound } from './model/value-type';
export { parseEvidenceText, type ParsedEvidence, type PlatformDoc } from './evidence/read';
export { evidenceSchema, type JsonSchema } from './evidence/schema';
export { validateEvidence, compileEvidenceCheck, renderValue } from './evidence/validate';
export type { PlatformInput, AssessOptions } from './evaluate/evaluate';
export type { EvalEvent, Read, Trace, ConditionOwner, QuantElement } from './evaluate/events';
export { rulesetHash, sha256Hex, sha256Text } from './model/hash';
export { STAGES } from './stages';
export { Rational } from './numbers/rational';
export * from './present/numbers';
export { decisionOf, toDecisionJson, toResultJson, valueToJson } from './evaluate/result';
export type * from './evaluate/result';
export { diffRulesets, diffWithHeader, diffAsts, applyEntries, type DiffInput } from './analyses/diff/index';
export type * from './analyses/diff/entries';
export * from './analyses/impact';
export * from './registry';
export { explainPlatform, explanationText, explanationMarkdown, explanationJson, type Explanation } from './analyses/explain/index';
export { exportCanonical, exportCanonicalText } from './export/canonical';
export { exportJsonLogic, type JsonLogicExport, type JsonLogicRules, type JsonLogic } from './export/jsonlogic';
export { importRulesetJson, importRulesetData, type RulesetImport } from './import/ruleset';
export { rulesetFromCanonical, exprFromCanonical, type ImportIssue } from './import/canonical';
export { importJsonLogic, type JsonLogicImport, type JsonLogicGap } from './import/jsonlogic';
export { evaluateExpression, type ExpressionResult } from './evaluate/expression';
export { evidenceTemplate } from './evidence/template';
export { parseRuleset } from '../dsl/parse';
export { printRuleset, printExpr } from '../dsl/printer';
export { renderDiagnostics } from '../dsl/render';
export { renderMessage, type Diagnostic } from '../dsl/diagnostics';
