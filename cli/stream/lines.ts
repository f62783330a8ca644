// A corpus file cut into batches of lines as raw bytes: the main thread never decodes or parses a record.
// In: an open file descriptor. Out: batches of whole lines (UTF-8 bytes, a view of the reader's buffer) and, on the
// side that assesses them, the lines as strings — the same strings a streaming UTF-8 decoder of the file gives.
//
// Lines end at '\n' (a '\r' before it is dropped); the last line of a file may have no '\n'. A UTF-8 sequence never
// contains the byte '\n', so decoding line by line gives the text that decoding the whole file would give.

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
}

export class LineReader {
  private buf: Buffer = Buffer.allocUnsafeSlow(CHUNK);
  private start = 0;
  private end = 0;
  private eof = false;
  /** Bytes read from the file so far (for a progress bar). */
  bytesRead = 0;

  constructor(private readonly fd: number) {}

  /**
   * The next `max` lines, or fewer: at the end of the file, or once they hold `maxBytes` (at least one line, however
   * long), so that a batch of long records stays small. Undefined when there are none left.
   */
  next(max: number, maxBytes = Infinity): ByteBatch | undefined {
    let count = 0;
    let pos = this.start;
    while (count < max && pos - this.start < maxBytes) {
      const nl = pos < this.end ? this.buf.indexOf(NL, pos) : -1;
      if (nl >= 0 && nl < this.end) {
        pos = nl + 1;
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
    return { bytes, lines: count };
  }

  /** Reads more of the file after what is buffered; returns by how much the buffered bytes moved to the front. */
  private fill(): number {
    const moved = this.start;
    if (moved > 0) {
      this.buf.copy(this.buf, 0, this.start, this.end);
      this.end -= moved;
      this.start = 0;
    }
    if (this.end === this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    const n = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (n === 0) this.eof = true;
    this.end += n;
    this.bytesRead += n;
    return moved;
  }
}

/**
 * Visits the lines of a batch as text, without their '\n' and a '\r' before it (a last line without '\n' keeps its
 * '\r'), one at a time: each string can die young.
 */
export function eachLine(bytes: Uint8Array, visit: (line: string, index: number) => void): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let s = 0;
  let k = 0;
  while (s < b.length) {
    const nl = b.indexOf(NL, s);
    if (nl < 0) {
      visit(b.toString('utf8', s, b.length), k);
      return;
    }
    visit(b.toString('utf8', s, nl > s && b[nl - 1] === CR ? nl - 1 : nl), k++);
    s = nl + 1;
  }
}

/** The first line of a batch as text (as `eachLine` gives it). */
export function firstLine(bytes: Uint8Array): string {
  let line = '';
  eachLine(bytes.subarray(0, bytes.indexOf(NL) + 1 || bytes.length), (l) => (line = l));
  return line;
}
