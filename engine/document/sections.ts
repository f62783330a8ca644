// The document laid out once for every renderer: a title, headings, paragraphs and tables of plain text.
// In: a `StandardDocument`. Out: `Block[]` in reading order — the revision table first (as a standard's foreword
// lists the changes), then §2 evidence and methods, §3 the indicator tables per dimension, §4 prerequisites and
// vetoes, §5 levels. Markdown, HTML and docx only format these blocks.

import { colon } from '../analyses/explain/words';
import { directionText, methodsText, ROW_SEP, scoringText, typeUnitText } from './cells';
import { CLAUSES, type StandardDocument } from './model';
import { dsay } from './words';

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'para'; readonly text: string }
  | {
      readonly kind: 'table';
      /** What the table is, for tests and the playground (`indicators-A`, `rules`, `levels`, `revision`). */
      readonly name: string;
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns whose cells are ids (shown as code). */
      readonly code: readonly number[];
    };

export function documentBlocks(doc: StandardDocument): Block[] {
  const lang = doc.lang;
  const say = (k: Parameters<typeof dsay>[1], a: Parameters<typeof dsay>[2] = {}): string => dsay(lang, k, a);
  const out: Block[] = [];
  out.push({ kind: 'title', text: `${doc.title} — ${doc.version} (${doc.status})` });
  out.push({
    kind: 'para',
    text: doc.date !== undefined
      ? say('versionLine', { id: doc.id, version: doc.version, status: doc.status, date: doc.date })
      : say('versionLineNoDate', { id: doc.id, version: doc.version, status: doc.status }),
  });

  const rev = doc.revision;
  if (rev) {
    out.push({ kind: 'heading', level: 2, text: say('revisionTitle', { version: rev.before }) });
    if (rev.rows.length === 0) out.push({ kind: 'para', text: say('revisionNone', { before: rev.before, after: rev.after }) });
    else {
      out.push({ kind: 'para', text: say('revisionIntro', { before: rev.before, after: rev.after, n: rev.rows.length }) });
      out.push({
        kind: 'table',
        name: 'revision',
        head: [say('colNo'), say('colClause'), say('colChange'), rev.before, rev.after],
        rows: rev.rows.map((r) => [String(r.n), r.clause, `${r.change}${colon(lang)}${r.subject}`, r.old, r.new]),
        code: [],
      });
    }
  }

  out.push({ kind: 'heading', level: 2, text: `${CLAUSES.evidence}. ${say('evidenceTitle')}` });
  if (doc.methods.length > 0) {
    out.push({ kind: 'heading', level: 3, text: `${CLAUSES.evidence}.1 ${say('methodsTitle')}` });
    out.push({ kind: 'table', name: 'methods', head: [say('colId'), say('colLabel')], rows: doc.methods.map((m) => [m.id, m.label]), code: [0] });
  }
  if (doc.facts.length > 0) {
    out.push({ kind: 'heading', level: 3, text: `${CLAUSES.evidence}.${doc.methods.length > 0 ? 2 : 1} ${say('factsTitle')}` });
    out.push({
      kind: 'table',
      name: 'facts',
      head: [say('colId'), say('colType'), say('colMeaning')],
      rows: doc.facts.map((f) => [f.id, f.unit !== undefined ? `${f.type}, ${f.unit}` : f.type, [f.label, ...(f.note !== undefined ? [f.note] : [])].join(ROW_SEP)]),
      code: [0],
    });
  }

  const n = doc.dimensions.reduce((s, d) => s + d.indicators.length, 0);
  out.push({ kind: 'heading', level: 2, text: `${CLAUSES.indicators}. ${say('indicatorsTitle', { d: doc.dimensions.length, n, total: doc.total })}` });
  out.push({ kind: 'para', text: say('bandsNote') });
  for (const d of doc.dimensions) {
    out.push({ kind: 'heading', level: 3, text: `${d.clause} ${say('dimensionTitle', { id: d.id, label: d.label, weight: d.weight })}` });
    out.push({
      kind: 'table',
      name: `indicators-${d.id}`,
      head: [say('colId'), say('colLabel'), say('colTypeUnit'), say('colDir'), say('colBands'), say('colMethods'), say('colBasis'), say('colWeight')],
      rows: d.indicators.map((i) => [i.id, i.label, typeUnitText(i, lang), directionText(i.direction), scoringText(i.scoring, lang), methodsText(i.methods), i.basis ?? '—', i.weight]),
      code: [0],
    });
  }

  out.push({ kind: 'heading', level: 2, text: `${CLAUSES.rules}. ${say('rulesTitle')}` });
  out.push({
    kind: 'table',
    name: 'rules',
    head: [say('colId'), say('colKind'), say('colLabel'), say('colCondition')],
    rows: doc.rules.map((r) => [r.id, say(r.kind), r.label, r.conditions.length === 0 ? '—' : r.conditions.join(ROW_SEP)]),
    code: [0],
  });

  out.push({ kind: 'heading', level: 2, text: `${CLAUSES.levels}. ${say('levelsTitle')}` });
  out.push({ kind: 'para', text: say(doc.levels.cumulative ? 'levelsCumulative' : 'levelsPlain') });
  const fb = doc.levels.fallback;
  out.push({
    kind: 'table',
    name: 'levels',
    head: [say('colId'), say('colLabel'), say('colTotal'), say('colEveryDim'), say('colGates')],
    rows: [
      ...doc.levels.rows.map((l) => [l.id, l.label, l.total ?? '—', l.everyDimension ?? '—', l.gates.length === 0 ? '—' : l.gates.join(ROW_SEP)]),
      ...(fb ? [[fb.id, fb.label, say('otherwise'), '', '']] : []),
    ],
    code: [0],
  });
  return out;
}
