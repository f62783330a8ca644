// Comparison of two ruleset versions: the engine's semantic diff and impact (migration matrix, changed
// platforms and the diff entries that cause each move). In: a `compare` request. Out: a `Comparison`
// with display lines; never throws for bad input.

import type { Lang } from '../../../dsl/ast';
import { impact as engineImpact } from '../../../engine/impact';
import type { Comparison, ImpactRow, PlatformInput } from '../protocol';
import { compile } from './engine-bridge';
import { diffLines, entryLine } from './features';

const NOT_GRADED = ['vetoed', 'not_rated', 'invalid'];

function order(keys: Iterable<string>, preferred: readonly string[]): string[] {
  const set = new Set(keys);
  const head = preferred.filter((k) => set.has(k));
  const rest = [...set].filter((k) => !preferred.includes(k)).sort();
  return [...head, ...rest];
}

function ladder(levels: readonly { id: string }[] | undefined, fallback: { id: string } | undefined): string[] {
  return [...(levels ?? []).map((l) => l.id), ...(fallback ? [fallback.id] : []), ...NOT_GRADED];
}

export function compare(
  seq: number,
  baseText: string,
  headText: string,
  lang: Lang,
  platforms: readonly PlatformInput[],
): Comparison {
  const base = compile(baseText, 'base.assay');
  const head = compile(headText, 'head.assay');
  const errors: ('base' | 'head')[] = [];
  if (!base.ruleset) errors.push('base');
  if (!head.ruleset) errors.push('head');
  if (!base.ruleset || !head.ruleset) return { seq, errors };
  const a = base.ruleset;
  const b = head.ruleset;
  const docs = platforms.map((p) => ({ platform: p.platform, ...(p.name !== undefined ? { name: p.name } : {}), evidence: p.evidence }));
  const im = engineImpact(a, b, docs);
  const diff = diffLines(im.entries, lang);
  const changed = new Map(im.changed.map((c) => [c.platform, c]));
  const impact: ImpactRow[] = docs.map((d) => {
    const ra = a.assess(d, { lang });
    const rb = b.assess(d, { lang });
    const c = changed.get(ra.platform);
    return {
      platform: ra.platform,
      ...(ra.name !== undefined ? { name: ra.name } : {}),
      before: { outcome: ra.outcome, level: ra.level, total: ra.total.toJSONNumber() },
      after: { outcome: rb.outcome, level: rb.level, total: rb.total.toJSONNumber() },
      ...(c ? { causes: c.causeIds.map((i) => entryLine(im.entries, i, lang)), interaction: c.interaction } : { causes: [] }),
    };
  });
  const rows = order(
    im.matrix.map((m) => m.from),
    ladder(a.model.ladder?.levels, a.model.ladder?.fallback),
  );
  const cols = order(
    im.matrix.map((m) => m.to),
    ladder(b.model.ladder?.levels, b.model.ladder?.fallback),
  );
  const cells = rows.map((r) => cols.map((c) => im.matrix.find((m) => m.from === r && m.to === c)?.count ?? 0));
  return { seq, errors, diff, impact, matrix: { rows, cols, cells } };
}
