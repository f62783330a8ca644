// Reading corpus records: one NDJSON line or one CSV row → a platform input, typed by the ruleset's fields.
// In: a line of text (and the CSV header), the model. Out: `{ platform }` or `{ error }` for that record.
//
// NDJSON: each line is a platform document `{"platform": …, "name": …, "evidence": {…}}`, read with JSON.parse
// (numbers are doubles; their exact value is the shortest decimal that prints them, as everywhere in Assay).
// CSV: a header row names the columns: `platform`, optional `name`, then evidence fields, nested members as dotted
// columns (`framework_chip_adaptation.frameworks`). Cells are typed by the ruleset: numbers keep their exact
// decimal text, `true`/`false` are booleans for boolean fields, an empty cell is absent. Quoted cells ("a,b",
// "say ""hi""") are read; a record must fit on one line.
// A non-number in a number column, a non-boolean in a boolean column, an unclosed quote, text after a closing quote
// and a row longer than the header make the record an error, in the reader's language, saying what was expected.

import type { Lang } from '../../dsl/ast';
import { setExact } from '../../engine/evidence';
import type { PlatformInput } from '../../engine/evaluate';
import type { Model } from '../../engine/model';
import { Rational } from '../../engine/rational';
import type { ValueType } from '../../engine/value-type';
import { t } from '../i18n';

export type RecordResult = { readonly platform: PlatformInput } | { readonly error: string };

function defineOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One NDJSON line → a platform input (JSON.parse makes `__proto__` an own key, never a prototype). */
export function ndjsonRecord(line: string, lang: Lang = 'en'): RecordResult {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    return { error: t(lang, 'streamNotJson', { reason: e instanceof Error ? e.message : String(e) }) };
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

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

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
  if ((kind === 'number' || kind === undefined) && DECIMAL.test(text)) {
    const x = Number(text);
    const q = Rational.parse(text);
    // The exact decimal as written (a 20-digit decimal is not its double): the evaluator reads it exactly.
    if (q !== undefined && Number.isFinite(x)) setExact(container, key, q);
    return x;
  }
  return text;
}
