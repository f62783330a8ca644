// The words of the certification report's own sections (basis of assessment, methods and evidence, signatures) in
// zh-Hans, zh-Hant and en, and the date of assessment in the reader's format. In: a key, a language, arguments.
// Out: text. The explanation's words stay in engine/analyses/explain/words.ts.

import type { Lang } from '../../dsl/ast';
import { lookup, words as w, type Catalogue } from '../../dsl/words';

export const WORDS = {
  basisTitle: w('Basis of assessment', '评估依据', '評估依據'),
  rulesetLine: w('ruleset', '规则集', '規則集'),
  assessedOn: w('date of assessment', '评估日期', '評估日期'),
  notStated: w('not stated', '未注明', '未註明'),
  assessor: w('assessor', '评估人', '評估人'),
  renderedAt: w('report generated', '报告生成时间', '報告產生時間'),
  contentHash: w('content hash of the ruleset', '规则集内容哈希', '規則集內容雜湊'),
  comparedWith: w('compared with', '比较基准', '比較基準'),
  noCorpus: w(
    'the ruleset’s thresholds only (no benchmark corpus named)',
    '仅依据规则集的阈值（未指定对标语料）',
    '僅依據規則集的閾值（未指定對標語料）',
  ),
  corpusLine: w('benchmark corpus {name}, {n} {n#platform|platforms} with valid evidence', '对标语料 {name}，证据有效的平台 {n} 个', '對標語料 {name}，證據有效的平台 {n} 個'),
  corpusDescription: w('corpus description', '语料说明', '語料說明'),
  methodsTitle: w('Assessment methods and evidence', '评估方法与证据', '評估方法與證據'),
  methods: w('methods', '评估方法', '評估方法'),
  evidenceRef: w('evidence', '证据出处', '證據出處'),
  noEvidence: w('not in the evidence', '证据中没有', '證據中沒有'),
  fieldAt: w('{file} line {line}, field {field}', '{file} 第 {line} 行，字段 {field}', '{file} 第 {line} 行，欄位 {field}'),
  fieldIn: w('{file}, field {field}', '{file}，字段 {field}', '{file}，欄位 {field}'),
  signatureTitle: w('Signatures', '签署', '簽署'),
  signatureNote: w(
    'The undersigned confirm that this assessment was carried out under the ruleset and on the evidence identified above.',
    '签署人确认：本评估依据上述规则集、基于上述证据完成。',
    '簽署人確認：本評估依據上述規則集、基於上述證據完成。',
  ),
  signAssessor: w('Assessor', '评估人', '評估人'),
  signReviewer: w('Reviewer', '审核人', '審核人'),
  signBody: w('Certification body (seal)', '认证机构（盖章）', '認證機構（蓋章）'),
  signName: w('name', '姓名', '姓名'),
  signSignature: w('signature', '签名', '簽名'),
  signDate: w('date', '日期', '日期'),
} as const satisfies Catalogue;

export type ReportWord = keyof typeof WORDS;

/** The text of `key` in `lang`; `{name}` is replaced by the argument, `{n#one|other}` picks an English plural. */
export function rsay(lang: Lang, key: ReportWord, args: Readonly<Record<string, string | number>> = {}): string {
  return lookup(WORDS, key, lang, args);
}

/** A calendar date `YYYY-MM-DD` as the reader of `lang` writes it (2026年7月1日, July 1, 2026); other text as given. */
export function dateIn(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}
