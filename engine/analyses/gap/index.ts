// Improvement guidance: the smallest evidence changes that reach a target level, verified by the engine.
// In: a compiled ruleset and a platform. Out: `GapResult` and its renderings (text, Markdown, JSON).

export { improvementPlans, type GapResult, type GapOptions, type GapSearched, type GapStatus, type Plan, type PlanStep } from './search';
export { gapText, gapMarkdown, gapJson, planJson, stepText, gapLines } from './render';
export { indicatorOptions, type Candidate, type IndicatorOptions } from './candidates';
export { needsOf, type Needs, type Blocker } from './needs';
export { baseEvidence, changedText, changedInput, type BaseEvidence } from './evidence';
