// Indicator changes: added, removed, renamed, moved, and each changed clause of a paired indicator.
// In: both indexed sides and their pairing. Out: atomic `DiffEntry`s, each with the patch applying it alone.
//
// A rename is one entry that carries the new id, the label and `formerly` (the label is the name's human
// form); every other changed clause of a renamed indicator is its own entry. Added and removed indicators
// of an added or removed dimension belong to that dimension's entry (see rules.ts), not here.

import type { IndicatorDecl, MapEntry } from '../../../dsl/ast';
import { assertNever } from '../../../dsl/ast';
import { valueTypeOf, type ValueType } from '../../model/value-type';
import { diffBands } from './bands';
import { entry, type DiffEntry, type DiffKind, type DiffValue } from './entries';
import type { IndexedIndicator, Pairing, Side } from './match';
import type { IndicatorField, PatchOp } from './patch';
import { bandText, exprText, labels, methodsText, pointsText, same, sameText, typeText, weightValue } from './text';

export interface IndicatorChanges {
  readonly added: DiffEntry[];
  readonly removed: DiffEntry[];
  readonly renamed: DiffEntry[];
  readonly moved: DiffEntry[];
  /** Clause changes of paired indicators, in the new side's order. */
  readonly clauses: DiffEntry[];
}

function summary(d: IndicatorDecl): DiffValue {
  return {
    weight: weightValue(d.weight),
    type: d.type ? typeText(d.type) : null,
    ...(d.unit ? { unit: d.unit.value } : {}),
    ...(d.direction ? { direction: d.direction.value } : {}),
    ...(d.methods ? { methods: methodsText(d.methods.refs) } : {}),
    ...(d.basis ? { basis: d.basis.value } : {}),
    ...(d.applies ? { applies: exprText(d.applies) } : {}),
    ...(d.formerly && d.formerly.length > 0 ? { formerly: d.formerly.map((n) => n.name).join(', ') } : {}),
    ...(d.scoring ? { scoring: scoringValue(d) } : {}),
  };
}

function scoringValue(d: IndicatorDecl): DiffValue {
  const s = d.scoring;
  if (!s) return null;
  switch (s.kind) {
    case 'Bands':
      return s.bands.map(bandText);
    case 'Map':
      return s.entries.map((e) => `${mapKey(e)}: ${pointsText(e.points)}`);
    case 'Formula':
      return `formula ${exprText(s.expr)}`;
    default:
      return assertNever(s, 'scoring');
  }
}

function mapKey(e: MapEntry): string {
  return e.key.kind === 'Name' ? e.key.name : 'else';
}

function typeOf(d: IndicatorDecl): ValueType | undefined {
  return d.type ? valueTypeOf(d.type) : undefined;
}

