// Rule coverage: which bands, mapping entries and conditions of a ruleset the test cases exercised.
// In: a compiled ruleset (its AST gives the items) and the evaluation events of each case run.
// Out: per item the number of runs that reached it and, for conditions, how often it was true, false, unknown.
//
// Items: every band and mapping entry (exercised = it gave the points), and every condition (applicability,
// conditional points of an entry, a prerequisite's or level's `require`, a veto's `when`): covered when both
// true and false were seen.

import type { Span } from '../../../dsl/ast';
import { lineIndex } from '../../../dsl/source';
import type { CompiledRuleset } from '../../compile';
import type { EvalEvent } from '../../evaluate/events';
import { coverageText } from '../../present/numbers';

export type CoverageKind = 'band' | 'map-entry' | 'applicability' | 'conditional-points' | 'prerequisite' | 'veto' | 'level';

/** The category a kind is counted in. */
export type CoverageCategory = 'bands' | 'mappings' | 'conditions';

export function categoryOf(kind: CoverageKind): CoverageCategory {
  switch (kind) {
    case 'band':
      return 'bands';
    case 'map-entry':
      return 'mappings';
    case 'applicability':
    case 'conditional-points':
    case 'prerequisite':
    case 'veto':
    case 'level':
      return 'conditions';
  }
}

export interface CoverageItem {
  readonly key: string;
  readonly kind: CoverageKind;
  /** Indicator, prerequisite, veto or level id. */
  readonly owner: string;
  /** 0-based band, entry or `require` index (0 for applicability and a veto's `when`). */
  readonly index: number;
  readonly span: Span;
  /** 1-based line of the span's start. */
  readonly line: number;
  /** The item's source text (first line). */
  readonly text: string;
}

export interface ItemCount {
  /** Runs that reached the item (a band or entry: that it gave the points; a condition: that it was evaluated). */
  hits: number;
  whenTrue: number;
  whenFalse: number;
  whenUnknown: number;
}

export interface RulesetCoverage {
  readonly path: string;
  readonly version: string;
  readonly items: readonly CoverageItem[];
  readonly counts: ReadonlyMap<string, ItemCount>;
}

const key = {
  band: (ind: string, i: number) => `band:${ind}:${i}`,
  entry: (ind: string, i: number) => `entry:${ind}:${i}`,
  applies: (ind: string) => `applies:${ind}`,
  points: (ind: string, start: number) => `points:${ind}:${start}`,
  cond: (kind: string, id: string, i: number) => `${kind}:${id}:${i}`,
};

/** Every coverage item of a ruleset, in source order. */
export function coverageItems(r: CompiledRuleset): CoverageItem[] {
  const text = r.text;
  const lines = lineIndex(text);
  const items: CoverageItem[] = [];
  const add = (k: string, kind: CoverageKind, owner: string, index: number, span: Span): void => {
    const src = text.slice(span.start, span.end);
    const first = src.split('\n')[0] ?? src;
    items.push({ key: k, kind, owner, index, span, line: lines.lineCol(span.start).line, text: first.trim() });
  };
  for (const info of r.model.indicators) {
    const d = info.decl;
    if (d.applies) add(key.applies(info.id), 'applicability', info.id, 0, d.applies.span);
    const s = d.scoring;
    if (!s) continue;
    switch (s.kind) {
      case 'Bands':
        s.bands.forEach((b, i) => {
          add(key.band(info.id, i), 'band', info.id, i, b.span);
          if (b.points.when) add(key.points(info.id, b.points.span.start), 'conditional-points', info.id, i, b.points.when.span);
        });
        break;
      case 'Map':
        s.entries.forEach((e, i) => {
          add(key.entry(info.id, i), 'map-entry', info.id, i, e.span);
          if (e.points.when) add(key.points(info.id, e.points.span.start), 'conditional-points', info.id, i, e.points.when.span);
        });
        break;
      case 'Formula':
        break;
    }
  }
  for (const p of r.model.prerequisites) p.requires.forEach((x, i) => add(key.cond('prerequisite', p.id, i), 'prerequisite', p.id, i, x.span));
  for (const v of r.model.vetoes) if (v.when) add(key.cond('veto', v.id, 0), 'veto', v.id, 0, v.when.span);
  for (const l of r.model.levels) l.requires.forEach((x, i) => add(key.cond('level', l.id, i), 'level', l.id, i, x.span));
  return items.sort((a, b) => a.span.start - b.span.start);
}

/** Counts events of case runs against the items of one ruleset. */
export class CoverageCollector {
  readonly items: readonly CoverageItem[];
  readonly counts = new Map<string, ItemCount>();

  constructor(readonly ruleset: CompiledRuleset, readonly path: string) {
    this.items = coverageItems(ruleset);
    for (const it of this.items) this.counts.set(it.key, { hits: 0, whenTrue: 0, whenFalse: 0, whenUnknown: 0 });
  }

  /** Adds the events of one run. */
  add(events: readonly EvalEvent[]): void {
    for (const e of events) {
      switch (e.kind) {
        case 'band':
          if (e.matched) this.hit(key.band(e.indicator, e.index));
          break;
        case 'map-entry':
          this.hit(key.entry(e.indicator, e.index));
          break;
        case 'applicability':
          this.truth(key.applies(e.indicator), e.truth);
          break;
        case 'conditional-points':
          this.truth(key.points(e.indicator, e.span.start), e.truth);
          break;
        case 'condition':
          this.truth(key.cond(e.owner.kind, e.owner.id, e.index), e.truth);
          break;
        default:
          break;
      }
    }
  }

  private hit(k: string): void {
    const c = this.counts.get(k);
    if (c) c.hits++;
  }

  private truth(k: string, t: true | false | 'unknown'): void {
    const c = this.counts.get(k);
    if (!c) return;
    c.hits++;
    if (t === true) c.whenTrue++;
    else if (t === false) c.whenFalse++;
    else c.whenUnknown++;
  }

  result(): RulesetCoverage {
    return { path: this.path, version: this.ruleset.identity.version, items: this.items, counts: this.counts };
  }
}

/** Why an item is not covered, or undefined when it is. */
export type Gap = 'never' | 'never-true' | 'never-false';

export function gapOf(item: CoverageItem, c: ItemCount | undefined): Gap | undefined {
  if (!c || c.hits === 0) return 'never';
  if (categoryOf(item.kind) !== 'conditions') return undefined;
  if (c.whenTrue === 0) return 'never-true';
  if (c.whenFalse === 0) return 'never-false';
  return undefined;
}

export interface CategorySummary {
  readonly covered: number;
  readonly total: number;
}

/** Covered and total items per category (a category with no items is absent). */
export function summarize(cov: RulesetCoverage): Map<CoverageCategory, CategorySummary> {
  const out = new Map<CoverageCategory, { covered: number; total: number }>();
  for (const it of cov.items) {
    const cat = categoryOf(it.kind);
    const s = out.get(cat) ?? { covered: 0, total: 0 };
    s.total++;
    if (gapOf(it, cov.counts.get(it.key)) === undefined) s.covered++;
    out.set(cat, s);
  }
  return out;
}

/** `100%`, `87.5%` (one decimal, rounded down so that 99.95% never shows as 100%). */
export function percent(s: CategorySummary): string {
  return coverageText(s.covered, s.total);
}
