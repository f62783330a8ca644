// Attaching a generated decide module (engine/generate/generate.ts, imported by a front end) to a compiled
// ruleset. In: a `CompiledRuleset` and the module's namespace. Out: the same ruleset whose `decide` and `evaluate`
// ask the generated code first (`evaluate` its full variant, full.ts writing the result) and the plan whenever it
// bails; refused (`GeneratedMismatch`) when the module was generated from another ruleset (its content hash
// differs) or in another format.

import type { CompiledRuleset } from '../compile';
import { invalid as invalidAssessment, type PlatformInput } from '../evaluate/evaluate';
import { toResultJson, type Decision, type EvidenceIssue, type Outcome, type ResultJson } from '../evaluate/result';
import type { IndicatorJson } from '../plan/json';
import { fieldHint } from '../evidence/intake';
import { LANGS, type Lang } from '../../dsl/ast';
import type { Model } from '../model/model';
import { compileEvidenceCheck, validateEvidence } from '../evidence/validate';
import { Rational } from '../numbers/rational';
import { ratOfFrac } from '../plan/num';
import { sharedIssue } from '../plan/runtime';
import { verdict, withMissing } from '../plan/plan';
import { formerKeys, GENERATED_FORMAT } from './generate';
import { fullDetailOf, fullWriter, type FullDetail } from './full';
import { KIT, type Kit } from './kit';

/** Where the generated code writes its decision (one object per attached ruleset, reused). */
export interface GeneratedOut {
  outcome: string;
  /** Index of the level reached (highest first); −1 the fallback; −2 none. */
  level: number;
  /** total = tn / td. */
  tn: number;
  td: number;
  /** Bit k: prerequisite k fails / veto k fires. */
  pf: number;
  vf: number;
  /** Some evidence field is absent (the decision's `missing` is then asked of the plan when read). */
  missing: boolean;
  /** How many fields the reads found (null included), and whether the evidence has other keys than those. */
  p: number;
  extra: boolean;
  /** When `decide` returned 2: the index (in `model.fields` order) of the one field whose value is invalid. */
  bad: number;
  /** …or, with `suspect`, a number the reference may find implausible (invalid only if its validation says so). */
  suspect: boolean;
}

/** The namespace of an imported generated module. */
export interface GeneratedModule {
  readonly format: number;
  readonly hash: string;
  make(kit: Kit): (evidence: unknown, out: GeneratedOut) => number;
  /** The full variant: the decision and what the full result needs besides (engine/generate/full.ts). */
  makeFull(kit: Kit): (evidence: unknown, out: GeneratedOut & FullDetail) => number;
  /** A full result's `indicators` object from its entries in model order (undefined for an id `__proto__`). */
  readonly indicatorsOf: ((entries: readonly IndicatorJson[]) => ResultJson['indicators']) | undefined;
}

export class GeneratedMismatch extends Error {
  constructor(
    readonly code: 'hash' | 'format',
    message: string,
  ) {
    super(message);
  }
}

/** Platforms decided by generated code and handed to the plan, per attached ruleset (for tests and the bench). */
export interface GeneratedStats {
  decided: number;
  /** Of those decided, how many were invalid evidence (one field at fault). */
  invalid: number;
  bailed: number;
  /** Full results (`evaluate`) written from the full variant's output. */
  written: number;
}
const STATS = new WeakMap<CompiledRuleset, GeneratedStats>();

export function generatedStats(r: CompiledRuleset): GeneratedStats | undefined {
  return STATS.get(r);
}

const NO_ISSUES: readonly EvidenceIssue[] = [];
const NO_IDS: readonly string[] = [];

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The ids whose bit is set in `mask`, one list per mask (cached: a corpus has few combinations). */
function idLists(ids: readonly string[]): (mask: number) => readonly string[] {
  const cache = new Map<number, readonly string[]>();
  return (mask) => {
    if (mask === 0) return NO_IDS;
    let l = cache.get(mask);
    if (l === undefined) {
      l = ids.filter((_, k) => (mask & (1 << k)) !== 0);
      cache.set(mask, l);
    }
    return l;
  };
}

