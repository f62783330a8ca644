// The diff's user-facing words in zh-Hans, zh-Hant and en: a title per entry kind and a few phrases.
// In: a kind or phrase key and a language. Out: the text. Values, ids and conditions are never translated.

import type { Lang } from '../../../dsl/ast';
import { lookup, words as w, type Catalogue } from '../../../dsl/words';
import type { DiffKind } from './entries';

export const KIND_TITLES: Catalogue<DiffKind> = {
  'total-changed': w('total changed', '总分变更', '總分變更'),
  'total-formula-added': w('total by formula added', '新增总分公式', '新增總分公式'),
  'total-formula-removed': w('total by formula removed (the total is the sum of the dimension scores again)', '删除总分公式（总分恢复为各维度得分之和）', '刪除總分公式（總分恢復為各維度得分之和）'),
  'total-formula-changed': w('total formula changed', '总分公式变更', '總分公式變更'),
  'evidence-required-changed': w('evidence required for every field read', '所读字段均须提供证据', '所讀欄位均須提供證據'),
  'precision-changed': w('digits shown for derived values and the total', '派生值与总分的显示位数', '衍生值與總分的顯示位數'),
  'dimension-weights': w('dimension weights', '维度权重', '維度權重'),
  'dimension-weight': w('dimension weight', '维度权重', '維度權重'),
  'dimension-added': w('dimension added', '新增维度', '新增維度'),
  'dimension-removed': w('dimension removed', '删除维度', '刪除維度'),
  'indicator-added': w('indicator added', '新增指标', '新增指標'),
  'indicator-removed': w('indicator removed', '删除指标', '刪除指標'),
  'indicator-renamed': w('indicator renamed', '指标更名', '指標更名'),
  'indicator-moved': w('indicator moved to another dimension', '指标移至其他维度', '指標移至其他維度'),
  'weight-changed': w('indicator weight', '指标权重', '指標權重'),
  'label-changed': w('label changed', '名称变更', '名稱變更'),
  'unit-changed': w('unit changed', '单位变更', '單位變更'),
  'direction-changed': w('direction changed', '方向变更', '方向變更'),
  'methods-changed': w('methods changed', '评估方法变更', '評估方法變更'),
  'basis-changed': w('basis changed', '依据变更', '依據變更'),
  'applicability-changed': w('applicability changed', '适用条件变更', '適用條件變更'),
  'type-changed': w('type changed', '类型变更', '類型變更'),
  'formerly-changed': w('former ids changed', '曾用标识变更', '曾用標識變更'),
  'required-changed': w('evidence required', '证据必填', '證據必填'),
  'band-edge-moved': w('band edge moved', '分档界限调整', '分檔界限調整'),
  'band-added': w('band added', '新增分档', '新增分檔'),
  'band-removed': w('band removed', '删除分档', '刪除分檔'),
  'band-points-changed': w('band points changed', '分档得分变更', '分檔得分變更'),
  'bands-changed': w('bands changed', '分档变更', '分檔變更'),
  'mapping-changed': w('mapping changed', '映射变更', '映射變更'),
  'formula-changed': w('formula changed', '公式变更', '公式變更'),
  'scoring-changed': w('scoring form changed', '计分方式变更', '計分方式變更'),
  'input-added': w('fact added', '新增事实项', '新增事實項'),
  'input-removed': w('fact removed', '删除事实项', '刪除事實項'),
  'input-changed': w('fact changed', '事实项变更', '事實項變更'),
  'derived-added': w('derived value added', '新增派生值', '新增衍生值'),
  'derived-removed': w('derived value removed', '删除派生值', '刪除衍生值'),
  'derived-changed': w('derived value changed', '派生值变更', '衍生值變更'),
  'method-added': w('method added', '新增评估方法', '新增評估方法'),
  'method-removed': w('method removed', '删除评估方法', '刪除評估方法'),
  'method-changed': w('method changed', '评估方法定义变更', '評估方法定義變更'),
  'veto-changed': w('veto changed', '否决项变更', '否決項變更'),
  'veto-condition': w('condition', '条件', '條件'),
  'vetoes-added': w('vetoes added', '新增否决项', '新增否決項'),
  'vetoes-removed': w('vetoes removed', '删除否决项', '刪除否決項'),
  'veto-added': w('veto added', '新增否决项', '新增否決項'),
  'veto-removed': w('veto removed', '删除否决项', '刪除否決項'),
  'levels-changed': w('levels and prerequisites', '等级与基本要求', '等級與基本要求'),
  'level-requires': w('level requirements', '等级条件', '等級條件'),
  'level-added': w('level added', '新增等级', '新增等級'),
  'level-removed': w('level removed', '删除等级', '刪除等級'),
  'levels-cumulative': w('cumulative levels', '等级累进', '等級累進'),
  'fallback-changed': w('fallback level changed', '兜底等级变更', '兜底等級變更'),
  'prerequisite-requires': w('prerequisite condition', '基本要求条件', '基本要求條件'),
  'prerequisite-added': w('prerequisite added', '新增基本要求', '新增基本要求'),
  'prerequisite-removed': w('prerequisite removed', '删除基本要求', '刪除基本要求'),
};

