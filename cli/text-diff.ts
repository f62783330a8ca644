// A small unified line diff for `assay fmt --check`: shows what the formatter would change.
// In: two texts. Out: unified-diff text with 2 lines of context (empty when equal).

export function unifiedDiff(a: string, b: string, nameA: string, nameB: string, context = 2): string {
  if (a === b) return '';
  const x = a.split('\n');
  const y = b.split('\n');
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const xs = x.slice(pre, x.length - suf);
  const ys = y.slice(pre, y.length - suf);
  // LCS table over the differing middle only (small for formatter changes).
  const n = xs.length;
  const m = ys.length;
  if (n * m > 4_000_000) {
    return [`--- ${nameA}`, `+++ ${nameB}`, `@@ -${pre + 1},${n} +${pre + 1},${m} @@`, ...xs.map((l) => `-${l}`), ...ys.map((l) => `+${l}`)].join('\n');
  }
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = L[i]!;
    const next = L[i + 1]!;
    for (let j = m - 1; j >= 0; j--) row[j] = xs[i] === ys[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
  }
  type Op = { t: ' ' | '-' | '+'; line: string };
  const ops: Op[] = [];
  for (let k = Math.max(0, pre - context); k < pre; k++) ops.push({ t: ' ', line: x[k]! });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && xs[i] === ys[j]) {
      ops.push({ t: ' ', line: xs[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || L[i]![j + 1]! >= L[i + 1]![j]!)) {
      ops.push({ t: '+', line: ys[j]! });
      j++;
    } else {
      ops.push({ t: '-', line: xs[i]! });
      i++;
    }
  }
  for (let k = x.length - suf; k < Math.min(x.length, x.length - suf + context); k++) ops.push({ t: ' ', line: x[k]! });
  const startA = Math.max(0, pre - context) + 1;
  const countA = ops.filter((o) => o.t !== '+').length;
  const countB = ops.filter((o) => o.t !== '-').length;
  return [`--- ${nameA}`, `+++ ${nameB}`, `@@ -${startA},${countA} +${startA},${countB} @@`, ...ops.map((o) => o.t + o.line)].join('\n');
}