const hasOwn = Object.prototype.hasOwnProperty;
/** How a key is read: a field or a former id the generated code reads, a key that only warns, or one for the plan. */
const K_READ = 0;
const K_WARN = 1;
const K_PLAN = 2;
/** How many places of an evidence object's keys are remembered (most platforms of a corpus share their keys). */
const PLACES = 256;

/**
 * The keys besides those the generated code read, for one attached ruleset (called after the generated code
 * returned non-zero: the evidence has no inherited enumerable key). `read` returns true when each is an
 * unknown key that only warns (E120: not a former id, not like a field's name, as the plan's reader decides) and
 * the reads saw exactly the own enumerable field keys; those keys are then in `unknown`, in key order. False: the
 * plan decides. `warnings` renders them once per key and language.
 */
function otherKeysOf(m: Model, formers: ReadonlySet<string>): { read(evidence: object, found: number): boolean; readonly unknown: string[]; warnings(lang: Lang): readonly EvidenceIssue[] } {
  const unknown: string[] = [];
  const keyAt: (string | undefined)[] = new Array<string | undefined>(PLACES).fill(undefined);
  const kindAt = new Uint8Array(PLACES);
  const kindOf = (key: string): number =>
    m.fields.has(key) || formers.has(key) ? K_READ : m.formerIds.has(key) || fieldHint(m, key) !== undefined ? K_PLAN : K_WARN;
  const issues = new Map<string, EvidenceIssue>();
  let lastLang = '';
  let lastKeys: readonly string[] = [];
  let lastList: readonly EvidenceIssue[] = [];
  return {
    unknown,
    read(evidence, found) {
      unknown.length = 0;
      let known = 0;
      // The generated code has seen every key `for…in` gives to be own: no `hasOwnProperty` call per field key (it
      // cost an eighth of `decide`), and no array of the keys (`Object.keys`: garbage).
      let place = -1;
      for (const key in evidence) {
        place++;
        let kind: number;
        if (place < PLACES && keyAt[place] === key) kind = kindAt[place] as number;
        else {
          kind = kindOf(key);
          if (place < PLACES) {
            keyAt[place] = key;
            kindAt[place] = kind;
          }
        }
        if (kind === K_READ) {
          known++;
          continue;
        }
        // (Own as the generated code saw it, unless a getter it ran changed that: then the plan decides.)
        if (!hasOwn.call(evidence, key)) return false;
        const x = (evidence as Record<string, unknown>)[key];
        // A key without a value is not read at all (no warning), as by the plan's reader.
        if (x === null || x === undefined) continue;
        if (kind === K_PLAN) return false;
        unknown.push(key);
      }
      return known === found;
    },
    warnings(lang) {
      // The same unknown keys as the platform before (a corpus of one shape): the same frozen list.
      if (lang === lastLang && sameKeys(unknown, lastKeys)) return lastList;
      lastLang = lang;
      lastKeys = unknown.slice();
      lastList = Object.freeze(unknown.map((key) => {
        const k = `${lang}\u0000${key}`;
        let issue = issues.get(k);
        if (issue === undefined) {
          if (issues.size >= 4096) issues.clear();
          issue = sharedIssue('E120', key, { field: key }, lang);
          issues.set(k, issue);
        }
        return issue;
      }));
      return lastList;
    },
  };
}

/**
 * The decision of evidence whose one invalid field is `id`; undefined when the plan must decide (the value was read
 * under a former id, which the errors would name).
 */
