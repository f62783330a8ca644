// The public API of the engine: the only door through which the CLI, the playground and library users reach it.
// In: ruleset text, evidence text or data. Out: compiled rulesets, assessments, result JSON, schemas, hashes, and
// the analyses and renderings built on them. Sections follow the pipeline; test/structure/imports.test.ts keeps the
// front ends on this file (and on dsl/index.ts for the syntax).

// Syntax the engine's users need most, from dsl/ (the rest of the syntax is dsl/index.ts).
export { parseRuleset } from '../dsl/parse';
export { printRuleset, printExpr } from '../dsl/printer';
export { renderDiagnostics } from '../dsl/render';
export { renderMessage, type Diagnostic } from '../dsl/diagnostics';

// Compile: checks, model, stages.
export { compileRuleset, runChecks, type CompiledRuleset, type CompileResult, type Engine } from './compile';
export { CHECKS, registerCheck, type Check, type NamedCheck } from './check/registry';
export { buildModel, type Model, type IndicatorInfo, type DimensionInfo, type InputInfo, type FieldInfo } from './model/model';
export type { Resolution, RefTarget, PropTarget, QuantTarget, ExprType } from './model/resolve';
export type { EvalNode } from './model/order';
export type { ValueType, Bound } from './model/value-type';
export { rulesetHash, sha256Hex, sha256Text } from './model/hash';
export { sameMeaning } from './model/meaning';
export { STAGES } from './stages';

// Evidence: reading, exact numbers, schema, validation, templates.
export {
  parseEvidenceText,
  renderFound,
  setExact,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_DEPTH,
  MAX_EVIDENCE_VALUES,
  type ParsedEvidence,
  type PlatformDoc,
} from './evidence/read';
export { readJsonExact, type LongNumber } from './evidence/json-exact';
export { RAW_NUMBER } from './evidence/fast';
export { evidenceSchema, type JsonSchema } from './evidence/schema';
export { validateEvidence, compileEvidenceCheck, renderValue } from './evidence/validate';
export { evidenceTemplate } from './evidence/template';

// Numbers and how they are shown.
export { Rational } from './numbers/rational';
export { DECIMAL, readDecimal, isShortestText } from './numbers/number-text';
export * from './present/numbers';
export { radarGeometry } from './present/radar';

// Evaluation and its results.
export type { PlatformInput, AssessOptions } from './evaluate/evaluate';
export type { EvalEvent, Read, Trace, ConditionOwner, QuantElement } from './evaluate/events';
export { decisionOf, toDecisionJson, toResultJson, valueToJson, missingJson, missingOf } from './evaluate/result';
export type * from './evaluate/result';
export { evaluateExpression, type ExpressionResult } from './evaluate/expression';

// Analyses: explanation, benchmark, gap, diff, impact, rule tests.
export {
  buildExplanation,
  explainPlatform,
  tracedAssessment,
  explanationText,
  explanationMarkdown,
  explanationJson,
  labelIn,
  named,
  percentText,
  say,
  whyText,
  indicatorParts,
  ruleLine,
  type Explanation,
} from './analyses/explain/index';
export { corpusStats, placeIn, type CorpusStats } from './analyses/benchmark';
export { improvementPlans, gapText, gapMarkdown, gapJson, gapLines, type GapResult } from './analyses/gap/index';
export { diffRulesets, diffWithHeader, diffAsts, applyEntries, type DiffInput } from './analyses/diff/index';
export type * from './analyses/diff/entries';
export { renderDiff, entrySummary, entryDetails } from './analyses/diff/render';
export * from './analyses/impact';
export {
  readTestFile,
  runTests,
  mergeRuns,
  runPassed,
  runText,
  runJson,
  junitXml,
  lcov,
  type Explainer,
  type RulesetUnderTest,
  type TestFile,
  type TestIssue,
  type TestRun,
} from './analyses/testing/index';
export { xmlText } from './analyses/testing/junit';

// Documents and reports.
export { documentOf, documentBlocks, renderDocument, DOCUMENT_CSS, type Block, type DocumentFormat } from './document/index';
export { reportHtml, reportMarkdown, type ReportItem, type ReportMeta } from './report/index';
export type { ReportCorpus } from './report/model';
export { evidenceLines } from './report/evidence-ref';
export { escapeMarkdown } from './report/escape';

// Export to and import from other forms.
export { exportCanonical, exportCanonicalText } from './export/canonical';
export { exportJsonLogic, type JsonLogicExport, type JsonLogicRules, type JsonLogic } from './export/jsonlogic';
export { importRulesetJson, importRulesetData, type RulesetImport } from './import/ruleset';
export { rulesetFromCanonical, exprFromCanonical, type ImportIssue } from './import/canonical';
export { importJsonLogic, type JsonLogicImport, type JsonLogicGap } from './import/jsonlogic';

// Registry of published rulesets and small helpers.
export * from './registry';
export { suggest } from './support/suggest';

// Ahead-of-time generated deciders: module text from a checked ruleset, attached after a front end imports it.
export { generateDecider, withGenerated, generatedStats, GeneratedMismatch, GENERATED_FORMAT, type GenerateResult, type GeneratedModule, type GeneratedStats } from './generate/index';
