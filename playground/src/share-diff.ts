// Line edits that turn one text into another, for share links that refer to a bundled ruleset instead of carrying
// the whole text. In: a base text and the text wanted. Out: `LineEdit`s (Myers' shortest edit script over lines, the
// common head and tail skipped first), or undefined past `maxEdits`; `applyLineEdits` puts them back (checked).

/** At base line `at`, `remove` lines are replaced by `insert` (positions in the base, in increasing order). */
export type LineEdit = readonly [at: number, remove: number, insert: readonly string[]];

/** The edits from `base` to `text`, by lines; undefined when they need more than `maxEdits` inserted/removed lines. */
export function lineEdits(base: string, text: string, maxEdits = 400): LineEdit[] | undefined {
  const a = base.split('\n');
  const b = text.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const script = myers(x0, y0, maxEdits);
  if (!script) return undefined;
  // Group the removed and inserted lines of each stretch into one edit.
  const edits: [number, number, string[]][] = [];
  let last: [number, number, string[]] | undefined;
  for (const op of script) {
    const at = head + op.x;
    if (!last || last[0] + last[1] !== at) {
      last = [at, 0, []];
      edits.push(last);
    }
    if (op.kind === 'remove') last[1]++;
    else last[2].push(y0[op.y] ?? '');
  }
  return edits;
}

type Op = { readonly kind: 'remove' | 'insert'; readonly x: number; readonly y: number };

/** Myers' O(ND) shortest edit script: removals of `a[x]` and insertions of `b[y]` before `a[x]`, in order. */
function myers(a: readonly string[], b: readonly string[], maxD: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0)) ? (v[off + k + 1] ?? 0) : (v[off + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, off, n, m, d);
    }
  }
  return undefined;
}

/** The ops of the path found at `dEnd`: `trace[d]` holds the furthest x of each diagonal before step d. */
function backtrack(trace: readonly Int32Array[], off: number, n: number, m: number, dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d];
    if (!v) break;
    const k = x - y;
    const down = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0));
    const pk = down ? k + 1 : k - 1;
    const px = v[off + pk] ?? 0;
    const py = px - pk;
    // Step d went from (px, py) down (insert b[py]) or right (remove a[px]); the snake after it matched lines.
    ops.push({ kind: down ? 'insert' : 'remove', x: px, y: py });
    x = px;
    y = py;
  }
  return ops.reverse();
}

/** `base` with `edits` applied; undefined when an edit does not fit it (out of range or out of order). */
export function applyLineEdits(base: string, edits: unknown): string | undefined {
  if (!Array.isArray(edits)) return undefined;
  const a = base.split('\n');
  const out: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (!Array.isArray(e) || e.length !== 3) return undefined;
    const [start, remove, insert] = e as unknown[];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(remove) || !Array.isArray(insert) || !insert.every((l) => typeof l === 'string')) return undefined;
    const s = start as number;
    const r = remove as number;
    if (s < at || r < 0 || s + r > a.length) return undefined;
    out.push(...a.slice(at, s), ...(insert as string[]));
    at = s + r;
  }
  out.push(...a.slice(at));
  return out.join('\n');
}
