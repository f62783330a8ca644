// Assessing a batch of corpus records (on a worker thread or in-process): records in, NDJSON result lines out.
// In: a compiled ruleset, the lines of one batch, the format (and CSV shape). Out: one JSON line per record — the
// result JSON of `assay eval --format json`, or `{"line", "error"}` for a record that could not be read (the error
// names the file and line and says what was expected, in `lang`).

import type { Lang } from '../../dsl/ast';
import type { CompiledRuleset } from '../../engine/index';
import { t } from '../i18n';
import { resultJson } from './json';
import { csvRecord, ndjsonRecord, type CsvShape } from './records';

export interface BatchOut {
  readonly text: string;
  readonly records: number;
  /** Records that were unreadable or whose evidence was invalid. */
  readonly failed: number;
}

export function runBatch(
  ruleset: CompiledRuleset,
  lines: readonly string[],
  firstLine: number,
  format: 'ndjson' | 'csv',
  shape: CsvShape | undefined,
  lang: Lang,
  file: string,
): BatchOut {
  let text = '';
  let failed = 0;
  let records = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    if (line.trim() === '') continue;
    records++;
    const r = format === 'csv' && shape ? csvRecord(line, shape, lang) : ndjsonRecord(line, lang);
    if ('error' in r) {
      failed++;
      text += JSON.stringify({ line: firstLine + k, error: t(lang, 'streamRecord', { file, line: firstLine + k, message: r.error }) }) + '\n';
      continue;
    }
    const a = ruleset.assess(r.platform, { lang });
    if (a.outcome === 'invalid') failed++;
    text += JSON.stringify(resultJson(a)) + '\n';
  }
  return { text, records, failed };
}
