// File access for the CLI: reading rulesets by path or registry reference, and collecting evidence files.
// In: command-line paths and references. Out: texts with their paths, or a `CliError` that names the path
// and the reason in the user's language (exit code 1). The engine never touches the file system.

import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeader, parseRuleset, type ParseResult } from '../dsl/index';
import {
  compileRuleset,
  type CompileResult,
  rulesetHash,
  isReference,
  resolveReference,
  sortEntries,
  type RegistryEntry,
} from '../engine/index';
import { decodeUtf8 } from './decode';
import type { Key } from './i18n';

export class CliError extends Error {
  constructor(
    readonly key: Key,
    readonly args: Record<string, string> = {},
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(key);
  }
}

/** A positive whole number from the environment variable `name` (a limit tests set small), else `fallback`. */
export function envLimit(name: string, fallback: number): number {
  const v = process.env[name];
  const n = Number(v);
  return v !== undefined && v.trim() !== '' && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** Largest file the CLI reads whole (rulesets and evidence; ASSAY_MAX_FILE_BYTES); the engine has its own, smaller limits. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const READ_CHUNK = 1 << 20;

/**
 * A file's text, read in chunks and counted: reading stops at the limit, whatever `stat` says (`/dev/zero`, a pipe,
 * a file that grows while read).
 */
export function readText(path: string): string {
  const limit = envLimit('ASSAY_MAX_FILE_BYTES', MAX_FILE_BYTES);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError('cannotRead', { path, reason: code === 'ENOENT' ? 'no such file' : String(code ?? e) });
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CliError('cannotRead', { path, reason: 'is a folder' });
    if (st.isFile() && st.size > limit) throw new CliError('fileTooLarge', { path, limit: String(limit) });
    return readCounted(fd, path, limit);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError('cannotRead', { path, reason: String(code ?? e) });
  } finally {
    closeSync(fd);
  }
}

/** The UTF-8 text of an open file, pipe or device, read in chunks and counted: stops one byte past `limit`. */
function readCounted(fd: number, path: string, limit: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // One byte past the limit is enough to know the input is over it.
    const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      // A non-blocking pipe with nothing yet: wait for it (standard input from another process).
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw new CliError('fileTooLarge', { path, limit: String(limit) });
    chunks.push(buf.subarray(0, n));
  }
  return decodeUtf8(Buffer.concat(chunks, total), path);
}

/** The package's own folder (dist/cli/assay.js → package root), for the bundled rulesets. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rulesets'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The registry folder: `--registry`, else `$ASSAY_RULESETS`, else `./rulesets`, else the package's own. */
export function registryDir(explicit: string | undefined): string {
  if (explicit) return resolve(explicit);
  const env = process.env['ASSAY_RULESETS'];
  if (env) return resolve(env);
  const local = resolve('rulesets');
  if (existsSync(local) && statSync(local).isDirectory()) return local;
  return join(packageRoot(), 'rulesets');
}

/** Headers read for resolving references, by registry folder (a command resolving two references reads it once). */
const HEADERS = new Map<string, RegistryEntry[]>();

/**
 * The text of each file the scan for headers read (and its whole parse, when the header could not be read alone), by
 * path, until a reference takes it: the ruleset a reference names is then not read (or parsed) again. Taken once: a
 * second reference to it reads the file afresh.
 */
const SCANNED = new Map<string, { readonly text: string; readonly parsed?: ParseResult }>();

/**
 * The registry's entries from their headers alone (parsed, not compiled: resolving `id@version` needs only id,
 * version and status; compiling every version for it cost 0.6 s of `assay impact`). Read once per folder.
 */
function registryHeaders(dir: string): RegistryEntry[] {
  const known = HEADERS.get(dir);
  if (known) return known;
  const entries = listRegistry(dir, false);
  HEADERS.set(dir, entries);
  return entries;
}

/**
 * Every `<dir>/<id>/<version>.assay` with its identity read from the file's header. `compile: false` only
 * parses (the hash is then computed when read, and a file with errors is not marked).
 */
