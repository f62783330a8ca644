// Assessing a batch of corpus records (on a worker thread or in-process): the bytes of whole lines in, NDJSON out.
// In: a compiled ruleset, one batch's bytes and its first line number, the format (and CSV shape), a byte sink.
// Out: into the sink, one JSON line per record — the result JSON of `assay eval --format json` (with `decision`,
// the decision JSON), or `{"line", "error"}` for a record that could not be read (naming the file and line,
// saying what was expected, in `lang`) or that was rejected before it was read (too long, or it stopped a worker).

import { firstInvalidUtf8, guessEncoding } from '../decode';
import type { Lang } from '../../dsl/index';
import type { CompiledRuleset, Decision } from '../../engine/index';
import { t } from '../i18n';
import { decisionLine, decisionLineOfResult } from './json';
import { eachLine } from './lines';
import { csvRecord, ndjsonRecord, type CsvShape } from './records';

/**
 * Milliseconds spent per stage (ASSAY_STREAM_STATS): reading records (decoding a line, JSON.parse, the checks of a
 * record), assessing them (with `decision`, the missing evidence too), writing their lines (JSON text, UTF-8 bytes).
 */
export interface StageTimes {
  read: number;
  assess: number;
  write: number;
}

export interface BatchOut {
  readonly records: number;
  /** Records that were unreadable or whose evidence was invalid. */
  readonly failed: number;
}

const NO_REJECTS: ReadonlyMap<number, string> = new Map();

/**
 * Assesses the lines of `bytes` (the first is line `firstLine` of `file`). `rejected`: lines (by index in the batch)
 * that get an error line with that message instead of being read; `onRecord` is told the index of each record
 * before it is read (a worker publishes it, so that the record it dies on is known); `times` adds up the
 * milliseconds spent per stage.
 */
export function runBatch(
  ruleset: CompiledRuleset,
  bytes: Uint8Array,
  firstLine: number,
  format: 'ndjson' | 'csv',
  shape: CsvShape | undefined,
  lang: Lang,
  file: string,
  sink: ByteSink,
  decision = false,
  lenient = false,
  rejected: ReadonlyMap<number, string> = NO_REJECTS,
  onRecord?: (index: number) => void,
  times?: StageTimes,
): BatchOut {
  let failed = 0;
  let records = 0;
  const opts = { lang, lenient };
  // With `times`: each record's reading starts where the last one's writing ended (its line's decoding included).
  let mark = times ? performance.now() : 0;
  eachLine(bytes, (line, k, notUtf8) => {
    const reason = rejected.get(k) ?? (notUtf8 === undefined ? undefined : notUtf8Reason(notUtf8, file, lang));
    if (reason === undefined && line.trim() === '') return;
    records++;
    onRecord?.(k);
    const r = reason !== undefined ? { error: reason } : format === 'csv' && shape ? csvRecord(line, shape, lang) : ndjsonRecord(line, lang);
    const t1 = times ? performance.now() : 0;
    let text: string;
    let t2 = t1;
    if ('error' in r) {
      failed++;
      text = JSON.stringify({ line: firstLine + k, error: t(lang, 'streamRecord', { file, line: firstLine + k, message: r.error }) });
    } else if (decision) {
      // Evidence missing: a decision computes its `missing` list on first read by assessing the platform again
      // (with the generated decider, the decision and the list cost about twice the full result: measured); the
      // full result has the list and the decision's fields, so such a platform gets its line from the full result
      // (the same text: tested). Not chosen before deciding (by a field absent from the evidence): invalid evidence
      // costs the full result several times what it costs the generated decider.
      const d = ruleset.decide(r.platform, opts);
      if (d.outcome === 'invalid') failed++;
      const full = missingLater(d) ? ruleset.evaluate(r.platform, opts) : undefined;
      if (times) {
        // Computed on first read: timed as assessing.
        if (!full) void d.missing;
        t2 = performance.now();
      }
      text = full ? decisionLineOfResult(full) : decisionLine(d);
    } else {
      // The plan writes the result object from its integer fractions; the native JSON.stringify writes it fastest.
      const a = ruleset.evaluate(r.platform, opts);
      if (a.outcome === 'invalid') failed++;
      if (times) t2 = performance.now();
      text = JSON.stringify(a);
    }
    sink.line(text);
    if (times) {
      const t3 = performance.now();
      times.read += t1 - mark;
      times.assess += t2 - t1;
      times.write += t3 - t2;
      mark = t3;
    }
  });
  return { records, failed };
}

/** A decision whose `missing` list is computed on first read (an accessor: evidence was missing). */
function missingLater(d: Decision): boolean {
  return Object.getOwnPropertyDescriptor(d, 'missing')?.get !== undefined;
}

/** Why a line whose bytes are not UTF-8 is not read: where, what it looks like, how to convert the file. */
function notUtf8Reason(raw: Uint8Array, file: string, lang: Lang): string {
  const encoding = guessEncoding(raw);
  return t(lang, 'streamNotUtf8', { offset: firstInvalidUtf8(raw), encoding: encoding.name, iconv: `iconv -f ${encoding.iconv} -t UTF-8 ${file} > ${file}.utf8` });
}

/**
 * Result lines encoded as they are made, into one buffer that grows when needed (through `grow`, so that it can
 * be shared memory): each line's string dies young, where a batch-long string would outlive many scavenges.
 */
export class ByteSink {
  len = 0;

  constructor(
    public buf: Buffer,
    private readonly grow: (size: number) => Buffer = (size) => Buffer.allocUnsafeSlow(size),
  ) {}

  line(s: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const need = this.len + s.length * 3 + 1;
    if (need > this.buf.length) {
      const bigger = this.grow(Math.max(need, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    this.len += this.buf.write(s, this.len, 'utf8');
    this.buf[this.len++] = 10;
  }

  /** What was written since the last `clear`, as a view of the buffer. */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  clear(): void {
    this.len = 0;
  }
}
