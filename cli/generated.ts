// Generated decide modules on disk (Node front ends): a ruleset's module written to a content-addressed cache folder
// and imported, then attached with the engine's `withGenerated`. In: a compiled ruleset and a folder. Out: the
// module's path (written synchronously, for a streamed corpus whose workers import it), or the ruleset with the
// module attached; else why the generator does not cover the ruleset.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDecider, withGenerated, type CompiledRuleset, type GeneratedModule } from '../engine/index';

/** The cache file of a ruleset's module: named by the ruleset's content hash, so a changed ruleset never reuses it. */
export function generatedPath(dir: string, r: CompiledRuleset): string {
  return join(dir, `${r.identity.hash.replace(/[^A-Za-z0-9]/g, '_')}.mjs`);
}

/** Imports a generated module from a file. */
export async function importGenerated(path: string): Promise<GeneratedModule> {
  return (await import(pathToFileURL(path).href)) as GeneratedModule;
}

/**
 * Writes a ruleset's generated module into `dir` and returns its path. The module is generated afresh (milliseconds)
 * and written unless the file there already holds exactly that text — a module left by another version of Assay is
 * replaced — to a temporary name and renamed, so concurrent processes never read half a file.
 */
export function writeGenerated(r: CompiledRuleset, dir: string): { readonly path: string } | { readonly why: string } {
  const g = generateDecider(r.model, r.identity.hash);
  if (!g.ok) return { why: g.why };
  const path = generatedPath(dir, r);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== g.source) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, g.source);
    renameSync(tmp, path);
  }
  return { path };
}

/** The ruleset with its generated decider attached (`writeGenerated`, then imported). */
export async function attachGenerated(r: CompiledRuleset, dir: string): Promise<{ readonly ruleset: CompiledRuleset; readonly why?: string }> {
  const w = writeGenerated(r, dir);
  if ('why' in w) return { ruleset: r, why: w.why };
  return { ruleset: withGenerated(r, await importGenerated(w.path)) };
}