export function listRegistry(dir: string, compile = true): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  let ids: string[] = [];
  try {
    ids = readdirSync(dir);
  } catch {
    return entries;
  }
  for (const id of ids) {
    const sub = join(dir, id);
    if (!statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub)) {
      if (!f.endsWith('.assay')) continue;
      const path = join(sub, f);
      if (!compile) {
        // The header alone (the file is parsed whole only when its hash is read, or when the header cannot be
        // read alone): finding one ruleset does not parse every file of the registry. The text (and a whole parse
        // when one was made) is kept for the reference that takes it.
        const text = readText(path);
        const header = parseHeader(text);
        const parsed = header === undefined ? parseRuleset(text) : undefined;
        SCANNED.set(path, parsed ? { text, parsed } : { text });
        const ast = header ?? (parsed as ParseResult).ast;
        let hash: string | undefined;
        entries.push({
          identity: {
            id: ast.id.value,
            version: ast.header.version?.value ?? f.slice(0, -'.assay'.length),
            status: ast.header.status?.value ?? 'draft',
            ...(ast.header.date ? { date: ast.header.date.text } : {}),
            get hash(): string {
              return (hash ??= rulesetHash(parseRuleset(text).ast));
            },
          },
          path,
        });
        continue;
      }
      const { ruleset, ast } = compileRuleset(readText(path), { path });
      const identity = ruleset?.identity ?? {
        id: ast.id.value,
        version: ast.header.version?.value ?? f.slice(0, -'.assay'.length),
        status: ast.header.status?.value ?? 'draft',
        ...(ast.header.date ? { date: ast.header.date.text } : {}),
        hash: '(has errors)',
      };
      entries.push({ identity, path });
    }
  }
  return sortEntries(entries);
}

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** Its parse, when the registry scan already made it (`compileRuleset`'s `parsed`). */
  readonly parsed?: ParseResult;
}

/** Compiles a ruleset's source: from the registry scan's parse when there is one (the same parse `compileRuleset` makes). */
export function compileSource(src: SourceFile): CompileResult {
  return compileRuleset(src.text, { path: src.path, ...(src.parsed ? { parsed: src.parsed } : {}) });
}

/** What a `-` argument names: standard input, read whole (the command line allows one `-`). */
export const STDIN_PATH = '<stdin>';

function readStdin(): string {
  try {
    return readCounted(0, STDIN_PATH, envLimit('ASSAY_MAX_FILE_BYTES', MAX_FILE_BYTES));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError('cannotRead', { path: STDIN_PATH, reason: String((e as NodeJS.ErrnoException).code ?? e) });
  }
}

/** A ruleset argument: a file path, `-` (standard input), or a registry reference such as `csp-assessment@latest`. */
export function loadRulesetSource(arg: string, registry: string | undefined): SourceFile {
  if (arg === '-') return { path: STDIN_PATH, text: readStdin() };
  if (!isReference(arg) || existsSync(arg)) return { path: arg, text: readText(arg) };
  const dir = registryDir(registry);
  const r = resolveReference(arg, registryHeaders(dir));
  if (r.ok) {
    const path = relative(process.cwd(), r.entry.path) || r.entry.path;
    const scanned = SCANNED.get(r.entry.path);
    if (!scanned) return { path, text: readText(r.entry.path) };
    SCANNED.delete(r.entry.path);
    return { path, text: scanned.text, ...(scanned.parsed ? { parsed: scanned.parsed } : {}) };
  }
  const version = arg.slice(arg.lastIndexOf('@') + 1);
  switch (r.reason) {
    case 'unknown-id':
      throw new CliError('unknownId', { id: r.id, registry: dir, known: r.known.join(', ') || '-' });
    case 'unknown-version':
      throw new CliError('unknownVersion', { id: r.id, version, versions: r.versions.join(', ') });
    case 'no-published':
      throw new CliError('noPublished', { id: r.id, versions: r.versions.join(', ') });
    case 'no-draft':
      throw new CliError('noDraft', { id: r.id, versions: r.versions.join(', ') });
  }
}

const EVIDENCE_EXT = new Set(['.yaml', '.yml', '.json']);

/** Evidence files named on the command line; a folder means its .yaml, .yml and .json files, sorted; `-` stdin. */
export function collectEvidence(paths: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push({ path: STDIN_PATH, text: readStdin() });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new CliError('cannotRead', { path: p, reason: 'no such file or folder' });
    }
    if (st.isDirectory()) {
      const names = readdirSync(p)
        .filter((n) => EVIDENCE_EXT.has(extname(n).toLowerCase()))
        .sort();
      if (names.length === 0) throw new CliError('noEvidenceInFolder', { path: p });
      for (const n of names) files.push({ path: join(p, n), text: readText(join(p, n)) });
    } else {
      files.push({ path: p, text: readText(p) });
    }
  }
  return files;
}