function invalidDecision(m: Model, input: PlatformInput, evidence: object, id: string, suspect: boolean, messages: boolean, lang: string | undefined, warnings: readonly EvidenceIssue[]): Decision | undefined {
  const d = verdict(input, 'invalid', null, Rational.ZERO, NO_IDS, NO_IDS, NO_ISSUES);
  if (!messages && !suspect) return d;
  const own = hasOwn.call(evidence, id) ? (evidence as Record<string, unknown>)[id] : undefined;
  if (own === undefined || own === null) return undefined;
  const v = fieldIssues(m, id, own, LANGS.includes(lang as Lang) ? (lang as Lang) : 'en');
  // Empty only for a suspect number (a value the generated checks reject, as the plan's reader does, the
  // reference rejects): then the plan decides.
  if (v.errors.length === 0) return undefined;
  return messages ? { ...d, errors: v.errors, warnings: warnings.length === 0 ? v.warnings : [...warnings, ...v.warnings] } : d;
}

/** The issues of one field's value alone, by the reference's validation; remembered (frozen) per value and language. */
type FieldIssues = { readonly errors: readonly EvidenceIssue[]; readonly warnings: readonly EvidenceIssue[] };
const fieldCache = new WeakMap<Model, Map<Lang, Map<string, Map<unknown, FieldIssues>>>>();
function fieldIssues(m: Model, id: string, value: unknown, lang: Lang): FieldIssues {
  let byLang = fieldCache.get(m);
  if (byLang === undefined) fieldCache.set(m, (byLang = new Map()));
  let byField = byLang.get(lang);
  if (byField === undefined) byLang.set(lang, (byField = new Map()));
  // Per language and field, keyed by the value itself (no key text built): strings, numbers and booleans only (the
  // generated code bails on any other value), told apart by type as the reference does (+0 and −0 alike).
  let cache = byField.get(id);
  if (cache === undefined) byField.set(id, (cache = new Map()));
  let hit = cache.get(value);
  if (hit === undefined) {
    const alone = Object.create(null) as Record<string, unknown>;
    alone[id] = value;
    const v = validateEvidence(m, compileEvidenceCheck(m), alone, lang, {});
    const freeze = (xs: readonly EvidenceIssue[]): readonly EvidenceIssue[] => Object.freeze(xs.map((x) => Object.freeze({ ...x, args: Object.freeze({ ...x.args }) })));
    hit = { errors: freeze(v.errors), warnings: freeze(v.warnings) };
    if (cache.size >= 4096) cache.clear();
    cache.set(value, hit);
  }
  return hit;
}

