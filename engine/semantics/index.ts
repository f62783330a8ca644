// The rules of the language's meaning, each stated once and generic over how a backend represents numbers and
// truths. In: a backend's ops record (built once) and its values. Out: what the rule decides. See README.md.
//
// truth.ts (three-valued logic, applicability) · first-match.ts (bands, maps) · ladder.ts (levels, cumulative) ·
// outcome.ts (precedence) · weights.ts (redistribution, contributions, shares) · standing.ts (ranking levels).

export * from './truth';
export * from './first-match';
export * from './ladder';
export * from './outcome';
export * from './weights';
export * from './standing';
