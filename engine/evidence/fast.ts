// The plan's evidence fast path: accepts exactly the evidence the reference validator accepts without any issue.
// In: a model (once) and then one platform's evidence. Out: raw values by field slot, or `Bail` on any doubt
// (an error, a warning, a number whose exact source text differs from its double): the reference then decides.
//
// Why this is equivalent to engine/evidence/validate.ts for what it accepts: the reference reports nothing
// exactly when every key is a field or a former id (without its new id beside it), no value is non-finite, every
// value has its type (integers are integers, enums are listed, objects have all members and no others, none
// null), and every number is within its domain. Bounds are compared as doubles, which is exact because a bound
// is accepted here only when it is canonical (num.ts); ajv compares the same doubles.

import { exactNumbersOf } from './read';
import { fieldHint, implausible, percentOf, plausibilityRules, type PlausibilityRule } from './intake';
import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';
import type { EvidenceValue } from '../evaluate/result';
import type { NumberType, ValueType } from '../model/value-type';
import { Bail, doubleOf, isCanonical, ratOf } from '../plan/num';

/**
 * An object value: its members as raw values (numbers, strings, booleans, ObjV) in the order of its type's
 * members (`names`, shared by every value of the type), and, built when first read, its exact evidence value
 * (`ex`: the exact numbers recorded for the object's members, if it was read from text).
 */
export class ObjV {
  private exact: (EvidenceValue & { kind: 'obj' }) | undefined;
  constructor(
    readonly names: readonly string[],
    readonly vals: readonly Raw[],
    private readonly ex: ReadonlyMap<string, Rational> | undefined,
  ) {}
  get ev(): EvidenceValue & { kind: 'obj' } {
    if (this.exact === undefined) {
      const fields = new Map<string, EvidenceValue>();
      this.names.forEach((name, k) => {
        const v = this.vals[k] as Raw;
        fields.set(name, evidenceOf(v, typeof v === 'number' ? this.ex?.get(name) : undefined));
      });
      this.exact = { kind: 'obj', fields };
    }
    return this.exact;
  }
}

/** A raw value that passed the checks: number (a decimal double), boolean, string (enum value) or ObjV. */
export type Raw = number | boolean | string | ObjV;

/** A double moved a little outwards (`side` -1 down, 1 up), so that a window around a bound that is not exact holds it. */
function widen(d: number, side: -1 | 1): number {
  return d + side * (Math.abs(d) * 1e-9 + Number.MIN_VALUE);
}

/** The warnings the fast path gives itself: unknown and former keys, object members, implausible numbers. */
export type WarnCode = 'E120' | 'E121' | 'E122' | 'E163' | 'E164';
/** Receives the warnings the reference would give (E120–E122, E163–E164), in its order. */
export type Warn = (code: WarnCode, field: string, args: Record<string, string>) => void;

/** `ex`: the exact numbers recorded for the value's container (`exactNumbersOf`), looked up once per container. */
type Check = (raw: unknown, ex: ReadonlyMap<string, Rational> | undefined, key: string, path: string, warn: Warn) => Raw | undefined;

function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The own value of `o[key]` (an inherited one is none). Evidence is plain data: read as a property, no descriptor. */
function ownValue(o: object, key: string): unknown {
  const v = (o as Record<string, unknown>)[key];
  return v !== undefined && hasOwn.call(o, key) ? v : undefined;
}

/** Decimal double → the reference's exact value (the exact source text when it was read from YAML/JSON text). */
function exactIs(ex: ReadonlyMap<string, Rational>, key: string, raw: number): void {
  const q = ex.get(key);
  if (q !== undefined && !q.eq(ratOf(raw))) throw new Bail('exact source text differs from the double');
}

/**
 * A number outside its domain as a double. When exact source text was read, that text decides, not the double
 * (`99.99999999999999999` is a double of 100): hand over. Otherwise the reference rejects it too, so a checker
 * returning undefined always means evidence the reference finds invalid (see `INVALID`).
 */
function outOfDomain(ex: ReadonlyMap<string, Rational> | undefined, key: string): undefined {
  if (ex !== undefined && ex.has(key)) throw new Bail('exact source text decides a bound');
  return undefined;
}