/** `r` with `decide` answered by the generated module where it can. Throws `GeneratedMismatch` for a wrong module. */
export function withGenerated(r: CompiledRuleset, mod: GeneratedModule): CompiledRuleset {
  if (mod.format !== GENERATED_FORMAT) throw new GeneratedMismatch('format', `generated module format ${String(mod.format)}, expected ${GENERATED_FORMAT}`);
  if (mod.hash !== r.identity.hash) throw new GeneratedMismatch('hash', `generated module of ruleset ${String(mod.hash)}, not of ${r.identity.hash}`);
  const fn = mod.make(KIT);
  const fullFn = mod.makeFull(KIT);
  const m = r.model;
  const levelIds = m.levels.map((l) => l.id);
  const fallback = m.fallback?.id ?? null;
  const failed = idLists(m.prerequisites.map((p) => p.id));
  const fired = idLists(m.vetoes.map((v) => v.id));
  const fieldIds = [...m.fields.keys()];
  // Former ids the generated code reads itself (counted among the keys it saw).
  const formers = new Set(formerKeys(m).values());
  const others = otherKeysOf(m, formers);
  const out: GeneratedOut = { outcome: '', level: -2, tn: 0, td: 1, pf: 0, vf: 0, missing: false, p: 0, extra: false, bad: -1, suspect: false };
  const stats: GeneratedStats = { decided: 0, invalid: 0, bailed: 0, written: 0 };
  const fullOut: GeneratedOut & FullDetail = { ...out, ...fullDetailOf(m) };
  const writer = fullWriter(m, mod.indicatorsOf);
  const base = r.decide;
  // The reference on request, and leniency (which changes what some evidence means), go to the plan.
  const eligible = (input: PlatformInput, opts: { engine?: string; lenient?: boolean }): boolean =>
    opts.engine !== 'reference' && opts.lenient !== true && typeof input === 'object' && input !== null;
  /** The warnings of unknown keys of the platform `attempt` ran on last (rendered when `messages`). */
  let warned: readonly EvidenceIssue[] = NO_ISSUES;
  /** The generated code on the evidence: 0 (the plan decides), 1 (decided, in `out`), 2 (one invalid field). */
  const attempt = (evidence: unknown, lang: string | undefined, messages: boolean, full: boolean): number => {
    let ok = 0;
    try {
      ok = full ? fullFn(evidence, fullOut) : fn(evidence, out);
    } catch {
      // A fraction past the safe range (the plan's `Bail`), or anything else: the plan decides.
      ok = 0;
    }
    warned = NO_ISSUES;
    const o = full ? fullOut : out;
    if (ok !== 0 && o.extra) {
      if (!others.read(evidence as object, o.p)) ok = 0;
      else if (messages && others.unknown.length > 0) warned = others.warnings(LANGS.includes(lang as Lang) ? (lang as Lang) : 'en');
    }
    return ok;
  };
  const decide: CompiledRuleset['decide'] = (input, opts = {}) => {
    if (eligible(input, opts)) {
      const evidence = (input as PlatformInput).evidence;
      const messages = opts.messages !== false;
      const ok = attempt(evidence, opts.lang, messages, false);
      if (ok === 1) {
        stats.decided++;
        const outcome = out.outcome as Outcome;
        const level = out.level >= 0 ? (levelIds[out.level] as string) : out.level === -1 ? fallback : null;
        const d = verdict(input, outcome, outcome === 'graded' ? level : null, ratOfFrac(out.tn, out.td), failed(out.pf), fired(out.vf), warned);
        return out.missing ? withMissing(d, () => base(input, opts).missing) : d;
      }
      if (ok === 2) {
        // Invalid evidence, one field at fault: without messages the outcome is all; with them, the reference's
        // validation of that field alone gives its errors (every other field is valid, nothing else warns but
        // the unknown keys, which come first, in key order, as the reference gives them).
        const d = invalidDecision(m, input, evidence as object, fieldIds[out.bad] as string, out.suspect, messages, opts.lang, warned);
        if (d !== undefined) {
          stats.decided++;
          stats.invalid++;
          return d;
        }
      }
      stats.bailed++;
    }
    return base(input, opts);
  };
  // The full result: a platform the full variant decided written from its output (full.ts); invalid evidence with
  // one field at fault as `decide` writes its messages (the reference's result of invalid evidence is its decision
  // and nothing else: `toResultJson` of its invalid assessment); any other platform by the plan.
  const evaluate: CompiledRuleset['evaluate'] = (input, opts = {}) => {
    if (writer !== undefined && eligible(input, opts)) {
      const ok = attempt((input as PlatformInput).evidence, opts.lang, true, true);
      if (ok === 1) {
        try {
          const j = writer(input, fullOut, fullOut, LANGS.includes(opts.lang as Lang) ? (opts.lang as Lang) : 'en', warned);
          stats.written++;
          return j;
        } catch {
          // A fraction past the safe range in a dimension's score or the total (the plan's `Bail`): the plan writes it.
        }
      }
      if (ok === 2) {
        const d = invalidDecision(m, input, (input as PlatformInput).evidence as object, fieldIds[fullOut.bad] as string, fullOut.suspect, true, opts.lang, warned);
        if (d !== undefined) return toResultJson(invalidAssessment(d.name === undefined ? { platform: d.platform } : { platform: d.platform, name: d.name }, d.errors, d.warnings));
      }
    }
    return r.evaluate(input, opts);
  };
  const attached: CompiledRuleset = {
    identity: r.identity,
    model: r.model,
    ast: r.ast,
    get text(): string {
      return r.text;
    },
    get evidenceSchema() {
      return r.evidenceSchema;
    },
    assess: r.assess,
    evaluate,
    decide,
  };
  STATS.set(attached, stats);
  return attached;
}
