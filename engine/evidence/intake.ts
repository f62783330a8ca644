// Evidence that is well-formed but probably not what was meant: an unknown field that looks like a ruleset field,
// a percentage written as a fraction, a value far outside what the bands tell apart, a number written as text.
// In: a model and field names or values. Out: the field meant (`fieldHint`), plausibility rules per field
// (`plausibilityRules`, checked exactly by `implausible`) and the number a text was meant to be (`textNumberFix`).
// The reference validator reports them; the plan's reader hands every case they could apply to over to it.

import type { Text } from '../../dsl/ast';
import { constValue } from '../check/ranges';
import { memoIn } from '../support/memo';
import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';
import { editDistance, suggest } from '../support/suggest';
import { withinBounds, type NumberType } from '../model/value-type';

/** Lower case, with runs of spaces, `-` and `_` as one `_`. */
function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

/** Words of an id or an English label (`compute_utilization`, `Compute utilisation (SM active)`), 3 letters or more. */
function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
}

/**
 * `sameWord` by its two words, kept across models: an editor recompiles on every keystroke, and a label typed into
 * changes the hint cache's key, so the same unknown evidence keys meet the same words of thousands of fields again.
 */
const sameWords = new Map<string, Map<string, boolean>>();
let sameWordsSize = 0;

/** Whether two words are the same word, allowing a typo in a long one (`utilisation`, `utilization`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let byB = sameWords.get(a);
  if (byB === undefined) {
    if (sameWordsSize >= 200_000) {
      sameWords.clear();
      sameWordsSize = 0;
    }
    sameWords.set(a, (byB = new Map()));
  }
  let same = byB.get(b);
  if (same === undefined) {
    same = typoOf(a, b);
    byB.set(b, same);
    sameWordsSize++;
  }
  return same;
}

function typoOf(a: string, b: string): boolean {
  const limit = Math.min(a.length, b.length) >= 8 ? 2 : Math.min(a.length, b.length) >= 5 ? 1 : 0;
  return limit > 0 && Math.abs(a.length - b.length) <= limit && editDistance(a, b) <= limit;
}

interface Candidate {
  readonly id: string;
  readonly names: readonly string[];
  readonly labels: readonly string[];
  readonly words: readonly string[];
}

function labelsOf(t: Text | undefined): string[] {
  return t ? t.entries.map((e) => e.value.value) : [];
}

/** The candidates of a model, with their lookups made once (not once per unknown key). */
interface Candidates {
  readonly list: readonly Candidate[];
  /** Normalised name or label → the id of the first candidate that has it. */
  readonly exact: ReadonlyMap<string, string>;
  /** Name (id or former id) → id, the last candidate with that name winning. */
  readonly byName: ReadonlyMap<string, string>;
}

const candidateCache = new WeakMap<Model, Candidates>();

function candidatesOf(model: Model): Candidates {
  return memoIn(candidateCache, model, () => {
    const list = makeCandidates(model);
    const exact = new Map<string, string>();
    const byName = new Map<string, string>();
    for (const c of list) {
      for (const n of c.names) if (!exact.has(norm(n))) exact.set(norm(n), c.id);
      for (const l of c.labels) if (!exact.has(l)) exact.set(l, c.id);
      for (const n of c.names) byName.set(n, c.id);
    }
    return { list, exact, byName };
  });
}

function makeCandidates(model: Model): Candidate[] {
  const out: Candidate[] = [];
  for (const [id, f] of model.fields) {
    const formerly = f.kind === 'indicator' ? f.info.formerly : [];
    const labels = labelsOf(f.info.decl.label);
    const en = f.info.decl.label?.entries.find((e) => e.lang === 'en')?.value.value ?? '';
    out.push({ id, names: [id, ...formerly], labels: labels.map(norm), words: [...new Set([...words(id), ...formerly.flatMap(words), ...words(en)])] });
  }
  return out;
}

const hints = new WeakMap<Model, Map<string, string | null>>();
/**
 * Hints by what they are computed from (every field's id, former ids and labels): the variants of a ruleset that
 * impact attribution compiles mostly declare the same fields and meet the same unknown keys. Bounded.
 */
const hintsByFields = new Map<string, Map<string, string | null>>();
const HINTS_BY_FIELDS_MAX = 64;

function hintCache(model: Model): Map<string, string | null> {
  let cache = hints.get(model);
  if (cache === undefined) {
    const fields = JSON.stringify(
      [...model.fields].map(([id, f]) => [id, f.kind === 'indicator' ? f.info.formerly : [], f.info.decl.label?.entries.map((e) => [e.lang, e.value.value]) ?? []]),
    );
    cache = hintsByFields.get(fields);
    if (cache === undefined) {
      if (hintsByFields.size >= HINTS_BY_FIELDS_MAX) hintsByFields.clear();
      hintsByFields.set(fields, (cache = new Map()));
    }
    hints.set(model, cache);
  }
  return cache;
}

/**
 * The ruleset field an unknown evidence key most likely means (its current id), or undefined: the same name in
 * another case or spacing, a label in any language, a near id or former id (edit distance), or else the one field
 * whose id and English label have every word of the key.
 */
export function fieldHint(model: Model, key: string): string | undefined {
  const cache = hintCache(model);
  let hit = cache.get(key);
  if (hit === undefined) {
    if (cache.size >= 4096) cache.clear();
    hit = computeHint(model, key) ?? null;
    cache.set(key, hit);
  }
  return hit ?? undefined;
}