/**
 * How many places of an evidence object's keys the fast path remembers the slot of, at least: every field's place
 * (and as many again for keys it does not know), so that a ruleset of 30,000 fields reads a corpus of one common
 * shape without a map lookup per key.
 */
const CACHED_KEYS = 256;
const K_BOOL = 0;
const K_ENUM = 1;
const K_NUM = 2;
const K_OTHER = 3;
const F_INT = 1;
const F_LO_OPEN = 2;
const F_HI_OPEN = 4;

/** The `Bail` reason of evidence the reference is certain to reject (outcome `invalid`, level null, total 0). */
export const INVALID = 'invalid value';
/** Thrown for every invalid platform: built once (an Error captures a stack trace when it is made, not thrown). */
const INVALID_BAIL = new Bail(INVALID);
/** An unknown key that looks like a ruleset field: the reference says which (E160) or refuses to score (E161). */
const HINT_BAIL = new Bail('unknown field like a ruleset field');
/** A percentage that may be written as a fraction (E162, an error; E167 when lenient), or several far-off numbers. */
const PLAUSIBILITY_BAIL = new Bail('implausible number');

/** A checker of one value type; undefined when the type has a bound that is not canonical (no fast path). */
function checker(t: ValueType): Check | undefined {
  switch (t.kind) {
    case 'boolean':
      return (raw) => (typeof raw === 'boolean' ? raw : undefined);
    case 'enum': {
      const values = new Set(t.values);
      return (raw) => (typeof raw === 'string' && values.has(raw) ? raw : undefined);
    }
    case 'number': {
      const integer = t.base === 'integer';
      let lo = -Infinity;
      let loIn = true;
      let hi = Infinity;
      let hiIn = true;
      if (t.min) {
        if (!isCanonical(t.min.value)) return undefined;
        lo = doubleOf(t.min.value);
        loIn = t.min.inclusive;
      }
      if (t.max) {
        if (!isCanonical(t.max.value)) return undefined;
        hi = doubleOf(t.max.value);
        hiIn = t.max.inclusive;
      }
      return (raw, ex, key) => {
        if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
        if (integer && !Number.isInteger(raw)) return outOfDomain(ex, key);
        if (loIn ? !(raw >= lo) : !(raw > lo)) return outOfDomain(ex, key);
        if (hiIn ? !(raw <= hi) : !(raw < hi)) return outOfDomain(ex, key);
        if (ex !== undefined) exactIs(ex, key, raw);
        return raw;
      };
    }
    case 'object': {
      const members: { name: string; check: Check; type: ValueType }[] = [];
      for (const [name, ft] of t.fields) {
        const c = checker(ft);
        if (!c) return undefined;
        members.push({ name, check: c, type: ft });
      }
      const known = new Set(members.map((m) => m.name));
      const names = members.map((m) => m.name);
      return (raw, _ex, _key, path, warn) => {
        if (!isRecord(raw)) return undefined;
        const ex = exactNumbersOf(raw);
        // Unknown members are warnings (E122), as in the reference's `stripNulls`, in key order.
        const keys = Object.keys(raw);
        let unknown = keys.length !== members.length;
        for (let k = 0; !unknown && k < keys.length; k++) unknown = !known.has(keys[k] as string);
        if (unknown) for (const k of keys) if (!known.has(k)) warn('E122', `${path}.${k}`, { field: path, member: k });
        const vals: Raw[] = [];
        for (const m of members) {
          const x = ownValue(raw, m.name);
          if (x === null || x === undefined) return undefined;
          const v = m.check(x, ex, m.name, m.type.kind === 'object' ? `${path}.${m.name}` : path, warn);
          if (v === undefined) return undefined;
          vals.push(v);
        }
        return new ObjV(names, vals, ex);
      };
    }
  }
}

const TRUE_EV: EvidenceValue = { kind: 'bool', b: true };
const FALSE_EV: EvidenceValue = { kind: 'bool', b: false };
const symCache = new Map<string, EvidenceValue>();
const SMALL_INTS: readonly EvidenceValue[] = Array.from({ length: 1024 }, (_, k) => ({ kind: 'num' as const, q: Rational.fromInt(k) }));

