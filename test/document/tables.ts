// Reading the tables of a Markdown text (the standard's own text, or a document Assay rendered) for cell-by-cell
// comparisons. In: Markdown. Out: each table with the heading above it, its head and its body rows as plain text
// (backslash escapes and entities undone, code spans unwrapped), and helpers that normalise cells for comparison.

export interface MdTable {
  readonly heading: string;
  readonly head: string[];
  readonly rows: string[][];
}

/** Splits a table line on the `|` that are not escaped (`\|`) and not inside a code span. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let code = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '\\' && i + 1 < line.length) {
      cur += c + (line[i + 1] as string);
      i++;
    } else if (c === '`') {
      code = !code;
      cur += c;
    } else if (c === '|' && !code) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.slice(1, -1).map((x) => plain(x.trim()));
}

/** A cell as plain text: code spans unwrapped, backslash escapes and the entities escapeMarkdown writes undone. */
export function plain(s: string): string {
  return s
    .replace(/`+([^`]*?)`+/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

export function markdownTables(text: string): MdTable[] {
  const lines = text.split(/\r?\n/);
  const out: MdTable[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^#{1,6} /.test(line)) heading = plain(line.replace(/^#+ /, ''));
    if (!line.startsWith('|') || !/^\|[-|: ]+\|$/.test(lines[i + 1] ?? '')) continue;
    const head = cells(line);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && (lines[j] as string).startsWith('|'); j++) rows.push(cells(lines[j] as string));
    out.push({ heading, head, rows });
    i = j - 1;
  }
  return out;
}

/** Without white space (the standard writes `≥4`, Assay `≥ 4`). */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Splits a list on the commas outside parentheses and braces. */
export function topLevel(s: string, sep = ','): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(' || c === '{') depth++;
    if (c === ')' || c === '}') depth--;
    if (c === sep && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

/** A method cell as `[id, note]` pairs: `TT on ≥5% of nodes (at least 16)` and `TT (on ≥5% of nodes (at least 16))` alike. */
export function methodPairs(s: string): [string, string][] {
  return topLevel(s).map((m) => {
    const [, id = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(m) ?? [];
    const note = /^\((.*)\)$/.test(rest) ? rest.slice(1, -1) : rest;
    return [id, note.trim()];
  });
}

/** A band or mapping cell as `[condition, points]` pairs, spaces removed (`else` rows as `['else', '20']`). */
export function bandPairs(s: string): [string, string][] {
  return s.split(';').map((b) => {
    const t = b.trim();
    const other = /^else (.*)$/.exec(t);
    if (other) return ['else', squeeze(other[1] ?? '')];
    const at = t.indexOf(':');
    return [squeeze(t.slice(0, at)), squeeze(t.slice(at + 1))];
  });
}

const STOP = new Set(['is', 'and', 'or', 'not', 'in', 'true', 'when', 'else', 'every', 'dimension', 'share', 'total']);

/** The words and numbers of a condition, without the connectives the standard writes in prose or in code. */
export function conditionTokens(s: string): string[] {
  return (s.match(/[\p{L}\p{N}_.]+/gu) ?? []).map((x) => x.replace(/\.$/, '')).filter((x) => x !== '' && !STOP.has(x));
}

/** Tokens that a change table and a rendered one must share: numbers, ids (`pue`, `V1`, `L5`, `B`, `TT`) and CJK names. */
export function comparableTokens(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/\d+(?:\.\d+)?|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|\b[A-Z]{1,2}\d?\b|[\u3400-\u9fff]+/g)) out.push(m[0]);
  return out;
}
