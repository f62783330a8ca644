// The benchmark's contenders, built alike in the main thread and in each contender's own worker.
// In: the repository root and the number of platforms. Out: csp-assessment@0.9 compiled, its platforms, and one
// `Contender` per engine: how it decides a platform (for the check against the reference) and what is timed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { fieldsSchema } from '../engine/evidence/schema';
import { compileRuleset } from '../engine/index';
import type { PlatformInput } from '../engine/evaluate/evaluate';
import { exportJsonLogic } from '../engine/export/jsonlogic';
import { compilePlan, type Plan } from '../engine/plan/index';
import type { CompiledRuleset } from '../engine/compile';
import { corpusLike } from './corpus';
import { scoreHandwritten } from './handwritten';
import { LEVELS, OUTCOMES, scoreStraight } from './straight-line';
import { rulesScorer } from './rules-engine';
import { attachGenerated } from '../cli/generated';
import { generatedStats } from '../engine/index';

export interface Decision {
  readonly outcome: string;
  readonly level: string | null;
  readonly total: number;
}

export interface Contender {
  readonly name: string;
  /** Decides one platform (sync or async), as a `Decision` for checking results against the oracle. */
  readonly decide: (p: PlatformInput) => Decision | Promise<Decision>;
  /**
   * What is timed, when it differs from `decide`: the contender's own form of the decision. Assay's is exact (a
   * `Rational` total); turning it into a double only serves the check against the others, so it is not timed.
   */
  readonly run?: (p: PlatformInput) => unknown;
  /** `decide` returns a promise (json-rules-engine). */
  readonly async?: boolean;
  /** Timed in fewer rounds (it takes long). */
  readonly slow?: boolean;
  /** Set up before its results are checked and timed, where it runs (importing a generated module). */
  readonly prepare?: () => Promise<void>;
  /** A line for the report, read after its results were checked (one pass over the platforms). */
  readonly note?: () => string;
}

export interface Bench {
  readonly text: string;
  readonly ruleset: CompiledRuleset;
  /** A plan of the ruleset whose stats count the platforms it hands over (for the report). */
  readonly plan: Plan;
  readonly platforms: readonly PlatformInput[];
  readonly contenders: readonly Contender[];
  /** Why the JsonLogic contenders are missing, if they are. */
  readonly missing?: string;
}

export const RULESET = ['rulesets', 'csp-assessment', '0.9.assay'] as const;

/** `ruleset.decide(p)` with the generated module attached, and without (the plan alone). */
export const GENERATED_DECIDE = 'Assay decide, generated module attached (ruleset.decide(p): decision with errors, warnings)';
export const PLAN_DECIDE = 'Assay decide, plan only (ruleset.decide(p) without a generated module)';
/** `ruleset.evaluate(p)` without a generated module, and with it (invalid evidence by the generated checks). */
export const PLAN_EVALUATE = 'Assay evaluate (ruleset.evaluate(p): full result, JSON shape)';
export const GENERATED_EVALUATE = 'Assay evaluate, generated module attached (ruleset.evaluate(p): full result)';

/** The name of the first contender, the limit every ratio is taken against. */
export const STRAIGHT_LINE = 'straight-line scorer (bench/straight-line.ts, the limit)';

export function same(a: Decision, b: Decision): boolean {
  return a.outcome === b.outcome && a.level === b.level && Math.abs(a.total - b.total) < 1e-9;
}

/** The reference evaluator's decision: the oracle every contender is checked against. */
export function oracleOf(ruleset: CompiledRuleset, p: PlatformInput): Decision {
  const a = ruleset.assess(p, { engine: 'reference' });
  return { outcome: a.outcome, level: a.level, total: a.total.toNumber() };
}