/**
 * A number's evidence value whose exact `q` is built when first read (an own, enumerable accessor: spreading,
 * JSON and deep equality see a plain `q`). Most results are never read down to every value's Rational.
 */
function lazyNum(x: number): EvidenceValue {
  let q: Rational | undefined;
  const v = {
    kind: 'num' as const,
    get q(): Rational {
      return (q ??= ratOf(x));
    },
  };
  // The double itself, for writers of JSON (a decimal double prints as its exact value); not enumerable.
  Object.defineProperty(v, RAW_NUMBER, { value: x });
  return v;
}

/** Key of the double behind a number value built by the plan (see `lazyNum`). */
export const RAW_NUMBER: unique symbol = Symbol('assay.rawNumber');

/** The reference's `EvidenceValue` of an accepted raw value (cached: values repeat across platforms). */
export function evidenceOf(v: Raw, exact?: Rational): EvidenceValue {
  if (typeof v === 'number') {
    if (exact !== undefined) return { kind: 'num', q: exact };
    if (Number.isSafeInteger(v) && v >= 0 && v < SMALL_INTS.length) return SMALL_INTS[v] as EvidenceValue;
    return lazyNum(v);
  }
  if (typeof v === 'boolean') return v ? TRUE_EV : FALSE_EV;
  if (typeof v === 'string') {
    let e = symCache.get(v);
    if (e === undefined) {
      if (symCache.size >= 4096) symCache.clear();
      symCache.set(v, (e = { kind: 'sym', s: v }));
    }
    return e;
  }
  return v.ev;
}

/** One evidence field (an input or an indicator under its current id). */
export interface Slot {
  readonly id: string;
  readonly index: number;
  readonly check: Check;
}

/** Compiled evidence reader of a model; `undefined` when the model has a type without a fast check. */
export interface EvidenceReader {
  readonly slots: readonly Slot[];
  readonly slotOf: ReadonlyMap<string, number>;
  /**
   * Fills `raw`, `keys` and `sym` (length = slots) from the evidence and reports the reference's warnings; throws
   * Bail on anything the reference would report as an error. `sym` gets, for each enum field with a value, the
   * value's index in its type's list (other entries are left as they were). `quiet`: a decision is wanted, so
   * `keys` is not filled. `lenient` false: a percentage written as a fraction is the reference's error E162
   * (`INVALID`); by default it is handed over (the reference decides between E162 and the warning E167).
   */
  read(evidence: unknown, raw: (Raw | undefined)[], keys: (string | undefined)[], sym: Int32Array, warn: Warn, quiet?: boolean, lenient?: boolean): void;
}

/** A double window (lo, hi] or (lo, hi) of a field's numbers that the reference may find implausible. */
export interface SuspectWindow {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
  /** Whether the window's upper end includes `hi`. */
  readonly hiIn: boolean;
  /** The field's rules, to read a value inside the window exactly. */
  readonly rules: readonly PlausibilityRule[];
}

/**
 * The numbers the reference may find implausible (evidence/intake.ts), one window per rule: exact where a bound is
 * canonical (a decimal double compares with it as its exact value does), else a little wider. A fast path hands a
 * value inside over (the plan's reader, generated deciders) and the reference decides exactly.
 */
export function suspectWindows(model: Model): readonly SuspectWindow[] {
  const out: SuspectWindow[] = [];
  for (const [id, rules] of plausibilityRules(model)) {
    for (const r of rules) {
      const top = r.atMost ?? r.below;
      const lo = r.above === undefined ? -Infinity : isCanonical(r.above) ? doubleOf(r.above) : widen(doubleOf(r.above), -1);
      const hiExact = top === undefined || isCanonical(top);
      const hi = top === undefined ? Infinity : hiExact ? doubleOf(top) : widen(doubleOf(top), 1);
      out.push({ id, lo, hi, hiIn: r.below === undefined || !hiExact, rules });
    }
  }
  return out;
}

