// Prerequisites, vetoes, applicability and the level ladder, by exact reasoning over declared domains: what can
// never hold or always holds, levels nobody can reach, and thresholds that loosen as the levels rise.
// In: a model. Out: A701–A709 diagnostics (A790 notes point at the higher level).
//
// "Always" findings are about platforms whose evidence is given (a missing value makes a condition unknown,
// which never holds); "never" findings hold for every platform.

import type { Expr, QuantifiedExpr } from '../../dsl/ast';
import { printExpr } from '../../dsl/printer';
import { diag, type Diagnostic } from '../../dsl/diagnostics';
import { flipOp } from '../numbers/compare-op';
import type { LevelInfo, Model } from '../model/model';
import type { Rational } from '../numbers/rational';
import { and, atomKey, attempt, dnf, or, FALSE, TRUE, type CondCtx, type Dnf } from './conditions';
import { constValue } from './ranges';
import { hasTypeProblem } from './types';
import { levelsNeeded } from '../semantics/ladder';

function conj(exprs: readonly Expr[], ctx: CondCtx): Dnf | undefined {
  return attempt(() => exprs.reduce((acc, e) => and(acc, dnf(e, true, ctx)), TRUE));
}
function negConj(exprs: readonly Expr[], ctx: CondCtx): Dnf | undefined {
  return attempt(() => exprs.reduce((acc, e) => or(acc, dnf(e, false, ctx)), FALSE));
}

function keysOf(d: Dnf): Set<string> {
  const out = new Set<string>();
  for (const t of d) for (const k of t.keys()) out.add(k);
  return out;
}

/**
 * When `lower` holds, are the facts `higher` reads known? True when every term of `lower` reads each of
 * them (a term that holds has every fact it reads known).
 */
function readsAll(lower: Dnf, higher: Dnf): boolean {
  const need = keysOf(higher);
  return lower.every((t) => [...need].every((k) => t.has(k)));
}

/** A threshold `require`: `atom op c`, or `every D: atom op c`. */
interface Threshold {
  readonly key: string;
  readonly up: boolean;
  readonly value: Rational;
  readonly inclusive: boolean;
  readonly expr: Expr;
}

function threshold(e: Expr, ctx: CondCtx): Threshold | undefined {
  let prefix = '';
  let body = e;
  if (e.kind === 'Quantified' && e.quantifier === 'every') {
    const q: QuantifiedExpr = e;
    prefix = `every ${q.domain}${q.within ? ` in ${q.within.name}` : ''}: `;
    body = q.body;
  }
  if (body.kind !== 'Compare' || body.op === '=' || body.op === '!=') return undefined;
  const cr = constValue(body.right);
  const cl = constValue(body.left);
  const [atom, c, op] = cr && !cl ? [body.left, cr, body.op] : cl && !cr ? [body.right, cl, flipOp(body.op)] : [];
  if (!atom || !c || !op) return undefined;
  return { key: prefix + atomKey(atom, ctx), up: op === '>' || op === '>=', value: c, inclusive: op === '>=' || op === '<=', expr: e };
}

/** Is threshold `a` strictly stricter than `b` (same atom and direction)? */
function stricter(a: Threshold, b: Threshold): boolean {
  const c = a.value.cmp(b.value);
  if (c !== 0) return a.up ? c > 0 : c < 0;
  return !a.inclusive && b.inclusive;
}

