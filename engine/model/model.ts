// The semantic model of a ruleset, as the rest of the engine imports it: its types (types.ts) and `buildModel`
// (build.ts). In: nothing. Out: both, re-exported; model/ itself imports types.ts and build.ts directly.

export * from './types';
export { buildModel } from './build';
