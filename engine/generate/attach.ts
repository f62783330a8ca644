// Attaching a generated decide module (engine/generate/generate.ts, imported by a front end) to a compiled
// ruleset. In: a `CompiledRuleset` and the module's namespace. Out: the same ruleset whose `decide` asks the
// generated code first and the plan whenever it bails; refused (`GeneratedMismatch`) when the module was generated
// from another ruleset (its content hash differs) or in another format.

import type { CompiledRuleset } from '../compile';
import type { PlatformInput } from '../evaluate/evaluate';
import type { Decision, EvidenceIssue, Outcome } from '../evaluate/result';
import { ratOfFrac } from '../plan/num';
import { verdict, withMissing } from '../plan/plan';
import { GENERATED_FORMAT } from './generate';
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
}

/** The namespace of an imported generated module. */
export interface GeneratedModule {
  readonly format: number;
  readonly hash: string;
  make(kit: Kit): (evidence: unknown, out: GeneratedOut) => number;
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
  bailed: number;
}
const STATS = new WeakMap<CompiledRuleset, GeneratedStats>();

export function generatedStats(r: CompiledRuleset): GeneratedStats | undefined {
  return STATS.get(r);
}

const NO_ISSUES: readonly EvidenceIssue[] = [];

/** The ids whose bit is set in `mask`, one list per mask (cached: a corpus has few combinations). */
function idLists(ids: readonly string[]): (mask: number) => readonly string[] {
  const cache = new Map<number, readonly string[]>();
  return (mask) => {
    let l = cache.get(mask);
    if (l === undefined) {
      l = ids.filter((_, k) => (mask & (1 << k)) !== 0);
      cache.set(mask, l);
    }
    return l;
  };
}

/** `r` with `decide` answered by the generated module where it can. Throws `GeneratedMismatch` for a wrong module. */
export function withGenerated(r: CompiledRuleset, mod: GeneratedModule): CompiledRuleset {
  if (mod.format !== GENERATED_FORMAT) throw new GeneratedMismatch('format', `generated module format ${String(mod.format)}, expected ${GENERATED_FORMAT}`);
  if (mod.hash !== r.identity.hash) throw new GeneratedMismatch('hash', `generated module of ruleset ${String(mod.hash)}, not of ${r.identity.hash}`);
  const fn = mod.make(KIT);
  const m = r.model;
  const levelIds = m.levels.map((l) => l.id);
  const fallback = m.fallback?.id ?? null;
  const failed = idLists(m.prerequisites.map((p) => p.id));
  const fired = idLists(m.vetoes.map((v) => v.id));
  const out: GeneratedOut = { outcome: '', level: -2, tn: 0, td: 1, pf: 0, vf: 0, missing: false };
  const stats: GeneratedStats = { decided: 0, bailed: 0 };
  const base = r.decide;
  const decide: CompiledRuleset['decide'] = (input, opts = {}) => {
    // The reference on request, and leniency (which changes what some evidence means), go to the plan.
    if (opts.engine !== 'reference' && opts.lenient !== true && typeof input === 'object' && input !== null) {
      let ok = 0;
      try {
        ok = fn((input as PlatformInput).evidence, out);
      } catch {
        // A fraction past the safe range (the plan's `Bail`), or anything else: the plan decides.
        ok = 0;
      }
      if (ok === 1) {
        stats.decided++;
        const outcome = out.outcome as Outcome;
        const level = out.level >= 0 ? (levelIds[out.level] as string) : out.level === -1 ? fallback : null;
        const d = verdict(input, outcome, outcome === 'graded' ? level : null, ratOfFrac(out.tn, out.td), failed(out.pf), fired(out.vf), NO_ISSUES);
        return out.missing ? withMissing(d, () => base(input, opts).missing) : d;
      }
      stats.bailed++;
    }
    return base(input, opts);
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
    evaluate: r.evaluate,
    decide,
  };
  STATS.set(attached, stats);
  return attached;
}
