// `assay report <ruleset> <evidence>... --out <file> [--format html|md] [--corpus <folder>] [--assessor <name>]
// [--date YYYY-MM-DD] [--signature] [--lang …] [--force]`: a self-contained assessment report (HTML with inline CSS
// and SVG, or Markdown) for one platform or a batch, that a certification body can sign: it names the ruleset and its
// hash, the date of assessment, the assessor, what the platforms are compared with (a corpus only when one is named),
// and per indicator the assessment methods and the evidence reference (file, line, field).
// In: parsed arguments. Out: the file; a progress bar on stderr for long batches when stderr is a terminal.
// Never overwrites an existing file without --force.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../../dsl/index';
import {
  improvementPlans,
  type PlatformDoc,
  reportHtml,
  reportMarkdown,
  type ReportItem,
  type ReportMeta,
  evidenceLines,
  type ReportCorpus,
} from '../../engine/index';
import { flag, has, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { occupied, writeFileSafely } from '../write';
import { loadCompiled, type Out } from './common';
import { assessCorpus, explainOne, loadPlatforms, reportIssues } from './explain';
import { progressBar } from '../progress';
import { assayVersion } from '../help';
import { WarningGroups } from '../warnings';

export function runReport(p: ParsedArgs, lang: Lang, out: Out): number {
  const [rulesetArg, ...evidenceArgs] = p.positionals;
  if (rulesetArg === undefined || evidenceArgs.length === 0) {
    throw new CliError('missingArg', { command: 'report', what: t(lang, 'argEvidence') }, 2);
  }
  const target = flag(p, 'out');
  if (target === undefined) throw new CliError('needOut', {}, 2);
  const format = flag(p, 'format') ?? (target.endsWith('.md') ? 'md' : 'html');
  if (format !== 'html' && format !== 'md') throw new CliError('badChoice', { flag: '--format', value: format, choices: 'html, md' }, 2);
  const assessedOn = dateFlag(p);
  if (has(p, 'corpus') && has(p, 'against')) throw new CliError('corpusTwice', {}, 2);
  const corpusDir = flag(p, 'corpus') ?? flag(p, 'against');
  // Checked before the work, to fail fast; the write itself refuses again if something appeared meanwhile.
  if (occupied(target) && !has(p, 'force')) throw new CliError('outExists', { path: target }, 1);
  const loaded = loadCompiled(rulesetArg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  const { ruleset } = loaded;
  const { platforms, failed: fileFailed } = loadPlatforms(evidenceArgs, lang, out);
  let failed = fileFailed;
  // Benchmarking only against a corpus the user names (a report states what it compares with; nothing is implied).
  // Platforms already read, by file, so a report over the corpus itself reads it once.
  const known = new Map<string, PlatformDoc[]>();
  for (const pl of platforms) {
    const key = resolve(pl.file);
    const list = known.get(key) ?? [];
    list.push(pl.doc);
    known.set(key, list);
  }
  const corpus = corpusDir === undefined || corpusDir === 'none' ? undefined : assessCorpus(ruleset, corpusDir, lang, known);
  if (corpusDir !== undefined && corpusDir !== 'none' && corpus === undefined) throw new CliError('corpusEmpty', { path: corpusDir }, 1);
  const items: ReportItem[] = [];
  const warnings = new WarningGroups();
  const linesOf = new Map<string, Map<string, Map<string, number>>>();
  const tick = progressBar(process.stderr, platforms.length, out.tty);
  for (const [n, pl] of platforms.entries()) {
    const r = explainOne(ruleset, pl.doc, lang, corpus, p.flags.has('lenient'));
    if (reportIssues(r.assessment, pl.file, lang, out, warnings)) failed = true;
    const gap = r.assessment.outcome === 'invalid' ? undefined : improvementPlans(ruleset, pl.doc, { lang, lenient: p.flags.has('lenient'), assessed: r });
    let lines = linesOf.get(pl.file);
    if (!lines) linesOf.set(pl.file, (lines = evidenceLines(pl.text)));
    const fieldLines = lines.get(pl.doc.platform);
    items.push({ explanation: r.explanation, ...(gap ? { gap } : {}), evidenceFile: pl.file, evidenceHash: pl.fileHash, ...(fieldLines ? { evidenceLines: fieldLines } : {}) });
    tick(n + 1);
  }
  warnings.flush(lang, out);
  const assessor = flag(p, 'assessor');
  const meta: ReportMeta = {
    ruleset,
    assayVersion: assayVersion(),
    renderedAt: new Date().toISOString(),
    lang,
    ...(assessedOn !== undefined ? { assessedOn } : {}),
    ...(assessor !== undefined && assessor.trim() !== '' ? { assessor: assessor.trim() } : {}),
    ...(corpus && corpusDir !== undefined ? { corpus: describeCorpus(corpusDir, corpus.n) } : {}),
    ...(has(p, 'signature') ? { signature: true } : {}),
  };
  const text = format === 'md' ? reportMarkdown(items, meta) : reportHtml(items, meta);
  writeFileSafely(target, text, { force: has(p, 'force') }, lang);
  out.err(t(lang, 'reportWritten', { path: target, n: items.length }));
  return failed ? 1 : 0;
}

/** `--date YYYY-MM-DD`: the date of assessment, a real calendar date; a usage error otherwise. */
function dateFlag(p: ParsedArgs): string | undefined {
  const v = flag(p, 'date');
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== v) throw new CliError('badDate', { value: v }, 2);
  return v;
}

/** The corpus as the report names it, with its description: the title of its README.md, else its first paragraph. */
function describeCorpus(dir: string, n: number): ReportCorpus {
  let readme = '';
  try {
    readme = readFileSync(join(dir, 'README.md'), 'utf8');
  } catch {
    // no README: the corpus is named by its folder only
  }
  const title = /^#\s+(.+)$/m.exec(readme)?.[1]?.trim();
  const first = readme.split(/\n\s*\n/).map((s) => s.replace(/\s+/g, ' ').trim()).find((s) => s !== '' && !s.startsWith('#'));
  let description = title ?? first ?? '';
  if (description.length > 300) description = `${description.slice(0, 300).replace(/\s+\S*$/, '')} …`;
  return { name: dir, n, ...(description !== '' ? { description } : {}) };
}
