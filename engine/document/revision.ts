// The revision table of a standard: one row per change from an earlier version, with the clause it touches and the
// old and new text as the document prints them. In: the two models (old first) and a language. Out: `RevisionTable`.
// The changes are the semantic diff's entries (engine/analyses/diff/), grouped as its README says; nothing is
// re-derived here, only worded.

import type { IndicatorDecl, Lang } from '../../dsl/ast';
import { diffAsts } from '../analyses/diff/index';
import type { DiffEntry, DiffValue, Labels } from '../analyses/diff/entries';
import { valueText } from '../analyses/diff/render';
import { kindTitle, phrase, PHRASES, type Phrase } from '../analyses/diff/words';
import { colon } from '../analyses/explain/words';
import type { Model } from '../model/model';
import { directionText, indicatorSummary, methodsText, ROW_SEP } from './cells';
import { CLAUSES, INDICATOR_CLAUSE, indicatorEntry, typographic } from './model';
import { dsay } from './words';

export interface RevisionRow {
  /** 1, 2, … in the order of the standard's sections. */
  readonly n: number;
  /** The clause(s) of the document the change touches (`3.2`, `4, 5`). */
  readonly clause: string;
  /** What kind of change, in words (`band removed`). */
  readonly change: string;
  /** What it concerns: an id and its name, or the ids of a group. */
  readonly subject: string;
  readonly old: string;
  readonly new: string;
  /** The diff entry's kind and targets, for programs (the playground, tests). */
  readonly kind: DiffEntry['kind'];
  readonly targets: readonly string[];
}

export interface RevisionTable {
  readonly before: string;
  readonly after: string;
  readonly rows: readonly RevisionRow[];
}

function pick(l: Labels | undefined, lang: Lang): string {
  return (l && (l[lang] ?? l.en ?? l['zh-Hans'] ?? l['zh-Hant'])) ?? '';
}

/** A band or condition text from the diff (`>= 1000: 100`, `else: 0`) as the document prints it (`≥1000: 100`, `else 0`). */
function bandLike(s: string, lang: Lang): string {
  const t = typographic(s);
  const other = /^else: (.*)$/.exec(t);
  if (other) return dsay(lang, 'elseBand', { points: other[1] ?? '' });
  return t.replace(/^(≥|≤|≠|>|<|=) /, '$1');
}

