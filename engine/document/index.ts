// The standard as a document: a ruleset's normative content (and, against an earlier version, its revision table)
// rendered the way the standard prints it. In: models and a language. Out: the document as data, Markdown, HTML or
// .docx bytes. Pure: runs in the browser (the playground's document view) and in Node (`assay doc`).

import type { Lang } from '../../dsl/ast';
import type { Model } from '../model/model';
import { documentDocx } from './docx';
import { documentHtml, documentHtmlBody } from './html';
import { documentMarkdown } from './markdown';
import { standardDocument, type StandardDocument } from './model';
import { revisionTable } from './revision';
import { documentBlocks } from './sections';

export { documentBlocks, type Block } from './sections';
export { documentHtmlBody, DOCUMENT_CSS } from './html';
export { revisionTable, type RevisionRow, type RevisionTable } from './revision';
export type { StandardDocument, IndicatorEntry, DimensionSection, LevelEntry, RuleEntry, ScoringView } from './model';

export type DocumentFormat = 'md' | 'html' | 'docx';

/** The document of `model` in `lang`; with `against` (an earlier version) its revision table too. */
export function documentOf(model: Model, lang: Lang, opts: { against?: Model } = {}): StandardDocument {
  const doc = standardDocument(model, lang);
  return opts.against ? { ...doc, revision: revisionTable(opts.against, model, lang) } : doc;
}

/** The document as Markdown or HTML text, or as the bytes of a .docx file. */
export function renderDocument(doc: StandardDocument, format: 'md' | 'html'): string;
export function renderDocument(doc: StandardDocument, format: 'docx'): Uint8Array;
export function renderDocument(doc: StandardDocument, format: DocumentFormat): string | Uint8Array;
export function renderDocument(doc: StandardDocument, format: DocumentFormat): string | Uint8Array {
  const blocks = documentBlocks(doc);
  switch (format) {
    case 'md':
      return documentMarkdown(blocks);
    case 'html':
      return documentHtml(blocks, doc.lang);
    case 'docx':
      return documentDocx(blocks, doc.lang);
  }
}

/** The document's body as HTML (for a page that has its own head: the playground). */
export function documentBodyHtml(doc: StandardDocument): string {
  return documentHtmlBody(documentBlocks(doc), doc.lang);
}
