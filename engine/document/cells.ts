// The text of the document's table cells, decided once for every renderer and for the revision table: bands and
// mappings (`≥1000: 100; ≥300: 80; else 20`), methods with notes (`TT (on ≥5% of nodes), OS, DR`), type and unit
// with applicability, direction arrows, and an indicator summarised on one line. In: document data and a language.
// Out: plain text (renderers escape it).

import type { Lang } from '../../dsl/ast';
import type { IndicatorEntry, MethodCite, ScoreRow, ScoringView } from './model';
import { dsay } from './words';

/** `; ` between the rows of a band list and the parts of a cell (the standard's tables use it in every language). */
export const ROW_SEP = '; ';

/** A band or mapping row: `≥1000: 100`, `full: 100`, `else 20`. */
export function scoreRowText(r: ScoreRow, lang: Lang): string {
  return r.otherwise ? dsay(lang, 'elseBand', { points: r.points }) : `${r.cond}: ${r.points}`;
}

/** The scoring of an indicator on one line. */
export function scoringText(s: ScoringView, lang: Lang): string {
  switch (s.kind) {
    case 'bands':
    case 'map':
      return s.rows.map((r) => scoreRowText(r, lang)).join(ROW_SEP);
    case 'formula':
      return dsay(lang, 'formula', { expr: s.text });
    case 'none':
      return dsay(lang, 'noScoring');
  }
}

/** A method with its note in parentheses (a note may hold commas, so the list stays readable): `TT (GB/T 45087)`. */
export function methodText(m: MethodCite): string {
  return m.note !== undefined ? `${m.id} (${m.note})` : m.id;
}

export function methodsText(ms: readonly MethodCite[]): string {
  return ms.length === 0 ? '—' : ms.map(methodText).join(', ');
}

/** `↑` higher is better, `↓` lower is better, `—` not stated. */
export function directionText(d: IndicatorEntry['direction']): string {
  return d === 'higher' ? '↑' : d === 'lower' ? '↓' : '—';
}

/** Type and unit, then applicability and former ids: `number ≥ 0, PFLOPS; applies only when offers_fp64`. */
export function typeUnitText(i: IndicatorEntry, lang: Lang): string {
  const parts = [i.unit !== undefined ? `${i.type}, ${i.unit}` : i.type];
  if (i.applies !== undefined) parts.push(dsay(lang, 'appliesWhen', { cond: i.applies }));
  if (i.formerly.length > 0) parts.push(dsay(lang, 'formerly', { ids: i.formerly.join(', ') }));
  return parts.join(ROW_SEP);
}

/** An indicator on one line, for the revision table: id and name, type, direction, bands, methods, basis, weight. */
export function indicatorSummary(i: IndicatorEntry, lang: Lang): string {
  const parts = [
    `${i.id} ${i.label}`.trim(),
    typeUnitText(i, lang),
    directionText(i.direction),
    `${dsay(lang, 'colBands')}: ${scoringText(i.scoring, lang)}`,
    `${dsay(lang, 'colMethods')}: ${methodsText(i.methods)}`,
    ...(i.basis !== undefined ? [`${dsay(lang, 'colBasis')}: ${i.basis}`] : []),
    dsay(lang, 'weightIs', { w: i.weight }),
  ];
  return parts.join(ROW_SEP);
}
