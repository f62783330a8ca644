// A user's (or the bundled) corpus → platform documents. In: files as text — NDJSON/JSON Lines (one platform
// document, or a flat `{platform, name, field: value…}` object, per line), CSV (a header row with `platform`, an
// optional `name`, then one column per evidence field; `a.b` columns nest), JSON (one document or an array of them)
// and YAML (one document). Out: the platforms read and, for every record that was not, where and why. A bad
// record never stops the others.

import { parse as parseYaml } from 'yaml';
import type { PlatformDoc } from './engine-bridge';
import { platformOf } from '../evidence-doc';
import type { CorpusFile, RecordError, RecordProblem } from '../distribution-protocol';

export interface ReadCorpus {
  readonly platforms: PlatformDoc[];
  /** The file each platform was read from (same order as `platforms`). */
  readonly files: string[];
  readonly errors: RecordError[];
}

const detail = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function readCorpus(files: readonly CorpusFile[]): ReadCorpus {
  const out: ReadCorpus = { platforms: [], files: [], errors: [] };
  for (const f of files) {
    const ext = /\.([A-Za-z]+)$/.exec(f.name)?.[1]?.toLowerCase() ?? '';
    switch (ext) {
      case 'ndjson':
      case 'jsonl':
        readLines(f, out);
        break;
      case 'csv':
        readCsv(f, out);
        break;
      case 'json':
      case 'yaml':
      case 'yml':
        readDocument(f, ext === 'json' ? 'json' : 'yaml', out);
        break;
      default:
        out.errors.push({ file: f.name, problem: { kind: 'fileType' } });
    }
    while (out.files.length < out.platforms.length) out.files.push(f.name);
  }
  return out;
}

function toDoc(value: unknown, fallback: string): PlatformDoc {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, 'evidence')) {
    // A flat record: everything but the platform's id and name is evidence.
    const { platform, name, ...evidence } = value as Record<string, unknown>;
    value = { platform, name, evidence };
  }
  const p = platformOf(value, '', 'user', fallback);
  return { platform: p.platform, ...(p.name !== undefined ? { name: p.name } : {}), evidence: p.evidence };
}

function platformHint(value: unknown): string | undefined {
  const p = typeof value === 'object' && value !== null && Object.hasOwn(value, 'platform') ? (value as { platform: unknown }).platform : undefined;
  return typeof p === 'string' ? p : undefined;
}

function push(out: ReadCorpus, file: string, line: number | undefined, value: unknown, fallback: string): void {
  try {
    out.platforms.push(toDoc(value, fallback));
  } catch (e) {
    const platform = platformHint(value);
    out.errors.push({ file, ...(line !== undefined ? { line } : {}), ...(platform !== undefined ? { platform } : {}), problem: { kind: 'shape', detail: detail(e) } });
  }
}

function readLines(f: CorpusFile, out: ReadCorpus): void {
  const lines = f.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      // The platform's id, if it can still be seen, names the record.
      const platform = /"platform"\s*:\s*"([^"\\]*)"/.exec(line)?.[1];
      out.errors.push({ file: f.name, line: i + 1, ...(platform !== undefined ? { platform } : {}), problem: { kind: 'json', detail: detail(e) } });
      continue;
    }
    push(out, f.name, i + 1, value, `${f.name}:${i + 1}`);
  }
}

function readDocument(f: CorpusFile, kind: 'json' | 'yaml', out: ReadCorpus): void {
  let value: unknown;
  try {
    value = kind === 'json' ? JSON.parse(f.text) : parseYaml(f.text, { schema: 'core', uniqueKeys: true });
  } catch (e) {
    out.errors.push({ file: f.name, problem: { kind, detail: detail(e) } });
    return;
  }
  const stem = f.name.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  if (Array.isArray(value)) value.forEach((v, i) => push(out, f.name, undefined, v, `${stem}[${i}]`));
  else push(out, f.name, undefined, value, stem);
}

// --- CSV ---------------------------------------------------------------------------------------------

interface Row {
  readonly line: number;
  readonly cells: string[];
  readonly unterminated: boolean;
}

/** RFC 4180 rows (quoted cells may hold commas, quotes doubled, and line breaks); the line each row starts on. */
function csvRows(text: string): Row[] {
  const rows: Row[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let unterminated = false;
    for (;;) {
      if (i >= n) {
        unterminated = quoted;
        cells.push(cell);
        break;
      }
      const c = text[i] as string;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          cell += c;
          i++;
        }
      } else if (c === '"' && cell === '') {
        quoted = true;
        i++;
      } else if (c === ',') {
        cells.push(cell);
        cell = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        cells.push(cell);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        cell += c;
        i++;
      }
    }
    if (!(cells.length === 1 && cells[0] === '' && !unterminated)) rows.push({ line: start, cells, unterminated });
  }
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A cell's value: empty → absent, `true`/`false`, a number, `[…]`/`{…}` as JSON (lists, records), else text. */
function cellValue(raw: string): { ok: true; value: unknown } | { ok: false; problem: RecordProblem } {
  const s = raw.trim();
  if (s === 'true' || s === 'false') return { ok: true, value: s === 'true' };
  if (NUMBER.test(s)) return { ok: true, value: Number(s) };
  if (s.startsWith('[') || s.startsWith('{')) {
    try {
      return { ok: true, value: JSON.parse(s) };
    } catch (e) {
      return { ok: false, problem: { kind: 'csvCell', value: raw, detail: detail(e) } };
    }
  }
  return { ok: true, value: raw };
}

function readCsv(f: CorpusFile, out: ReadCorpus): void {
  const rows = csvRows(f.text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.cells.map((c) => c.trim()) ?? [];
  const pi = header.indexOf('platform');
  if (pi < 0) {
    out.errors.push({ file: f.name, line: 1, field: 'platform', problem: { kind: 'csvHeader' } });
    return;
  }
  const ni = header.indexOf('name');
  for (const row of rows.slice(1)) {
    const platform = row.cells[pi]?.trim() || `${f.name}:${row.line}`;
    const at = { file: f.name, line: row.line, platform };
    if (row.unterminated) {
      out.errors.push({ ...at, problem: { kind: 'csvQuote' } });
      continue;
    }
    if (row.cells.length !== header.length) {
      out.errors.push({ ...at, problem: { kind: 'csvColumns', expected: header.length, got: row.cells.length } });
      continue;
    }
    const evidence: Record<string, unknown> = {};
    let bad = false;
    header.forEach((field, c) => {
      if (c === pi || c === ni) return;
      const raw = row.cells[c] ?? '';
      if (raw.trim() === '') return;
      const v = cellValue(raw);
      if (!v.ok) {
        out.errors.push({ ...at, field, problem: v.problem });
        bad = true;
        return;
      }
      setPath(evidence, field.split('.'), v.value);
    });
    if (bad) continue;
    const name = ni >= 0 ? row.cells[ni]?.trim() : undefined;
    out.platforms.push({ platform, ...(name ? { name } : {}), evidence });
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let o = target;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(o, key) ? o[key] : undefined;
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) o = next as Record<string, unknown>;
    else {
      const fresh: Record<string, unknown> = {};
      Object.defineProperty(o, key, { value: fresh, enumerable: true, writable: true, configurable: true });
      o = fresh;
    }
  }
  Object.defineProperty(o, path[path.length - 1] ?? '', { value, enumerable: true, writable: true, configurable: true });
}
