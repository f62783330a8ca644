// Test helpers for the csp-assessment rulesets: file paths, compiled rulesets, sample platforms.
// In: the files under rulesets/csp-assessment/ (read once per test file). Out: compiled rulesets, the
// sample platforms keyed by platform id and by file name, and the standard's expected table.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import { parseExpected, type Expected, type Version } from './expected';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RULESET_DIR = join(ROOT, 'rulesets', 'csp-assessment');
export const PLATFORM_DIR = join(RULESET_DIR, 'platforms');

export function rulesetPath(v: Version): string {
  return join(RULESET_DIR, `${v}.assay`);
}

export function rulesetText(v: Version): string {
  return readFileSync(rulesetPath(v), 'utf8');
}

export type Compiled = ReturnType<typeof compileRuleset>;
export type CompiledRuleset = NonNullable<Compiled['ruleset']>;

const compiled = new Map<Version, Compiled>();

/** The compile result of a version (cached: rulesets are immutable data). */
export function compile(v: Version): Compiled {
  let c = compiled.get(v);
  if (!c) {
    c = compileRuleset(rulesetText(v), { path: `rulesets/csp-assessment/${v}.assay` });
    compiled.set(v, c);
  }
  return c;
}

/** The compiled ruleset of a version; throws when it did not compile. */
export function ruleset(v: Version): CompiledRuleset {
  const r = compile(v).ruleset;
  if (!r) throw new Error(`csp-assessment ${v} did not compile`);
  return r;
}

export interface Platform {
  readonly file: string;
  readonly platform: string;
  readonly name: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** Every sample platform as the engine's evidence reader gives it (exact numbers kept), sorted by file name. */
export function platforms(): Platform[] {
  return readdirSync(PLATFORM_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const parsed = parseEvidenceText(readFileSync(join(PLATFORM_DIR, f), 'utf8'), f);
      const doc = parsed.platforms[0];
      if (!doc || parsed.platforms.length !== 1 || parsed.issues.length > 0) {
        throw new Error(`${f}: not one clean platform: ${JSON.stringify(parsed.issues)}`);
      }
      return { file: f.replace(/\.yaml$/, ''), platform: doc.platform, name: doc.name ?? doc.platform, evidence: doc.evidence };
    });
}

export function platformByFile(file: string): Platform {
  const p = platforms().find((x) => x.file === file);
  if (!p) throw new Error(`no sample platform ${file}`);
  return p;
}

export function platformById(id: string): Platform {
  const p = platforms().find((x) => x.platform === id);
  if (!p) throw new Error(`no sample platform ${id}`);
  return p;
}

/** A copy of a sample with some evidence fields replaced (`undefined` removes a field). */
export function withEvidence(p: Platform, changes: Readonly<Record<string, unknown>>): Platform {
  const evidence: Record<string, unknown> = { ...p.evidence };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete evidence[k];
    else evidence[k] = v;
  }
  return { ...p, evidence };
}

export function expected(): Expected {
  return parseExpected(readFileSync(join(RULESET_DIR, 'expected.md'), 'utf8'));
}
