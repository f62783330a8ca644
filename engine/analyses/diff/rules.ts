// Changes outside indicators: the total, dimensions, inputs, methods, vetoes, prerequisites and levels.
// In: both indexed sides and the indicator pairing. Out: `DiffEntry`s, grouped as README.md § "Semantic
// diff" says: dimension weights are one entry; vetoes added (removed) are one entry; every change to the
// level ladder and to prerequisites is one `levels-changed` entry; each changed veto is its own entry.

import type { DimensionDecl, Expr, LevelDecl, PrerequisiteDecl, TotalDecl, VetoDecl } from '../../../dsl/ast';
import { entry, group, type DiffEntry, type DiffValue } from './entries';
import type { Pairing, Side } from './match';
import type { DeclField, PatchOp, RuleDecl } from './patch';
import { canonKey, exprText, labels, same, sameText, typeText, weightValue } from './text';

export interface RuleChanges {
  readonly total: DiffEntry[];
  readonly dimensions: DiffEntry[];
  readonly declarations: DiffEntry[];
  readonly vetoes: DiffEntry[];
  readonly levels: DiffEntry[];
}

function previousOf<T extends { readonly id: { readonly name: string } }>(xs: readonly T[], id: string): string | undefined {
  const i = xs.findIndex((x) => x.id.name === id);
  return i > 0 ? xs[i - 1]?.id.name : undefined;
}