function list(v: DiffValue): string[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v.map((x: DiffValue) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return [typeof v === 'string' ? v : JSON.stringify(v)];
}

/** Conditions joined as the standard's change table writes them, `—` when there are none. */
function conditions(v: DiffValue): string {
  const xs = list(v).map(typographic);
  return xs.length === 0 ? '—' : xs.join(', ');
}

class Wording {
  private readonly clauseOfDim = new Map<string, string>();

  constructor(
    private readonly before: Model,
    private readonly after: Model,
    private readonly lang: Lang,
  ) {
    // Clauses of the new version; a dimension only the old one has keeps its old number.
    before.dimensions.forEach((d, k) => this.clauseOfDim.set(d.id, `${INDICATOR_CLAUSE}.${k + 1}`));
    after.dimensions.forEach((d, k) => this.clauseOfDim.set(d.id, `${INDICATOR_CLAUSE}.${k + 1}`));
  }

  private oldDecl(id: string): IndicatorDecl | undefined {
    const direct = this.before.indicatorsById.get(id)?.decl;
    if (direct) return direct;
    for (const f of this.after.indicatorsById.get(id)?.formerly ?? []) {
      const d = this.before.indicatorsById.get(f)?.decl;
      if (d) return d;
    }
    return undefined;
  }

  private methodsOf(decl: IndicatorDecl | undefined): string {
    return decl ? methodsText(indicatorEntry(decl, this.lang).methods) : '—';
  }

  clause(e: DiffEntry): string {
    const one = (x: DiffEntry): string[] => {
      switch (x.subject) {
        case 'ruleset':
          return [CLAUSES.indicators];
        case 'dimension':
          return x.kind === 'dimension-weights' ? [CLAUSES.indicators] : x.targets.map((t) => this.clauseOfDim.get(t) ?? CLAUSES.indicators);
        case 'indicator':
          return [x.dimension !== undefined ? (this.clauseOfDim.get(x.dimension) ?? CLAUSES.indicators) : CLAUSES.indicators];
        case 'input':
        case 'method':
          return [CLAUSES.evidence];
        case 'veto':
        case 'prerequisite':
        case 'derived':
          return [CLAUSES.rules];
        case 'level':
          return x.parts ? x.parts.flatMap(one) : [CLAUSES.levels];
      }
    };
    return [...new Set(one(e))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', ');
  }

  subject(e: DiffEntry): string {
    if (e.parts !== undefined && e.kind !== 'veto-changed') return e.targets.join(', ');
    const label = pick(e.label, this.lang);
    return label === '' ? e.target : `${e.target} ${label}`;
  }

  /** Old and new text of a part of a group (`L5: total ≥ 95, …`, `name of P2: Six months in operation`). */
  private part(p: DiffEntry, side: 'before' | 'after'): string | undefined {
    const v = p[side];
    switch (p.kind) {
      case 'label-changed':
        return v === null ? undefined : dsay(this.lang, 'labelOf', { id: p.target, label: valueText(v, this.lang) });
      case 'methods-changed':
        return dsay(this.lang, 'methodsOf', {
          id: p.target,
          methods: side === 'before' ? this.methodsOf(this.oldDecl(p.target)) : this.methodsOf(this.after.indicatorsById.get(p.target)?.decl),
        });
      case 'dimension-weight':
        return `${p.target} ${valueText(v, this.lang)}`;
      case 'veto-added':
      case 'veto-removed':
        return v === null ? undefined : `${p.target} ${pick(p.label, this.lang)}: ${conditions(v)}`;
      case 'levels-cumulative':
        return dsay(this.lang, v === true ? 'cumulativeYes' : 'cumulativeNo');
      case 'fallback-changed':
        return v === null ? undefined : dsay(this.lang, 'fallbackIs', { id: valueText(v, this.lang) });
      default:
        return v === null ? undefined : `${p.target}: ${conditions(v)}`;
    }
  }

  private group(e: DiffEntry, side: 'before' | 'after'): string {
    const texts = (e.parts ?? []).map((p) => this.part(p, side)).filter((x): x is string => x !== undefined);
    // Dimension weights are one distribution of the total: `B 18, G 10`, as a change table writes it.
    return texts.length === 0 ? '—' : texts.join(e.kind === 'dimension-weights' ? ', ' : ROW_SEP);
  }

  private region(e: DiffEntry): string {
    const r = e.region ?? [];
    if (r.length === 0) return '';
    const text = r
      .map((x) => {
        const where = x.text.startsWith('[') || x.text.startsWith('(') ? `${e.target} in ${x.text}` : `${e.target} ${typographic(x.text)}`;
        return `${where}: ${x.before ?? '—'} → ${x.after ?? '—'}`;
      })
      .join(ROW_SEP);
    return ` (${dsay(this.lang, 'pointsChange', { text })})`;
  }

  /** A value of the diff in the reader's words: an object's keys (weight, type, label, …) from the diff's catalogue. */
  private value(v: DiffValue): string {
    const lang = this.lang;
    if (v === null) return dsay(lang, 'none');
    if (typeof v !== 'object' || Array.isArray(v) || Object.keys(v).every((k) => k === 'en' || k === 'zh-Hans' || k === 'zh-Hant')) {
      return typographic(valueText(v, lang));
    }
    return Object.entries(v as Record<string, DiffValue>)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => `${Object.hasOwn(PHRASES, k) ? phrase(lang, k as Phrase) : k}${colon(lang)}${typographic(valueText(x, lang))}`)
      .join(ROW_SEP);
  }

  oldNew(e: DiffEntry): { old: string; new: string } {
    const lang = this.lang;
    const none = dsay(lang, 'none');
    switch (e.kind) {
      case 'dimension-weights':
      case 'vetoes-added':
      case 'vetoes-removed':
      case 'levels-changed':
      case 'veto-changed':
        return { old: this.group(e, 'before'), new: this.group(e, 'after') };
      case 'indicator-added': {
        const decl = this.after.indicatorsById.get(e.target)?.decl;
        const at = (e.after as Record<string, DiffValue> | null)?.['after'];
        const place = typeof at === 'string' ? dsay(lang, 'afterId', { id: at }) : dsay(lang, 'firstInDim');
        const where = `${dsay(lang, 'inDimension', { dim: e.dimension ?? '' })}, ${place}`;
        return { old: none, new: decl ? `${indicatorSummary(indicatorEntry(decl, lang), lang)}${ROW_SEP}${where}` : where };
      }
      case 'indicator-removed': {
        const decl = this.before.indicatorsById.get(e.target)?.decl;
        const where = dsay(lang, 'inDimension', { dim: e.dimension ?? '' });
        return { old: decl ? `${indicatorSummary(indicatorEntry(decl, lang), lang)}${ROW_SEP}${where}` : where, new: dsay(lang, 'removed') };
      }
      case 'indicator-renamed': {
        const b = e.before as { id: string; label: Labels };
        const a = e.after as { id: string; label: Labels };
        return { old: `${b.id} ${pick(b.label, lang)}`, new: `${a.id} ${pick(a.label, lang)}${ROW_SEP}${dsay(lang, 'formerly', { ids: b.id })}` };
      }
      case 'methods-changed':
        return { old: this.methodsOf(this.oldDecl(e.target)), new: this.methodsOf(this.after.indicatorsById.get(e.target)?.decl) };
      case 'band-edge-moved':
      case 'band-added':
      case 'band-removed':
      case 'band-points-changed':
      case 'bands-changed': {
        const side = (v: DiffValue): string => {
          const xs = list(v).map((s) => bandLike(s, lang));
          return xs.length === 0 ? (v === null && e.kind === 'band-removed' ? dsay(lang, 'removed') : none) : xs.join(ROW_SEP);
        };
        return { old: side(e.before), new: `${side(e.after)}${this.region(e)}` };
      }
      case 'mapping-changed': {
        const b = (e.before ?? {}) as Record<string, DiffValue>;
        const a = (e.after ?? {}) as Record<string, DiffValue>;
        const side = (m: Record<string, DiffValue>): string =>
          Object.keys(b).map((k) => `${k}: ${m[k] === null || m[k] === undefined ? none : typographic(valueText(m[k] ?? null, lang))}`).join(ROW_SEP);
        return { old: side(b), new: side(a) };
      }
      case 'applicability-changed':
      case 'formula-changed':
      case 'veto-condition':
      case 'level-requires':
      case 'prerequisite-requires':
        return { old: conditions(e.before), new: conditions(e.after) };
      case 'direction-changed':
        return { old: directionText(e.before === 'lower' ? 'lower' : e.before === 'higher' ? 'higher' : undefined), new: directionText(e.after === 'lower' ? 'lower' : e.after === 'higher' ? 'higher' : undefined) };
      default:
        return { old: this.value(e.before), new: this.value(e.after) };
    }
  }
}

/** The revision table from `before` to `after` (the diff's entries, worded as the document prints them). */
export function revisionTable(before: Model, after: Model, lang: Lang): RevisionTable {
  const { entries } = diffAsts(before.ast, after.ast);
  const w = new Wording(before, after, lang);
  return {
    before: before.version,
    after: after.version,
    rows: entries.map((e, i) => ({
      n: i + 1,
      clause: w.clause(e),
      change: kindTitle(lang, e.kind),
      subject: w.subject(e),
      ...w.oldNew(e),
      kind: e.kind,
      targets: e.targets,
    })),
  };
}
