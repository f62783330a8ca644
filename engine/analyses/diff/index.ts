// The semantic diff of two rulesets: the changes of the standard (entries) and of its metadata (header).
// In: two compiled rulesets (or their ASTs). Out: `Diff` — entries in the order of the standard's sections,
// grouped as README.md § "Semantic diff" says, each able to apply itself alone to the old ruleset.
//
// Grouping rules (generic, not tuned to one pair of versions):
//  1. all dimension-weight changes form one entry (`dimension-weights`);
//  2. a rename carries the id, the label and `formerly`; other clauses of a renamed indicator are entries;
//  3. vetoes added form one entry, vetoes removed one entry, each changed veto its own entry;
//  4. a change of an indicator's methods (how its evidence is gathered, incl. notes) joins the entry of a
//     changed veto whose old or new condition reads that indicator: tightening a veto and its test
//     protocol is one decision; otherwise it is an entry of its own;
//  5. every change of levels and prerequisites forms one entry (`levels-changed`): together they decide
//     who is rated and at which level.

import type { Expr, Ruleset } from '../../../dsl/ast';
import { assertNever } from '../../../dsl/ast';
import { group, type Diff, type DiffEntry, type DiffHeader } from './entries';
import { diffIndicators } from './indicators';
import { indexSide, pairIndicators, type Pairing, type Side } from './match';
import { applyPatch, type PatchContext } from './patch';
import { diffRules } from './rules';
import { labels, same, withAliases } from './text';

export * from './entries';
export { applyPatch, type PatchContext, type PatchOp } from './patch';

/** What the diff needs of a compiled ruleset (structural, so that engine/index.ts may re-export the diff). */
export interface DiffInput {
  readonly model: { readonly ast: Ruleset };
  readonly identity?: { readonly hash: string };
}

/** The semantic diff of two compiled rulesets, old first. */
export function diffRulesets(a: DiffInput, b: DiffInput): DiffEntry[] {
  return [...diffAsts(a.model.ast, b.model.ast).entries];
}

/** The diff with its header (metadata changes and content hashes). */
export function diffWithHeader(a: DiffInput, b: DiffInput): Diff {
  const d = diffAsts(a.model.ast, b.model.ast);
  return {
    entries: d.entries,
    header: {
      ...d.header,
      ...(a.identity ? { hashBefore: a.identity.hash } : {}),
      ...(b.identity ? { hashAfter: b.identity.hash } : {}),
    },
  };
}

/** The renames of a diff, for applying its entries consistently (`applyEntries`). */
export function patchContext(entries: readonly DiffEntry[]): PatchContext {
  const renames: { from: string; to: string }[] = [];
  for (const e of entries) {
    for (const x of [e, ...(e.parts ?? [])]) {
      if (x.kind === 'indicator-renamed') {
        const before = x.before as { id: string };
        const after = x.after as { id: string };
        renames.push({ from: before.id, to: after.id });
      }
    }
  }
  return { renames };
}

/** The old ruleset with exactly `chosen` applied (in the order given). `all` gives the diff's renames. */
export function applyEntries(a: Ruleset, chosen: readonly DiffEntry[], all: readonly DiffEntry[] = chosen): Ruleset {
  return applyPatch(
    a,
    chosen.flatMap((e) => e.patch),
    patchContext(all),
  );
}

function header(a: Ruleset, b: Ruleset): DiffHeader {
  const side = (r: Ruleset) => ({
    id: r.id.value,
    version: r.header.version?.value ?? '',
    status: r.header.status?.value ?? '',
    date: r.header.date?.text ?? null,
    title: labels(r.header.title),
  });
  const before = side(a);
  const after = side(b);
  const changed = (['id', 'version', 'status', 'date', 'title'] as const).filter((k) => !same(before[k], after[k]));
  return { before, after, changed };
}

/** Names an expression reads (references and property arguments). */
function namesIn(e: Expr | undefined, out: Set<string> = new Set()): Set<string> {
  if (!e) return out;
  switch (e.kind) {
    case 'Num':
    case 'Percent':
    case 'Bool':
    case 'Total':
    case 'Error':
      break;
    case 'Ref':
      if (e.path[0]) out.add(e.path[0].name);
      break;
    case 'Prop':
      if (e.of) out.add(e.of.name);
      break;
    case 'Call':
      for (const x of e.args) namesIn(x, out);
      break;
    case 'Unary':
      namesIn(e.operand, out);
      break;
    case 'Binary':
    case 'Compare':
      namesIn(e.left, out);
      namesIn(e.right, out);
      break;
    case 'In':
      namesIn(e.operand, out);
      for (const x of e.set) namesIn(x, out);
      break;
    case 'If':
      namesIn(e.cond, out);
      namesIn(e.then, out);
      namesIn(e.otherwise, out);
      break;
    case 'Quantified':
      namesIn(e.body, out);
      break;
    case 'Table':
      for (const k of e.keys) namesIn(k, out);
      for (const en of e.entries) namesIn(en.value, out);
      break;
    default:
      assertNever(e, 'expression');
  }
  return out;
}

/** The semantic diff of two ASTs (old first). */
export function diffAsts(a: Ruleset, b: Ruleset): Diff {
  const A = indexSide(a);
  const B = indexSide(b);
  const pairing = pairIndicators(A, B);
  const renamed = new Map(pairing.pairs.filter((p) => p.renamed).map((p) => [p.b.id, p.a.id]));
  return withAliases(renamed, () => compare(a, b, A, B, pairing));
}

function compare(a: Ruleset, b: Ruleset, A: Side, B: Side, pairing: Pairing): Diff {
  const rules = diffRules(A, B, pairing);
  const newDims = new Set([
    ...B.dimensions.filter((d) => !A.dimensionsById.has(d.id.name)).map((d) => d.id.name),
    ...A.dimensions.filter((d) => !B.dimensionsById.has(d.id.name)).map((d) => d.id.name),
  ]);
  const inds = diffIndicators(A, B, pairing, newDims);

  // Rule 4: method changes join a changed veto that reads the indicator (old or new id).
  const oldIdOf = new Map(pairing.pairs.map((p) => [p.b.id, p.a.id]));
  const vetoes = [...rules.vetoes];
  const clauses: DiffEntry[] = [];
  for (const c of inds.clauses) {
    if (c.kind === 'methods-changed') {
      const ids = new Set([c.target, oldIdOf.get(c.target) ?? c.target]);
      const at = vetoes.findIndex((v) => {
        if (v.kind !== 'veto-changed') return false;
        const cond = v.parts?.find((p) => p.kind === 'veto-condition');
        if (!cond) return false;
        const vA = A.vetoes.find((x) => x.id.name === v.target)?.when;
        const vB = B.vetoes.find((x) => x.id.name === v.target)?.when;
        const read = namesIn(vB, namesIn(vA));
        return [...ids].some((id) => read.has(id));
      });
      const v = vetoes[at];
      if (v) {
        const parts = [...(v.parts ?? []), c];
        vetoes[at] = { ...group('veto-changed', 'veto', parts, v.before, v.after), target: v.target, targets: [v.target, c.target], ...(v.label ? { label: v.label } : {}) };
        continue;
      }
    }
    clauses.push(c);
  }

  const entries = [
    ...rules.total,
    ...rules.dimensions,
    ...inds.added,
    ...inds.removed,
    ...inds.renamed,
    ...inds.moved,
    ...clauses,
    ...rules.declarations,
    ...vetoes,
    ...rules.levels,
  ];
  return { header: header(a, b), entries };
}
