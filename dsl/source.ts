// Positions in source text: offsets (UTF-16 units, as in spans) to 1-based line and column, and lines back.
// In: the text and an offset. Out: `{ line, col }`; a line-start index makes each lookup O(log lines).

export interface LineCol {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units. */
  readonly col: number;
}

/** Line starts of one text, for repeated lookups. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Line and column of `offset` (clamped to the text). */
  lineCol(offset: number): LineCol {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: o - (this.starts[lo] ?? 0) + 1 };
  }

  /** Offset where 1-based `line` starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0;
  }

  /** The text of 1-based `line`, without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? (this.starts[line] ?? this.text.length) : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

let cached: LineIndex | undefined;

/** The (cached) line index of `text`; the last text's index is kept, so repeated lookups are fast. */
export function lineIndex(text: string): LineIndex {
  if (cached?.text !== text) cached = new LineIndex(text);
  return cached;
}

/** 1-based line and column of `offset` in `text`. */
export function lineCol(text: string, offset: number): LineCol {
  return lineIndex(text).lineCol(offset);
}

/**
 * Terminal columns of one character: East Asian wide and full-width forms take two, control and combining
 * characters none, everything else one. (Tabs are the renderer's business.)
 */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 32 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || c === 0x200b) return 0;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Terminal columns of a string (sum of `charWidth`). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}
