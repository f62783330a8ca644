// Ahead-of-time code generation of straight-line deciders (see generate.ts), and attaching one to a ruleset.
// In: a checked model, then the imported module. Out: module text, `withGenerated`.

export { generateDecider, GENERATED_FORMAT, type GenerateResult } from './generate';
export { withGenerated, generatedStats, GeneratedMismatch, type GeneratedModule, type GeneratedOut, type GeneratedStats } from './attach';
