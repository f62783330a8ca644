// Reading corpus records: one NDJSON line or one CSV row → a platform input, typed by the ruleset's fields.
// In: a line of text (and the CSV header), the model. Out: `{ platform }` or `{ error }` for that record.
//
// NDJSON: each line is a platform document `{"platform": …, "name": …, "evidence": {…}}`. Numbers keep the value
// written, as in YAML, JSON files and CSV: a line whose numbers all have at most 15 significant digits and a short
// exponent is read with JSON.parse (the double's shortest decimal is then the text's value); any other line is read
// by the exact JSON reader, which also applies the number limits (E145, E146) and the evidence depth limit.
// CSV: a header row names the columns: `platform`, optional `name`, then evidence fields, nested members as dotted
// columns (`framework_chip_adaptation.frameworks`). Cells are typed by the ruleset: numbers keep their exact
// decimal text, `true`/`false` are booleans for boolean fields, an empty cell is absent. Quoted cells ("a,b",
// "say ""hi""") are read; a record must fit on one line.
// A non-number in a number column, a non-boolean in a boolean column, an unclosed quote, text after a closing quote
// and a row longer than the header make the record an error, in the reader's language, saying what was expected.

import { type Lang, renderMessage } from '../../dsl/index';
import {
  MAX_EVIDENCE_DEPTH,
  MAX_EVIDENCE_VALUES,
  renderFound,
  setExact,
  type PlatformInput,
  readJsonExact,
  type LongNumber,
  type Model,
  DECIMAL,
  readDecimal,
  isShortestText,
  type ValueType,
} from '../../engine/index';
import { t } from '../i18n';

export type RecordResult = { readonly platform: PlatformInput } | { readonly error: string };

function defineOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A line that may hold a number JSON.parse would not read exactly: 16 digits and points in a row (16 significant
 * digits, or 15 and a point), or an exponent of three digits or more (beyond the normal doubles). Lines without one
 * have only numbers of at most 15 significant digits within 1e±99, whose doubles print as the value written. A
 * match that is not such a number (in a string, 15 digits and a point) only sends the line to the exact reader,
 * which reads it the same. The test costs about 1 % of a record's time (JSON.parse is native; a reader in
 * JavaScript for every line would cost far more). `[\d.]{16}` is written out as sixteen classes: the same pattern,
 * which V8's regular expressions scan about twice as fast (1.7 µs instead of 3.1 µs on a 1.3 KB line; measured).
 */
export const INEXACT = new RegExp(`${'[\\d.]'.repeat(16)}|\\d[eE][+-]?\\d{3}`);

/** One NDJSON line → a platform input (`__proto__` is an own key, never a prototype; the last of a repeated key wins). */
export function ndjsonRecord(line: string, lang: Lang = 'en'): RecordResult {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    return { error: t(lang, 'streamNotJson', { reason: e instanceof Error ? e.message : String(e) }) };
  }
  if (INEXACT.test(line)) {
    const exact = readJsonExact(line, { maxDepth: MAX_EVIDENCE_DEPTH, maxValues: MAX_EVIDENCE_VALUES, duplicates: 'last' });
    if (!('value' in exact)) {
      const p = exact.problem;
      const reason =
        p.kind === 'depth'
          ? renderMessage({ code: 'E132', args: { limit: MAX_EVIDENCE_DEPTH } }, lang)
          : p.kind === 'values'
            ? renderMessage({ code: 'E133', args: { limit: MAX_EVIDENCE_VALUES } }, lang)
            : p.kind === 'duplicate'
              ? `duplicate key ${renderFound(p.key)}`
              : p.message;
      return { error: t(lang, 'streamNotJson', { reason }) };
    }
    const first = exact.long[0];
    if (first !== undefined) return { error: longNumberError(first, exact.value, lang) };
    doc = exact.value;
  }
  if (!isRecord(doc)) {
    return { error: t(lang, 'streamNotObject', { found: doc === null ? 'null' : Array.isArray(doc) ? 'array' : typeof doc }) };
  }
  const platform = Object.prototype.hasOwnProperty.call(doc, 'platform') ? doc['platform'] : undefined;
  const name = Object.prototype.hasOwnProperty.call(doc, 'name') ? doc['name'] : undefined;
  const evidence = Object.prototype.hasOwnProperty.call(doc, 'evidence') ? doc['evidence'] : undefined;
  if (typeof platform !== 'string' || platform.trim() === '') return { error: t(lang, 'streamPlatform') };
  if (name !== undefined && name !== null && typeof name !== 'string') return { error: t(lang, 'streamName') };
  if (!isRecord(evidence)) return { error: t(lang, 'streamEvidence') };
  return { platform: { platform, ...(typeof name === 'string' ? { name } : {}), evidence } };
}

/** E145 or E146 for a number beyond the limits, naming the record's platform and the field. */
function longNumberError(l: LongNumber, doc: unknown, lang: Lang): string {
  const platform = isRecord(doc) && typeof doc['platform'] === 'string' ? doc['platform'] : '';
  const field = (l.path[0] === 'evidence' ? l.path.slice(1) : l.path).join('.');
  return renderMessage({ code: l.limit.code, args: { ...l.limit.args, platform, field } }, lang);
}

/** Splits one CSV line into cells (RFC 4180 quoting, no line breaks inside cells). */
export function csvCells(line: string): string[] {
  return csvRow(line).cells;
}