export const PHRASES = {
  changes: w('{count} changes', '{count} 项变更', '{count} 項變更'),
  noChanges: w('no changes to the standard', '标准内容无变更', '標準內容無變更'),
  metadata: w('metadata (not changes of the standard)', '元数据（不属于标准内容变更）', '中繼資料（不屬於標準內容變更）'),
  version: w('version', '版本', '版本'),
  status: w('status', '状态', '狀態'),
  date: w('date', '日期', '日期'),
  title: w('title', '标题', '標題'),
  id: w('id', '标识', '標識'),
  hash: w('hash', '哈希', '雜湊'),
  inDimension: w('in {dim}', '属于 {dim}', '屬於 {dim}'),
  after: w('after {id}', '位于 {id} 之后', '位於 {id} 之後'),
  first: w('first in its dimension', '位于维度首位', '位於維度首位'),
  formerlyAccepted: w('evidence under the old id is accepted', '旧标识下的证据仍被接受', '舊標識下的證據仍被接受'),
  region: w('points change', '得分变化区间', '得分變化區間'),
  weight: w('weight', '权重', '權重'),
  type: w('type', '类型', '類型'),
  unit: w('unit', '单位', '單位'),
  direction: w('direction', '方向', '方向'),
  methods: w('methods', '方法', '方法'),
  applies: w('applies when', '适用条件', '適用條件'),
  basis: w('basis', '依据', '依據'),
  formerly: w('former ids', '曾用标识', '曾用標識'),
  scoring: w('scoring', '计分', '計分'),
  indicators: w('indicators', '指标', '指標'),
  label: w('label', '名称', '名稱'),
  note: w('note', '说明', '說明'),
  methodsOf: w('methods of {id}', '{id} 的评估方法', '{id} 的評估方法'),
  labelOf: w('label of {id}', '{id} 的名称', '{id} 的名稱'),
  higher: w('higher is better', '越高越好', '越高越好'),
  lower: w('lower is better', '越低越好', '越低越好'),
  none: w('—', '—', '—'),
  entry: w('#', '序号', '序號'),
  change: w('change', '变更', '變更'),
  target: w('concerns', '对象', '對象'),
  details: w('details', '详情', '詳情'),
} as const satisfies Catalogue;

export type Phrase = keyof typeof PHRASES;

export function phrase(lang: Lang, key: Phrase, args: Readonly<Record<string, string>> = {}): string {
  return lookup(PHRASES, key, lang, args);
}

export function kindTitle(lang: Lang, kind: DiffKind): string {
  return lookup(KIND_TITLES, kind, lang);
}
