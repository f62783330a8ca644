// Reading a platform evidence text (YAML or JSON) for the page: the platforms it holds and every problem found, each
// with where it is (line, column) and words the page renders in the language on screen. In: the text, its format and
// its source (the evidence editor or a file name). Out: `ReadEvidence`. No DOM: the worker's schema issues are placed
// with `placeIssues`. The data is the engine's reader's (`parseEvidenceText`, as `assay eval` reads files); the syntax
// position and what was expected come from the YAML library's error code or the exact JSON reader's problem.

import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { CATALOGUE, lookup, renderMessage, type Lang } from '../../dsl/index';
import { parseEvidenceText, readJsonExact, type PlatformDoc } from '../../engine/index';
import { STRINGS, type StringKey } from './i18n';
import type { EvidenceIssueOut } from './protocol';

export interface Place {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** What a problem says: a playground string, or an engine catalogue code with its arguments. */
export type Words =
  | { readonly key: StringKey; readonly args: Readonly<Record<string, string | number>> }
  | { readonly code: string; readonly args: Readonly<Record<string, string | number>>; readonly message: string };

export interface EvidenceProblem {
  /** Catalogue code: E130 (syntax), another E1xx of the engine, or `E-dup` for a platform id already loaded. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly words: Words;
  /** Where the text goes wrong (absent when the whole text is meant). */
  readonly at?: Place;
  /** The source: a file name, or undefined for the evidence editor. */
  readonly file?: string;
  readonly platform?: string;
  readonly field?: string;
}

/** One platform's document, as the engine's reader gives it (plain data, structured-clone safe). */
export type PlatformDocOut = PlatformDoc;

export interface ReadEvidence {
  readonly platforms: readonly PlatformDocOut[];
  readonly problems: readonly EvidenceProblem[];
}

/** The words of a problem in `lang`. */
export function problemText(p: EvidenceProblem, lang: Lang): string {
  const w = p.words;
  if ('key' in w) return lookup(STRINGS, w.key, lang, w.args);
  try {
    return Object.keys(w.args).length > 0 || w.message === '' ? renderMessage({ code: w.code, args: w.args } as Parameters<typeof renderMessage>[0], lang) : w.message;
  } catch {
    return w.message;
  }
}

/** Where each platform and each of its top-level keys and evidence keys are written (YAML and JSON alike). */
interface Located {
  readonly id: string | undefined;
  readonly at: Place;
  readonly keys: ReadonlyMap<string, Place>;
  readonly fields: ReadonlyMap<string, Place>;
}

function placeOf(lc: LineCounter, range: readonly number[] | undefined | null): Place | undefined {
  if (!range || range.length < 2) return undefined;
  const a = lc.linePos(range[0] ?? 0);
  const b = lc.linePos(Math.max(range[1] ?? 0, (range[0] ?? 0) + 1));
  return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

function locate(text: string): Located[] {
  const out: Located[] = [];
  const lc = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
  } catch {
    return out;
  }
  const one = (node: unknown): void => {
    if (!isMap(node)) return;
    const keys = new Map<string, Place>();
    const fields = new Map<string, Place>();
    let id: string | undefined;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      const at = placeOf(lc, pair.key.range);
      if (at && !keys.has(k)) keys.set(k, at);
      if (k === 'platform' && isScalar(pair.value)) id = String(pair.value.value);
      if (k === 'evidence' && isMap(pair.value)) {
        for (const f of pair.value.items) {
          const fat = isScalar(f.key) ? placeOf(lc, f.key.range) : undefined;
          if (fat && isScalar(f.key) && !fields.has(String(f.key.value))) fields.set(String(f.key.value), fat);
        }
      }
    }
    const at = placeOf(lc, (node as YamlNode).range);
    out.push({ id, at: at ?? { line: 1, col: 1, endLine: 1, endCol: 2 }, keys, fields });
  };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const c = doc.contents;
    if (isSeq(c)) for (const item of c.items) one(item);
    else one(c);
  }
  return out;
}

const JSON_WORDS: readonly [RegExp, StringKey][] = [
  [/^unexpected end/, 'json_end'],
  [/^unexpected /, 'json_unexpected'],
  [/key in double quotes/, 'json_key'],
  [/`:`/, 'json_colon'],
  [/`,` or `\}`/, 'json_object'],
  [/`,` or `\]`/, 'json_array'],
  [/unterminated string/, 'json_string'],
  [/control character/, 'json_control'],
  [/bad escape/, 'json_escape'],
  [/bad number/, 'json_number'],
];

const YAML_CODES: ReadonlySet<string> = new Set([
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'BLOCK_AS_IMPLICIT_KEY',
  'BAD_INDENT',
  'TAB_AS_INDENT',
  'DUPLICATE_KEY',
  'UNEXPECTED_TOKEN',
  'BLOCK_IN_FLOW',
  'BAD_SCALAR_START',
  'BAD_DQ_ESCAPE',
]);

