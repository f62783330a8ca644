// Band lists, read top-down with the first match winning: bands that can never match, partial overlaps, values
// no band takes (without `else`), an `else` never used, points outside 0–100 and points against the direction.
// In: a model. Out: A501–A507 diagnostics (A590 notes point at the band that takes the values).
//
// Gaps are reported only when a witness reads evidence values alone (inputs, the indicator and its members,
// each free within its declared domain), so correlated quantities never produce a false gap.

import type { Band, Expr, Points, Span } from '../../dsl/ast';
import { diag, type Diagnostic, type RelatedInfo } from '../../dsl/diagnostics';
import type { IndicatorInfo, Model } from '../model/model';
import { Rational } from '../numbers/rational';
import { describeType } from '../model/value-type';
import { and, attempt, bandDnf, or, FALSE, TRUE, type CondCtx, type Dnf, type Term } from './conditions';
import { NumSet, describeInterval, type Interval } from './intervals';
import { compareSet, constValue, typeRange } from './ranges';
import { hasTypeProblem, bandTypeProblem } from './types';

type Ctx = CondCtx & { own: IndicatorInfo };

/** Points as a constant, when they are one (no `when`). */
function constPoints(p: Points): Rational | undefined {
  return p.when ? undefined : constValue(p.value);
}

/** A506 for every constant points value outside 0–100 (bands and maps). */
export function checkPointsRange(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (p: Points): void => {
    const one = (e: Expr | undefined): void => {
      const v = e ? constValue(e) : undefined;
      if (e && v && (v.sign() < 0 || v.gt(Rational.HUNDRED))) out.push(diag('A506', e.span, { points: v.toDecimalString() }));
    };
    one(p.value);
    one(p.otherwise);
  };
  for (const ind of m.indicators) {
    const s = ind.decl.scoring;
    if (s?.kind === 'Bands') for (const b of s.bands) check(b.points);
    else if (s?.kind === 'Map') for (const e of s.entries) check(e.points);
  }
  return out;
}

/** A display name for an atom key of `conditions.ts` (`value.x.frameworks` → `frameworks` in x's scoring). */
function keyName(key: string, own: IndicatorInfo): string {
  if (key.startsWith(`value.${own.id}.`)) return key.slice(`value.${own.id}.`.length);
  if (key.startsWith('value.') || key.startsWith('input.')) return key.slice(key.indexOf('.') + 1);
  return key;
}

const isEvidence = (key: string): boolean => key.startsWith('value.') || key.startsWith('input.');

/** A term as text (`frameworks < 2, architectures >= 3`), or undefined if it reads anything but evidence. */
function describeTerm(t: Term, own: IndicatorInfo): string | undefined {
  const parts: string[] = [];
  for (const [key, l] of t) {
    if (!isEvidence(key)) return undefined;
    const name = keyName(key, own);
    if (l.kind === 'num') {
      if (!l.set.covers(l.dom)) parts.push(l.set.describe(name));
    } else if (l.kind === 'enum') {
      if (l.set.size < l.all.length) parts.push(l.set.size === 1 ? `${name} = ${[...l.set].join('')}` : `${name} in {${[...l.set].join(', ')}}`);
    } else parts.push(l.value ? name : `not ${name}`);
  }
  return parts.length > 0 ? parts.join(' and ') : `any ${own.id}`;
}

/** The values no band takes, as text, when that is certain; undefined otherwise. */
function describeGap(rest: Dnf, own: IndicatorInfo): string | undefined {
  // One numeric or enum atom (the indicator's own value): describe the union exactly.
  const ownKey = `value.${own.id}`;
  if (rest.every((t) => t.size === 1 && t.has(ownKey))) {
    const lits = rest.map((t) => t.get(ownKey));
    if (lits.every((l) => l?.kind === 'num')) {
      let set: NumSet | undefined;
      for (const l of lits) if (l?.kind === 'num') set = set ? set.union(l.set) : l.set;
      return set?.describe(own.id);
    }
    if (lits.every((l) => l?.kind === 'enum')) {
      const vals = new Set<string>();
      for (const l of lits) if (l?.kind === 'enum') for (const v of l.set) vals.add(v);
      return [...vals].map((v) => `\`${v}\``).join(', ');
    }
  }
  const texts: string[] = [];
  for (const t of rest) {
    const s = describeTerm(t, own);
    if (s !== undefined) texts.push(s);
  }
  if (texts.length === 0) return undefined;
  return texts.length > 3 ? `${texts.slice(0, 3).join('; ')}; …` : texts.join('; ');
}

