// Pairing the declarations of two rulesets: indicators by id, then by the new side's `formerly` (a rename),
// everything else by id. In: two ASTs. Out: indexed declarations of both sides and the indicator pairing.
//
// An old indicator is renamed to a new one when the new one lists it in `formerly` and the old id is not
// also a current indicator of the new side; one old id pairs with at most one new indicator (the first).

import type {
  DeriveDecl,
  DimensionDecl,
  IndicatorDecl,
  InputDecl,
  LevelLadder,
  MethodDecl,
  PrerequisiteDecl,
  Ruleset,
  TotalDecl,
  VetoDecl,
} from '../../../dsl/ast';

export interface IndexedIndicator {
  readonly id: string;
  readonly dimension: DimensionDecl;
  readonly decl: IndicatorDecl;
  /** Id of the indicator before it in its dimension (undefined when first). */
  readonly previous: string | undefined;
}

export interface Side {
  readonly ast: Ruleset;
  readonly dimensions: readonly DimensionDecl[];
  readonly dimensionsById: ReadonlyMap<string, DimensionDecl>;
  readonly indicators: readonly IndexedIndicator[];
  readonly indicatorsById: ReadonlyMap<string, IndexedIndicator>;
  readonly inputs: readonly InputDecl[];
  readonly derived: readonly DeriveDecl[];
  /** The (first) formula total. */
  readonly totalFormula: TotalDecl | undefined;
  readonly methods: readonly MethodDecl[];
  readonly vetoes: readonly VetoDecl[];
  readonly prerequisites: readonly PrerequisiteDecl[];
  readonly ladder: LevelLadder | undefined;
}

/** First declaration wins: a ruleset with duplicates does not compile, and the diff stays total. */
function byId<T extends { readonly id: { readonly name: string } }>(xs: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of xs) if (!m.has(x.id.name)) m.set(x.id.name, x);
  return m;
}

export function indexSide(ast: Ruleset): Side {
  const dimensions: DimensionDecl[] = [];
  const indicators: IndexedIndicator[] = [];
  const inputs: InputDecl[] = [];
  const derived: DeriveDecl[] = [];
  let totalFormula: TotalDecl | undefined;
  const methods: MethodDecl[] = [];
  const vetoes: VetoDecl[] = [];
  const prerequisites: PrerequisiteDecl[] = [];
  let ladder: LevelLadder | undefined;
  for (const item of ast.items) {
    switch (item.kind) {
      case 'Dimension': {
        dimensions.push(item);
        let previous: string | undefined;
        for (const decl of item.indicators) {
          indicators.push({ id: decl.id.name, dimension: item, decl, previous });
          previous = decl.id.name;
        }
        break;
      }
      case 'Input':
        inputs.push(item);
        break;
      case 'Derive':
        derived.push(item);
        break;
      case 'TotalFormula':
        totalFormula ??= item;
        break;
      case 'Method':
        methods.push(item);
        break;
      case 'Veto':
        vetoes.push(item);
        break;
      case 'Prerequisite':
        prerequisites.push(item);
        break;
      case 'Levels':
        ladder ??= item;
        break;
    }
  }
  const indicatorsById = new Map<string, IndexedIndicator>();
  for (const i of indicators) if (!indicatorsById.has(i.id)) indicatorsById.set(i.id, i);
  return {
    ast,
    dimensions,
    dimensionsById: byId(dimensions),
    indicators,
    indicatorsById,
    inputs,
    derived,
    totalFormula,
    methods,
    vetoes,
    prerequisites,
    ladder,
  };
}

export interface IndicatorPair {
  readonly a: IndexedIndicator;
  readonly b: IndexedIndicator;
  readonly renamed: boolean;
}

export interface Pairing {
  /** In the new side's order. */
  readonly pairs: readonly IndicatorPair[];
  /** Old indicators with no counterpart, in the old side's order. */
  readonly removed: readonly IndexedIndicator[];
  /** New indicators with no counterpart, in the new side's order. */
  readonly added: readonly IndexedIndicator[];
  /** Patch key of a new-side indicator id: the old id when paired, `+<id>` when added. */
  keyOfNew(id: string | undefined): string | undefined;
}

export function pairIndicators(a: Side, b: Side): Pairing {
  const used = new Set<string>();
  const pairs: IndicatorPair[] = [];
  const added: IndexedIndicator[] = [];
  const keys = new Map<string, string>();
  // Same ids first, so that a `formerly` naming a still-present id never steals it.
  for (const ib of b.indicators) {
    const ia = a.indicatorsById.get(ib.id);
    if (ia && !used.has(ia.id)) used.add(ia.id);
  }
  for (const ib of b.indicators) {
    let ia = a.indicatorsById.get(ib.id);
    let renamed = false;
    if (!ia) {
      for (const f of ib.decl.formerly ?? []) {
        const cand = a.indicatorsById.get(f.name);
        if (cand && !used.has(cand.id) && !b.indicatorsById.has(cand.id)) {
          ia = cand;
          renamed = true;
          used.add(cand.id);
          break;
        }
      }
    }
    if (ia) {
      pairs.push({ a: ia, b: ib, renamed });
      keys.set(ib.id, ia.id);
    } else {
      added.push(ib);
      keys.set(ib.id, `+${ib.id}`);
    }
  }
  const paired = new Set(pairs.map((p) => p.a.id));
  const removed = a.indicators.filter((i) => !paired.has(i.id));
  return {
    pairs,
    removed,
    added,
    keyOfNew: (id) => (id === undefined ? undefined : keys.get(id)),
  };
}
