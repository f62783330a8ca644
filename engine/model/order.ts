// The evaluation order of a ruleset's computed nodes, from the dependencies name resolution found.
// In: model declarations and their resolution. Out: a dependency-respecting order, or A211 for each cycle.
//
// Nodes: each derived value, each indicator (applicability and points), each dimension (effective weights, score,
// share), the total (a sum, or a formula), each veto, each prerequisite, and the level ladder. The order is the
// default one (derived values, indicators, dimensions, total, vetoes, prerequisites, levels — each in declaration
// order) except where a dependency requires otherwise, so it is stable and predictable.

import type { Diagnostic } from '../../dsl/diagnostics';
import { diag } from '../../dsl/diagnostics';
import type { Span } from '../../dsl/ast';
import { nodeKey, type EvalNode, type ModelDecls, type Resolution } from './types';
export { nodeKey, type EvalNode } from './types';

function label(n: EvalNode): string {
  return n.kind === 'total' || n.kind === 'levels' ? n.kind : n.id;
}

export function evaluationOrder(
  m: ModelDecls,
  resolution: Pick<Resolution, 'deps'>,
): { order: EvalNode[]; diagnostics: Diagnostic[] } {
  const nodes: EvalNode[] = [
    ...m.derived.map((d): EvalNode => ({ kind: 'derived', id: d.id })),
    ...m.indicators.map((i): EvalNode => ({ kind: 'indicator', id: i.id })),
    ...m.dimensions.map((d): EvalNode => ({ kind: 'dimension', id: d.id })),
    { kind: 'total' },
    ...m.vetoes.map((v): EvalNode => ({ kind: 'veto', id: v.id })),
    ...m.prerequisites.map((p): EvalNode => ({ kind: 'prerequisite', id: p.id })),
    ...(m.ladder ? [{ kind: 'levels' } as EvalNode] : []),
  ];
  const byKey = new Map(nodes.map((n) => [nodeKey(n), n]));
  const spans = new Map<string, Span>();
  for (const d of m.derived) spans.set(`derived:${d.id}`, d.decl.id.span);
  for (const i of m.indicators) spans.set(`indicator:${i.id}`, i.decl.id.span);
  for (const d of m.dimensions) spans.set(`dimension:${d.id}`, d.decl.id.span);
  for (const v of m.vetoes) spans.set(`veto:${v.id}`, v.decl.id.span);
  for (const p of m.prerequisites) spans.set(`prerequisite:${p.id}`, p.decl.id.span);
  if (m.ladder) spans.set('levels', m.ladder.decl.span);

  const edges = (key: string): string[] => {
    const out = [...(resolution.deps.get(key) ?? [])];
    const n = byKey.get(key);
    if (n?.kind === 'dimension') {
      for (const i of m.dimensionsById.get(n.id)?.indicators ?? []) out.push(`indicator:${i}`);
    } else if (n?.kind === 'total' && !m.totalFormula) {
      // Σ dimension scores; a formula total reads what its formula names (its dependencies, resolved).
      for (const d of m.dimensions) out.push(`dimension:${d.id}`);
    }
    return out.filter((k) => byKey.has(k));
  };

  const order: EvalNode[] = [];
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();

  const visit = (key: string): void => {
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'active') {
      const cycle = [...stack.slice(stack.indexOf(key)), key];
      const sig = [...new Set(cycle)].sort().join(',');
      if (!reported.has(sig)) {
        reported.add(sig);
        // Report where the cycle is entered from a declared node (the total and levels have no name span).
        const at = cycle.map((k) => spans.get(k)).find((x) => x !== undefined) ?? m.ast.span;
        const text = cycle.map((k) => label(byKey.get(k) ?? { kind: 'total' })).join(' → ');
        diagnostics.push(diag('A211', at, { cycle: text }));
      }
      return;
    }
    state.set(key, 'active');
    stack.push(key);
    for (const d of edges(key)) visit(d);
    stack.pop();
    state.set(key, 'done');
    const n = byKey.get(key);
    if (n) order.push(n);
  };
  for (const n of nodes) visit(nodeKey(n));
  return { order, diagnostics };
}
