// Rule tests as data (issue #7): test files beside a ruleset, a runner, coverage per band and condition, reports.
// In: test-file texts, compiled rulesets, platform texts (through a loader). Out: results, coverage, text/JSON/JUnit/lcov.
//
// Pipeline: read.ts (YAML → schema → cases) → runner.ts (assess each case per version, with trace) →
// expect.ts (expected vs actual) and coverage.ts (events → items) → report.ts / junit.ts (text, JSON, JUnit, lcov).

export { readTestFile, resolvePath, type ReadOptions, type ReadResult } from './read';
export { TEST_FILE_SCHEMA } from './schema';
export type { TestFile, TestCase, TestIssue, Expectations, ExpectedNumber } from './model';
export { runTests, runCase, mergeRuns, countRun, runPassed, targetsOf, type RulesetUnderTest, type TestRun, type CaseResult, type RunOptions, type RunCounts } from './runner';
export { compare, caseProblems, type Mismatch, type CaseProblem } from './expect';
export { coverageItems, CoverageCollector, summarize, percent, gapOf, type CoverageItem, type RulesetCoverage, type CoverageKind } from './coverage';
export { runText, runJson, coverageText, caseText, issueText } from './report';
export { junitXml, lcov } from './junit';
export { plainListing, explanationOf, type Explainer } from './listing';
export { caseFromAssessment, type CaseData } from './from-assessment';