/** Requires present on one side only, aligned in order (longest common subsequence of equal conditions). */
function requiresDiff(a: readonly Expr[], b: readonly Expr[]): { before: string[]; after: string[] } {
  const ta = a.map(canonKey);
  const tb = b.map(canonKey);
  const n = ta.length;
  const m = tb.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = t[i] as number[];
      row[j] = ta[i] === tb[j] ? (t[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(t[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const before: string[] = [];
  const after: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ta[i] === tb[j]) {
      i++;
      j++;
    } else if (j >= m || (i < n && (t[i + 1]?.[j] ?? 0) >= (t[i]?.[j + 1] ?? 0))) before.push(exprText(a[i++] as Expr));
    else after.push(exprText(b[j++] as Expr));
  }
  return { before, after };
}

export function diffRules(a: Side, b: Side, pairing: Pairing): RuleChanges {
  const out: RuleChanges = { total: [], dimensions: [], declarations: [], vetoes: [], levels: [] };
  headerClauses(a, b, out.total);
  totalFormula(a, b, out.total);

  // Total
  const ta = a.ast.header.total;
  const tb = b.ast.header.total;
  if (!same(ta, tb)) {
    out.total.push(
      entry({
        kind: 'total-changed',
        subject: 'ruleset',
        target: b.ast.id.value,
        before: weightValue(ta) ?? 100,
        after: weightValue(tb) ?? 100,
        patch: [{ op: 'total', value: tb }],
      }),
    );
  }

  // Dimensions: one entry for every weight change; added, removed and relabelled dimensions one each.
  const weights: DiffEntry[] = [];
  for (const db of b.dimensions) {
    const da = a.dimensionsById.get(db.id.name);
    if (!da) continue;
    if (!same(da.weight, db.weight)) {
      weights.push(
        entry({
          kind: 'dimension-weight',
          subject: 'dimension',
          target: db.id.name,
          label: labels(db.label),
          before: weightValue(da.weight),
          after: weightValue(db.weight),
          patch: [{ op: 'dimension-weight', id: db.id.name, value: db.weight }],
        }),
      );
    }
  }
  if (weights.length > 0) {
    const before: Record<string, DiffValue> = {};
    const after: Record<string, DiffValue> = {};
    for (const w of weights) {
      before[w.target] = w.before;
      after[w.target] = w.after;
    }
    out.dimensions.push(group('dimension-weights', 'dimension', weights, before, after));
  }
  for (const db of b.dimensions) {
    if (!a.dimensionsById.has(db.id.name)) out.dimensions.push(addedEntryFor(db, b, pairing));
  }
  for (const da of a.dimensions) {
    if (b.dimensionsById.has(da.id.name)) continue;
    const gone = pairing.removed.filter((i) => i.dimension.id.name === da.id.name);
    out.dimensions.push(
      entry({
        kind: 'dimension-removed',
        subject: 'dimension',
        target: da.id.name,
        label: labels(da.label),
        before: { weight: weightValue(da.weight), indicators: gone.map((i) => i.id) },
        after: null,
        patch: [...gone.map((i): PatchOp => ({ op: 'indicator-remove', key: i.id })), { op: 'dimension-remove', id: da.id.name }],
      }),
    );
  }
  for (const db of b.dimensions) {
    const da = a.dimensionsById.get(db.id.name);
    if (da && !sameText(da.label, db.label)) {
      out.dimensions.push(
        entry({
          kind: 'label-changed',
          subject: 'dimension',
          target: db.id.name,
          label: labels(db.label),
          before: labels(da.label),
          after: labels(db.label),
          patch: [{ op: 'dimension-label', id: db.id.name, decl: db }],
        }),
      );
    }
  }

  // Inputs and methods
  declChanges(a.inputs, b.inputs, 'input', out.declarations, (x) => ({
    type: typeText(x.type),
    label: labels(x.label),
    ...(x.unit ? { unit: x.unit.value } : {}),
    ...(x.note ? { note: x.note.value } : {}),
    ...(x.required ? { required: true } : {}),
  }));
  // Derived values: their formula (a table entry changed is a formula changed), type, label, unit, note.
  declChanges(a.derived, b.derived, 'derived', out.declarations, (x) => ({
    ...(x.type ? { type: typeText(x.type) } : {}),
    label: labels(x.label),
    ...(x.unit ? { unit: x.unit.value } : {}),
    ...(x.note ? { note: x.note.value } : {}),
    formula: exprText(x.formula),
  }));
  declChanges(a.methods, b.methods, 'method', out.declarations, (x) => ({ label: labels(x.label) }));

  // Vetoes: each changed veto alone; additions together; removals together.
  const vetoesA = new Map(a.vetoes.map((v) => [v.id.name, v]));
  const vetoesB = new Map(b.vetoes.map((v) => [v.id.name, v]));
  for (const vb of b.vetoes) {
    const va = vetoesA.get(vb.id.name);
    if (va) {
      const e = vetoChange(va, vb);
      if (e) out.vetoes.push(e);
    }
  }
  const vetoAdded = b.vetoes
    .filter((v) => !vetoesA.has(v.id.name))
    .map((v) =>
      entry({
        kind: 'veto-added',
        subject: 'veto',
        target: v.id.name,
        label: labels(v.label),
        before: null,
        after: v.when ? exprText(v.when) : null,
        patch: [{ op: 'decl-set', decl: v, after: previousOf(b.vetoes, v.id.name) }],
      }),
    );
  if (vetoAdded.length > 0) out.vetoes.push(group('vetoes-added', 'veto', vetoAdded, null, conditions(vetoAdded)));
  const vetoRemoved = a.vetoes
    .filter((v) => !vetoesB.has(v.id.name))
    .map((v) =>
      entry({
        kind: 'veto-removed',
        subject: 'veto',
        target: v.id.name,
        label: labels(v.label),
        before: v.when ? exprText(v.when) : null,
        after: null,
        patch: [{ op: 'decl-remove', kind: 'Veto', id: v.id.name }],
      }),
    );
  if (vetoRemoved.length > 0) {
    out.vetoes.push(group('vetoes-removed', 'veto', vetoRemoved, conditions(vetoRemoved, 'before'), null));
  }

  // Prerequisites and levels: one entry.
  const parts = [...levelParts(a, b), ...prerequisiteParts(a.prerequisites, b.prerequisites)];
  if (parts.length > 0) {
    const before: Record<string, DiffValue> = {};
    const after: Record<string, DiffValue> = {};
    for (const p of parts) {
      if (p.kind === 'label-changed') continue;
      before[p.target] = p.before;
      after[p.target] = p.after;
    }
    out.levels.push(group('levels-changed', 'level', parts, before, after));
  }
  return out;
}

function addedEntryFor(db: DimensionDecl, b: Side, pairing: Pairing): DiffEntry {
  const fresh = pairing.added.filter((i) => i.dimension.id.name === db.id.name);
  return entry({
    kind: 'dimension-added',
    subject: 'dimension',
    target: db.id.name,
    label: labels(db.label),
    before: null,
    after: { weight: weightValue(db.weight), indicators: fresh.map((i) => i.id) },
    patch: [
      { op: 'dimension-add', decl: db, after: previousOf(b.dimensions, db.id.name) },
      ...fresh.map(
        (i): PatchOp => ({ op: 'indicator-add', key: `+${i.id}`, dimension: db, after: pairing.keyOfNew(i.previous), decl: i.decl }),
      ),
    ],
  });
}

function conditions(es: readonly DiffEntry[], side: 'before' | 'after' = 'after'): DiffValue {
  const o: Record<string, DiffValue> = {};
  for (const e of es) o[e.target] = e[side];
  return o;
}

function vetoChange(va: VetoDecl, vb: VetoDecl): DiffEntry | undefined {
  const parts: DiffEntry[] = [];
  const id = vb.id.name;
  const label = labels(vb.label);
  if (!same(va.when, vb.when)) {
    parts.push(
      entry({
        kind: 'veto-condition',
        subject: 'veto',
        target: id,
        label,
        before: va.when ? exprText(va.when) : null,
        after: vb.when ? exprText(vb.when) : null,
        patch: [{ op: 'decl-set', decl: vb, fields: ['when'], after: undefined }],
      }),
    );
  }
  if (!sameText(va.label, vb.label)) parts.push(labelPart('veto', id, va.label, vb, undefined));
  if (parts.length === 0) return undefined;
  const cond = parts.find((p) => p.kind === 'veto-condition');
  return { ...group('veto-changed', 'veto', parts, cond?.before ?? labels(va.label), cond?.after ?? label), label };
}

function labelPart(
  subject: 'veto' | 'prerequisite' | 'level',
  id: string,
  before: VetoDecl['label'],
  decl: RuleDecl | LevelDecl,
  ladder: Side['ladder'],
): DiffEntry {
  const patch: PatchOp[] =
    decl.kind === 'Level'
      ? ladder
        ? [{ op: 'level-set', decl, fields: ['label'], after: undefined, ladder }]
        : []
      : [{ op: 'decl-set', decl, fields: ['label'], after: undefined }];
  return entry({ kind: 'label-changed', subject, target: id, label: labels(decl.label), before: labels(before), after: labels(decl.label), patch });
}

function prerequisiteParts(as: readonly PrerequisiteDecl[], bs: readonly PrerequisiteDecl[]): DiffEntry[] {
  const out: DiffEntry[] = [];
  const ma = new Map(as.map((p) => [p.id.name, p]));
  const mb = new Map(bs.map((p) => [p.id.name, p]));
  for (const pb of bs) {
    const id = pb.id.name;
    const pa = ma.get(id);
    if (!pa) {
      out.push(
        entry({
          kind: 'prerequisite-added',
          subject: 'prerequisite',
          target: id,
          label: labels(pb.label),
          before: null,
          after: pb.requires.map(exprText),
          patch: [{ op: 'decl-set', decl: pb, after: previousOf(bs, id) }],
        }),
      );
      continue;
    }
    if (!same(pa.requires, pb.requires)) {
      const d = requiresDiff(pa.requires, pb.requires);
      out.push(
        entry({
          kind: 'prerequisite-requires',
          subject: 'prerequisite',
          target: id,
          label: labels(pb.label),
          before: d.before,
          after: d.after,
          patch: [{ op: 'decl-set', decl: pb, fields: ['requires'], after: undefined }],
        }),
      );
    }
    if (!sameText(pa.label, pb.label)) out.push(labelPart('prerequisite', id, pa.label, pb, undefined));
  }
  for (const pa of as) {
    if (mb.has(pa.id.name)) continue;
    out.push(
      entry({
        kind: 'prerequisite-removed',
        subject: 'prerequisite',
        target: pa.id.name,
        label: labels(pa.label),
        before: pa.requires.map(exprText),
        after: null,
        patch: [{ op: 'decl-remove', kind: 'Prerequisite', id: pa.id.name }],
      }),
    );
  }
  return out;
}

function levelParts(a: Side, b: Side): DiffEntry[] {
  const out: DiffEntry[] = [];
  const la = a.ladder;
  const lb = b.ladder;
  if (!lb) {
    for (const l of la?.levels ?? []) out.push(levelRemoved(l));
    return out;
  }
  const levelsA = new Map((la?.levels ?? []).map((l) => [l.id.name, l]));
  const levelsB = new Map(lb.levels.map((l) => [l.id.name, l]));
  for (const l of lb.levels) {
    const id = l.id.name;
    const old = levelsA.get(id);
    if (!old) {
      out.push(
        entry({
          kind: 'level-added',
          subject: 'level',
          target: id,
          label: labels(l.label),
          before: null,
          after: l.requires.map(exprText),
          patch: [{ op: 'level-set', decl: l, after: previousOf(lb.levels, id), ladder: lb }],
        }),
      );
      continue;
    }
    if (!same(old.requires, l.requires)) {
      const d = requiresDiff(old.requires, l.requires);
      out.push(
        entry({
          kind: 'level-requires',
          subject: 'level',
          target: id,
          label: labels(l.label),
          before: d.before,
          after: d.after,
          patch: [{ op: 'level-set', decl: l, fields: ['requires'], after: undefined, ladder: lb }],
        }),
      );
    }
    if (!sameText(old.label, l.label)) out.push(labelPart('level', id, old.label, l, lb));
  }
  for (const l of la?.levels ?? []) if (!levelsB.has(l.id.name)) out.push(levelRemoved(l));
  if (la && la.cumulative !== lb.cumulative) {
    out.push(
      entry({
        kind: 'levels-cumulative',
        subject: 'level',
        target: 'levels',
        before: la.cumulative,
        after: lb.cumulative,
        patch: [{ op: 'ladder-set', ladder: { ...la, cumulative: lb.cumulative } }],
      }),
    );
  }
  if (!same(la?.fallback, lb.fallback)) {
    const fb = lb.fallback;
    out.push(
      entry({
        kind: 'fallback-changed',
        subject: 'level',
        target: fb?.id.name ?? la?.fallback?.id.name ?? 'fallback',
        label: labels(fb?.label),
        before: la?.fallback ? { id: la.fallback.id.name, label: labels(la.fallback.label) } : null,
        after: fb ? { id: fb.id.name, label: labels(fb.label) } : null,
        patch: [{ op: 'ladder-set', ladder: la ? { ...la, ...(fb ? { fallback: fb } : {}) } : lb }],
      }),
    );
  }
  return out;
}

function levelRemoved(l: LevelDecl): DiffEntry {
  return entry({
    kind: 'level-removed',
    subject: 'level',
    target: l.id.name,
    label: labels(l.label),
    before: l.requires.map(exprText),
    after: null,
    patch: [{ op: 'level-remove', id: l.id.name }],
  });
}

/** `evidence required` and `precision` in the header: semantic (who is invalid) and display (digits shown). */
function headerClauses(a: Side, b: Side, out: DiffEntry[]): void {
  const ea = a.ast.header.evidenceRequired !== undefined;
  const eb = b.ast.header.evidenceRequired !== undefined;
  if (ea !== eb) {
    out.push(
      entry({
        kind: 'evidence-required-changed',
        subject: 'ruleset',
        target: b.ast.id.value,
        before: ea,
        after: eb,
        patch: [{ op: 'evidence-required', value: b.ast.header.evidenceRequired }],
      }),
    );
  }
  const pa = a.ast.header.precision;
  const pb = b.ast.header.precision;
  if (!same(pa, pb)) {
    out.push(
      entry({
        kind: 'precision-changed',
        subject: 'ruleset',
        target: b.ast.id.value,
        before: weightValue(pa) ?? 4,
        after: weightValue(pb) ?? 4,
        patch: [{ op: 'precision', value: pb }],
      }),
    );
  }
}

/** The formula total: added, removed, or changed (formula, domain, label, unit, note). */
function totalFormula(a: Side, b: Side, out: DiffEntry[]): void {
  const ta = a.totalFormula;
  const tb = b.totalFormula;
  const describe = (t: TotalDecl): Record<string, DiffValue> => ({
    ...(t.type ? { type: typeText(t.type) } : {}),
    label: labels(t.label),
    ...(t.unit ? { unit: t.unit.value } : {}),
    ...(t.note ? { note: t.note.value } : {}),
    formula: exprText(t.formula),
  });
  if (!ta && !tb) return;
  const base = { subject: 'ruleset' as const, target: 'total', label: labels((tb ?? ta)?.label), patch: [{ op: 'total-formula' as const, decl: tb }] };
  if (!ta && tb) {
    out.push(entry({ ...base, kind: 'total-formula-added', before: null, after: describe(tb) }));
    return;
  }
  if (ta && !tb) {
    out.push(entry({ ...base, kind: 'total-formula-removed', before: describe(ta), after: null }));
    return;
  }
  if (!ta || !tb) return;
  const { before, after, fields } = changedFields(describe(ta), describe(tb));
  if (fields.length > 0) out.push(entry({ ...base, kind: 'total-formula-changed', before, after }));
}

/** The fields two descriptions of a declaration differ in, with both sides' values (null where absent). */
function changedFields(
  da: Record<string, DiffValue>,
  db: Record<string, DiffValue>,
): { before: Record<string, DiffValue>; after: Record<string, DiffValue>; fields: DeclField[] } {
  const before: Record<string, DiffValue> = {};
  const after: Record<string, DiffValue> = {};
  const fields: DeclField[] = [];
  for (const k of new Set([...Object.keys(da), ...Object.keys(db)])) {
    if (same(da[k], db[k])) continue;
    before[k] = da[k] ?? null;
    after[k] = db[k] ?? null;
    fields.push(k as DeclField);
  }
  return { before, after, fields };
}

const KINDS = {
  input: { added: 'input-added', changed: 'input-changed', removed: 'input-removed' },
  derived: { added: 'derived-added', changed: 'derived-changed', removed: 'derived-removed' },
  method: { added: 'method-added', changed: 'method-changed', removed: 'method-removed' },
} as const;

function declChanges<T extends RuleDecl>(
  as: readonly T[],
  bs: readonly T[],
  subject: 'input' | 'derived' | 'method',
  out: DiffEntry[],
  describe: (x: T) => Record<string, DiffValue>,
): void {
  const ma = new Map(as.map((x) => [x.id.name, x]));
  const mb = new Map(bs.map((x) => [x.id.name, x]));
  for (const xb of bs) {
    const id = xb.id.name;
    const xa = ma.get(id);
    if (!xa) {
      out.push(
        entry({
          kind: KINDS[subject].added,
          subject,
          target: id,
          label: labels(xb.label),
          before: null,
          after: describe(xb),
          patch: [{ op: 'decl-set', decl: xb, after: previousOf(bs, id) }],
        }),
      );
      continue;
    }
    const { before, after, fields } = changedFields(describe(xa), describe(xb));
    if (fields.length > 0) {
      out.push(
        entry({
          kind: KINDS[subject].changed,
          subject,
          target: id,
          label: labels(xb.label),
          before,
          after,
          patch: [{ op: 'decl-set', decl: xb, fields, after: undefined }],
        }),
      );
    }
  }
  for (const xa of as) {
    if (mb.has(xa.id.name)) continue;
    out.push(
      entry({
        kind: KINDS[subject].removed,
        subject,
        target: xa.id.name,
        label: labels(xa.label),
        before: describe(xa),
        after: null,
        patch: [{ op: 'decl-remove', kind: xa.kind, id: xa.id.name }],
      }),
    );
  }
}