/** The set of own values a `Compare` band with a constant bound matches (numbers only). */
function ownSet(b: Band, own: IndicatorInfo): NumSet | undefined {
  if (b.cond.kind !== 'Compare' || own.type?.kind !== 'number') return undefined;
  const c = constValue(b.cond.bound);
  return c ? compareSet(b.cond.op, c, typeRange(own.type)) : undefined;
}

function checkBandList(ind: IndicatorInfo, bands: readonly Band[], m: Model, out: Diagnostic[], plain: boolean): void {
  const ctx: Ctx = { model: m, own: ind };
  const type = ind.type;
  if (!type) return;
  let rest: Dnf = TRUE; // what the bands so far leave (kept incrementally: not (b1 or … or bj))
  const takenKeys = new Set<string>(); // facts the bands so far read
  let elseBand: Band | undefined;
  let beforeElse: Dnf | undefined;
  let ownOnlyBeforeElse = true;
  const dom = type.kind === 'number' ? typeRange(type) : undefined;
  const sets = bands.map((b) => ownSet(b, ind));
  if (plain && dom && bands.length > 0 && bands.every((b, j) => b.cond.kind === 'Else' || sets[j] !== undefined)) {
    checkPlainBandList(ind, bands, sets, dom, out);
    return;
  }
  for (const [j, b] of bands.entries()) {
    const mine = attempt(() => bandDnf(b.cond, true, ctx));
    if (mine === undefined) return;
    if (b.cond.kind === 'Else' && !elseBand) {
      elseBand = b;
      beforeElse = rest;
      ownOnlyBeforeElse = [...takenKeys].every((k) => isOwn(k, ind));
    } else if (mine.length === 0) {
      out.push(diag('A501', b.cond.span, { name: ind.id, domain: describeType(type) }));
    } else {
      const fresh = attempt(() => and(mine, rest));
      if (fresh === undefined) return;
      if (fresh.length === 0 && knownWith(mine, takenKeys, ind)) {
        const related: RelatedInfo[] = [];
        for (const a of bands.slice(0, j)) {
          const overlap = attempt(() => and(mine, bandDnf(a.cond, true, ctx)));
          if (overlap && overlap.length > 0 && related.length < 3) related.push({ span: a.span, code: 'A590' });
        }
        out.push(diag('A502', b.cond.span, {}, { related }));
      } else if (fresh.length > 0) {
        // A partial overlap of two numeric bands where neither contains the other.
        const s = sets[j];
        for (const [i, a] of bands.slice(0, j).entries()) {
          const r = sets[i];
          if (!s || !r) continue;
          const both = s.intersect(r);
          if (!both.isEmpty() && !s.covers(r) && !r.covers(s)) {
            out.push(diag('A503', b.cond.span, { overlap: both.describe(ind.id) }, { related: [{ span: a.span, code: 'A590' }] }));
            break;
          }
        }
      }
    }
    for (const k of keysOf(mine)) takenKeys.add(k);
    const next = attempt(() => and(rest, negate(mine)));
    if (next === undefined) return;
    rest = next;
  }
  if (elseBand) {
    if (beforeElse && beforeElse.length === 0 && bands.indexOf(elseBand) > 0 && ownOnlyBeforeElse) {
      out.push(diag('A505', elseBand.cond.span, { name: ind.id }));
    }
  } else if (rest.length > 0) {
    const gap = describeGap(rest, ind);
    const s = ind.decl.scoring;
    if (gap !== undefined && s) out.push(diag('A504', headSpan(s.span, 5), { name: ind.id, gap }));
  }
  if (dom) checkDirection(ind, bands, sets, dom, elseBand, out);
}

