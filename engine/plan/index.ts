// The compiled-evaluation backend: a ruleset's plan of closures (see plan.ts), used by `CompiledRuleset`.
// In: a model and the reference evaluator. Out: `compilePlan` and the plan's helpers for tools and tests.

export { compilePlan, planObstacle, staticSteps, type Plan, type Reference } from './plan';
export { Bail } from './num';
