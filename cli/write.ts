// Writing output files safely: every file is written to a temporary file in the destination's folder and then put
// in place, so a full disk, a file-size limit or a crash never leaves a cut file. In: a path, the text and whether
// an existing file may be replaced. Out: the file, or a `CliError` (exit 1) with the reason in the user's words.

import { closeSync, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Lang } from '../dsl/index';
import { t, type Key } from './i18n';
import { CliError } from './io';

export interface WriteOptions {
  /** Replace what is at the path (a file, or the symlink itself, which is not followed). */
  readonly force: boolean;
  /** Permission bits for the new file (default: 0o666 less the umask). */
  readonly mode?: number;
}

/** True when something — a file, a folder, a symlink even if it points nowhere — is at `path`. */
export function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const REASON: Readonly<Record<string, Key>> = {
  ENOSPC: 'reasonNoSpace',
  EDQUOT: 'reasonNoSpace',
  EFBIG: 'reasonTooLarge',
  EACCES: 'reasonDenied',
  EPERM: 'reasonDenied',
  EROFS: 'reasonReadOnlyFs',
  ENOENT: 'reasonNoFolder',
  ENOTDIR: 'reasonNoFolder',
  EISDIR: 'reasonIsFolder',
};

/** An error of the file system as a reason in `lang`: known codes in words (with the code), others as the code. */
export function ioReason(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const key = code === undefined ? undefined : REASON[code];
  return key ? `${t(lang, key)} (${code})` : String(code ?? e);
}

/**
 * Writes `text` to `path` through a temporary file beside it. Without `force` the file is put in place by a hard link,
 * which fails when anything is at the path (no window between a check and the write, and a dangling symlink is not
 * followed); with `force` it is renamed over what is there. The temporary file is removed on any failure.
 */
export function writeFileSafely(path: string, text: string | Uint8Array, opts: WriteOptions, lang: Lang): void {
  if (!opts.force && occupied(path)) throw new CliError('outExists', { path });
  const dir = dirname(path);
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    for (let attempt = 0; tmp === undefined; attempt++) {
      const name = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
      try {
        fd = openSync(name, 'wx', opts.mode ?? 0o666);
        tmp = name;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 8) throw e;
      }
    }
    if (opts.mode !== undefined) fchmodSync(fd as number, opts.mode);
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd as number, bytes, at, bytes.length - at);
    fsyncSync(fd as number);
    closeSync(fd as number);
    fd = undefined;
    if (opts.force) renameSync(tmp, path);
    else {
      if (placeExclusively(tmp, path)) unlinkSync(tmp);
    }
    tmp = undefined;
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    if (tmp !== undefined) unlinkQuietly(tmp);
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError('outExists', { path });
    throw new CliError('cannotWrite', { path, reason: ioReason(e, lang) });
  }
}

/**
 * Rewrites an existing file in place (`fmt --write`): the file a symlink points to is the one rewritten, its
 * permission bits are kept, and a file without write permission is refused rather than replaced.
 */
export function rewriteFile(path: string, text: string, lang: Lang): void {
  let real: string;
  let mode: number;
  try {
    real = realpathSync(path);
    mode = statSync(real).mode & 0o7777;
  } catch (e) {
    throw new CliError('cannotWrite', { path, reason: ioReason(e, lang) });
  }
  if ((mode & 0o222) === 0) throw new CliError('cannotWrite', { path, reason: t(lang, 'reasonReadOnlyFile') });
  writeFileSafely(real, text, { force: true, mode }, lang);
}

/**
 * Links `tmp` at `path`, failing if anything is there; on a file system without hard links, a check and a rename.
 * True when `tmp` is still there (linked) and is the caller's to remove.
 */
function placeExclusively(tmp: string, path: string): boolean {
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw e;
    if (occupied(path)) throw new CliError('outExists', { path });
    renameSync(tmp, path);
    return false;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already failing; the first error is the one to report
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already failing; the first error is the one to report
  }
}