interface CsvRow {
  readonly cells: string[];
  /** A quoted cell runs to the end of the line. */
  readonly unclosed: boolean;
  /** 1-based column with text between its closing quote and the next comma, or 0. */
  readonly afterQuote: number;
}

function csvRow(line: string): CsvRow {
  const cells: string[] = [];
  let unclosed = false;
  let afterQuote = 0;
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          s += line.slice(i);
          i = n;
          unclosed = true;
          break;
        }
        s += line.slice(i, q);
        if (line[q + 1] === '"') {
          s += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cells.push(s);
      const c = line.indexOf(',', i);
      const tail = c < 0 ? line.slice(i) : line.slice(i, c);
      if (afterQuote === 0 && tail.trim() !== '') afterQuote = cells.length;
      if (c < 0) return { cells, unclosed, afterQuote };
      i = c + 1;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        cells.push(line.slice(i));
        return { cells, unclosed, afterQuote };
      }
      cells.push(line.slice(i, c));
      i = c + 1;
    }
  }
}

/** A CSV reader for one header: each column's path and the type the ruleset gives it. */
export interface CsvShape {
  readonly columns: readonly { readonly name: string; readonly path: readonly string[]; readonly type: ValueType | undefined }[];
  readonly platformAt: number;
  readonly nameAt: number;
}

/** The shape of a CSV header; `file` and `line` (of the header) name the place in an error. */
export function csvShape(header: string, model: Model, lang: Lang = 'en', file = '', line = 1): CsvShape | { error: string } {
  const names = csvCells(header).map((c) => c.trim());
  const platformAt = names.indexOf('platform');
  if (platformAt < 0) return { error: t(lang, 'streamCsvNoPlatform', { file, line }) };
  const columns = names.map((n) => {
    const path = n.split('.');
    const head = path[0] ?? '';
    let t: ValueType | undefined = model.fields.get(model.formerIds.get(head) ?? head)?.type;
    for (const m of path.slice(1)) t = t?.kind === 'object' ? t.fields.get(m) : undefined;
    return { name: n, path, type: t };
  });
  return { columns, platformAt, nameAt: names.indexOf('name') };
}

/** One CSV row → a platform input. */
export function csvRecord(line: string, shape: CsvShape, lang: Lang = 'en'): RecordResult {
  const row = csvRow(line);
  const cells = row.cells;
  if (row.unclosed) return { error: t(lang, 'streamCsvUnclosed') };
  if (row.afterQuote > 0) return { error: t(lang, 'streamCsvAfterQuote', { column: row.afterQuote }) };
  if (cells.length > shape.columns.length) return { error: t(lang, 'streamCsvTooMany', { found: cells.length, expected: shape.columns.length }) };
  const platform = cells[shape.platformAt]?.trim() ?? '';
  if (platform === '') return { error: t(lang, 'streamCsvPlatformEmpty') };
  for (let k = 0; k < shape.columns.length; k++) {
    const col = shape.columns[k];
    const text = cells[k]?.trim() ?? '';
    if (!col || text === '' || k === shape.platformAt || k === shape.nameAt) continue;
    if (col.type?.kind === 'number' && !DECIMAL.test(text)) return { error: t(lang, 'streamCsvNumber', { column: col.name, found: text }) };
    if (col.type?.kind === 'number' || col.type === undefined) {
      const read = readDecimal(text);
      if (read !== undefined && !('q' in read)) return { error: renderMessage({ code: read.code, args: { ...read.args, platform, field: col.name } }, lang) };
    }
    if (col.type?.kind === 'boolean' && text !== 'true' && text !== 'false') {
      return { error: t(lang, 'streamCsvBoolean', { column: col.name, found: text }) };
    }
  }
  const evidence: Record<string, unknown> = {};
  shape.columns.forEach((col, k) => {
    if (k === shape.platformAt || k === shape.nameAt) return;
    const cell = cells[k];
    if (cell === undefined || cell.trim() === '') return;
    const text = cell.trim();
    let container: Record<string, unknown> = evidence;
    const path = col.path;
    for (const m of path.slice(0, -1)) {
      const next = Object.prototype.hasOwnProperty.call(container, m) ? container[m] : undefined;
      if (isRecord(next)) container = next;
      else {
        const o: Record<string, unknown> = {};
        defineOwn(container, m, o);
        container = o;
      }
    }
    const key = path[path.length - 1] ?? '';
    defineOwn(container, key, cellValue(text, col.type, container, key));
  });
  const name = shape.nameAt >= 0 ? cells[shape.nameAt] : undefined;
  return { platform: { platform, ...(name !== undefined && name !== '' ? { name } : {}), evidence } };
}

function cellValue(text: string, t: ValueType | undefined, container: object, key: string): unknown {
  const kind = t?.kind;
  if (kind === 'boolean' || kind === undefined) {
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  if (kind === 'number' || kind === undefined) {
    // Limits were checked on the whole row first (csvRecord).
    const x = Number(text);
    if (isShortestText(text, x)) return x;
    const read = readDecimal(text);
    if (read !== undefined) {
      // The exact decimal as written (a 20-digit decimal is not its double): the evaluator reads it exactly.
      if ('q' in read && Number.isFinite(x)) setExact(container, key, read.q);
      return x;
    }
  }
  return text;
}