function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/**
 * The syntax errors of `text` with their places and what was expected: the exact JSON reader's first problem in the
 * JSON format, the YAML library's errors in the YAML one.
 */
function syntaxProblems(text: string, format: 'json' | 'yaml', file: string | undefined): EvidenceProblem[] {
  const src = file !== undefined ? { file } : {};
  if (format === 'json') {
    const read = readJsonExact(text, { maxDepth: 1000, maxValues: Number.MAX_SAFE_INTEGER, duplicates: 'error' });
    if ('value' in read || read.problem.kind !== 'syntax') return [];
    const p = read.problem;
    const a = lineColAt(text, Math.min(p.offset, text.length));
    const key = JSON_WORDS.find(([re]) => re.test(p.message))?.[1];
    const found = /^unexpected (.*)$/.exec(p.message)?.[1] ?? '';
    const words: Words = key ? { key, args: { found } } : { key: 'syntax_other', args: { detail: p.message } };
    return [{ code: 'E130', severity: 'error', words, at: { ...a, endLine: a.line, endCol: a.col + 1 }, ...src }];
  }
  const lc = new LineCounter();
  const out: EvidenceProblem[] = [];
  try {
    const docs = parseAllDocuments(text, { version: '1.2', schema: 'core', uniqueKeys: true, strict: true, lineCounter: lc, prettyErrors: false });
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      for (const err of doc.errors) {
        const at = placeOf(lc, err.pos);
        const words: Words = YAML_CODES.has(err.code) ? { key: `syntax_${err.code}` as StringKey, args: {} } : { key: 'syntax_other', args: { detail: err.message.split('\n')[0] ?? err.code } };
        out.push({ code: 'E130', severity: 'error', words, ...(at ? { at } : {}), ...src });
      }
    }
  } catch (e) {
    out.push({ code: 'E130', severity: 'error', words: { key: 'syntax_other', args: { detail: e instanceof Error ? e.message : String(e) } }, ...src });
  }
  return out;
}

/** The catalogue's severity of an engine code (an unknown code is an error). */
function severityOf(code: string): 'error' | 'warning' {
  const def = Object.hasOwn(CATALOGUE, code) ? CATALOGUE[code as keyof typeof CATALOGUE] : undefined;
  return def?.severity === 'warning' ? 'warning' : 'error';
}

/** Reads an evidence text: its platforms (as the engine reads them) and its problems, each placed when it can be. */
export function readEvidenceText(text: string, format: 'json' | 'yaml', file?: string): ReadEvidence {
  const parsed = parseEvidenceText(text, file ?? '');
  const src = file !== undefined ? { file } : {};
  const problems: EvidenceProblem[] = [];
  const syntax = parsed.issues.some((i) => i.code === 'E130');
  if (syntax || format === 'json') {
    const found = syntaxProblems(text, format, file);
    problems.push(...found);
    // The JSON format means JSON: YAML flow text written there (`{pue: 1.2}`) is a syntax error too.
    if (found.length > 0 && format === 'json' && !syntax) return { platforms: [], problems };
    if (syntax && found.length === 0) {
      for (const i of parsed.issues) if (i.code === 'E130') problems.push({ code: 'E130', severity: 'error', words: { code: i.code, args: i.args ?? {}, message: i.message }, ...src });
    }
  }
  const located = locate(text);
  for (const i of parsed.issues) {
    if (i.code === 'E130') continue;
    const where = located.length === 1 ? located[0] : undefined;
    const at = where && i.field !== '' ? (where.keys.get(i.field) ?? where.at) : undefined;
    problems.push({
      code: i.code,
      severity: severityOf(i.code),
      words: { code: i.code, args: i.args ?? {}, message: i.message },
      ...(at ? { at } : {}),
      ...src,
      ...(i.field !== '' ? { field: i.field } : {}),
    });
  }
  return { platforms: syntax ? [] : parsed.platforms, problems };
}

/**
 * The worker's schema issues of each platform (by its index in `platforms`), placed at the evidence key they concern
 * in `text` (the platform's own mapping when the key is not written).
 */
export function placeIssues(text: string, platforms: readonly PlatformDocOut[], issues: readonly EvidenceIssueOut[], file?: string): EvidenceProblem[] {
  const located = locate(text);
  return issues.map((i) => {
    const platform = platforms[i.index]?.platform;
    const where = located.find((l) => l.id === platform) ?? located[i.index];
    const top = i.field.split('.')[0] ?? '';
    const at = where ? (where.fields.get(top) ?? where.keys.get('evidence') ?? where.at) : undefined;
    return {
      code: i.code,
      severity: i.severity,
      words: { code: i.code, args: i.args, message: i.message },
      ...(at ? { at } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(platform !== undefined ? { platform } : {}),
      ...(i.field !== '' ? { field: i.field } : {}),
    };
  });
}
