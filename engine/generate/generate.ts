// Ahead-of-time code generation: the source text of an ES module that decides platforms of one checked ruleset
// in straight-line code. In: a checked `Model` and its content hash. Out: the module's text, or why the generator
// does not cover the ruleset (then `decide` uses the plan alone).
//
// The module exports `format`, `hash`, `rulesetId`, `rulesetVersion` and `make(kit)`; `make` takes the semantics
// owners and the plan's exact fraction operations (engine/generate/kit.ts) and returns `decide(evidence, out)`,
// which returns 1 with the decision written into `out`, or 0 (a "bail") for anything outside its fast path:
// evidence that is invalid, unusual (former ids, inherited or non-enumerable properties, a number the reference
// may find implausible), a band or map that matches nothing (a warning), a fraction that leaves the
// safe range (the kit's `Bail`, thrown). The caller then asks the plan, so results are always the plan's and the
// reference's. `makeFull(kit)` returns the same decision's full variant: it also writes each indicator's points
// and applicability and each rule's truth code into `out` (engine/generate/full.ts writes the full result from
// them), and leaves a rule of unknown truth (the result lists its missing fields), or a field under a former id,
// to the plan.
//
// Every name and literal of the ruleset is written as data (`str`, `num` in source.ts); identifiers are synthetic.
// The language's rules come from engine/semantics/: Kleene logic, `holds`, `applies`, `bandMatches`,
// `prerequisiteFails`, `vetoFires`, `outcomeOf` are called by the generated code through the kit; map entries
// (`mapIndex`/`mapEntry`) and the ladder's decision list (`ladderSteps`) are read at generation time. Weights,
// number bounds and implausible-number windows are the plan's own analyses (`compileWeights`, `suspectWindows`,
// `literalValue`), so the generated code decides exactly as the plan does.

import type { Expr, Points, QuantDomain } from '../../dsl/ast';
import { compileEvidenceReader, suspectWindows } from '../evidence/fast';
import type { Model } from '../model/model';
import type { ValueType } from '../model/value-type';
import { Rational } from '../numbers/rational';
import { literalValue } from '../plan/expr';
import { doubleOf, fracOf, isCanonical } from '../plan/num';
import { planObstacle } from '../plan/plan';
import { layoutOf } from '../plan/runtime';
import { compileWeights, type Weights } from '../plan/scores';
import { mapEntry, mapIndex } from '../semantics/first-match';
import { ladderSteps } from '../semantics/ladder';
import { FALSE, TRUE, UNKNOWN } from '../semantics/truth';
import { Names, NotCovered, num, str } from './source';

/** The generated module's format: `withGenerated` refuses a module of another format. */
export const GENERATED_FORMAT = 2;

export type GenerateResult = { readonly ok: true; readonly source: string } | { readonly ok: false; readonly why: string };

/** A value read from evidence: its variable, its state variable (1: present and valid), its members. */
interface Slot {
  readonly type: ValueType;
  readonly f: string;
  readonly s: string;
  /** Enum: the variable holding the value's index in its type. */
  readonly y?: string;
  /** Object: each member's value variable (present whenever the object is). */
  readonly members?: ReadonlyMap<string, Slot>;
}

/** A compiled expression: a truth code, a known-or-not value, or an exact fraction (`total`, scores, shares). */
type CE =
  | { readonly k: 'truth'; readonly code: string }
  | { readonly k: 'num'; readonly known: string; readonly val: string; readonly lit?: Rational }
  | { readonly k: 'sym' | 'bool'; readonly known: string; readonly val: string }
  | { readonly k: 'frac'; readonly n: string; readonly d: string };

/**
 * A dimension's score and share variables. `shareAt`: the statement computing the share, written where a rule first
 * reads it (a share no rule reads is never computed; one read by the levels alone only for graded platforms).
 */
interface Dim {
  readonly n: string;
  readonly d: string;
  readonly sn: string | undefined;
  readonly sd: string | undefined;
  shareAt: string | undefined;
  readonly index: number;
  readonly fixed: boolean;
}

interface Ctx {
  readonly model: Model;
  readonly names: Names;
  readonly slots: ReadonlyMap<string, Slot>;
  /** Truth-code variables of the rules computed so far (`veto:V1`, `prerequisite:P1`). */
  readonly rules: Map<string, string>;
  /** Score fraction variables of the dimensions computed so far. */
  readonly dims: Map<string, Dim>;
  total: { readonly n: string; readonly d: string } | undefined;
  /** The element bound by the innermost quantifier. */
  bound: { readonly domain: QuantDomain; readonly id: string } | undefined;
  readonly W: Weights;
  readonly out: string[];
  /**
   * The full variant (`makeFull`): it also writes each field's value (`V`), each indicator's points and
   * applicability (`P`, `Q`) and each rule's truth code (`PT`, `VT`) for the full result, and returns 0 when a rule's
   * truth is unknown or a field is read under a former id.
   */
  readonly full: boolean;
}

