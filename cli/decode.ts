// Decoding the bytes of a ruleset or evidence file as UTF-8, refusing anything else instead of guessing.
// In: the bytes read and the file's path. Out: the text, or a `CliError` naming the file, the byte offset and line of the
// first invalid byte, the encoding the bytes most likely are in, and the `iconv` command that converts them.

import { CliError } from './io';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of `bytes`; throws `notUtf8` when they are not valid UTF-8 (a replacement character never slips in). */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const encoding = guessEncoding(bytes);
    throw new CliError('notUtf8', { path, offset: String(offset), line: String(line), encoding: encoding.name, iconv: `iconv -f ${encoding.iconv} -t UTF-8 ${shellQuote(path)} > ${shellQuote(`${path}.utf8`)}` });
  }
}

/** `s` as one word for a POSIX shell. */
function shellQuote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

interface Guess {
  /** As shown to people. */
  readonly name: string;
  /** As `iconv -f` takes it. */
  readonly iconv: string;
}

function decodes(label: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding a non-UTF-8 file is most likely in. A byte-order mark says UTF-16; bytes above 0x7f that stand
 * mostly alone are a single-byte Western encoding (Latin-1, Windows-1252); runs of them are Chinese (GB18030,
 * the national standard, when the bytes are valid in it, else Big5).
 */
export function guessEncoding(bytes: Uint8Array): Guess {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'UTF-16LE', iconv: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'UTF-16BE', iconv: 'UTF-16' };
  let runs = 0;
  let single = 0;
  for (let i = 0; i < bytes.length; ) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    let j = i;
    while (j < bytes.length && (bytes[j] as number) >= 0x80) j++;
    runs++;
    if (j - i === 1) single++;
    i = j;
  }
  const latin1 = { name: 'Latin-1 (ISO-8859-1 / Windows-1252)', iconv: 'LATIN1' };
  if (runs > 0 && single * 2 >= runs) return latin1;
  if (decodes('gb18030', bytes)) return { name: 'GB18030', iconv: 'GB18030' };
  if (decodes('big5', bytes)) return { name: 'Big5', iconv: 'BIG5' };
  return latin1;
}
