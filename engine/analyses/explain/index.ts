// Explanations of assessments, built from the evaluator's trace events, rendered as text, Markdown or JSON.
// In: a compiled ruleset and a platform (or an assessment and its events). Out: `Explanation` and its renderings.

export { explainPlatform, buildExplanation, tracedAssessment, type Explanation, type IndicatorExplanation, type DimensionExplanation } from './model';
export type { RuleExplanation, LevelExplanation, RuleHit } from './model';
export { explainCondition, opText, type ConditionWhy, type Why, type Subject } from './conditions';
export { explanationText, explanationMarkdown, mdCell } from './text';
export { explanationJson, toJson, type Json } from './json';
export { say, labelIn, colon, listSep, type WordKey } from './words';
export { scoreText, percentText, valueText, whyText, named, benchmarkLines, levelWord, pctText, weightCell, indicatorParts, ruleLine } from './format';