/**
 * `checkBandList` for a plain numeric band list (every band `else` or the own value against a constant): the same
 * findings, reasoned on sets of the own value instead of conditions. A big ruleset is mostly such lists.
 * `rest` is what the bands so far leave; undefined while no band has taken anything (the condition `true`).
 */
function checkPlainBandList(
  ind: IndicatorInfo,
  bands: readonly Band[],
  sets: readonly (NumSet | undefined)[],
  dom: NumSet,
  out: Diagnostic[],
): void {
  let rest: NumSet | undefined;
  let elseBand: Band | undefined;
  let beforeElse: NumSet | undefined;
  for (let j = 0; j < bands.length; j++) {
    const b = bands[j] as Band;
    // what the band takes: its set, or everything for `else`
    const mine = b.cond.kind === 'Else' ? dom : (sets[j] as NumSet);
    const isElse = b.cond.kind === 'Else';
    if (isElse && !elseBand) {
      elseBand = b;
      beforeElse = rest;
      rest = NumSet.none(dom.integer);
      continue;
    }
    if (!isElse && mine.isEmpty()) {
      out.push(diag('A501', b.cond.span, { name: ind.id, domain: describeType(ind.type as NonNullable<IndicatorInfo['type']>) }));
      continue;
    }
    const fresh = rest === undefined ? !mine.isEmpty() || isElse : !mine.intersect(rest).isEmpty();
    if (!fresh) {
      const related: RelatedInfo[] = [];
      for (let i = 0; i < j && related.length < 3; i++) {
        const a = bands[i] as Band;
        const overlaps = a.cond.kind === 'Else' || (isElse ? !(sets[i] as NumSet).isEmpty() : !mine.intersect(sets[i] as NumSet).isEmpty());
        if (overlaps) related.push({ span: a.span, code: 'A590' });
      }
      out.push(diag('A502', b.cond.span, {}, { related }));
    } else if (!isElse) {
      // A partial overlap of two numeric bands where neither contains the other.
      for (let i = 0; i < j; i++) {
        const r = sets[i];
        if (!r) continue;
        const both = mine.intersect(r);
        if (!both.isEmpty() && !mine.covers(r) && !r.covers(mine)) {
          out.push(diag('A503', b.cond.span, { overlap: both.describe(ind.id) }, { related: [{ span: (bands[i] as Band).span, code: 'A590' }] }));
          break;
        }
      }
    }
    rest = isElse ? NumSet.none(dom.integer) : (rest ?? dom).minus(mine);
  }
  if (elseBand) {
    if (beforeElse !== undefined && beforeElse.isEmpty() && bands.indexOf(elseBand) > 0) {
      out.push(diag('A505', elseBand.cond.span, { name: ind.id }));
    }
  } else if (rest === undefined || !rest.isEmpty()) {
    const s = ind.decl.scoring;
    if (s) out.push(diag('A504', headSpan(s.span, 5), { name: ind.id, gap: rest === undefined ? `any ${ind.id}` : rest.describe(ind.id) }));
  }
  checkDirection(ind, bands, sets, dom, elseBand, out);
}

function keysOf(d: Dnf): Set<string> {
  const out = new Set<string>();
  for (const t of d) for (const k of t.keys()) out.add(k);
  return out;
}

/** The indicator's own value or one of its members: known whenever its bands are read. */
function isOwn(key: string, own: IndicatorInfo): boolean {
  return key === `value.${own.id}` || key.startsWith(`value.${own.id}.`);
}

/**
 * When a band's condition holds, is every fact the earlier bands read known? (Otherwise an earlier band may be
 * unknown, not matching, and the band still matches: three-valued logic.)
 */
function knownWith(mine: Dnf, earlier: ReadonlySet<string>, own: IndicatorInfo): boolean {
  const need = [...earlier].filter((k) => !isOwn(k, own));
  return mine.every((t) => need.every((k) => t.has(k)));
}

/** The span of the first `n` characters of a block (the `bands` keyword), for underlining. */
function headSpan(span: Span, n: number): Span {
  return { start: span.start, end: Math.min(span.end, span.start + n) };
}

