// Comparison of two ruleset versions: the engine's semantic diff and impact (migration matrix, changed
// platforms and the diff entries that cause each move). In: a `compare` request. Out: a `Comparison`
// with display lines; never throws for bad input.

import type { Lang } from '../../../dsl/index';
import { impact as engineImpact } from '../../../engine/index';
import type { Comparison, ImpactRow, PlatformInput } from '../protocol';
import { diffLines, entryLine } from './features';
import { LiveCompiler } from './live';

const sides = { base: new LiveCompiler(), head: new LiveCompiler() };

export function compare(
  seq: number,
  baseText: string,
  headText: string,
  lang: Lang,
  platforms: readonly PlatformInput[],
): Comparison {
  // Each side keeps its last text: a comparison redone after an edit reparses the edited item of that side only.
  // "What changed" compares the text before an edit with the text after: the last head is the next base.
  const base = sides.head.peek(baseText) ?? sides.base.compile(baseText, 'base.assay').result;
  const head = sides.head.compile(headText, 'head.assay').result;
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
  // The decision alone (outcome, level, exact total): what a row shows, without thousands of indicators' detail.
  const impact: ImpactRow[] = docs.map((d) => {
    const ra = a.decide(d, { lang, messages: false });
    const rb = b.decide(d, { lang, messages: false });
    const c = changed.get(ra.platform);
    return {
      platform: ra.platform,
      ...(ra.name !== undefined ? { name: ra.name } : {}),
      before: { outcome: ra.outcome, level: ra.level, total: ra.total.toJSONNumber() },
      after: { outcome: rb.outcome, level: rb.level, total: rb.total.toJSONNumber() },
      ...(c ? { causes: c.causeIds.map((i) => entryLine(im.entries, i, lang)), interaction: c.interaction } : { causes: [] }),
    };
  });
  // The engine's square matrix: every standing of both versions on both axes.
  const rows = [...im.standings];
  const cells = im.cells.map((r) => [...r]);
  return { seq, errors, diff, impact, matrix: { rows, cols: rows, cells } };
}