export function compileEvidenceReader(model: Model): EvidenceReader | undefined {
  const slots: Slot[] = [];
  const slotOf = new Map<string, number>();
  for (const [id, f] of model.fields) {
    if (!f.type) return undefined;
    const check = checker(f.type);
    if (!check) return undefined;
    slotOf.set(id, slots.length);
    slots.push({ id, index: slots.length, check });
  }
  const n = slots.length;
  /** Slots of the fields a platform must give (`Model.required`). */
  const required = model.required.flatMap((id) => slotOf.get(id) ?? []);
  const formerOf = new Map<string, number>();
  // Fields with several former ids: which of their keys wins is decided by `keyed` (the last one, as the reference).
  const formers = new Uint8Array(n);
  for (const [old, id] of model.formerIds) {
    const s = slotOf.get(id);
    if (s === undefined) continue;
    formerOf.set(old, s);
    formers[s] = Math.min(2, (formers[s] as number) + 1);
  }
  const ids = slots.map((s) => s.id);
  const checks = slots.map((s) => s.check);
  const pickedBuf: unknown[] = new Array<unknown>(n);
  const orderBuf: number[] = [];
  let warned = false;
  const noteWarning: Warn = () => {
    warned = true;
  };
  /** Warnings of the fast path, given once it succeeds: the key, and the current id beside it (E121) or '' (E120). */
  const pendKey: string[] = [];
  const pendCur: string[] = [];
  /** The key last seen at each place of an evidence object (the first `cachedKeys`), and its slot (-1: none). */
  const cachedKeys = Math.max(CACHED_KEYS, 2 * n);
  const keyAt: (string | undefined)[] = new Array<string | undefined>(cachedKeys).fill(undefined);
  const slotAt = new Int32Array(cachedKeys);

  // Numbers the reference may find implausible, as double windows (`suspectWindows`): a value inside is handed over.
  const windows = suspectWindows(model).filter((w) => slotOf.has(w.id));
  const suspect = windows.map((w) => slotOf.get(w.id) as number);
  const suspectLo = windows.map((w) => w.lo);
  const suspectHi = windows.map((w) => w.hi);
  /** Whether the window's upper end includes its bound. */
  const suspectHiIn = windows.map((w) => w.hiIn);
  /** The field's rules, read exactly for a value inside a window. */
  const suspectRules = windows.map((w) => w.rules);
  const suspectType = windows.map((w) => (model.fields.get(w.id) as { type: NumberType }).type);

  // Each field's check, flattened for the fast path (objects keep their checker).
  const kind = new Int8Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const flags = new Uint8Array(n);
  /** Each enum field's values, to their index in the type's list. */
  const enums: (ReadonlyMap<string, number> | undefined)[] = [];
  /** One map per list of values, shared by the fields that list them (thousands of maps miss the cache). */
  const enumMaps = new Map<string, ReadonlyMap<string, number>>();
  const enumMap = (values: readonly string[]): ReadonlyMap<string, number> => {
    const key = JSON.stringify(values);
    let m = enumMaps.get(key);
    if (m === undefined) enumMaps.set(key, (m = new Map(values.map((x, k) => [x, k]))));
    return m;
  };
  slots.forEach((slot, i) => {
    const t = (model.fields.get(slot.id) as { type: ValueType }).type;
    enums.push(t.kind === 'enum' ? enumMap(t.values) : undefined);
    if (t.kind === 'boolean') kind[i] = K_BOOL;
    else if (t.kind === 'enum') kind[i] = K_ENUM;
    else if (t.kind === 'number') {
      kind[i] = K_NUM;
      // checker() accepted the type, so its bounds are canonical.
      lo[i] = t.min ? doubleOf(t.min.value) : -Infinity;
      hi[i] = t.max ? doubleOf(t.max.value) : Infinity;
      flags[i] = (t.base === 'integer' ? F_INT : 0) | (t.min && !t.min.inclusive ? F_LO_OPEN : 0) | (t.max && !t.max.inclusive ? F_HI_OPEN : 0);
    } else kind[i] = K_OTHER;
  });

  /**
   * The common case, in one pass over the keys: every key is a field, the former id of a field whose current id is
   * absent, or a key that only warns (E120 unknown, E121 former id beside its current one, ignored); no object
   * member warns. Values are checked in key order, as the reference does, so an invalid one is invalid evidence
   * either way, and the warnings, given at the end, come in key order as the reference's do. Returns false, with
   * nothing decided and no warning given, when an object member would warn (E122, which the reference gives after
   * the others) or a field has several former ids: `keyed` then reads it.
   */
  const fast = (evidence: object, raw: (Raw | undefined)[], keys: (string | undefined)[], sym: Int32Array, warn: Warn, quiet: boolean): boolean => {
    const e = evidence as Record<string, unknown>;
    raw.fill(undefined);
    // A decision (quiet) never reads which key gave a value.
    if (!quiet) keys.fill(undefined);
    const ex = exactNumbersOf(e);
    warned = false;
    pendKey.length = 0;
    pendCur.length = 0;
    // `for in` over own keys, not `Object.keys`: V8 reads `e[key]` through the object's enum cache (a field load,
    // not a keyed lookup) and drops the own-property check while the object keeps its shape. Own keys come in
    // `Object.keys`'s order; inherited enumerable ones are not evidence.
    let j = 0;
    for (const key in e) {
      if (!hasOwn.call(e, key)) continue;
      const x = e[key];
      const place = j++;
      if (x === null || x === undefined) continue;
      // The key's slot: most platforms of a corpus have the previous one's keys in the same places.
      let s: number | undefined;
      if (place < cachedKeys && keyAt[place] === key) s = slotAt[place] as number;
      else {
        s = slotOf.get(key);
        if (place < cachedKeys) {
          keyAt[place] = key;
          slotAt[place] = s === undefined ? -1 : s;
        }
      }
      if (s === undefined || s < 0) {
        s = formerOf.get(key);
        // An unknown key (E120) or a former id beside its current one (E121, ignored) only warns.
        if (s === undefined) {
          if (fieldHint(model, key) !== undefined) throw HINT_BAIL;
          pendKey.push(key);
          pendCur.push('');
          continue;
        }
        if (formers[s] === 2) return false;
        const cur = ownValue(e, ids[s] as string);
        if (cur !== null && cur !== undefined) {
          pendKey.push(key);
          pendCur.push(ids[s] as string);
          continue;
        }
      }
      let v: Raw | undefined;
      switch (kind[s]) {
        case K_BOOL:
          v = typeof x === 'boolean' ? x : undefined;
          break;
        case K_ENUM: {
          const at = typeof x === 'string' ? (enums[s] as ReadonlyMap<string, number>).get(x) : undefined;
          if (at !== undefined) {
            v = x as string;
            sym[s] = at;
          }
          break;
        }
        case K_NUM: {
          if (typeof x !== 'number' || !Number.isFinite(x)) break;
          const f = flags[s] as number;
          const l = lo[s] as number;
          const h = hi[s] as number;
          if ((f & F_INT) !== 0 && !Number.isInteger(x)) v = outOfDomain(ex, key);
          else if ((f & F_LO_OPEN) !== 0 ? !(x > l) : !(x >= l)) v = outOfDomain(ex, key);
          else if ((f & F_HI_OPEN) !== 0 ? !(x < h) : !(x <= h)) v = outOfDomain(ex, key);
          else {
            if (ex !== undefined) exactIs(ex, key, x);
            v = x;
          }
          break;
        }
        default:
          v = (checks[s] as Check)(x, ex, key, key, noteWarning);
          if (warned) return false;
      }
      if (v === undefined) throw INVALID_BAIL;
      raw[s] = v;
      if (!quiet) keys[s] = key;
    }
    for (let k = 0; k < pendKey.length; k++) {
      const key = pendKey[k] as string;
      const cur = pendCur[k] as string;
      if (cur === '') warn('E120', key, { field: key });
      else warn('E121', key, { old: key, new: cur });
    }
    return true;
  };

  const keyed = (evidence: object, raw: (Raw | undefined)[], keys: (string | undefined)[], sym: Int32Array, warn: Warn): void => {
    for (let i = 0; i < n; i++) {
      raw[i] = undefined;
      keys[i] = undefined;
    }
    // Buffers shared by every call (`read` never calls out to code that could read again before it returns).
    const picked = pickedBuf;
    for (let i = 0; i < n; i++) picked[i] = undefined;
    // Slots in the order they were first picked (the reference's Map order, which orders E122 warnings).
    const order = orderBuf;
    order.length = 0;
    const ex = exactNumbersOf(evidence);
    // `for … in` with a read of the key it gives is V8's fastest walk of an object's properties; inherited keys
    // (a polluted prototype) are skipped, so this reads what `Object.keys` lists, in its order.
    for (const key in evidence) {
      const x = (evidence as Record<string, unknown>)[key];
      if (x === null || x === undefined || !hasOwn.call(evidence, key)) continue;
      let s = slotOf.get(key);
      if (s === undefined) {
        s = formerOf.get(key);
        if (s === undefined) {
          if (fieldHint(model, key) !== undefined) throw HINT_BAIL;
          warn('E120', key, { field: key });
          continue;
        }
        const current = (slots[s] as Slot).id;
        const cur = ownValue(evidence, current);
        if (cur !== null && cur !== undefined) {
          warn('E121', key, { old: key, new: current });
          continue;
        }
      }
      if (picked[s] === undefined) order.push(s);
      picked[s] = x;
      keys[s] = key;
    }
    for (const i of order) {
      const v = (checks[i] as Check)(picked[i], ex, keys[i] as string, keys[i] as string, warn);
      if (v === undefined) throw INVALID_BAIL;
      raw[i] = v;
      if (kind[i] === K_ENUM) sym[i] = (enums[i] as ReadonlyMap<string, number>).get(v as string) as number;
    }
  };

  const read = (evidence: unknown, raw: (Raw | undefined)[], keys: (string | undefined)[], sym: Int32Array, warn: Warn, quiet = false, lenient = true): void => {
    if (!isRecord(evidence)) throw new Bail('evidence is not a mapping');
    if (!fast(evidence, raw, keys, sym, warn, quiet)) keyed(evidence, raw, keys, sym, warn);
    // A required field without a value: the reference reports it (E170, outcome `invalid`).
    for (const s of required) if (raw[s] === undefined) throw INVALID_BAIL;
    let far = -1;
    for (let k = 0; k < suspect.length; k++) {
      const s = suspect[k] as number;
      const v = raw[s];
      if (typeof v !== 'number' || !(v > (suspectLo[k] as number))) continue;
      if (!(suspectHiIn[k] ? v <= (suspectHi[k] as number) : v < (suspectHi[k] as number))) continue;
      // Inside the window: the reference's rule, read exactly. The double is the number's exact value here (a
      // number whose source text differs was handed over by the checks above).
      const r = implausible(suspectRules[k] as readonly PlausibilityRule[], ratOf(v));
      if (r === undefined) continue;
      // A fraction for a percentage: an error (E162, outcome `invalid`), or when lenient a warning, which the
      // reference gives.
      if (r.kind === 'fraction') {
        if (percentOf(suspectType[k] as NumberType, ratOf(v)) !== undefined) throw lenient ? PLAUSIBILITY_BAIL : INVALID_BAIL;
        continue;
      }
      // Far off (E163, E164): a warning, given after every other one (the reference checks plausibility last, in
      // key order; with a second field, that order decides, so the reference does).
      if (far >= 0 && suspect[far] !== s) throw PLAUSIBILITY_BAIL;
      far = k;
    }
    if (far >= 0) farWarning(evidence, raw, keys, far, warn);
  };

  /** The warning of a number far outside its bands (E163 below, E164 above), worded as validate.ts words it. */
  const farWarning = (evidence: object, raw: readonly (Raw | undefined)[], keys: readonly (string | undefined)[], k: number, warn: Warn): void => {
    const s = suspect[k] as number;
    const id = ids[s] as string;
    // The key the value was read under (`keys` is not filled for a decision): its id, unless read under a former id.
    const key = keys[s] ?? (ownValue(evidence, id) === raw[s] ? id : undefined);
    if (key === undefined) throw PLAUSIBILITY_BAIL;
    const q = ratOf(raw[s] as number);
    const r = implausible(suspectRules[k] as readonly PlausibilityRule[], q) as PlausibilityRule;
    warn(r.kind === 'below' ? 'E163' : 'E164', key, { field: key, found: q.toDecimalString(), bound: r.bound.toDecimalString() });
  };
  return { slots, slotOf, read };
}
