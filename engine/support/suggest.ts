// "Did you mean …?" suggestions for unknown names.
// In: a misspelt name and the candidate names in scope. Out: the closest candidate within a small edit distance.

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= t.length; j++) {
      if (i === 0) row.push(j);
      else if (j === 0) row.push(i);
      else {
        const prev = rows[i - 1] as number[];
        const cost = s[i - 1] === t[j - 1] ? 0 : 1;
        let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
        if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
          d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
        }
        row.push(d);
      }
    }
    rows.push(row);
  }
  return (rows[s.length] as number[])[t.length] as number;
}

/**
 * The candidate closest to `name`, if it is close enough to be a likely typo: at most a third of the
 * name's length (at least 1, at most 3) edits away. Ties keep the earlier candidate.
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    if (Math.abs(c.length - name.length) > limit) continue;
    const d = editDistance(name, c);
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
