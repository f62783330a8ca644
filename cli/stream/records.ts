// Reading corpus records: one NDJSON line or one CSV row → a platform input, typed by the ruleset's fields.
// In: a line of text (and the CSV header), the model. Out: `{ platform }` or `{ error }` for that record.
//
// NDJSON: each line is a platform document `{"platform": …, "name": …, "evidence": {…}}`, read with JSON.parse
// (numbers are doubles; their exact value is the shortest decimal that prints them, as everywhere in Assay).
// CSV: a header row names the columns: `platform`, optional `name`, then evidence fields, nested members as dotted
// columns (`framework_chip_adaptation.frameworks`). Cells are typed by the ruleset: numbers keep their exact
// decimal text, `true`/`false` are booleans for boolean fields, an empty cell is absent. Quoted cells ("a,b",
// "say ""hi""") are read; a record must fit on one line.

import { setExact } from '../../engine/evidence';
import type { PlatformInput } from '../../engine/evaluate';
import type { Model } from '../../engine/model';
import { Rational } from '../../engine/rational';
import type { ValueType } from '../../engine/value-type';

export type RecordResult = { readonly platform: PlatformInput } | { readonly error: string };

function defineOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One NDJSON line → a platform input (JSON.parse makes `__proto__` an own key, never a prototype). */
export function ndjsonRecord(line: string): RecordResult {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    return { error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isRecord(doc)) return { error: 'a line must be a JSON object {"platform", "evidence"}' };
  const platform = Object.prototype.hasOwnProperty.call(doc, 'platform') ? doc['platform'] : undefined;
  const name = Object.prototype.hasOwnProperty.call(doc, 'name') ? doc['name'] : undefined;
  const evidence = Object.prototype.hasOwnProperty.call(doc, 'evidence') ? doc['evidence'] : undefined;
  if (typeof platform !== 'string' || platform.trim() === '') return { error: '`platform` must be a non-empty string' };
  if (name !== undefined && name !== null && typeof name !== 'string') return { error: '`name` must be a string' };
  if (!isRecord(evidence)) return { error: '`evidence` must be an object' };
  return { platform: { platform, ...(typeof name === 'string' ? { name } : {}), evidence } };
}

/** Splits one CSV line into cells (RFC 4180 quoting, no line breaks inside cells). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
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
      if (c < 0) return cells;
      i = c + 1;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, c));
      i = c + 1;
    }
  }
}

/** A CSV reader for one header: each column's path and the type the ruleset gives it. */
export interface CsvShape {
  readonly columns: readonly { readonly path: readonly string[]; readonly type: ValueType | undefined }[];
  readonly platformAt: number;
  readonly nameAt: number;
}

export function csvShape(header: string, model: Model): CsvShape | { error: string } {
  const names = csvCells(header).map((c) => c.trim());
  const platformAt = names.indexOf('platform');
  if (platformAt < 0) return { error: 'the CSV header has no `platform` column' };
  const columns = names.map((n) => {
    const path = n.split('.');
    const head = path[0] ?? '';
    let t: ValueType | undefined = model.fields.get(model.formerIds.get(head) ?? head)?.type;
    for (const m of path.slice(1)) t = t?.kind === 'object' ? t.fields.get(m) : undefined;
    return { path, type: t };
  });
  return { columns, platformAt, nameAt: names.indexOf('name') };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One CSV row → a platform input. */
export function csvRecord(line: string, shape: CsvShape): RecordResult {
  const cells = csvCells(line);
  const platform = cells[shape.platformAt]?.trim() ?? '';
  if (platform === '') return { error: '`platform` is empty' };
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