export function diffIndicators(a: Side, b: Side, pairing: Pairing, skipDims: ReadonlySet<string>): IndicatorChanges {
  const out: IndicatorChanges = { added: [], removed: [], renamed: [], moved: [], clauses: [] };
  for (const ib of pairing.added) {
    if (skipDims.has(ib.dimension.id.name) && !a.dimensionsById.has(ib.dimension.id.name)) continue;
    out.added.push(addedEntry(ib, pairing));
  }
  for (const ia of pairing.removed) {
    if (skipDims.has(ia.dimension.id.name) && !b.dimensionsById.has(ia.dimension.id.name)) continue;
    out.removed.push(removedEntry(ia));
  }
  for (const p of pairing.pairs) {
    const key = p.a.id;
    const A = p.a.decl;
    const B = p.b.decl;
    const dimension = p.b.dimension.id.name;
    const label = labels(B.label);
    const set = (fields: readonly IndicatorField[]): PatchOp[] => [{ op: 'indicator-set', key, fields, decl: B }];
    const clause = (kind: DiffKind, before: DiffValue, after: DiffValue, fields: readonly IndicatorField[], extra: Partial<DiffEntry> = {}) =>
      out.clauses.push(entry({ kind, subject: 'indicator', target: p.b.id, dimension, label, before, after, patch: set(fields), ...extra }));

    if (p.renamed) {
      out.renamed.push(
        entry({
          kind: 'indicator-renamed',
          subject: 'indicator',
          target: p.b.id,
          targets: [p.b.id, p.a.id],
          dimension,
          label,
          before: { id: p.a.id, label: labels(A.label) },
          after: { id: p.b.id, label },
          patch: set(['id', 'label', 'formerly']),
        }),
      );
    } else {
      if (!sameText(A.label, B.label)) clause('label-changed', labels(A.label), label, ['label']);
      if (!same(A.formerly ?? [], B.formerly ?? [])) {
        clause('formerly-changed', (A.formerly ?? []).map((n) => n.name), (B.formerly ?? []).map((n) => n.name), ['formerly']);
      }
    }
    if (p.a.dimension.id.name !== dimension) {
      out.moved.push(
        entry({
          kind: 'indicator-moved',
          subject: 'indicator',
          target: p.b.id,
          dimension,
          label,
          before: p.a.dimension.id.name,
          after: dimension,
          patch: [{ op: 'indicator-move', key, dimension: p.b.dimension, after: pairing.keyOfNew(p.b.previous) }],
        }),
      );
    }
    if (!same(A.weight, B.weight)) clause('weight-changed', weightValue(A.weight), weightValue(B.weight), ['weight']);
    if (!same(A.type, B.type)) clause('type-changed', A.type ? typeText(A.type) : null, B.type ? typeText(B.type) : null, ['type']);
    if (!same(A.unit, B.unit)) clause('unit-changed', A.unit?.value ?? null, B.unit?.value ?? null, ['unit']);
    if ((A.required === undefined) !== (B.required === undefined)) clause('required-changed', A.required !== undefined, B.required !== undefined, ['required']);
    if (!same(A.direction?.value, B.direction?.value)) {
      clause('direction-changed', A.direction?.value ?? null, B.direction?.value ?? null, ['direction']);
    }
    if (!same(A.methods?.refs ?? [], B.methods?.refs ?? [])) {
      clause('methods-changed', A.methods ? methodsText(A.methods.refs) : null, B.methods ? methodsText(B.methods.refs) : null, ['methods']);
    }
    if (!same(A.basis, B.basis)) clause('basis-changed', A.basis?.value ?? null, B.basis?.value ?? null, ['basis']);
    if (!same(A.applies, B.applies)) {
      clause('applicability-changed', A.applies ? exprText(A.applies) : null, B.applies ? exprText(B.applies) : null, ['applies']);
    }
    scoringChange(A, B, (kind, before, after, extra) => clause(kind, before, after, ['scoring'], extra));
  }
  return out;
}

type Emit = (kind: DiffKind, before: DiffValue, after: DiffValue, extra?: Partial<DiffEntry>) => void;

function scoringChange(A: IndicatorDecl, B: IndicatorDecl, emit: Emit): void {
  const sa = A.scoring;
  const sb = B.scoring;
  if (same(sa, sb)) return;
  if (!sa || !sb || sa.kind !== sb.kind) {
    emit('scoring-changed', scoringValue(A), scoringValue(B));
    return;
  }
  if (sa.kind === 'Bands' && sb.kind === 'Bands') {
    const c = diffBands(sa.bands, sb.bands, typeOf(B) ?? typeOf(A));
    if (c) emit(c.kind, c.before, c.after, c.region ? { region: c.region } : {});
    return;
  }
  if (sa.kind === 'Map' && sb.kind === 'Map') {
    const before: Record<string, DiffValue> = {};
    const after: Record<string, DiffValue> = {};
    const ma = new Map(sa.entries.map((e) => [mapKey(e), e]));
    const mb = new Map(sb.entries.map((e) => [mapKey(e), e]));
    for (const k of new Set([...ma.keys(), ...mb.keys()])) {
      const x = ma.get(k);
      const y = mb.get(k);
      if (x && y && same(x.points, y.points)) continue;
      before[k] = x ? pointsText(x.points) : null;
      after[k] = y ? pointsText(y.points) : null;
    }
    // Only the order of entries changed: the mapping scores alike, nothing to report.
    if (Object.keys(before).length > 0) emit('mapping-changed', before, after);
    return;
  }
  if (sa.kind === 'Formula' && sb.kind === 'Formula') {
    emit('formula-changed', exprText(sa.expr), exprText(sb.expr));
  }
}

function addedEntry(ib: IndexedIndicator, pairing: Pairing): DiffEntry {
  return entry({
    kind: 'indicator-added',
    subject: 'indicator',
    target: ib.id,
    dimension: ib.dimension.id.name,
    label: labels(ib.decl.label),
    before: null,
    after: { ...(summary(ib.decl) as Record<string, DiffValue>), after: ib.previous ?? null },
    patch: [
      { op: 'indicator-add', key: `+${ib.id}`, dimension: ib.dimension, after: pairing.keyOfNew(ib.previous), decl: ib.decl },
    ],
  });
}

function removedEntry(ia: IndexedIndicator): DiffEntry {
  return entry({
    kind: 'indicator-removed',
    subject: 'indicator',
    target: ia.id,
    dimension: ia.dimension.id.name,
    label: labels(ia.decl.label),
    before: summary(ia.decl),
    after: null,
    patch: [{ op: 'indicator-remove', key: ia.id }],
  });
}
