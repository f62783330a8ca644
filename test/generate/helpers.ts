// Helpers of the generated deciders' tests: a ruleset's module generated, written to a temporary file, imported
// (as a front end does) and attached. In: a compiled ruleset. Out: the attached ruleset, or why it is not covered.
// The temporary folder is removed after the test file that made it.

import { afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDecider, withGenerated, type CompiledRuleset, type GeneratedModule } from '../../engine/index';

let dir: string | undefined;
let count = 0;

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Writes module text to a fresh file and imports it. */
export async function importModule(source: string): Promise<GeneratedModule> {
  dir ??= mkdtempSync(join(tmpdir(), 'assay-generated-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `m${count++}.mjs`);
  writeFileSync(file, source);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as GeneratedModule;
}

/** The ruleset with its generated decider attached, or the generator's reason for not covering it. */
export async function attached(r: CompiledRuleset): Promise<{ ruleset: CompiledRuleset; source: string } | { why: string }> {
  const g = generateDecider(r.model, r.identity.hash);
  if (!g.ok) return { why: g.why };
  return { ruleset: withGenerated(r, await importModule(g.source)), source: g.source };
}
