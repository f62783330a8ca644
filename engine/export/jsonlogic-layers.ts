// Shared sub-results of the JsonLogic export, computed once per rule instead of once per use.
// In: a rule written with *markers* (`{"var": "@p.pue"}` for the points of `pue`) and the rule behind each marker.
// Out: plain JsonLogic over `{ "evidence": … }`, with markers bound by `reduce` or inlined.
//
// JsonLogic has no variables, but `{"reduce": [[[e1, e2, …]], body, {"var": ""}]}` evaluates the vector once and
// runs `body` on `{ "current": [v1, v2, …], "accumulator": <the outer data> }`: a let-binding made of standard
// operators. Layers are bound outermost first — points and applicability (p, a), dimension scores and the
// redistribution factor (s, k), vetoes (v), prerequisites (q) — and each layer may read only the layers outside it
// (a marker of its own layer or an inner one is inlined). Paths are rewritten to their place: in the body of three
// layers, `evidence.x` becomes `accumulator.accumulator.accumulator.evidence.x` and the points of the first layer
// `accumulator.accumulator.current.4`.

import type { JsonLogic } from './jsonlogic-values';

/**
 * Marker kinds, by layer (outermost first): points and applicability, scores, then one layer per depth of derived
 * values (`d0` reads no other derived value, `d1` reads some `d0`, …; a formula total is one of them), vetoes,
 * prerequisites.
 */
export function layersWith(derivedDepths: number): readonly (readonly string[])[] {
  return [['p', 'a'], ['s', 'k'], ...Array.from({ length: derivedDepths }, (_, k) => [`d${k}`]), ['v'], ['q']];
}

export function marker(kind: string, id: string): JsonLogic {
  return { var: `@${kind}.${id}` };
}

function isOp(jl: JsonLogic): jl is { readonly [op: string]: JsonLogic } {
  return typeof jl === 'object' && jl !== null && !Array.isArray(jl);
}

/** The marker key of `{"var": "@…"}`, if `jl` is one. */
function markerKey(jl: JsonLogic): string | undefined {
  if (!isOp(jl) || !Object.hasOwn(jl, 'var')) return undefined;
  const v = jl['var'];
  return typeof v === 'string' && v.startsWith('@') ? v : undefined;
}

/** Rebuilds `jl` with `f` applied to every sub-rule (arguments of operators and elements of arrays). */
function mapChildren(jl: JsonLogic, f: (x: JsonLogic) => JsonLogic): JsonLogic {
  if (Array.isArray(jl)) return (jl as readonly JsonLogic[]).map(f);
  if (!isOp(jl)) return jl;
  const out: Record<string, JsonLogic> = {};
  for (const [op, args] of Object.entries(jl)) out[op] = Array.isArray(args) ? (args as readonly JsonLogic[]).map(f) : f(args);
  return out;
}

export class Layers {
  private readonly expanded = new Map<string, JsonLogic>();
  private readonly kinds: readonly (readonly string[])[];

  /** `real(key)`: the rule a marker stands for (itself possibly using markers of outer layers). */
  constructor(
    private readonly real: (key: string) => JsonLogic,
    derivedDepths = 0,
  ) {
    this.kinds = layersWith(derivedDepths);
  }

  private layerOf(key: string): number {
    const kind = key.slice(1, key.indexOf('.'));
    return this.kinds.findIndex((l) => l.includes(kind));
  }

  /** Replaces every marker of a layer deeper than `max` (−1: every marker) by its rule. */
  expand(jl: JsonLogic, max: number): JsonLogic {
    const key = markerKey(jl);
    if (key !== undefined) {
      if (this.layerOf(key) <= max) return jl;
      const memo = `${max}|${key}`;
      let x = this.expanded.get(memo);
      if (x === undefined) {
        x = this.expand(this.real(key), max);
        this.expanded.set(memo, x);
      }
      return x;
    }
    return mapChildren(jl, (c) => this.expand(c, max));
  }

  /** A self-contained rule: markers bound by `reduce` (or all inlined with `inline`). */
  assemble(body: JsonLogic, inline = false): JsonLogic {
    if (inline) return this.expand(body, -1);
    const LAYERS = this.kinds;
    const needed: Map<string, JsonLogic>[] = LAYERS.map(() => new Map());
    const collect = (jl: JsonLogic): void => {
      const key = markerKey(jl);
      if (key !== undefined) {
        const l = this.layerOf(key);
        if (l >= 0 && !needed[l]?.has(key)) needed[l]?.set(key, null);
        return;
      }
      mapChildren(jl, (c) => {
        collect(c);
        return c;
      });
    };
    collect(body);
    for (let l = LAYERS.length - 1; l >= 0; l--) {
      const layer = needed[l] as Map<string, JsonLogic>;
      for (const key of [...layer.keys()]) {
        const el = this.expand(this.real(key), l - 1);
        layer.set(key, el);
        collect(el);
      }
    }
    const present = needed.filter((m) => m.size > 0);
    /** Where each marker lives: index of its layer among the present ones and its position. */
    const where = new Map<string, { layer: number; index: number }>();
    present.forEach((m, layer) => [...m.keys()].forEach((key, index) => where.set(key, { layer, index })));

    const path = (p: string, depth: number): string => {
      if (p.startsWith('@')) {
        const w = where.get(p);
        if (!w) throw new Error(`unbound marker ${p}`);
        return `${'accumulator.'.repeat(depth - 1 - w.layer)}current.${w.index}`;
      }
      return `${'accumulator.'.repeat(depth)}${p}`;
    };
    const relocate = (jl: JsonLogic, depth: number): JsonLogic => {
      if (depth === 0) return jl;
      if (isOp(jl)) {
        if (Object.hasOwn(jl, 'var')) {
          const v = jl['var'];
          if (typeof v === 'string') return { var: path(v, depth) };
          if (Array.isArray(v) && typeof v[0] === 'string') return { var: [path(v[0], depth), ...(v.slice(1) as JsonLogic[])] };
        }
        // A let-binding (`bind` in jsonlogic-values.ts): its body reads only its own `current`.
        const r = jl['reduce'];
        if (Object.hasOwn(jl, 'reduce') && Array.isArray(r) && r.length === 3) return { reduce: [relocate(r[0] as JsonLogic, depth), r[1] as JsonLogic, r[2] as JsonLogic] };
      }
      return mapChildren(jl, (c) => relocate(c, depth));
    };

    let out = relocate(body, present.length);
    for (let l = present.length - 1; l >= 0; l--) {
      const els = [...(present[l] as Map<string, JsonLogic>).values()].map((e) => relocate(e, l));
      out = { reduce: [[els], out, { var: '' }] };
    }
    return out;
  }
}