function computeHint(model: Model, key: string): string | undefined {
  const { list: cands, exact, byName } = candidatesOf(model);
  const k = norm(key);
  if (k === '') return undefined;
  const same = exact.get(k);
  if (same !== undefined) return same;
  const near = suggest(k, byName.keys());
  if (near !== undefined) return byName.get(near);
  const kw = words(key);
  if (kw.length === 0) return undefined;
  const matches = cands.filter((c) => kw.every((w) => c.words.some((x) => sameWord(w, x))));
  return matches.length === 1 ? matches[0]?.id : undefined;
}

/**
 * One plausibility rule of a numeric field: values in (`above`, `atMost`] (either side open when absent) are
 * suspect. `fraction`: a percentage written as a fraction (an error unless lenient); else far outside the bands (a
 * warning). `bound` is the band bound the value is compared with in the message.
 */
export interface PlausibilityRule {
  readonly kind: 'fraction' | 'below' | 'above';
  readonly above?: Rational;
  readonly atMost?: Rational;
  readonly below?: Rational;
  readonly bound: Rational;
}

/** How far outside the bands' bounds a value must be to be suspect: a factor of 100 (a unit off by 10² or more). */
const FAR = Rational.HUNDRED;
/** A percentage whose bands start at this or above is not expected to hold a value strictly between 0 and 1. */
const FRACTION_FLOOR = Rational.fromInt(10);
/**
 * Exactly 1 is read as a fraction (100 %) only where 1 % is absurd for the field: bands starting at half or more
 * (availability). Below that, 1 % is a real share (two corpus platforms hold 1 in shares whose bands start at 10, 15).
 */
const ONE_FLOOR = Rational.fromInt(50);

/** Plausibility rules by field id, for indicators scored by bands that compare their own value with constants. */
export function plausibilityRules(model: Model): ReadonlyMap<string, readonly PlausibilityRule[]> {
  return memoIn(ruleCache, model, () => makeRules(model));
}

const ruleCache = new WeakMap<Model, ReadonlyMap<string, readonly PlausibilityRule[]>>();

function makeRules(model: Model): ReadonlyMap<string, readonly PlausibilityRule[]> {
  const out = new Map<string, PlausibilityRule[]>();
  for (const ind of model.indicators) {
    const s = ind.decl.scoring;
    const t = ind.type;
    if (s?.kind !== 'Bands' || t?.kind !== 'number') continue;
    const bounds: Rational[] = [];
    let constant = true;
    for (const b of s.bands) {
      if (b.cond.kind === 'Else') continue;
      const v = b.cond.kind === 'Compare' ? constValue(b.cond.bound) : undefined;
      if (v === undefined) constant = false;
      else bounds.push(v);
    }
    if (!constant || bounds.length === 0) continue;
    const lo = bounds.reduce((a, b) => (b.lt(a) ? b : a));
    const hi = bounds.reduce((a, b) => (b.gt(a) ? b : a));
    const rules: PlausibilityRule[] = [];
    if (t.base === 'percent' && ind.direction === 'higher' && lo.cmp(FRACTION_FLOOR) >= 0) {
      rules.push(lo.cmp(ONE_FLOOR) >= 0 ? { kind: 'fraction', above: Rational.ZERO, atMost: Rational.ONE, bound: lo } : { kind: 'fraction', above: Rational.ZERO, below: Rational.ONE, bound: lo });
    } else if (ind.direction === 'higher' && lo.sign() > 0) {
      rules.push({ kind: 'below', above: Rational.ZERO, below: lo.div(FAR), bound: lo });
    }
    if (ind.direction === 'lower' && hi.sign() > 0 && !(t.max && !t.max.value.gt(hi.mul(FAR)))) {
      rules.push({ kind: 'above', above: hi.mul(FAR), bound: hi });
    }
    if (rules.length > 0) out.set(ind.id, rules);
  }
  return out;
}

/** The rule `q` breaks, if any (exact). */
export function implausible(rules: readonly PlausibilityRule[], q: Rational): PlausibilityRule | undefined {
  return rules.find(
    (r) =>
      (r.above === undefined || q.gt(r.above)) && (r.atMost === undefined || !q.gt(r.atMost)) && (r.below === undefined || q.lt(r.below)),
  );
}

/** The value a fraction of a percentage stands for (0.9995 → 99.95), when the type allows it. */
export function percentOf(t: NumberType, q: Rational): Rational | undefined {
  const p = q.mul(Rational.HUNDRED);
  return withinBounds(t, p) ? p : undefined;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF05\uFF0B\uFF0D]/gu;

/**
 * The number a text in a numeric field was meant to be: full-width digits (`８５０`), a `%` sign (`"99.95%"`).
 * Undefined when it is not a number written that way.
 */
export function textNumberFix(text: string): { readonly fixed: Rational; readonly fullWidth: boolean; readonly percent: boolean } | undefined {
  const fullWidth = FULL_WIDTH.test(text);
  FULL_WIDTH.lastIndex = 0;
  let s = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trim();
  const fixed = Rational.parse(s);
  if (fixed === undefined || (!fullWidth && !percent && s === text.trim())) return undefined;
  return { fixed, fullWidth, percent };
}
