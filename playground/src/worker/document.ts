// The standard as a document, for the playground's Document tab: the engine's document of the editor's text and,
// against an earlier version, its revision table. In: a `document` request. Out: `DocumentResult` with the engine's
// blocks (plain data the page draws as text), and the file when a format is asked for; never throws for bad input.

import type { Lang } from '../../../dsl/index';
import { documentBlocks, documentOf, renderDocument, type DocumentFormat } from '../../../engine/index';
import type { DocumentResult } from '../protocol';
import { compile } from './engine-bridge';

const TYPES: Readonly<Record<DocumentFormat, string>> = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function documentFor(seq: number, text: string, against: string | undefined, lang: Lang, format?: DocumentFormat): DocumentResult {
  const main = compile(text, 'ruleset.assay');
  const older = against === undefined ? undefined : compile(against, 'against.assay');
  const errors: ('text' | 'against')[] = [];
  if (!main.ruleset) errors.push('text');
  if (older && !older.ruleset) errors.push('against');
  if (!main.ruleset || (older && !older.ruleset)) return { seq, errors };
  const doc = documentOf(main.ruleset.model, lang, older?.ruleset ? { against: older.ruleset.model } : {});
  const blocks = documentBlocks(doc);
  if (format === undefined) return { seq, errors, blocks };
  const name = `${doc.id}-${doc.version}${doc.revision ? `-from-${doc.revision.before}` : ''}.${lang}.${format}`;
  return { seq, errors, blocks, file: { name, data: renderDocument(doc, format), type: TYPES[format] } };
}