const T = String(TRUE);
const F = String(FALSE);
const U = String(UNKNOWN);
const OUTCOME_CODES = ['graded', 'vetoed', 'not_rated'] as const;

/**
 * The former id read in place of each field's current id (a field with one former id; evidence under a field with
 * several goes to the plan, which decides which key wins). Shared with attach.ts, which counts those keys as read.
 */
export function formerKeys(model: Model): ReadonlyMap<string, string> {
  const count = new Map<string, number>();
  for (const [, id] of model.formerIds) count.set(id, (count.get(id) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const [old, id] of model.formerIds) if (count.get(id) === 1 && model.fields.has(id) && !model.fields.has(old)) out.set(id, old);
  return out;
}

/** Generates the decide module of a checked model; `hash` is the ruleset's content hash the module embeds. */
export function generateDecider(model: Model, hash: string): GenerateResult {
  try {
    return { ok: true, source: moduleText(model, hash, generate(model, false), generate(model, true)) };
  } catch (e) {
    if (e instanceof NotCovered) return { ok: false, why: e.why };
    throw e;
  }
}

/** The body of `decide` (or, `full`, of the full variant). */
function generate(model: Model, full: boolean): readonly string[] {
  const obstacle = planObstacle(model);
  if (obstacle) throw new NotCovered(obstacle);
  const reader = compileEvidenceReader(model);
  if (!reader) throw new NotCovered('an evidence type without a fast check (a bound that is not a short decimal)');
  const layout = layoutOf(model, reader.slotOf);
  const W = compileWeights(model, layout);
  if (!W) throw new NotCovered('weights that are not short decimals, or sums out of the safe range');
  if (model.derived.length > 0) throw new NotCovered('derived values');
  if (model.totalFormula) throw new NotCovered('a formula total');
  if (model.prerequisites.length > 30 || model.vetoes.length > 30) throw new NotCovered('more than 30 prerequisites or vetoes');
  const names = new Names();
  const out: string[] = [];
  const slots = new Map<string, Slot>();
  const c: Ctx = { model, names, slots, rules: new Map(), dims: new Map(), total: undefined, bound: undefined, W, out, full };

  // Evidence: every field read by name at a fixed site, checked in place.
  out.push('if (typeof e !== "object" || e === null || GP(e) !== OP || exact(e)) return 0;');
  // The own enumerable keys (Object.keys' count: V8 copies the object's enum cache).
  out.push('let n = 0;');
  out.push('for (const k in e) { if (!H.call(e, k)) return 0; n++; }');
  out.push('let p = 0;');
  // The first field whose value is invalid (its type, its domain, an enum value not listed); a second one bails.
  out.push('let bad = -1, sus = false;');
  const windows = suspectWindows(model);
  let at = 0;
  const formers = formerKeys(model);
  for (const [id, field] of model.fields) {
    if (!field.type) throw new NotCovered('a field without a type');
    const slot = readField(c, 'e', id, field.type, at++, formers.get(id));
    slots.set(id, slot);
    // A number the reference may find implausible (plan's windows): the field is at fault unless the reference's
    // validation of it alone says otherwise (a warning, or nothing: then the plan decides).
    for (const w of windows) {
      if (w.id !== id) continue;
      out.push(`if (${slot.s} === 1 && ${slot.f} > ${num(w.lo)} && ${slot.f} ${w.hiIn ? '<=' : '<'} ${num(w.hi)}) { if (bad !== -1) return 0; bad = ${at - 1}; sus = true; }`);
    }
  }
  // Other keys (unknown ones warn, E120), or keys the reads did not see: the counts differ, and the caller reads
  // the keys once more (attach.ts `otherKeys`).
  out.push('o.p = p; o.extra = p !== n;');
  // One invalid field and nothing else unusual: the caller gives the reference's errors of that field alone.
  out.push('if (bad !== -1) { o.bad = bad; o.suspect = sus; return 2; }');
  for (const id of model.required) out.push(`if (${(slots.get(id) as Slot).s} === 0) return 0;`);
  const states = [...slots.values()].map((s) => s.s);
  // Some field absent: the decision's `missing` is asked of the plan when read (over-approximating is harmless).
  out.push(`o.missing = ${states.length === 0 ? 'false' : `(${states.join(' & ')}) === 0`};`);
  // The full variant hands over each field's value (in `model.fields` order; absent: null or undefined).
  if (full) out.push(`${[...slots.values()].map((v, k) => `V[${k}] = ${v.f};`).join(' ')}`);

  // The evaluation order: indicators, dimensions, the total, vetoes, prerequisites (levels last, after the outcome).
  const ind = new Map<number, { readonly p: string; readonly a: string | undefined }>();
  let levels = false;
  for (const node of model.order) {
    switch (node.kind) {
      case 'indicator': {
        const i = model.indicators.findIndex((x) => x.id === node.id);
        ind.set(i, indicator(c, i));
        break;
      }
      case 'dimension':
        dimension(c, node.id, ind);
        break;
      case 'total': {
        const n = names.next('q');
        const d = names.next('q');
        // Σ scores: those over the same constant denominator 10ᴷ·100 added as integers (safe: each is at most
        // T·100 and compileWeights bounds T), the others with the plan's exact fraction sum.
        const bound = [...c.dims.values()].filter((v) => v.fixed).reduce((a, v) => a + (W.total[v.index] as number) * 100, 0);
        const together = Number.isSafeInteger(bound);
        const fixed = [...c.dims.values()].filter((v) => v.fixed && together);
        const varying = [...c.dims.values()].filter((v) => !(v.fixed && together));
        out.push(`let ${n} = ${fixed.length ? fixed.map((v) => v.n).join(' + ') : '0'}, ${d} = ${fixed.length ? W.scale * 100 : 1};`);
        for (const v of varying) out.push(`addFracLcm(${n}, ${d}, ${v.n}, ${v.d}); ${n} = R.n; ${d} = R.d;`);
        c.total = { n, d };
        break;
      }
      case 'veto': {
        const v = model.vetoesById.get(node.id);
        if (!v?.when) throw new NotCovered('a veto without a condition');
        const code = names.next('c');
        out.push(`const ${code} = ${truthOf(compileExpr(c, v.when))};`);
        if (full) out.push(`VT[${model.vetoes.indexOf(v)}] = ${code};`);
        c.rules.set(`veto:${node.id}`, code);
        break;
      }
      case 'prerequisite': {
        const pr = model.prerequisitesById.get(node.id);
        if (!pr) throw new NotCovered('an unknown prerequisite');
        const code = names.next('c');
        out.push(`const ${code} = ${conjunction(c, pr.requires)};`);
        if (full) out.push(`PT[${model.prerequisites.indexOf(pr)}] = ${code};`);
        c.rules.set(`prerequisite:${node.id}`, code);
        break;
      }
      case 'derived':
        throw new NotCovered('derived values');
      case 'levels':
        levels = true;
        break;
      default:
        return assertNeverNode(node);
    }
  }
  if (!c.total) {
    out.push('o.tn = 0; o.td = 1;');
  } else out.push(`o.tn = ${c.total.n}; o.td = ${c.total.d};`);

  // Outcome: engine/semantics/outcome.ts.
  const pre = model.prerequisites.map((x, k) => `(prerequisiteFails(${ruleVar(c, 'prerequisite', x.id)}) ? ${2 ** k} : 0)`);
  const vet = model.vetoes.map((x, k) => `(vetoFires(${ruleVar(c, 'veto', x.id)}) ? ${2 ** k} : 0)`);
  out.push(`const pf = ${pre.length ? pre.join(' | ') : '0'};`);
  out.push(`const vf = ${vet.length ? vet.join(' | ') : '0'};`);
  out.push('o.pf = pf; o.vf = vf;');
  // The full variant leaves a rule whose truth is unknown to the plan: the result lists the fields it missed.
  const ruleCodes = [...c.rules.values()];
  if (full && ruleCodes.length > 0) out.push(`if (o.missing && (${ruleCodes.map((v) => `${v} === ${U}`).join(' || ')})) return 0;`);
  out.push('const oc = outcomeOf(pf !== 0, vf !== 0);');
  out.push('o.outcome = oc;');
  // The level (only when graded): the ladder's decision list from engine/semantics/ladder.ts, each level's own
  // conditions read at most once, as the plan's decision variant reads them.
  if (levels && model.ladder) {
    const ladder = model.ladder;
    out.push(`if (oc !== ${str(OUTCOME_CODES[0])}) { o.level = -2; return 1; }`);
    const steps = ladderSteps(ladder.cumulative, ladder.levels.length);
    for (const step of steps) {
      if (step.level < 0) {
        out.push(`o.level = ${step.gives}; return 1;`);
        break;
      }
      const own = levelHolds(c, (ladder.levels[step.level] as { requires: readonly Expr[] }).requires);
      out.push(`if ((${own}) === ${step.holds}) { o.level = ${step.gives}; return 1; }`);
    }
  } else out.push('o.level = -2; return 1;');

  return out;
}

/**
 * `indicatorsOf(v)`: a full result's `indicators` object as one literal, each id written as a JSON string over the
 * entry at its index. A ruleset with an indicator named `__proto__` gets none (the result's object is then built
 * key by key, as `toResultJson` builds it).
 */
function indicatorsOf(model: Model): string[] {
  if (model.indicators.some((i) => i.id === '__proto__')) return ['export const indicatorsOf = undefined;'];
  return ['export function indicatorsOf(v) {', `  return { ${model.indicators.map((i, k) => `${str(i.id)}: v[${k}]`).join(', ')} };`, '}'];
}

function assertNeverNode(node: never): never {
  throw new NotCovered(`evaluation node ${JSON.stringify(node)}`);
}

function moduleText(model: Model, hash: string, body: readonly string[], fullBody: readonly string[]): string {
  const kit = [
    '  const { andCode, orCode, notCode, holds, applies, bandMatches, decided, prerequisiteFails, vetoFires, outcomeOf, cmpFrac, addFracLcm, R, exact, score, share } = kit;',
    '  const H = Object.prototype.hasOwnProperty;',
    '  const GP = Object.getPrototypeOf;',
    '  const OP = Object.prototype;',
  ];
  return [
    '// Generated by Assay (engine/generate/) from a checked ruleset; do not edit. It decides platforms of that ruleset',
    '// alone and returns 0 for anything outside its fast path (the engine then decides with its plan).',
    `export const format = ${GENERATED_FORMAT};`,
    `export const hash = ${str(hash)};`,
    `export const rulesetId = ${str(model.id)};`,
    `export const rulesetVersion = ${str(model.version)};`,
    'export function make(kit) {',
    ...kit,
    '  return function decide(e, o) {',
    ...body.map((l) => `    ${l}`),
    '  };',
    '}',
    '// The same decision, writing what the full result needs besides (each indicator\'s points and applicability, each',
    '// rule\'s truth code); 0 when a rule\'s truth is unknown or a field is read under a former id.',
    ...indicatorsOf(model),
    'export function makeFull(kit) {',
    ...kit,
    '  return function full(e, o) {',
    '    const P = o.P, Q = o.Q, PT = o.PT, VT = o.VT, V = o.V;',
    ...fullBody.map((l) => `    ${l}`),
    '  };',
    '}',
    '',
  ].join('\n');
}

/**
 * Reads `holder[name]` (own only) and checks it against `type`. `field`: the index of a field (counted, may be
 * absent; a boolean, enum or number value that fails its check marks it `bad`), undefined for an object's member.
 */
function readField(c: Ctx, holder: string, name: string, type: ValueType, field: number | undefined, former?: string): Slot {
  const top = field !== undefined;
  // The reference reads no value under a key `__proto__` (it reports such a field missing whatever it holds):
  // the plan decides those rulesets, as the reference does.
  if (name === '__proto__' || former === '__proto__') throw new NotCovered('a field or member named __proto__');
  const label = c.names.next('b');
  // An invalid value of a field: the first is noted and its checks left; a second one bails.
  const fail = top ? `{ if (bad !== -1) return 0; bad = ${field}; break ${label}; }` : 'return 0;';
  const f = c.names.next('f');
  const s = c.names.next('s');
  // A name Object.prototype has (`constructor`, `__proto__`, …) is read only as an own property.
  const readOf = (key: string): string => (key in Object.prototype ? `(H.call(${holder}, ${str(key)}) ? ${holder}[${str(key)}] : undefined)` : `${holder}[${str(key)}]`);
  const read = readOf(name);
  const y = type.kind === 'enum' ? c.names.next('y') : undefined;
  const memberDecls: string[] = [];
  const check: string[] = [];
  let members: Map<string, Slot> | undefined;
  switch (type.kind) {
    case 'boolean':
      check.push(`if (typeof ${f} !== "boolean") ${fail}`);
      break;
    case 'enum': {
      check.push(`if (typeof ${f} !== "string") ${fail}`);
      const chain = type.values.map((v, k) => `${f} === ${str(v)} ? ${k} : `).join('');
      check.push(`${y} = ${chain}-1;`);
      check.push(`if (${y} < 0) ${fail}`);
      break;
    }
    case 'number':
      check.push(numberCheck(f, type, fail));
      break;
    case 'object': {
      // Numbers read from text with more digits than a double holds: their source text decides (the plan's reader).
      check.push(`if (typeof ${f} !== "object" || ${f} === null || GP(${f}) !== OP || exact(${f})) return 0;`);
      const cnt = c.names.next('k');
      check.push(`let ${cnt} = 0;`);
      check.push(`for (const k in ${f}) { if (!H.call(${f}, k)) return 0; ${cnt}++; }`);
      check.push(`if (${cnt} !== ${type.fields.size}) return 0;`);
      members = new Map();
      // Members are read into variables declared with the field; each must be present and valid.
      const saved = c.out.length;
      for (const [m, mt] of type.fields) {
        const ms = readField(c, f, m, mt, undefined);
        members.set(m, ms);
      }
      // readField pushed the members' code onto `out`: move it inside this field's check.
      const memberCode = c.out.splice(saved);
      for (const line of memberCode) {
        if (line.startsWith('let ')) memberDecls.push(line);
        else check.push(line);
      }
      break;
    }
  }
  if (top) {
    c.out.push(`let ${f} = ${read};`, `if (${f} !== undefined) p++;`);
    if (former !== undefined) {
      // Its former id: read when the current id has no value; beside a value of the current id it warns (E121),
      // so the plan decides.
      const g = c.names.next('f');
      c.out.push(`const ${g} = ${readOf(former)};`);
      c.out.push(
        c.full
          ? `if (${g} !== undefined) { p++; if (${g} !== null) return 0; }`
          : `if (${g} !== undefined) { p++; if (${g} !== null) { if (${f} !== undefined && ${f} !== null) return 0; ${f} = ${g}; } }`,
      );
    }
    c.out.push(`let ${s} = 0;`);
    if (y) c.out.push(`let ${y} = -1;`);
    c.out.push(...memberDecls);
    c.out.push(`if (${f} !== undefined && ${f} !== null) { ${label}: { ${check.join(' ')} ${s} = 1; } }`);
  } else {
    // A member: declared outside, read inside its object's check; absent or null makes the evidence invalid.
    c.out.push(`let ${f};`, `let ${s} = 0;`);
    if (y) c.out.push(`let ${y} = -1;`);
    c.out.push(...memberDecls);
    c.out.push(`${f} = ${read}; if (${f} === undefined || ${f} === null) return 0; ${check.join(' ')} ${s} = 1;`);
  }
  return { type, f, s, ...(y ? { y } : {}), ...(members ? { members } : {}) };
}

/** A number's checks: finite, in its type's bounds, an integer when it must be (the plan's reader's checks). */
function numberCheck(f: string, t: Extract<ValueType, { kind: 'number' }>, fail: string): string {
  const fails: string[] = [`typeof ${f} !== "number"`, `!Number.isFinite(${f})`];
  if (t.base === 'integer') fails.push(`!Number.isInteger(${f})`);
  if (t.min) {
    if (!isCanonical(t.min.value)) throw new NotCovered('a bound that is not a short decimal');
    fails.push(`!(${f} ${t.min.inclusive ? '>=' : '>'} ${num(doubleOf(t.min.value))})`);
  }
  if (t.max) {
    if (!isCanonical(t.max.value)) throw new NotCovered('a bound that is not a short decimal');
    fails.push(`!(${f} ${t.max.inclusive ? '<=' : '<'} ${num(doubleOf(t.max.value))})`);
  }
  return `if (${fails.join(' || ')}) ${fail}`;
}

/** An indicator: its points (an integer 0–100) and, with `applies when`, whether it applies. */
function indicator(c: Ctx, i: number): { p: string; a: string | undefined } {
  const info = c.model.indicators[i];
  if (!info) throw new NotCovered('an unknown indicator');
  const slot = c.slots.get(info.id);
  if (!slot) throw new NotCovered('an indicator without an evidence field');
  const p = c.names.next('p');
  c.out.push(`let ${p} = 0;`);
  let a: string | undefined;
  const body: string[] = [];
  const s = info.decl.scoring;
  if (s) {
    switch (s.kind) {
      case 'Bands': {
        // First match (engine/semantics/first-match.ts): bands tried top-down, the first true one gives the points.
        const tests: string[] = [];
        let elseAt: number | undefined;
        for (const b of s.bands) {
          if (elseAt !== undefined) break;
          const pts = points(c, b.points);
          if (b.cond.kind === 'Else') {
            elseAt = tests.length;
            tests.push(`{ ${p} = ${pts}; }`);
            continue;
          }
          let code: string;
          if (b.cond.kind === 'Compare') {
            // Scored only when the value is present: its own value is known.
            const own: CE = { ...valueOf(slot), known: 'true' } as CE;
            code = compare(b.cond.op, own, compileExpr(c, b.cond.bound));
          } else code = truthOf(compileExpr(c, b.cond.expr));
          tests.push(`if (bandMatches(${code})) { ${p} = ${pts}; }`);
        }
        // No band matches: a warning (E153), so the plan decides.
        body.push(tests.join(' else ') + (elseAt === undefined ? ' else return 0;' : ''));
        break;
      }
      case 'Map': {
        if (slot.type.kind !== 'enum' || !slot.y) throw new NotCovered('a map over a value that is not an enum');
        const index = mapIndex(s.entries.map((e) => (e.key.kind === 'Name' ? e.key.name : undefined)));
        const cases = slot.type.values.map((v, k) => {
          const at = mapEntry(index, v);
          const entry = s.entries[at];
          // No entry and no `else`: a warning (E153), so the plan decides.
          return entry ? `case ${k}: ${p} = ${points(c, entry.points)}; break;` : `case ${k}: return 0;`;
        });
        body.push(`switch (${slot.y}) { ${cases.join(' ')} default: return 0; }`);
        break;
      }
      case 'Formula':
        throw new NotCovered('formula scoring');
      default:
        return assertNeverScoring(s);
    }
  }
  const scored = body.length > 0 ? `if (${slot.s} === 1) { ${body.join(' ')} }` : '';
  if (info.decl.applies) {
    a = c.names.next('a');
    // An indicator applies unless its condition is definitely false (engine/semantics/truth.ts `applies`).
    c.out.push(`const ${a} = applies(${truthOf(compileExpr(c, info.decl.applies))});`);
    if (scored) c.out.push(`if (${a}) { ${scored} }`);
  } else if (scored) c.out.push(scored);
  if (c.full) c.out.push(`P[${i}] = ${p}; Q[${i}] = ${a === undefined ? '1' : `${a} ? 1 : 0`};`);
  return { p, a };
}

function assertNeverScoring(s: never): never {
  throw new NotCovered(`scoring ${JSON.stringify(s)}`);
}

/** Points as integer source: a literal 0–100, or `value when cond else otherwise`. */
function points(c: Ctx, pts: Points): string {
  const lit = (e: Expr | undefined): string => {
    if (e === undefined) return '0';
    if (e.kind !== 'Num' && e.kind !== 'Percent') throw new NotCovered('points that are not a number literal');
    const v = literalValue(e, e.kind === 'Percent');
    const q = typeof v === 'number' ? Rational.fromNumber(v) : v;
    if (!q || q.den !== 1n || q.sign() < 0 || q.gt(Rational.HUNDRED)) throw new NotCovered('points that are not an integer 0–100');
    return String(Number(q.num));
  };
  if (!pts.when) return lit(pts.value);
  return `(holds(${truthOf(compileExpr(c, pts.when))}) ? ${lit(pts.value)} : ${lit(pts.otherwise)})`;
}

/**
 * A dimension's score and share as fractions, by the owner's integer forms (engine/semantics/weights.ts
 * `scaledScore`, `scaledShare`, called through the kit): the generated code only sums the scaled weights T and A
 * and M = Σ Wᵢ·pᵢ, with the plan's scaled weights (engine/plan/scores.ts `compileWeights`).
 */
function dimension(c: Ctx, id: string, ind: ReadonlyMap<number, { p: string; a: string | undefined }>): void {
  const d = c.model.dimensions.findIndex((x) => x.id === id);
  const members = c.W.members[d];
  if (d < 0 || !members) throw new NotCovered('an unknown dimension');
  const S = c.W.scale * 100;
  const T = c.W.total[d] as number;
  const terms: string[] = [];
  const applic: string[] = [];
  let always = 0;
  for (const i of members) {
    const v = ind.get(i);
    if (!v) throw new NotCovered('a dimension computed before its indicators');
    const w = c.W.w[i] as number;
    if (w === 0) continue;
    terms.push(`${w} * ${v.p}`);
    if (v.a) applic.push(`(${v.a} ? ${w} : 0)`);
    else always += w;
  }
  // The score by the owner's integer form (semantics/weights.ts `scaledScore`): when every indicator always
  // applies, A = T and the denominator is 10ᴷ·100 (or the score is 0/1), so such scores add up as integers.
  const M = c.names.next('m');
  const n = c.names.next('d');
  const dn = c.names.next('d');
  c.out.push(`const ${M} = ${terms.length ? terms.join(' + ') : '0'};`);
  const A = applic.length === 0 ? String(T) : [String(always), ...applic].join(' + ');
  c.out.push(`score(${T}, ${A}, ${M}, ${c.W.scale}); const ${n} = R.n, ${dn} = R.d;`);
  // The share (`scaledShare`), when the dimension weight is a safe fraction (else a rule reading it is not covered),
  // written where a rule first reads it (`Dim.shareAt`).
  const w = fracOf((c.model.dimensions[d] as { weight: Rational }).weight);
  let sn: string | undefined;
  let sd: string | undefined;
  let shareAt: string | undefined;
  if (w && Number.isSafeInteger(T * T * 100 * w.d * S * Math.max(1, w.n))) {
    sn = c.names.next('s');
    sd = c.names.next('s');
    shareAt = `share(${n}, ${dn}, ${w.n}, ${w.d}); const ${sn} = R.n, ${sd} = R.d;`;
  }
  c.dims.set(id, { n, d: dn, sn, sd, shareAt, index: d, fixed: applic.length === 0 });
}

/** The truth-code variable of a rule computed earlier in the evaluation order. */
function ruleVar(c: Ctx, domain: 'veto' | 'prerequisite', id: string): string {
  const v = c.rules.get(`${domain}:${id}`);
  if (!v) throw new NotCovered('a rule read before it is computed');
  return v;
}

/** The conjunction of conditions as a truth code (Kleene ∧: engine/semantics/truth.ts `andCode`). */
function conjunction(c: Ctx, exprs: readonly Expr[]): string {
  let acc = T;
  for (const x of exprs) acc = acc === T ? truthOf(compileExpr(c, x)) : `andCode(${acc}, ${truthOf(compileExpr(c, x))})`;
  return acc;
}

/** Whether a level's own conditions hold: each must hold (`holds`); none may throw, so `&&` may stop early. */
function levelHolds(c: Ctx, exprs: readonly Expr[]): string {
  if (exprs.length === 0) return 'true';
  return exprs.map((x) => `holds(${truthOf(compileExpr(c, x))})`).join(' && ');
}

/** A compiled expression as a truth code; anything that is not a condition is not covered (the reference's E152). */
function truthOf(e: CE): string {
  switch (e.k) {
    case 'truth':
      return e.code;
    case 'bool':
      return e.known === 'true' ? `(${e.val} ? ${T} : ${F})` : `(${e.known} ? (${e.val} ? ${T} : ${F}) : ${U})`;
    case 'num':
    case 'sym':
    case 'frac':
      throw new NotCovered('a value used as a condition');
  }
}

/** The value of an evidence slot as an expression operand. */
function valueOf(slot: Slot): CE {
  const known = `${slot.s} === 1`;
  switch (slot.type.kind) {
    case 'number':
      return { k: 'num', known, val: slot.f };
    case 'enum':
      return { k: 'sym', known, val: slot.f };
    case 'boolean':
      return { k: 'bool', known, val: slot.f };
    case 'object':
      throw new NotCovered('an object value used as an operand');
  }
}

const JS_OP: Readonly<Record<string, string>> = { '=': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** A comparison as a truth code: unknown when either side is; exact for decimal doubles and fractions. */
function compare(op: string, a: CE, b: CE): string {
  const js = JS_OP[op];
  if (!js) throw new NotCovered(`operator ${op}`);
  if (a.k === 'frac' || b.k === 'frac') {
    const [fr, other, flip] = a.k === 'frac' ? [a, b, false] : [b as CE & { k: 'frac' }, a, true];
    if (other.k !== 'num' || !other.lit) throw new NotCovered('a fraction compared with something other than a literal');
    const f = fracOf(other.lit);
    if (!f) throw new NotCovered('a literal out of the safe range');
    const sign = `cmpFrac(${fr.n}, ${fr.d}, ${num(f.n)}, ${num(f.d)})`;
    return `(${flip ? `-${sign}` : sign} ${js} 0 ? ${T} : ${F})`;
  }
  if (a.k === 'truth' || b.k === 'truth') throw new NotCovered('a comparison of conditions');
  if (a.k !== b.k) throw new NotCovered('a comparison of values of different kinds');
  if ((a.k === 'num' && a.val === '') || (b.k === 'num' && b.val === '')) throw new NotCovered('a literal that is not a decimal double');
  if (a.k !== 'num' && op !== '=' && op !== '!=') throw new NotCovered(`operator ${op} on ${a.k}`);
  const bv = b as { known: string; val: string };
  const known = [a.known, bv.known].filter((k) => k !== 'true');
  const test = `(${a.val} ${js} ${bv.val} ? ${T} : ${F})`;
  return known.length === 0 ? test : `(${known.join(' && ')} ? ${test} : ${U})`;
}

function compileExpr(c: Ctx, e: Expr): CE {
  switch (e.kind) {
    case 'Num':
    case 'Percent': {
      const v = literalValue(e, e.kind === 'Percent');
      const q = typeof v === 'number' ? Rational.fromNumber(v) : v;
      if (!q) throw new NotCovered('a literal that is not finite');
      // A literal that is not a decimal double can only be compared as a fraction (`val` empty).
      return { k: 'num', known: 'true', val: typeof v === 'number' ? num(v) : '', lit: q };
    }
    case 'Bool':
      return { k: 'truth', code: e.value ? T : F };
    case 'Total':
      if (!c.total) throw new NotCovered('the total read before it is computed');
      return { k: 'frac', n: c.total.n, d: c.total.d };
    case 'Ref': {
      const t = c.model.resolution.refs.get(e);
      if (!t) throw new NotCovered('an unresolved name');
      switch (t.kind) {
        case 'symbol':
          return { k: 'sym', known: 'true', val: str(t.value) };
        case 'input':
        case 'indicator':
        case 'field': {
          let slot = c.slots.get(t.kind === 'field' ? t.indicator : t.id);
          if (!slot) throw new NotCovered('a name without an evidence field');
          const top = slot;
          for (const m of t.members) {
            slot = slot.members?.get(m);
            if (!slot) throw new NotCovered('an unknown member');
          }
          // Members are present whenever their object is.
          const v = valueOf(slot);
          return v.k === 'frac' || v.k === 'truth' ? v : { ...v, known: `${top.s} === 1` };
        }
        case 'derived':
          throw new NotCovered('derived values');
        default:
          return assertNeverRef(t);
      }
    }
    case 'Prop': {
      const t = c.model.resolution.props.get(e);
      if (!t) throw new NotCovered('an unresolved property');
      const id = t.id ?? (c.bound && c.bound.domain === t.domain ? c.bound.id : undefined);
      if (id === undefined) throw new NotCovered('a property outside its quantifier');
      switch (t.domain) {
        case 'dimension': {
          const dim = c.dims.get(id);
          if (!dim) throw new NotCovered('a dimension read before it is computed');
          if (t.prop === 'score') return { k: 'frac', n: dim.n, d: dim.d };
          if (t.prop === 'share') {
            // share = score ÷ weight, 0 when the weight is 0: computed with the score (`scaledShare`).
            if (dim.sn === undefined || dim.sd === undefined) throw new NotCovered('shares out of the safe range');
            // Computed on first read, at the top level of `decide`, before the statement this expression is part of
            // (every caller pushes its statement after compiling its expressions).
            if (dim.shareAt !== undefined) {
              c.out.push(dim.shareAt);
              dim.shareAt = undefined;
            }
            return { k: 'frac', n: dim.sn, d: dim.sd };
          }
          throw new NotCovered(`dimension ${t.prop}`);
        }
        case 'veto':
        case 'prerequisite': {
          const code = ruleVar(c, t.domain, id);
          if (t.prop === 'decided') return { k: 'truth', code: `(decided(${code}) ? ${T} : ${F})` };
          if (t.prop === 'fired' && t.domain === 'veto') return { k: 'truth', code: `(vetoFires(${code}) ? ${T} : ${F})` };
          if (t.prop === 'holds' && t.domain === 'prerequisite') return { k: 'truth', code: `(holds(${code}) ? ${T} : ${F})` };
          throw new NotCovered(`${t.domain} ${t.prop}`);
        }
        case 'indicator':
          throw new NotCovered(`indicator ${t.prop}`);
        default:
          return assertNeverDomain(t.domain);
      }
    }
    case 'Quantified': {
      // Unrolled over the domain's elements in order; Kleene ∧ (every) or ∨ (some) of the bodies.
      let ids: readonly string[];
      switch (e.domain) {
        case 'dimension':
          ids = c.model.dimensions.map((d) => d.id);
          break;
        case 'veto':
          ids = c.model.vetoes.map((v) => v.id);
          break;
        case 'prerequisite':
          ids = c.model.prerequisites.map((x) => x.id);
          break;
        case 'indicator':
          throw new NotCovered('a quantifier over indicators');
        default:
          return assertNeverDomain(e.domain);
      }
      const every = e.quantifier === 'every';
      const outer = c.bound;
      let acc = every ? T : F;
      for (const id of ids) {
        c.bound = { domain: e.domain, id };
        const body = truthOf(compileExpr(c, e.body));
        acc = `${every ? 'andCode' : 'orCode'}(${acc}, ${body})`;
      }
      c.bound = outer;
      return { k: 'truth', code: acc };
    }
    case 'Unary':
      if (e.op === 'not') return { k: 'truth', code: `notCode(${truthOf(compileExpr(c, e.operand))})` };
      throw new NotCovered('arithmetic');
    case 'Binary':
      if (e.op === 'and' || e.op === 'or') {
        const l = truthOf(compileExpr(c, e.left));
        const r = truthOf(compileExpr(c, e.right));
        return { k: 'truth', code: `${e.op === 'and' ? 'andCode' : 'orCode'}(${l}, ${r})` };
      }
      throw new NotCovered('arithmetic');
    case 'Compare':
      return { k: 'truth', code: compare(e.op, compileExpr(c, e.left), compileExpr(c, e.right)) };
    case 'In': {
      const v = compileExpr(c, e.operand);
      if (v.k !== 'sym' && v.k !== 'num' && v.k !== 'bool') throw new NotCovered('`in` over a value that is not an evidence value');
      // Each member compared for equality; the operand unknown makes the whole unknown (members are literals).
      let acc = F;
      for (const x of e.set) {
        const m = compileExpr(c, x);
        if (m.k !== v.k || m.known !== 'true') throw new NotCovered('`in` with a set member that is not a literal');
        acc = `orCode(${acc}, ${compare('=', { ...v, known: 'true' }, m)})`;
      }
      const code = v.known === 'true' ? acc : `(${v.known} ? ${acc} : ${U})`;
      return { k: 'truth', code: e.negated ? `notCode(${code})` : code };
    }
    case 'Call': {
      if (e.fn !== 'known' || e.args.length === 0) throw new NotCovered(`${e.fn} expressions`);
      // known(a, …): true when every argument is known (a condition: not unknown), else false; never unknown.
      const known = e.args.map((x) => {
        const v = compileExpr(c, x);
        return v.k === 'truth' ? `decided(${v.code})` : v.k === 'frac' ? 'true' : v.known;
      });
      return { k: 'truth', code: `(${known.join(' && ')} ? ${T} : ${F})` };
    }
    case 'If':
    case 'Table':
      throw new NotCovered(`${e.kind === 'If' ? 'if' : 'table'} expressions`);
    case 'Error':
      throw new NotCovered('a syntax error');
    default:
      return assertNeverExpr(e);
  }
}

function assertNeverRef(t: never): never {
  throw new NotCovered(`reference ${JSON.stringify(t)}`);
}
function assertNeverDomain(d: never): never {
  throw new NotCovered(`domain ${String(d)}`);
}
function assertNeverExpr(e: never): never {
  throw new NotCovered(`expression ${JSON.stringify((e as { kind?: string }).kind)}`);
}
