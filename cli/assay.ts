#!/usr/bin/env node
// The `assay` command: dispatches to one module per command under cli/commands/.
// In: process.argv. Out: text on stdout/stderr and the exit code (0 ok, 1 ruleset or evidence errors,
// 2 usage errors, 141 when the reader of stdout went away, as for a process ended by SIGPIPE: `… | head -1`).
// Never prints a stack trace: unexpected failures become a one-line internal error; a closed stdout, nothing.

import type { Lang } from '../dsl/ast';
import { parseArgs, flag, UsageError, type FlagSpec } from './args';
import { isKey, t } from './i18n';
import { CliError } from './io';
import type { Out } from './commands/common';
import { runCheck } from './commands/check';
import { runEval } from './commands/eval';
import { runList } from './commands/list';
import { runFmt } from './commands/fmt';
import { runDiff } from './commands/diff';
import { runImpact } from './commands/impact';
import { runExport } from './commands/export';
import { runImport } from './commands/import';
import { runSchema } from './commands/schema';
import { runTemplate } from './commands/template';
import { runTest } from './commands/test';
import { runExplain } from './commands/explain';
import { runGap } from './commands/gap';
import { runReport } from './commands/report';

const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
const COMMON: Record<string, FlagSpec> = {
  lang: { value: true, choices: LANGS },
  registry: { value: true },
  help: {},
};

interface Command {
  readonly flags: Record<string, FlagSpec>;
  run(p: ReturnType<typeof parseArgs>, lang: Lang, out: Out): number;
}

const COMMANDS = new Map<string, Command>([
  ['check', { flags: { format: { value: true, choices: ['text', 'json'] } }, run: runCheck }],
  ['eval', { flags: { format: { value: true, choices: ['table', 'json', 'md'] }, explain: {}, decision: {}, against: { value: true }, workers: { value: true } }, run: runEval }],
  ['list', { flags: { format: { value: true, choices: ['table', 'json', 'md'] } }, run: runList }],
  ['fmt', { flags: { check: {}, write: {} }, run: runFmt }],
  ['diff', { flags: { format: { value: true, choices: ['table', 'json', 'md'] } }, run: runDiff }],
  ['impact', { flags: { format: { value: true, choices: ['table', 'json', 'md', 'html'] } }, run: runImpact }],
  ['export', { flags: { format: { value: true, choices: ['json', 'jsonlogic'] }, out: { value: true }, force: {} }, run: runExport }],
  ['import', { flags: { from: { value: true, choices: ['json', 'jsonlogic'] }, out: { value: true }, force: {} }, run: runImport }],
  ['schema', { flags: { out: { value: true }, force: {} }, run: runSchema }],
  ['template', { flags: { out: { value: true }, force: {} }, run: runTemplate }],
  ['explain', { flags: { format: { value: true, choices: ['text', 'json', 'md'] }, against: { value: true } }, run: runExplain }],
  ['gap', { flags: { format: { value: true, choices: ['text', 'json', 'md'] }, target: { value: true } }, run: runGap }],
  ['report', { flags: { format: { value: true, choices: ['html', 'md'] }, out: { value: true }, against: { value: true }, force: {} }, run: runReport }],
  ['test', { flags: { format: { value: true, choices: ['text', 'json', 'junit'] }, coverage: {}, lcov: { value: true } }, run: runTest }],
]);

/** Language from `--lang` anywhere in argv, else ASSAY_LANG, else en (so usage errors are localised too). */
function sniffLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a?.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v && (LANGS as readonly string[]).includes(v)) return v as Lang;
  }
  const env = process.env['ASSAY_LANG'];
  return env && (LANGS as readonly string[]).includes(env) ? (env as Lang) : 'en';
}

/** Exit code when stdout was closed by its reader: 128 + SIGPIPE, what `cat` or `git log` give under `| head -1`. */
export const OUTPUT_CLOSED = 141;

/** A write to a pipe (or socket) whose reader has gone. */
function outputClosed(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

export function main(argv: readonly string[], out: Out): number {
  let lang = sniffLang(argv);
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === 'help' || name === '-h') {
      out.out(t(lang, 'usage'));
      return name === undefined ? 2 : 0;
    }
    const cmd = COMMANDS.get(name);
    if (!cmd) {
      out.err(`assay: ${t(lang, 'unknownCommand', { command: name })}\n\n${t(lang, 'usage')}`);
      return 2;
    }
    const p = parseArgs(rest, { ...COMMON, ...cmd.flags });
    lang = (flag(p, 'lang') as Lang | undefined) ?? lang;
    if (p.flags.has('help')) {
      out.out(t(lang, 'usage'));
      return 0;
    }
    return cmd.run(p, lang, out);
  } catch (e) {
    // Nobody reads any more: end quietly (streamed corpora write as they go; their workers are stopped by now).
    if (outputClosed(e)) return OUTPUT_CLOSED;
    if (e instanceof UsageError) {
      out.err(`assay: ${isKey(e.key) ? t(lang, e.key, e.args) : e.key}`);
      return 2;
    }
    if (e instanceof CliError) {
      out.err(`assay: ${t(lang, e.key, e.args)}`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    out.err(`assay: ${t(lang, 'internalError', { message })}`);
    return 1;
  }
}

function isMain(): boolean {
  return typeof process !== 'undefined' && Array.isArray(process.argv) && !process.env['ASSAY_NO_MAIN'];
}

if (isMain()) {
  const chunks: string[] = [];
  const errChunks: string[] = [];
  const out: Out = {
    out: (s) => chunks.push(s + '\n'),
    err: (s) => errChunks.push(s + '\n'),
    tty: Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'],
  };
  // A closed stdout or stderr ends the process quietly, also when it shows while the collected output is written.
  process.stdout.on('error', (e) => process.exit(outputClosed(e) ? OUTPUT_CLOSED : 1));
  process.stderr.on('error', () => undefined);
  const code = main(process.argv.slice(2), out);
  if (code === OUTPUT_CLOSED) process.exit(code);
  // Write in order, then exit once both streams have drained (large JSON outputs must not be cut).
  process.stderr.write(errChunks.join(''));
  process.stdout.write(chunks.join(''), () => process.exit(code));
}
