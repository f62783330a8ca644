#!/usr/bin/env node
// The `assay` command: dispatches to one module per command under cli/commands/.
// In: process.argv. Out: text on stdout/stderr and the exit code (0 ok, 1 ruleset or evidence errors,
// 2 usage errors, 141 when the reader of stdout went away, as for a process ended by SIGPIPE: `… | head -1`).
// Never prints a stack trace: unexpected failures become a one-line internal error; a closed stdout, nothing.
// `--watch` (check, eval, test) runs the command again whenever one of the files it names changes.

import { type Lang, visibleForTerminal } from '../dsl/index';
import { parseArgs, flag, UsageError, type FlagSpec } from './args';
import { suggest } from '../engine/index';
import { assayVersion, commandHelp } from './help';
import { isKey, t } from './i18n';
import { CliError } from './io';
import { watchFiles } from './watch';
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
import { runCompile } from './commands/compile';
import { runTemplate } from './commands/template';
import { runTest } from './commands/test';
import { runExplain } from './commands/explain';
import { runGap } from './commands/gap';
import { runReport } from './commands/report';
import { runDoc } from './commands/doc';

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
  ['check', { flags: { format: { value: true, choices: ['text', 'json'] }, watch: {} }, run: runCheck }],
  ['eval', { flags: { format: { value: true, choices: ['table', 'json', 'md', 'csv', 'junit'] }, explain: {}, decision: {}, against: { value: true }, workers: { value: true }, watch: {}, lenient: {} }, run: runEval }],
  ['list', { flags: { format: { value: true, choices: ['table', 'json', 'md'] } }, run: runList }],
  ['fmt', { flags: { check: {}, write: {} }, run: runFmt }],
  ['diff', { flags: { format: { value: true, choices: ['table', 'json', 'md'] } }, run: runDiff }],
  ['doc', { flags: { format: { value: true, choices: ['md', 'html', 'docx'] }, against: { value: true }, out: { value: true }, force: {} }, run: runDoc }],
  ['impact', { flags: { format: { value: true, choices: ['table', 'json', 'md', 'html'] } }, run: runImpact }],
  ['export', { flags: { format: { value: true, choices: ['json', 'jsonlogic'] }, out: { value: true }, force: {} }, run: runExport }],
  ['import', { flags: { from: { value: true, choices: ['json', 'jsonlogic'] }, out: { value: true }, force: {} }, run: runImport }],
  ['schema', { flags: { out: { value: true }, force: {} }, run: runSchema }],
  ['compile', { flags: { out: { value: true }, force: {} }, run: runCompile }],
  ['template', { flags: { out: { value: true }, force: {} }, run: runTemplate }],
  ['explain', { flags: { format: { value: true, choices: ['text', 'json', 'md'] }, against: { value: true }, lenient: {} }, run: runExplain }],
  ['gap', { flags: { format: { value: true, choices: ['text', 'json', 'md'] }, target: { value: true }, lenient: {} }, run: runGap }],
  ['report', { flags: { format: { value: true, choices: ['html', 'md'] }, out: { value: true }, corpus: { value: true }, against: { value: true }, assessor: { value: true }, date: { value: true }, signature: {}, force: {}, lenient: {} }, run: runReport }],
  ['test', { flags: { format: { value: true, choices: ['text', 'json', 'junit'] }, coverage: {}, lcov: { value: true }, force: {}, watch: {}, ruleset: { value: true }, explain: {} }, run: runTest }],
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

/**
 * Every line the CLI prints goes through `visibleForTerminal`: an ESC, OSC 8 link, title change or bidi override in a
 * label, a name, an evidence field or a source line is shown as `\u001b`, `\u202e`, … and never obeyed. Only the
 * colours of our own diagnostics (SGR, on stderr when it is a terminal) pass.
 */
function visibleOut(out: Out): Out {
  return {
    out: (s) => out.out(visibleForTerminal(s, false)),
    err: (s) => out.err(visibleForTerminal(s, out.tty)),
    tty: out.tty,
  };
}

