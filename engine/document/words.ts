// The words of the standard's document (section titles, column heads, the few words around values) in zh-Hans,
// zh-Hant and en. In: a key, a language, arguments. Out: text. Ids, conditions, units and basis stay as written.

import type { Lang } from '../../dsl/ast';
import { fill } from '../../dsl/words';

type W = Readonly<Record<Lang, string>>;
const w = (en: string, zhHans: string, zhHant: string): W => ({ en, 'zh-Hans': zhHans, 'zh-Hant': zhHant });

const WORDS = {
  versionLine: w('Ruleset {id}, version {version}, {status}, dated {date}.', '规则集 {id}，版本 {version}，{status}，日期 {date}。', '規則集 {id}，版本 {version}，{status}，日期 {date}。'),
  versionLineNoDate: w('Ruleset {id}, version {version}, {status}.', '规则集 {id}，版本 {version}，{status}。', '規則集 {id}，版本 {version}，{status}。'),
  noStatus: w('status not stated', '未注明状态', '未註明狀態'),
  evidenceTitle: w('Evidence and methods', '证据与评估方法', '證據與評估方法'),
  methodsTitle: w('Assessment methods', '评估方法', '評估方法'),
  factsTitle: w('Facts used by prerequisites, vetoes and applicability', '基本要求、否决项与适用条件所用事实', '基本要求、否決項與適用條件所用事實'),
  indicatorsTitle: w('Indicator system ({d} dimensions, {n} indicators, weights in points, total {total})', '指标体系（{d} 个维度，{n} 项指标，权重以分计，合计 {total}）', '指標體系（{d} 個維度，{n} 項指標，權重以分計，合計 {total}）'),
  bandsNote: w(
    'Bands are “condition: points”, read top-down, first match. ↑ higher is better, ↓ lower is better.',
    '分档写作“条件: 得分”，自上而下，取第一个满足的分档。↑ 越高越好，↓ 越低越好。',
    '分檔寫作「條件: 得分」，自上而下，取第一個滿足的分檔。↑ 越高越好，↓ 越低越好。',
  ),
  dimensionTitle: w('{id} {label} — weight {weight}', '{id} {label} — 权重 {weight}', '{id} {label} — 權重 {weight}'),
  rulesTitle: w('Prerequisites and vetoes', '基本要求与否决项', '基本要求與否決項'),
  levelsTitle: w('Levels', '等级', '等級'),
  levelsCumulative: w(
    'The highest level whose every condition holds. Levels are cumulative: a level also requires every condition of the levels below it.',
    '取所有条件均满足的最高等级。等级逐级累进：某一等级同时要求其以下各等级的全部条件。',
    '取所有條件均滿足的最高等級。等級逐級累進：某一等級同時要求其以下各等級的全部條件。',
  ),
  levelsPlain: w('The highest level whose every condition holds.', '取所有条件均满足的最高等级。', '取所有條件均滿足的最高等級。'),
  revisionTitle: w('Changes from version {version}', '相对 {version} 版的修订', '相對 {version} 版的修訂'),
  revisionIntro: w(
    'Version {after} is version {before} with the {n} {n#change|changes} below; everything not named here is unchanged.',
    '{after} 版即 {before} 版加上以下 {n} 项修订；未列出的内容不变。',
    '{after} 版即 {before} 版加上以下 {n} 項修訂；未列出的內容不變。',
  ),
  revisionNone: w('Version {after} makes no change to the standard of version {before}.', '{after} 版与 {before} 版的标准内容相同。', '{after} 版與 {before} 版的標準內容相同。'),
  // column heads
  colId: w('id', '标识', '標識'),
  colLabel: w('name', '名称', '名稱'),
  colTypeUnit: w('type, unit', '类型、单位', '類型、單位'),
  colType: w('type', '类型', '類型'),
  colDir: w('dir', '方向', '方向'),
  colBands: w('bands', '分档', '分檔'),
  colMethods: w('method', '评估方法', '評估方法'),
  colBasis: w('basis', '依据', '依據'),
  colWeight: w('w', '权重', '權重'),
  colKind: w('kind', '类别', '類別'),
  colCondition: w('condition', '条件', '條件'),
  colTotal: w('total ≥', '总分 ≥', '總分 ≥'),
  colEveryDim: w('every dimension ≥', '各维度 ≥', '各維度 ≥'),
  colGates: w('further gates', '其他条件', '其他條件'),
  colMeaning: w('meaning', '含义', '含義'),
  colNo: w('#', '序号', '序號'),
  colClause: w('clause', '条款', '條款'),
  colChange: w('change', '修订内容', '修訂內容'),
  // words inside cells
  prerequisite: w('prerequisite', '基本要求', '基本要求'),
  veto: w('veto', '否决项', '否決項'),
  otherwise: w('otherwise', '其余情况', '其餘情況'),
  elseBand: w('else {points}', '其余 {points}', '其餘 {points}'),
  whenElse: w('{points} when {cond}, else {otherwise}', '{cond} 时 {points}，否则 {otherwise}', '{cond} 時 {points}，否則 {otherwise}'),
  whenOnly: w('{points} when {cond}, else 0', '{cond} 时 {points}，否则 0', '{cond} 時 {points}，否則 0'),
  formula: w('formula: {expr}', '公式：{expr}', '公式：{expr}'),
  noScoring: w('no scoring', '未定义计分', '未定義計分'),
  appliesWhen: w('applies only when {cond}', '仅当 {cond} 时适用', '僅當 {cond} 時適用'),
  formerly: w('formerly {ids} (evidence under the old id is accepted)', '曾用标识 {ids}（旧标识下的证据仍被接受）', '曾用標識 {ids}（舊標識下的證據仍被接受）'),
  removed: w('removed', '删除', '刪除'),
  pointsChange: w('points change: {text}', '得分变化：{text}', '得分變化：{text}'),
  afterId: w('after {id}', '位于 {id} 之后', '位於 {id} 之後'),
  firstInDim: w('first in its dimension', '位于维度首位', '位於維度首位'),
  inDimension: w('dimension {dim}', '维度 {dim}', '維度 {dim}'),
  weightIs: w('weight {w}', '权重 {w}', '權重 {w}'),
  methodsOf: w('method of {id}: {methods}', '{id} 的评估方法：{methods}', '{id} 的評估方法：{methods}'),
  labelOf: w('name of {id}: {label}', '{id} 的名称：{label}', '{id} 的名稱：{label}'),
  cumulativeYes: w('cumulative', '逐级累进', '逐級累進'),
  cumulativeNo: w('not cumulative', '不累进', '不累進'),
  fallbackIs: w('fallback {id}', '兜底等级 {id}', '兜底等級 {id}'),
  none: w('—', '—', '—'),
} as const;

export type DocWord = keyof typeof WORDS;

/** The text of `key` in `lang`; `{name}` is replaced by the argument, `{n#one|other}` picks an English plural. */
export function dsay(lang: Lang, key: DocWord, args: Readonly<Record<string, string | number>> = {}): string {
  return fill(WORDS[key][lang], args);
}
