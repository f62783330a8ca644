// Help of the `assay` command: the overview (`assay help`), one command's help (`assay help diff`,
// `assay check --help`) and the version (`assay --version`). In: the language, a command name and its option
// table. Out: text. A command's lines come from the overview, so the two never disagree.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Lang, displayWidth } from '../dsl/index';
import type { FlagSpec } from './args';
import { flagHelp, t } from './i18n';

/** Column where the overview's descriptions start (continuation lines are indented this far). */
const DESC_COLUMN = 43;

/** The lines of the overview that describe `name` (its line or lines and their continuations). */
function overviewLines(lang: Lang, name: string): string[] {
  const lines = t(lang, 'usage').split('\n');
  const picked: string[] = [];
  let inside = false;
  for (const line of lines) {
    const head = line.startsWith('  ') && line[2] !== ' ' ? line.slice(2).split(/\s/, 1)[0] : undefined;
    if (head !== undefined) inside = head === name;
    else if (!(inside && line.startsWith(' '.repeat(DESC_COLUMN)))) inside = false;
    if (inside) picked.push(line);
  }
  return picked;
}

/** The help of one command: its lines of the overview, every option with its values and meaning, the exit codes. */
export function commandHelp(lang: Lang, name: string, flags: Readonly<Record<string, FlagSpec>>): string {
  const rows = Object.entries(flags).map(([f, s]) => {
    const form = `--${f}${s.value ? ` ${s.choices ? s.choices.join('|') : t(lang, 'helpValue')}` : ''}`;
    const what = flagHelp(lang, f, name);
    return what === undefined ? `  ${form}` : `  ${form}${' '.repeat(Math.max(1, DESC_COLUMN - 2 - displayWidth(form)))}${what}`;
  });
  return [
    t(lang, 'helpUsage', { command: name, args: `[${t(lang, 'helpOptions').replace(/[:：]$/, '')}]` }),
    '',
    ...overviewLines(lang, name),
    '',
    t(lang, 'helpOptions'),
    ...rows,
    '',
    t(lang, 'helpExit'),
  ].join('\n');
}

/** The version in the package's package.json (found by walking up from this file). */
export function assayVersion(): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5; i++) {
      const p = join(dir, 'package.json');
      if (existsSync(p)) {
        const v = (JSON.parse(readFileSync(p, 'utf8')) as { version?: unknown }).version;
        if (typeof v === 'string') return v;
      }
      dir = dirname(dir);
    }
  } catch {
    // fall through
  }
  return 'unknown';
}
