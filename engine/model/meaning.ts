// Which parts of a declaration carry meaning. Labels, units, notes and bases are read by people (explanations, the
// document, the evidence template), never by evaluation; spans say where a node is, not what it means. In: two AST
// nodes (plain data). Out: whether every assessment of every platform is the same under either — so an editor may
// keep the results it has across an edit of a label (playground/src/worker/live.ts).

/** Keys of AST nodes that evaluation never reads. */
const PRESENTATION: ReadonlySet<string> = new Set(['span', 'label', 'unit', 'note', 'basis', 'title']);

/** True when `a` and `b` are equal once spans, labels, units, notes and bases are left out. */
export function sameMeaning(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameMeaning(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x).filter((k) => !PRESENTATION.has(k) && x[k] !== undefined);
  const ky = Object.keys(y).filter((k) => !PRESENTATION.has(k) && y[k] !== undefined);
  if (kx.length !== ky.length) return false;
  for (const k of kx) {
    if (!Object.hasOwn(y, k) || !sameMeaning(x[k], y[k])) return false;
  }
  return true;
}