export function setUp(root: string, n: number): Bench {
  const text = readFileSync(join(root, ...RULESET), 'utf8');
  const ruleset = compileRuleset(text).ruleset;
  if (!ruleset) throw new Error('csp-assessment 0.9 does not compile');
  const model = ruleset.model;
  const plan = compilePlan(model, (input, opts) => ruleset.assess(input, { ...opts, engine: 'reference' }));
  const platforms = corpusLike(model, n, root);
  const decisionOf = (a: { outcome: string; level: string | null; total: { toNumber(): number } }): Decision => ({
    outcome: a.outcome,
    level: a.level,
    total: a.total.toNumber(),
  });

  // The generated module, attached where a contender runs (its worker), before its results are checked.
  let generated: CompiledRuleset | undefined;
  const prepare = async (): Promise<void> => {
    if (generated) return;
    const a = await attachGenerated(ruleset, join(root, 'dist', 'generated'));
    if (a.why !== undefined) throw new Error(`csp-assessment 0.9 not covered by the generator: ${a.why}`);
    generated = a.ruleset;
  };
  const attached = (): CompiledRuleset => {
    if (!generated) throw new Error('generated module not prepared');
    return generated;
  };

  const contenders: Contender[] = [
    {
      // The limit: every field read by name at a fixed site, integer sums, nothing allocated per platform.
      name: STRAIGHT_LINE,
      decide: (p) => {
        const s = scoreStraight(p.evidence as Record<string, unknown>);
        return { outcome: OUTCOMES[s.outcome] as string, level: s.level < 0 ? null : (LEVELS[s.level] as string), total: s.totalN / s.totalD };
      },
      run: (p) => scoreStraight(p.evidence as Record<string, unknown>),
    },
    { name: 'hand-written scorer (bench/handwritten.ts)', decide: (p) => scoreHandwritten(p.evidence as Record<string, unknown>) },
    {
      // As a user gets it from the CLI and the bundled registry: the generated module (engine/generate/), imported
      // from the cache folder and attached; the plan decides whatever it bails on.
      name: GENERATED_DECIDE,
      prepare,
      note: () => {
        const st = generatedStats(attached());
        return st ? `generated module: ${st.decided} platforms decided, ${st.bailed} handed to the plan (checking pass)` : '';
      },
      decide: (p) => decisionOf(attached().decide(p)),
      run: (p) => attached().decide(p),
    },
    {
      name: 'Assay decide, generated module, without messages',
      prepare,
      decide: (p) => decisionOf(attached().decide(p, { messages: false })),
      run: (p) => attached().decide(p, { messages: false }),
    },
    {
      // `assay eval --decision`: with the messages of invalid evidence (the reference's validation) and warnings.
      name: PLAN_DECIDE,
      decide: (p) => decisionOf(ruleset.decide(p)),
      run: (p) => ruleset.decide(p),
    },
    {
      // What the others give: the decision, no message (`invalid` says the evidence is invalid, not why).
      name: 'Assay decide, plan only, without messages (outcome, level, exact total)',
      decide: (p) => decisionOf(ruleset.decide(p, { messages: false })),
      run: (p) => ruleset.decide(p, { messages: false }),
    },
    {
      // The call the README shows first: the full result as the CLI's JSON shape.
      name: PLAN_EVALUATE,
      decide: (p) => {
        const j = ruleset.evaluate(p);
        return { outcome: j.outcome, level: j.level, total: j.total };
      },
      run: (p) => ruleset.evaluate(p),
    },
    {
      name: GENERATED_EVALUATE,
      prepare,
      decide: (p) => {
        const j = attached().evaluate(p);
        return { outcome: j.outcome, level: j.level, total: j.total };
      },
      run: (p) => attached().evaluate(p),
    },
    { name: 'Assay assess (full exact Assessment)', decide: (p) => decisionOf(ruleset.assess(p)), run: (p) => ruleset.assess(p) },
    {
      name: 'Assay compiled plan with tracing (every event)',
      decide: (p) => {
        let k = 0;
        return decisionOf(ruleset.assess(p, { trace: () => void k++ }));
      },
      run: (p) => {
        let k = 0;
        return ruleset.assess(p, { trace: () => void k++ });
      },
    },
    {
      name: 'Assay reference evaluator (tree-walking)',
      decide: (p) => decisionOf(ruleset.assess(p, { engine: 'reference' })),
      run: (p) => ruleset.assess(p, { engine: 'reference' }),
      slow: true,
    },
  ];

  let missing: string | undefined;
  try {
    const rules = exportJsonLogic(model).rules;
    const data = (p: PlatformInput): unknown => ({ evidence: p.evidence });
    contenders.push({
      name: 'json-logic-js on the JsonLogic export',
      decide: (p) => {
        const d = data(p);
        return { outcome: String(jsonLogic.apply(rules.outcome, d)), level: jsonLogic.apply(rules.level, d) as string | null, total: Number(jsonLogic.apply(rules.total, d)) };
      },
      slow: true,
    });
    // maxDepth: the export reduces over objects (its default of 0 refuses object accumulators).
    const engine = new LogicEngine(undefined, { maxDepth: Infinity });
    const fo = engine.build(rules.outcome) as (d: unknown) => unknown;
    const fl = engine.build(rules.level) as (d: unknown) => unknown;
    const ft = engine.build(rules.total) as (d: unknown) => unknown;
    const logicEngine = (p: PlatformInput): Decision => {
      const d = data(p);
      return { outcome: String(fo(d)), level: fl(d) as string | null, total: Number(ft(d)) };
    };
    contenders.push({ name: 'json-logic-engine (compiled) on the JsonLogic export', decide: logicEngine });
    // What a user of the export needs for the same results: the evidence validated first (the export decides valid
    // evidence only), here with ajv against the ruleset's published schema of the evidence (null: absent).
    const valid = new Ajv({ strict: false }).compile(fieldsSchema(model, true, { plausibility: true }));
    contenders.push({
      name: 'json-logic-engine + ajv validation of the evidence',
      decide: (p) => (valid(p.evidence) ? logicEngine(p) : { outcome: 'invalid', level: null, total: 0 }),
    });
  } catch (e) {
    missing = e instanceof Error ? e.message : String(e);
  }
  const rulesEngine = rulesScorer(model);
  contenders.push({
    name: 'json-rules-engine (bench/rules-engine.ts)',
    decide: (p) => rulesEngine({ ...(p.evidence as Record<string, unknown>) }),
    async: true,
    slow: true,
  });
  return { text, ruleset, plan, platforms, contenders, ...(missing !== undefined ? { missing } : {}) };
}

/** How many platforms (of those it times, `roundSize`) a contender decides otherwise than the oracle. */
export async function differing(c: Contender, platforms: readonly PlatformInput[], oracle: readonly Decision[]): Promise<number> {
  let bad = 0;
  for (let k = 0; k < roundSize(c, platforms.length); k++) if (!same(await c.decide(platforms[k] as PlatformInput), oracle[k] as Decision)) bad++;
  return bad;
}

/** Slow contenders time their rounds on the first this many platforms (their rate is per platform all the same). */
export const SLOW_PLATFORMS = 4000;

/** How many platforms a timed round of the contender covers (the first ones), of `n`. */
export function roundSize(c: Contender, n: number): number {
  return c.slow ? Math.min(n, SLOW_PLATFORMS) : n;
}

/** One pass of the contender over its platforms (`roundSize`): what a timed round runs. */
export function passOf(c: Contender, all: readonly PlatformInput[]): () => unknown {
  const platforms = all.slice(0, roundSize(c, all.length));
  if (c.async) {
    return async () => {
      for (const p of platforms) await c.decide(p);
    };
  }
  const run = c.run ?? c.decide;
  return () => {
    for (const p of platforms) run(p);
  };
}
