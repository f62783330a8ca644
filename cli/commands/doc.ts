// `assay doc <ruleset> [--format md|html|docx] [--against <older ruleset>] [--out <file> [--force]] [--lang …]`:
// the standard as a document — its normative content as the standard prints it, and with --against the revision
// table from the earlier version. In: parsed arguments. Out: Markdown or HTML on stdout or in --out; a .docx only
// in --out (never over an existing file without --force). Exit 1 when a ruleset has errors, 2 on usage errors.

import type { Lang } from '../../dsl/index';
import { documentOf, renderDocument, type DocumentFormat } from '../../engine/index';
import { flag, has, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { occupied, writeFileSafely } from '../write';
import { loadCompiled, type Out } from './common';
import { writeOutput } from './export';

/** `--format`, else the --out file's extension, else Markdown. */
function formatOf(p: ParsedArgs, target: string | undefined): DocumentFormat {
  const f = flag(p, 'format');
  if (f === 'md' || f === 'html' || f === 'docx') return f;
  if (f !== undefined) throw new CliError('badChoice', { flag: '--format', value: f, choices: 'md, html, docx' }, 2);
  if (target !== undefined && /\.docx$/i.test(target)) return 'docx';
  if (target !== undefined && /\.html?$/i.test(target)) return 'html';
  return 'md';
}

export function runDoc(p: ParsedArgs, lang: Lang, out: Out): number {
  const [arg, ...extra] = p.positionals;
  if (arg === undefined || extra.length > 0) throw new CliError('missingArg', { command: 'doc', what: t(lang, 'argRuleset') }, 2);
  const target = flag(p, 'out');
  const format = formatOf(p, target);
  if (format === 'docx' && target === undefined) throw new CliError('docxNeedsOut', {}, 2);
  // Checked before the work, to fail fast; the write itself refuses again if something appeared meanwhile.
  if (target !== undefined && occupied(target) && !has(p, 'force')) throw new CliError('outExists', { path: target }, 1);
  const loaded = loadCompiled(arg, p, lang, out, { quietWarnings: true });
  const againstArg = flag(p, 'against');
  const against = againstArg === undefined ? undefined : loadCompiled(againstArg, p, lang, out, { quietWarnings: true });
  if (!loaded || (againstArg !== undefined && !against)) return 1;
  const doc = documentOf(loaded.ruleset.model, lang, against ? { against: against.ruleset.model } : {});
  if (format === 'docx') {
    writeFileSafely(target as string, renderDocument(doc, 'docx'), { force: has(p, 'force') }, lang);
    out.err(t(lang, 'wrote', { path: target as string }));
    return 0;
  }
  writeOutput(p, lang, out, renderDocument(doc, format));
  return 0;
}
