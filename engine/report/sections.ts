// The content of the report's certification sections, shared by the HTML and Markdown renderers: the basis of
// assessment (ruleset, hash, date, assessor, what it is compared with), each indicator's assessment methods and
// evidence reference (file, line, field), and the signature block. In: report items and metadata. Out: rows of text.

import type { Lang } from '../../dsl/ast';
import type { IndicatorExplanation } from '../analyses/explain/model';
import { labelIn, statusWord } from '../analyses/explain/words';
import type { ReportItem, ReportMeta } from './model';
import { dateIn, rsay } from './words';

/** A row of label and value; `code` values are ids, hashes or paths (shown as code). */
export interface Row {
  readonly label: string;
  readonly value: string;
  readonly code?: boolean;
}

/** What the assessment rests on: ruleset and hash, date, assessor, and the comparison (corpus or thresholds only). */
export function basisRows(meta: ReportMeta): Row[] {
  const lang = meta.lang;
  const r = meta.ruleset.identity;
  const title = labelIn(meta.ruleset.ast.header.title, lang);
  const rows: Row[] = [
    { label: rsay(lang, 'rulesetLine'), value: `${title ? `${title} — ` : ''}${r.id} ${r.version} (${statusWord(r.status, lang)})` },
    { label: rsay(lang, 'contentHash'), value: r.hash, code: true },
    { label: rsay(lang, 'assessedOn'), value: meta.assessedOn !== undefined ? dateIn(meta.assessedOn, lang) : rsay(lang, 'notStated') },
    { label: rsay(lang, 'assessor'), value: meta.assessor ?? rsay(lang, 'notStated') },
    {
      label: rsay(lang, 'comparedWith'),
      value: meta.corpus ? rsay(lang, 'corpusLine', { name: meta.corpus.name, n: meta.corpus.n }) : rsay(lang, 'noCorpus'),
    },
  ];
  if (meta.corpus?.description !== undefined) rows.push({ label: rsay(lang, 'corpusDescription'), value: meta.corpus.description });
  rows.push({ label: rsay(lang, 'renderedAt'), value: meta.renderedAt, code: true });
  return rows;
}

/** One indicator's methods (labels, with the ruleset's notes) and where its value is in the evidence. */
export interface MethodRow {
  readonly id: string;
  readonly label: string;
  readonly methods: string;
  readonly evidence: string;
}

function evidenceRef(i: IndicatorExplanation, item: ReportItem, lang: Lang): string {
  if (i.field === undefined || i.value === undefined) return rsay(lang, 'noEvidence');
  const line = item.evidenceLines?.get(i.field);
  return line === undefined
    ? rsay(lang, 'fieldIn', { file: item.evidenceFile, field: i.field })
    : rsay(lang, 'fieldAt', { file: item.evidenceFile, line, field: i.field });
}

/** Every indicator of the platform with its assessment methods and evidence reference, in ruleset order. */
export function methodRows(item: ReportItem, meta: ReportMeta): MethodRow[] {
  const lang = meta.lang;
  const m = meta.ruleset.model;
  const rows: MethodRow[] = [];
  for (const d of item.explanation.dimensions) {
    for (const i of d.indicators) {
      const decl = m.indicatorsById.get(i.id)?.decl;
      const methods = (decl?.methods?.refs ?? []).map((ref) => {
        const label = labelIn(m.methodsById.get(ref.method.name)?.decl.label, lang);
        const name = label !== undefined ? `${ref.method.name} ${label}` : ref.method.name;
        return ref.note !== undefined ? `${name} (${ref.note.value})` : name;
      });
      rows.push({ id: i.id, label: labelIn(i.label, lang) ?? '', methods: methods.join(lang === 'en' ? '; ' : '；') || '—', evidence: evidenceRef(i, item, lang) });
    }
  }
  return rows;
}

/** The signature block: who signs (assessor, reviewer, certification body) and the blanks each fills in. */
export function signatureParts(lang: Lang): { title: string; note: string; who: string[]; blanks: string[] } {
  return {
    title: rsay(lang, 'signatureTitle'),
    note: rsay(lang, 'signatureNote'),
    who: [rsay(lang, 'signAssessor'), rsay(lang, 'signReviewer'), rsay(lang, 'signBody')],
    blanks: [rsay(lang, 'signName'), rsay(lang, 'signSignature'), rsay(lang, 'signDate')],
  };
}
