// A corpus file cut into batches of lines as raw bytes: the main thread never decodes or parses a record.
// In: an open file descriptor and the longest line allowed. Out: batches of whole lines (UTF-8 bytes, a view of the
// reader's buffer), each line longer than the limit stood in for by an empty line and listed with its length; on the
// side that assesses them, the lines as strings — the same strings a streaming UTF-8 decoder of the file gives.
//
// Lines end at '\n' (a '\r' before it is dropped); the last line of a file may have no '\n'. A UTF-8 sequence never
// contains the byte '\n', so decoding line by line gives the text that decoding the whole file would give. A UTF-8
// byte order mark at the start of the file is not part of line 1. Memory is bounded by the limit whatever the file:
// the bytes of a line longer than it are counted and dropped as they are read, never kept.

import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';

const NL = 10;
const CR = 13;
/** Bytes read at a time; the buffer grows (doubling) only for a line longer than it. */
const CHUNK = 1 << 20;

/** One batch: its bytes (whole lines, each with its '\n') and how many lines they hold. */
export interface ByteBatch {
  /** A view of the reader's buffer, valid until the next call of `next`. */
  readonly bytes: Uint8Array;
  readonly lines: number;
  /** Lines longer than the limit, as [index of the line in the batch, its length in bytes]; each is empty in `bytes`. */
  readonly oversize: readonly (readonly [number, number])[];
}

export class LineReader {
  private buf: Buffer = Buffer.allocUnsafeSlow(CHUNK);
  private start = 0;
  private end = 0;
  private eof = false;
  private begun = false;
  /** Bytes read from the file so far (for a progress bar). */
  bytesRead = 0;

  /** `maxLine`: the most bytes a line may have (without its '\n'). */
  constructor(
    private readonly fd: number,
    private readonly maxLine = Infinity,
  ) {}

  /**
   * The next `max` lines, or fewer: at the end of the file, or once they hold `maxBytes` (at least one line, however
   * long), so that a batch of long records stays small. Undefined when there are none left.
   */
  next(max: number, maxBytes = Infinity): ByteBatch | undefined {
    if (!this.begun) this.begin();
    let count = 0;
    let pos = this.start;
    const oversize: [number, number][] = [];
    while (count < max && pos - this.start < maxBytes) {
      const nl = pos < this.end ? this.buf.indexOf(NL, pos) : -1;
      if (nl >= 0 && nl < this.end) {
        if (nl - pos > this.maxLine) {
          // The whole line is buffered: close the gap it leaves, keeping its '\n'.
          oversize.push([count, nl - pos]);
          this.buf.copy(this.buf, pos, nl, this.end);
          this.end -= nl - pos;
          pos++;
        } else pos = nl + 1;
        count++;
        continue;
      }
      if (this.end - pos > this.maxLine) {
        const skipped = this.skipLine(pos);
        pos -= skipped.moved;
        oversize.push([count, skipped.length]);
        pos++;
        count++;
        continue;
      }
      if (this.eof) {
        if (pos < this.end) {
          pos = this.end;
          count++;
        }
        break;
      }
      pos -= this.fill();
    }
    if (count === 0) return undefined;
    const bytes = this.buf.subarray(this.start, pos);
    this.start = pos;
    return { bytes, lines: count, oversize };
  }

  /** Reads the first bytes and steps over a byte order mark. */
  private begin(): void {
    this.begun = true;
    while (this.end < 3 && !this.eof) this.fill();
    if (this.end >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.start = 3;
  }

  /**
   * Drops the line that starts at `pos` (longer than the limit, no '\n' buffered yet) up to and including its '\n',
   * reading and counting its bytes without keeping them, and leaves a '\n' in its place. Returns by how much the
   * buffered bytes moved to the front, and the line's length.
   */
  private skipLine(pos: number): { moved: number; length: number } {
    let length = this.end - pos;
    this.end = pos;
    const moved = this.compact();
    const at = pos - moved;
    for (;;) {
      if (this.end === this.buf.length) this.grow();
      const n = this.read();
      if (n === 0) break;
      const nl = this.buf.subarray(at, at + n).indexOf(NL);
      if (nl < 0) {
        length += n;
        this.end = at;
        continue;
      }
      length += nl;
      // Keep what follows the line's '\n' (the '\n' itself included, as the line's stand-in).
      this.buf.copy(this.buf, at, at + nl, at + n);
      this.end = at + n - nl;
      return { moved, length };
    }
    this.buf[at] = NL;
    this.end = at + 1;
    return { moved, length };
  }

  /** Reads more of the file after what is buffered; returns by how much the buffered bytes moved to the front. */
  private fill(): number {
    const moved = this.compact();
    if (this.end === this.buf.length) this.grow();
    this.read();
    return moved;
  }

  /** Moves the buffered bytes to the front of the buffer; returns by how much. */
  private compact(): number {
    const moved = this.start;
    if (moved > 0) {
      this.buf.copy(this.buf, 0, this.start, this.end);
      this.end -= moved;
      this.start = 0;
    }
    return moved;
  }

  private grow(): void {
    const bigger = Buffer.allocUnsafeSlow(this.buf.length * 2);
    this.buf.copy(bigger, 0, 0, this.end);
    this.buf = bigger;
  }

  /** Reads into the free end of the buffer; returns the bytes read (0 at the end of the file). */
  private read(): number {
    const n = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (n === 0) this.eof = true;
    this.end += n;
    this.bytesRead += n;
    return n;
  }
}

/**
 * Visits the lines of a batch as text, without their '\n' and a '\r' before it (a last line without '\n' keeps its
 * '\r'), one at a time: each string can die young.
 */
export function eachLine(bytes: Uint8Array, visit: (line: string, index: number, notUtf8?: Uint8Array) => void): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let s = 0;
  let k = 0;
  while (s < b.length) {
    const nl = b.indexOf(NL, s);
    const e = nl < 0 ? b.length : nl > s && b[nl - 1] === CR ? nl - 1 : nl;
    const line = b.toString('utf8', s, e);
    // A replacement character is either written in the line or stands for bytes that are not UTF-8: the bytes say.
    const raw = line.includes('\uFFFD') && !isUtf8(b.subarray(s, e)) ? b.subarray(s, e) : undefined;
    if (raw === undefined) visit(line, k);
    else visit(line, k, raw);
    if (nl < 0) return;
    k++;
    s = nl + 1;
  }
}

/** The first line of a batch as text (as `eachLine` gives it). */
export function firstLine(bytes: Uint8Array): string {
  let line = '';
  eachLine(bytes.subarray(0, bytes.indexOf(NL) + 1 || bytes.length), (l) => (line = l));
  return line;
}
