// Attaching a generated decide module (engine/generate/generate.ts, imported by a front end) to a compiled
// ruleset. In: a `CompiledRuleset` and the module's namespace. Out: the same ruleset whose `decide` and `evaluate`
// ask the generated code first (`evaluate` its full variant, full.ts writing the result) and the plan whenever it
// bails; refused (`GeneratedMismatch`) when the module was generated from another ruleset (its content hash
// differs) or in another format.

import type { CompiledRuleset } from '../compile';
import { invalid as invalidAssessment, type PlatformInput } from '../evaluate/evaluate';
import { toResultJson, type Decision, type EvidenceIssue, type MissingEvidence, type Outcome, type ResultJson } from '../evaluate/result';
import type { IndicatorJson } from '../plan/json';
import { LANGS, type Lang } from '../../dsl/ast';
import type { Model } from '../model/model';
import { compileEvidenceCheck, validateEvidence } from '../evidence/validate';
import { Rational } from '../numbers/rational';
import { ratOfFrac } from '../plan/num';
import { invalidVerdict, verdict } from '../plan/verdicts';
import { otherKeysOf } from './other-keys';
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

/** Rules up to this many: their lists are kept in an array indexed by the mask (no hashing per decision). */
const BY_INDEX = 10;

/** The ids whose bit is set in `mask`, one list per mask (cached: a corpus has few combinations). */
function idLists(ids: readonly string[]): (mask: number) => readonly string[] {
  const make = (mask: number): readonly string[] => ids.filter((_, k) => (mask & (1 << k)) !== 0);
  if (ids.length <= BY_INDEX) {
    const at: (readonly string[] | undefined)[] = new Array<readonly string[] | undefined>(1 << ids.length).fill(undefined);
    at[0] = NO_IDS;
    return (mask) => at[mask] ?? (at[mask] = make(mask));
  }
  const cache = new Map<number, readonly string[]>();
  return (mask) => {
    if (mask === 0) return NO_IDS;
    let l = cache.get(mask);
    if (l === undefined) {
      l = make(mask);
      cache.set(mask, l);
    }
    return l;
  };
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The decision of evidence whose one invalid field is `id`; undefined when the plan must decide (the value was read
 * under a former id, which the errors would name).
 */
function invalidDecision(m: Model, input: PlatformInput, evidence: object, id: string, suspect: boolean, messages: boolean, lang: string | undefined, warnings: readonly EvidenceIssue[]): Decision | undefined {
  if (!messages && !suspect) return verdict(input, 'invalid', null, Rational.ZERO, NO_IDS, NO_IDS, NO_ISSUES);
  const own = hasOwn.call(evidence, id) ? (evidence as Record<string, unknown>)[id] : undefined;
  if (own === undefined || own === null) return undefined;
  const v = fieldIssues(m, id, own, langOf(lang));
  // Empty only for a suspect number (a value the generated checks reject, as the plan's reader does, the
  // reference rejects): then the plan decides.
  if (v.errors.length === 0) return undefined;
  if (!messages) return verdict(input, 'invalid', null, Rational.ZERO, NO_IDS, NO_IDS, NO_ISSUES);
  return invalidVerdict(input, v.errors, warnings.length === 0 ? v.warnings : [...warnings, ...v.warnings]);
}

/** The language messages are rendered in: `lang` when it is one, else English (as the plan and the reference do). */
function langOf(lang: string | undefined): Lang {
  return lang !== undefined && LANGS.includes(lang as Lang) ? (lang as Lang) : 'en';
}

/** No options given (`decide(p)`): one object, not one per call. */
const NO_OPTS: DecideOpts = Object.freeze({});
type DecideOpts = NonNullable<Parameters<CompiledRuleset['decide']>[1]>;

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
  // A decision's `missing`, asked of the plan on first read (the generated code keeps no list of missing fields; most
  // readers of a corpus's decisions never ask).
  const missingOf = (input: PlatformInput, opts: DecideOpts): readonly MissingEvidence[] => base(input, opts).missing;
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
      else if (messages && others.count > 0) warned = others.warnings(langOf(lang));
    }
    return ok;
  };
  // No closure or object per call besides the decision itself (and no `opts = {}` default).
  const decide: CompiledRuleset['decide'] = (input, given) => {
    const opts = given === undefined ? NO_OPTS : given;
    if (eligible(input, opts)) {
      const evidence = input.evidence;
      const messages = opts.messages !== false;
      const ok = attempt(evidence, opts.lang, messages, false);
      if (ok === 1) {
        stats.decided++;
        const outcome = out.outcome as Outcome;
        const level = outcome !== 'graded' ? null : out.level >= 0 ? (levelIds[out.level] as string) : out.level === -1 ? fallback : null;
        const total = ratOfFrac(out.tn, out.td);
        return out.missing
          ? verdict(input, outcome, level, total, failed(out.pf), fired(out.vf), warned, missingOf, input, opts)
          : verdict(input, outcome, level, total, failed(out.pf), fired(out.vf), warned);
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
          const j = writer(input, fullOut, fullOut, langOf(opts.lang), warned);
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
