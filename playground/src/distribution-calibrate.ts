// Threshold calibration: the numeric bounds a handle can drag — each level's `total >= N` and each band's
// `>= N` / `< N` bound — and the text edit a new value makes. In: the parsed AST and its text. Out: the bounds,
// with a slider range, and edits made by the Tables tab's route (`editFor`), so the layout elsewhere stays as written.

import type * as A from '../../dsl/index';
import { parseRuleset } from '../../dsl/index';
import { editFor, findIndicator, ladder, type CellRef, type EditResult } from './table-edit';

export interface Bound {
  /** Stable across edits of the value (`level:L5:0`, `band:total_compute_scale:2`). */
  readonly key: string;
  readonly cell: CellRef;
  /** What is written before the number (`total >=`, `>=`). */
  readonly head: string;
  readonly value: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

const src = (text: string, s: A.Span): string => text.slice(s.start, s.end);
const decimals = (n: string): number => /\.(\d+)$/.exec(n)?.[1]?.length ?? 0;
const stepOf = (n: string): number => 10 ** -decimals(n);

/** The levels' `total <op> N` requirements (the level ladder's thresholds). */
export function levelBounds(ast: A.Ruleset, text: string): Bound[] {
  const top = ast.header.total ? Number(ast.header.total.text) : 100;
  const out: Bound[] = [];
  for (const level of ladder(ast)?.levels ?? []) {
    level.requires.forEach((r, index) => {
      if (r.kind !== 'Compare' || r.left.kind !== 'Total' || r.right.kind !== 'Num') return;
      const value = r.right.text;
      out.push({
        key: `level:${level.id.name}:${index}`,
        cell: { kind: 'require', owner: 'level', id: level.id.name, index },
        head: `${src(text, r.left.span)} ${r.op}`,
        value,
        min: 0,
        max: Math.max(top, Number(value)),
        step: stepOf(value),
      });
    });
  }
  return out;
}

/** Indicators scored by bands with a numeric bound (ids in source order). */
export function bandedIndicators(ast: A.Ruleset): string[] {
  const out: string[] = [];
  for (const item of ast.items) {
    if (item.kind !== 'Dimension') continue;
    for (const ind of item.indicators) {
      const s = ind.scoring;
      if (s?.kind === 'Bands' && s.bands.some((b) => b.cond.kind === 'Compare' && b.cond.bound.kind === 'Num')) out.push(ind.id.name);
    }
  }
  return out;
}

/** One indicator's band bounds; the range runs from 0 to twice the largest bound. */
export function bandBounds(ast: A.Ruleset, indicator: string): Bound[] {
  const s = findIndicator(ast, indicator)?.ind.scoring;
  if (s?.kind !== 'Bands') return [];
  const nums = s.bands.flatMap((b) => (b.cond.kind === 'Compare' && b.cond.bound.kind === 'Num' ? [b.cond.bound.text] : []));
  const max = Math.max(1, ...nums.map((n) => Number(n) * 2));
  const step = Math.min(1, ...nums.map(stepOf));
  const out: Bound[] = [];
  s.bands.forEach((b, index) => {
    if (b.cond.kind !== 'Compare' || b.cond.bound.kind !== 'Num') return;
    out.push({
      key: `band:${indicator}:${index}`,
      cell: { kind: 'band', id: indicator, index, part: 'cond' },
      head: b.cond.op,
      value: b.cond.bound.text,
      min: 0,
      max,
      step,
    });
  });
  return out;
}

/** The edit setting `bound` to `value` (a decimal as a slider gives it) in `text`, through the table's route. */
export function boundEdit(text: string, bound: Bound, value: string): EditResult {
  return editFor(parseRuleset(text).ast, text, { kind: 'set', cell: bound.cell, value: `${bound.head} ${value}` });
}
