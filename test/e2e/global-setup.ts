// Builds the playground before the e2e suite when playground/dist is missing or older than its sources.
// In: the repository's sources. Out: an up-to-date playground/dist (a clean clone works unprepared).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const distIndex = join(repo, 'playground/dist/index.html');

/** Newest modification time under `path` (files only; skips node_modules and dist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let best = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    best = Math.max(best, newest(join(path, name)));
  }
  return best;
}

export function playgroundIsStale(): boolean {
  if (!existsSync(distIndex)) return true;
  const built = statSync(distIndex).mtimeMs;
  const sources = ['playground', 'dsl', 'engine', 'rulesets', 'docs', 'package.json', 'package-lock.json'].map((p) => newest(join(repo, p)));
  return Math.max(...sources) > built;
}

export default async function setup(): Promise<void> {
  if (!playgroundIsStale() && process.env['E2E_REBUILD'] !== '1') return;
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'playground/vite.config.ts'), logLevel: 'warn' });
}