function checkLadder(m: Model, ctx: CondCtx, out: Diagnostic[]): void {
  const levels = m.levels;
  const usable = (l: LevelInfo): boolean => !l.requires.some((r) => hasTypeProblem(r, m));
  const own = levels.map((l) => (usable(l) ? conj(l.requires, ctx) : undefined));
  const dead = levels.map(() => false);
  const cumulative = m.ladder?.cumulative === true;

  for (const [j, l] of levels.entries()) {
    const d = own[j];
    if (d && d.length === 0) {
      out.push(diag('A701', l.decl.id.span, { name: l.id }));
      dead[j] = true;
    }
  }
  // cum[j]: the conditions of every level level j needs (engine/semantics/ladder.ts: cumulative, it and every level
  // below it; else its own). A704: on a cumulative ladder, a level that can hold alone but not with those below.
  const cum: (Dnf | undefined)[] = levels.map((_, j) => {
    const { from, to } = levelsNeeded(cumulative, levels.length, j);
    let acc: Dnf | undefined = TRUE;
    for (let k = to - 1; k >= from && acc; k--) {
      const d = own[k];
      const sofar: Dnf = acc;
      acc = d ? attempt(() => and(sofar, d)) : undefined;
    }
    return acc;
  });
  if (cumulative) {
    for (let j = levels.length - 1; j >= 0; j--) {
      const l = levels[j];
      const next = cum[j];
      if (l && !dead[j] && next && next.length === 0) {
        out.push(diag('A704', l.decl.id.span, { name: l.id }));
        dead[j] = true;
      }
    }
  }

  // A702: a level that implies a higher one is never the result.
  for (const [j, l] of levels.entries()) {
    if (dead[j]) continue;
    const mine = cum[j];
    if (!mine) continue;
    const higher = cumulative ? (j > 0 ? [j - 1] : []) : [...Array(j).keys()];
    for (const i of higher) {
      const h = levels[i];
      if (!h || dead[i] || !usable(h)) continue;
      const notH = negConj(h.requires, ctx);
      const hPos = own[i];
      if (!notH || !hPos) continue;
      const both = attempt(() => and(mine, notH));
      if (both && both.length === 0 && readsAll(mine, hPos)) {
        out.push(diag('A702', l.decl.id.span, { name: l.id, higher: h.id }, { related: [{ span: h.decl.id.span, code: 'A790', args: { name: h.id } }] }));
        break;
      }
    }
  }

  // A703: a threshold stricter than the same threshold of a higher level.
  const thresholds = levels.map((l) => l.requires.map((r) => threshold(r, ctx)).filter((t): t is Threshold => t !== undefined));
  for (const [j, l] of levels.entries()) {
    for (const t of thresholds[j] ?? []) {
      for (let i = j - 1; i >= 0; i--) {
        const h = (thresholds[i] ?? []).find((x) => x.key === t.key && x.up === t.up);
        if (!h) continue;
        const higher = levels[i];
        if (higher && stricter(t, h)) {
          out.push(
            diag('A703', t.expr.span, { name: l.id, cond: printExpr(t.expr), higherCond: printExpr(h.expr), higher: higher.id }, {
              related: [{ span: h.expr.span, code: 'A790', args: { name: higher.id } }],
            }),
          );
        }
        break;
      }
    }
  }
}

export function checkLevels(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx: CondCtx = { model: m };
  for (const v of m.vetoes) {
    if (!v.when || hasTypeProblem(v.when, m)) continue;
    const pos = conj([v.when], ctx);
    if (pos && pos.length === 0) out.push(diag('A707', v.decl.id.span, { name: v.id }));
    else if (negConj([v.when], ctx)?.length === 0) out.push(diag('A708', v.decl.id.span, { name: v.id }));
  }
  for (const p of m.prerequisites) {
    if (p.requires.some((r) => hasTypeProblem(r, m))) continue;
    const pos = conj(p.requires, ctx);
    if (pos && pos.length === 0) out.push(diag('A705', p.decl.id.span, { name: p.id }));
    else if (negConj(p.requires, ctx)?.length === 0) out.push(diag('A706', p.decl.id.span, { name: p.id }));
  }
  for (const ind of m.indicators) {
    const a = ind.decl.applies;
    if (!a || hasTypeProblem(a, m)) continue;
    if (conj([a], ctx)?.length === 0) out.push(diag('A709', a.span, { name: ind.id }));
  }
  checkLadder(m, ctx, out);
  return out;
}
