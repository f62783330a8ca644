// `assay fmt [--check | --write] <file>...`: prints the canonical layout, checks it (exit 1 and a diff when a
// file is not formatted) or rewrites files in place (through a temporary file; read-only files are refused). A file
// with syntax errors, or not in UTF-8, is never rewritten.

import { type Lang, hasErrors, parseRuleset, printRuleset, renderDiagnostics } from '../../dsl/index';
import { has, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError, readText } from '../io';
import { unifiedDiff } from '../text-diff';
import { rewriteFile } from '../write';
import type { Out } from './common';

export function runFmt(p: ParsedArgs, lang: Lang, out: Out): number {
  if (p.positionals.length === 0) throw new CliError('missingArg', { command: 'fmt', what: t(lang, 'argFiles') }, 2);
  const check = has(p, 'check');
  const write = has(p, 'write');
  if (check && write) throw new CliError('badChoice', { flag: '--check/--write', value: 'both', choices: 'one of them' }, 2);
  let status = 0;
  for (const path of p.positionals) {
    const text = readText(path);
    const { ast, diagnostics } = parseRuleset(text);
    if (hasErrors(diagnostics)) {
      out.err(renderDiagnostics(diagnostics, { text, path, lang, color: out.tty }));
      out.err(t(lang, 'cannotFormat', { path }));
      status = 1;
      continue;
    }
    const printed = printRuleset(ast);
    if (check) {
      if (printed !== text) {
        out.err(t(lang, 'notFormatted', { path }));
        out.out(unifiedDiff(text, printed, `${path}`, `${path} (formatted)`));
        status = 1;
      }
    } else if (write) {
      if (printed !== text) {
        rewriteFile(path, printed, lang);
        out.err(t(lang, 'formatted', { path }));
      }
    } else {
      out.out(printed.endsWith('\n') ? printed.slice(0, -1) : printed);
    }
  }
  return status;
}
