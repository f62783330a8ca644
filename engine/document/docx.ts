// The standard's document as a Word file (.docx, Office Open XML): a stored ZIP of the package parts — content
// types, relationships, core properties, styles (title, two heading levels, a bordered table style) and
// word/document.xml with the blocks as paragraphs and tables on landscape A4. In: the blocks and language.
// Out: the file's bytes. Every text is XML-escaped; characters XML cannot hold are shown as `\uXXXX` or U+FFFD.

import type { Lang } from '../../dsl/ast';
import { visibleControls } from '../../dsl/visible';
import type { Block } from './sections';
import { storedZip } from './zip';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data or attribute value: escaped, controls visible, lone surrogates and U+FFFE/U+FFFF replaced. */
export function xmlText(s: string): string {
  return visibleControls(s)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '\ufffd')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function run(text: string, opts: { bold?: boolean; code?: boolean } = {}): string {
  const props = [opts.bold ? '<w:b/>' : '', opts.code ? '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>' : ''].join('');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

function para(text: string, style?: string, opts: { bold?: boolean; code?: boolean } = {}): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${text === '' ? '' : run(text, opts)}</w:p>`;
}

/** Text width of landscape A4 with 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 16838 - 2 * 1134;

/** Column widths in proportion to each column's longest cell (bounded, so short columns stay readable). */
function widths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const weight = head.map((h, i) => Math.min(60, Math.max(4, h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const sum = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const ws = widths(b.head, b.rows);
  const cell = (text: string, i: number, head: boolean): string =>
    `<w:tc><w:tcPr><w:tcW w:w="${ws[i] ?? 0}" w:type="dxa"/></w:tcPr>${para(text, undefined, { bold: head, code: !head && b.code.includes(i) })}</w:tc>`;
  const head = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${b.head.map((c, i) => cell(c, i, true)).join('')}</w:tr>`;
  const rows = b.rows.map((r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${b.head.map((_, i) => cell(r[i] ?? '', i, false)).join('')}</w:tr>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="AssayTable"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${ws.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${head}${rows}</w:tbl>` +
    para('')
  );
}

function blockXml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return para(b.text, 'Title');
    case 'heading':
      return para(b.text, b.level === 2 ? 'Heading1' : 'Heading2');
    case 'para':
      return para(b.text);
    case 'table':
      return table(b);
  }
}

function documentXml(blocks: readonly Block[]): string {
  return (
    `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${blocks.map(blockXml).join('')}` +
    '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

const EAST_ASIA: Readonly<Record<Lang, string>> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'zh-CN' };

function stylesXml(lang: Lang): string {
  const style = (id: string, name: string, size: number, extra = ''): string =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>${extra}</w:pPr><w:rPr><w:b/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;
  return (
    `${XML_HEAD}<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="SimSun" w:cs="Calibri"/>` +
    `<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="${lang === 'en' ? 'en-GB' : EAST_ASIA[lang]}" w:eastAsia="${EAST_ASIA[lang]}"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    style('Title', 'Title', 36) +
    style('Heading1', 'heading 1', 28, '<w:outlineLvl w:val="0"/>') +
    style('Heading2', 'heading 2', 24, '<w:outlineLvl w:val="1"/>') +
    `<w:style w:type="table" w:styleId="AssayTable"><w:name w:val="Assay Table"/><w:tblPr><w:tblBorders>` +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="A0A8B4"/>`).join('') +
    `</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

function coreXml(title: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(title)}</dc:title><dc:creator>Assay</dc:creator></cp:coreProperties>`
  );
}

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>';

/** The blocks as a .docx file's bytes. */
export function documentDocx(blocks: readonly Block[], lang: Lang): Uint8Array {
  const enc = new TextEncoder();
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  return storedZip([
    { name: '[Content_Types].xml', data: enc.encode(CONTENT_TYPES) },
    { name: '_rels/.rels', data: enc.encode(PACKAGE_RELS) },
    { name: 'docProps/core.xml', data: enc.encode(coreXml(title)) },
    { name: 'word/_rels/document.xml.rels', data: enc.encode(DOCUMENT_RELS) },
    { name: 'word/styles.xml', data: enc.encode(stylesXml(lang)) },
    { name: 'word/document.xml', data: enc.encode(documentXml(blocks)) },
  ]);
}