export function main(argv: readonly string[], rawOut: Out): number {
  const out = visibleOut(rawOut);
  let lang = sniffLang(argv);
  const [name, ...rest] = argv;
  try {
    // `assay help [--lang L] [<command>]`: the command is the first argument that is not an option or its value
    const topic = name === 'help' ? rest.find((a, i) => !a.startsWith('-') && rest[i - 1] !== '--lang' && rest[i - 1] !== '--registry') : undefined;
    if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && topic === undefined)) {
      out.out(t(lang, 'usage'));
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V' || name === 'version') {
      out.out(`assay ${assayVersion()}`);
      return 0;
    }
    if (topic !== undefined) return help(topic, lang, out);
    const cmd = COMMANDS.get(name);
    if (!cmd) return unknownCommand(name, lang, out);
    let p;
    try {
      p = parseArgs(rest, { ...COMMON, ...cmd.flags });
    } catch (e) {
      if (e instanceof UsageError && isKey(e.key)) {
        out.err(`assay: ${t(lang, e.key, e.args)}\n${t(lang, 'seeCommandHelp', { command: name })}`);
        return 2;
      }
      throw e;
    }
    lang = (flag(p, 'lang') as Lang | undefined) ?? lang;
    if (p.flags.has('help')) {
      out.out(commandHelp(lang, name, { ...cmd.flags, ...COMMON }));
      return 0;
    }
    if (p.positionals.filter((a) => a === '-').length > 1) throw new UsageError('stdinTwice');
    if (p.flags.has('watch') && p.positionals.includes('-')) throw new UsageError('watchStdin');
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

/** `assay help <command>`: that command's help (exit 0), or the unknown-command error. */
function help(name: string, lang: Lang, out: Out): number {
  const cmd = COMMANDS.get(name);
  if (!cmd) return unknownCommand(name, lang, out);
  out.out(commandHelp(lang, name, { ...cmd.flags, ...COMMON }));
  return 0;
}

/** An unknown command: the closest command when it looks like a typo, and where the list is; exit 2. */
function unknownCommand(name: string, lang: Lang, out: Out): number {
  const near = suggest(name, [...COMMANDS.keys(), 'help']);
  const what = near === undefined ? t(lang, 'unknownCommand', { command: name }) : t(lang, 'unknownCommandNear', { command: name, near });
  out.err(`assay: ${what}\n${t(lang, 'seeHelp')}`);
  return 2;
}

/** The command's arguments when it runs under `--watch` (check, eval and test take it), else undefined. */
function watchedArgs(argv: readonly string[]): { paths: string[]; registry: string | undefined } | undefined {
  const [name, ...rest] = argv;
  const cmd = name === undefined ? undefined : COMMANDS.get(name);
  if (!cmd || !Object.hasOwn(cmd.flags, 'watch')) return undefined;
  try {
    const p = parseArgs(rest, { ...COMMON, ...cmd.flags });
    if (!p.flags.has('watch')) return undefined;
    return { paths: p.positionals.length > 0 || name !== 'test' ? p.positionals : ['rulesets'], registry: flag(p, 'registry') };
  } catch {
    return undefined;
  }
}

function isMain(): boolean {
  return typeof process !== 'undefined' && Array.isArray(process.argv) && !process.env['ASSAY_NO_MAIN'];
}

/** Runs `argv` once, printing in order once both outputs are complete; resolves to the exit code. */
function runOnce(argv: readonly string[]): Promise<number> {
  const chunks: string[] = [];
  const errChunks: string[] = [];
  const out: Out = {
    out: (s) => chunks.push(s + '\n'),
    err: (s) => errChunks.push(s + '\n'),
    tty: Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'],
  };
  const code = main(argv, out);
  if (code === OUTPUT_CLOSED) process.exit(code);
  // Write in order; large JSON outputs must drain before the process exits.
  process.stderr.write(errChunks.join(''));
  return new Promise((done) => process.stdout.write(chunks.join(''), () => done(code)));
}

if (isMain()) {
  // A closed stdout or stderr ends the process quietly, also when it shows while the collected output is written.
  process.stdout.on('error', (e) => process.exit(outputClosed(e) ? OUTPUT_CLOSED : 1));
  process.stderr.on('error', () => undefined);
  const argv = process.argv.slice(2);
  void runOnce(argv).then((code) => {
    const watched = code === 2 ? undefined : watchedArgs(argv);
    if (!watched) process.exit(code);
    else {
      const lang = sniffLang(argv);
      const n = watchFiles(watched.paths, watched.registry, (path) => {
        process.stderr.write(t(lang, 'rerun', { time: new Date().toLocaleTimeString(lang), path }) + '\n');
        return runOnce(argv);
      });
      if (n === 0) {
        process.stderr.write(`assay: ${t(lang, 'watchNothing')}\n`);
        process.exit(2);
      }
      process.stderr.write(t(lang, 'watching', { n }) + '\n');
    }
  });
}
