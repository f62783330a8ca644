// Helpers for the rule-test tests: the csp-assessment rulesets and test files, read through engine/analyses/testing.
// In: files under rulesets/csp-assessment/ (and texts written by a test). Out: compiled rulesets, read test files.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import type { PlatformDoc } from '../../engine/evidence/read';
import { readTestFile, type ReadResult, type RulesetUnderTest, type TestFile } from '../../engine/analyses/testing/index';

export const ROOT = process.cwd();
export const DIR = 'rulesets/csp-assessment';
export const VERSIONS = ['0.9', '1.0'] as const;
export type Version = (typeof VERSIONS)[number];

export function rulesetText(v: Version): string {
  return readFileSync(join(ROOT, DIR, `${v}.assay`), 'utf8');
}

/** Compiles a ruleset text (static checks optional: mutants are about meaning, not style). */
export function compiled(text: string, path: string, checks = true): CompiledRuleset {
  const r = compileRuleset(text, { path, checks });
  if (!r.ruleset) throw new Error(`${path} does not compile: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  return r.ruleset;
}

export function bundled(): RulesetUnderTest[] {
  return VERSIONS.map((v) => ({ path: `${DIR}/${v}.assay`, ruleset: compiled(rulesetText(v), `${DIR}/${v}.assay`) }));
}

const cache = new Map<string, PlatformDoc | string>();
export const load = (path: string): string | undefined => {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return undefined;
  }
};

/** Reads a test-file text as if it were at `path` (relative to the repository). */
export function read(text: string, path = `${DIR}/tests/inline.yaml`, lang: 'en' | 'zh-Hans' | 'zh-Hant' = 'en'): ReadResult {
  return readTestFile(text, path, { lang, load, platformCache: cache });
}

/** Every test file of the bundled ruleset, read; throws when one has problems. */
export function bundledTests(): TestFile[] {
  const dir = join(ROOT, DIR, 'tests');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const path = relative(ROOT, join(dir, f));
      const r = read(readFileSync(join(dir, f), 'utf8'), path);
      if (r.issues.length > 0) throw new Error(`${path}: ${r.issues.map((i) => i.message).join('; ')}`);
      return r.file;
    });
}