/** not (t1 or … or tn) as a DNF: the conjunction of the negations of the terms. */
function negate(d: Dnf): Dnf {
  let acc: Dnf = TRUE;
  for (const t of d) {
    let neg: Dnf = FALSE;
    for (const l of t.values()) {
      const nl = negLitDnf(l);
      neg = or(neg, nl);
    }
    acc = and(acc, neg);
  }
  return acc;
}

function negLitDnf(l: Term extends ReadonlyMap<string, infer L> ? L : never): Dnf {
  switch (l.kind) {
    case 'num': {
      const set = l.dom.minus(l.set);
      return set.isEmpty() ? FALSE : [new Map([[l.key, { ...l, set }]])];
    }
    case 'enum': {
      const set = new Set(l.all.filter((v) => !l.set.has(v)));
      return set.size === 0 ? FALSE : [new Map([[l.key, { ...l, set }]])];
    }
    case 'bool':
      return [new Map([[l.key, { ...l, value: !l.value }]])];
  }
}

/** A507: constant points must not fall as the value improves (higher or lower is better). */
function checkDirection(
  ind: IndicatorInfo,
  bands: readonly Band[],
  sets: readonly (NumSet | undefined)[],
  dom: NumSet,
  elseBand: Band | undefined,
  out: Diagnostic[],
): void {
  const dir = ind.direction;
  if (!dir) return;
  const pieces: { part: Interval; points: Rational | undefined; band: Band }[] = [];
  let taken = NumSet.none(dom.integer);
  for (const [j, b] of bands.entries()) {
    if (b.cond.kind === 'Else') {
      if (b !== elseBand) continue;
      for (const part of dom.minus(taken).parts) pieces.push({ part, points: constPoints(b.points), band: b });
      taken = dom;
      continue;
    }
    const s = sets[j];
    if (!s) return; // not a plain numeric band list
    for (const part of s.minus(taken).parts) pieces.push({ part, points: constPoints(b.points), band: b });
    taken = taken.union(s);
  }
  // A stable insertion sort (a band list has a handful of pieces; `Array.prototype.sort` would copy them).
  for (let i = 1; i < pieces.length; i++) {
    const p = pieces[i] as (typeof pieces)[number];
    let j = i - 1;
    while (j >= 0 && cmpStart((pieces[j] as (typeof pieces)[number]).part, p.part) > 0) {
      pieces[j + 1] = pieces[j] as (typeof pieces)[number];
      j--;
    }
    pieces[j + 1] = p;
  }
  for (let k = 1; k < pieces.length; k++) {
    const lo = pieces[k - 1];
    const hi = pieces[k];
    if (!lo || !hi || !lo.points || !hi.points || lo.band === hi.band) continue;
    const wrong = dir === 'higher' ? lo.points.gt(hi.points) : lo.points.lt(hi.points);
    if (!wrong) continue;
    out.push(
      diag('A507', hi.band.span, {
        name: ind.id,
        direction: dir,
        first: describeInterval(lo.part, ind.id),
        firstPoints: lo.points.toDecimalString(),
        second: describeInterval(hi.part, ind.id),
        secondPoints: hi.points.toDecimalString(),
      }),
    );
    return;
  }
}

function cmpStart(a: Interval, b: Interval): number {
  if (!a.lo) return b.lo ? -1 : 0;
  if (!b.lo) return 1;
  return a.lo.value.cmp(b.lo.value) || (a.lo.inclusive === b.lo.inclusive ? 0 : a.lo.inclusive ? -1 : 1);
}

/** A501–A505 and A507 over every band list whose conditions are well typed. */
export function checkBands(m: Model): Diagnostic[] {
  return bandsCheck(m, true);
}

/** `checkBands` reasoning on conditions only, also for plain band lists (tests compare the two). */
export function checkBandsByConditions(m: Model): Diagnostic[] {
  return bandsCheck(m, false);
}

function bandsCheck(m: Model, plain: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ind of m.indicators) {
    const s = ind.decl.scoring;
    if (s?.kind !== 'Bands') continue;
    const typeIssue = s.bands.some(
      (b) => bandTypeProblem(m, ind, b) || (b.cond.kind === 'Cond' && hasTypeProblem(b.cond.expr, m, ind)),
    );
    if (!typeIssue) checkBandList(ind, s.bands, m, out, plain);
  }
  return out;
}
