// `assay report <ruleset> <evidence>... --out <file> [--format html|md] [--lang …] [--against <folder>] [--force]`:
// a self-contained assessment report (HTML with inline CSS and SVG, or Markdown) for one platform or a batch.
// In: parsed arguments. Out: the file; a progress bar on stderr for long batches when stderr is a terminal.
// Never overwrites an existing file without --force.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../dsl/ast';
import { improvementPlans } from '../../engine/gap/index';
import { reportHtml, reportMarkdown, type ReportItem } from '../../engine/report/index';
import { flag, has, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { occupied, writeFileSafely } from '../write';
import { loadCompiled, type Out } from './common';
import { explainOne, loadCorpus, loadPlatforms, reportIssues } from './explain';

/** Batches at least this long show a progress bar (on a terminal). */
const PROGRESS_FROM = 8;

/** The version in the package's package.json (found by walking up from this file). */
export function assayVersion(): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5; i++) {
      const p = join(dir, 'package.json');
      if (existsSync(p)) {
        const v = (JSON.parse(readFileSync(p, 'utf8')) as { name?: unknown; version?: unknown }).version;
        if (typeof v === 'string') return v;
      }
      dir = dirname(dir);
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

function progress(out: Out, done: number, total: number): void {
  if (!out.tty || total < PROGRESS_FROM || typeof process === 'undefined') return;
  const width = 30;
  const filled = Math.round((width * done) / total);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

export function runReport(p: ParsedArgs, lang: Lang, out: Out): number {
  const [rulesetArg, ...evidenceArgs] = p.positionals;
  if (rulesetArg === undefined || evidenceArgs.length === 0) {
    throw new CliError('missingArg', { command: 'report', what: t(lang, 'argEvidence') }, 2);
  }
  const target = flag(p, 'out');
  if (target === undefined) throw new CliError('needOut', {}, 2);
  const format = flag(p, 'format') ?? (target.endsWith('.md') ? 'md' : 'html');
  if (format !== 'html' && format !== 'md') throw new CliError('badChoice', { flag: '--format', value: format, choices: 'html, md' }, 2);
  // Checked before the work, to fail fast; the write itself refuses again if something appeared meanwhile.
  if (occupied(target) && !has(p, 'force')) throw new CliError('outExists', { path: target }, 1);
  const loaded = loadCompiled(rulesetArg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  const { ruleset } = loaded;
  const { platforms, failed: fileFailed } = loadPlatforms(evidenceArgs, lang, out);
  let failed = fileFailed;
  const corpus = loadCorpus(ruleset, loaded.path, p, lang);
  const items: ReportItem[] = [];
  for (const [n, pl] of platforms.entries()) {
    const r = explainOne(ruleset, pl.doc, lang, corpus);
    if (reportIssues(r.assessment, pl.file, lang, out)) failed = true;
    const gap = r.assessment.outcome === 'invalid' ? undefined : improvementPlans(ruleset, pl.doc, { lang });
    items.push({ explanation: r.explanation, ...(gap ? { gap } : {}), evidenceFile: pl.file, evidenceHash: pl.fileHash });
    progress(out, n + 1, platforms.length);
  }
  const meta = { ruleset, assayVersion: assayVersion(), assessedAt: new Date().toISOString(), lang };
  const text = format === 'md' ? reportMarkdown(items, meta) : reportHtml(items, meta);
  writeFileSafely(target, text, { force: has(p, 'force') }, lang);
  out.err(t(lang, 'reportWritten', { path: target, n: items.length }));
  return failed ? 1 : 0;
}
