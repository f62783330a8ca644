// `assay impact <A> <B> <evidence>...`: assesses a corpus under both versions and attributes every change of
// outcome or level to the diff entries that cause it. In: parsed arguments. Out: table, Markdown, JSON or a
// self-contained HTML page on stdout; evidence problems on stderr; exit 1 when a ruleset does not compile or
// an evidence file cannot be read (the other platforms are still assessed and reported).

import type { Lang } from '../../dsl/index';
import { parseEvidenceText, type PlatformDoc, impact, toImpactJson } from '../../engine/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { collectEvidence, CliError } from '../io';
import { renderImpact } from '../impact-render';
import { loadCompiled, type Out } from './common';
import { progressBar } from '../progress';

export function runImpact(p: ParsedArgs, lang: Lang, out: Out): number {
  const [aArg, bArg, ...evidenceArgs] = p.positionals;
  if (aArg === undefined || bArg === undefined || evidenceArgs.length === 0) {
    throw new CliError('missingArg', { command: 'impact', what: t(lang, 'argImpact') }, 2);
  }
  const format = flag(p, 'format') ?? 'table';
  const a = loadCompiled(aArg, p, lang, out, { quietWarnings: true });
  const b = loadCompiled(bArg, p, lang, out, { quietWarnings: true });
  if (!a || !b) return 1;
  const platforms: PlatformDoc[] = [];
  let failed = false;
  for (const f of collectEvidence(evidenceArgs)) {
    const parsed = parseEvidenceText(f.text, f.path, { lang });
    for (const issue of parsed.issues) {
      failed = true;
      out.err(`${t(lang, 'error')}: ${t(lang, 'fileIssue', { file: f.path, message: issue.message })}`);
    }
    platforms.push(...parsed.platforms);
  }
  const im = impact(a.ruleset, b.ruleset, platforms, { onProgress: progressBar(process.stderr, platforms.length, out.tty) });
  for (const ids of im.uncompiled) {
    out.err(`${t(lang, 'warning')}: ${t(lang, 'notAttributable', { entries: ids.map((i) => `#${i + 1}`).join(' + ') })}`);
  }
  switch (format) {
    case 'json':
      out.out(JSON.stringify({ from: a.ruleset.identity, to: b.ruleset.identity, ...toImpactJson(im) }, null, 2));
      break;
    case 'md':
    case 'html':
    case 'table':
      out.out(renderImpact(im, a.ruleset, b.ruleset, { format, lang }));
      break;
    default:
      throw new CliError('badChoice', { flag: '--format', value: format, choices: 'table, json, md, html' }, 2);
  }
  return failed ? 1 : 0;
}
