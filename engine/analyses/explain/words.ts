// The user-facing words of explanations, improvement plans, benchmarks and reports, in zh-Hans, zh-Hant and en.
// In: a phrase key, a language and arguments. Out: the text. Ids, values and conditions are never translated.

import type { Lang, Text } from '../../../dsl/ast';
import { lookup, words as w, type Catalogue } from '../../../dsl/words';

export const WORDS = {
  // outcome and headings
  graded: w('graded', '已评级', '已評級'),
  vetoed: w('vetoed', '不通过', '不通過'),
  not_rated: w('not rated', '不予评级', '不予評級'),
  invalid: w('invalid evidence', '证据无效', '證據無效'),
  outcomeLine: w('outcome: {outcome} · level {level} · total {total}', '结论：{outcome} · 等级 {level} · 总分 {total}', '結論：{outcome} · 等級 {level} · 總分 {total}'),
  outcomeLineNoLevel: w('outcome: {outcome} · no level · total {total}', '结论：{outcome} · 无等级 · 总分 {total}', '結論：{outcome} · 無等級 · 總分 {total}'),
  explanation: w('Explanation', '评估说明', '評估說明'),
  indicators: w('Indicators', '指标', '指標'),
  dimension: w('dimension', '维度', '維度'),
  dimensions: w('Dimensions', '维度', '維度'),
  dimensionLine: w(
    'weight {weight} · score {score} · share {share}',
    '权重 {weight} · 得分 {score} · 得分率 {share}',
    '權重 {weight} · 得分 {score} · 得分率 {share}',
  ),
  total: w('total', '总分', '總分'),
  derivedTitle: w('Derived values', '派生值', '衍生值'),
  readFrom: w('from {values}', '依据 {values}', '依據 {values}'),
  totalFormulaLine: w('total {total} (by the formula of the ruleset)', '总分 {total}（按规则集的公式计算）', '總分 {total}（按規則集的公式計算）'),
  totalLine: w('total {total} (sum of the dimension scores)', '总分 {total}（各维度得分之和）', '總分 {total}（各維度得分之和）'),
  value: w('value', '取值', '取值'),
  rule: w('band or entry', '分档或映射', '分檔或映射'),
  points: w('points', '得分', '得分'),
  weight: w('weight', '权重', '權重'),
  contribution: w('contribution', '贡献', '貢獻'),
  indicator: w('indicator', '指标', '指標'),
  share: w('share', '得分率', '得分率'),
  score: w('score', '得分', '得分'),
  basis: w('basis: {basis}', '依据：{basis}', '依據：{basis}'),
  fromField: w('read from `{field}`', '取自 `{field}`', '取自 `{field}`'),
  fromFormer: w('read from former id `{field}`', '取自曾用标识 `{field}`', '取自曾用標識 `{field}`'),
  missing: w('missing: no evidence, 0 points', '缺失：无证据，得 0 分', '缺失：無證據，得 0 分'),
  missingFrom: w('missing: {fields} absent, 0 points', '缺失：缺少 {fields}，得 0 分', '缺失：缺少 {fields}，得 0 分'),
  notApplicable: w(
    'not applicable ({condition} is false: {values}); its weight goes to the other indicators of {dim}',
    '不适用（{condition} 不成立：{values}）；其权重分配给 {dim} 的其他指标',
    '不適用（{condition} 不成立：{values}）；其權重分配給 {dim} 的其他指標',
  ),
  appliesUnknown: w('applies: {condition} is unknown ({values})', '适用：{condition} 未知（{values}）', '適用：{condition} 未知（{values}）'),
  weightLine: w('weight {weight}', '权重 {weight}', '權重 {weight}'),
  weightRedistributed: w('weight {declared} → {effective} (redistributed)', '权重 {declared} → {effective}（重新分配）', '權重 {declared} → {effective}（重新分配）'),
  contributes: w('contributes {c} to {dim}', '为 {dim} 贡献 {c}', '為 {dim} 貢獻 {c}'),
  pointsWord: w('{p} {p#point|points}', '{p} 分', '{p} 分'),
  noBand: w('no band matched → 0', '无匹配分档 → 0', '無匹配分檔 → 0'),
  elseOf: w('else', '其他', '其他'),
  formulaLine: w('formula {formula} = {result}', '公式 {formula} = {result}', '公式 {formula} = {result}'),
  // rules
  prerequisites: w('Prerequisites', '基本要求', '基本要求'),
  vetoes: w('Vetoes', '否决项', '否決項'),
  levels: w('Levels', '等级', '等級'),
  allHold: w('all hold: {ids}', '全部满足：{ids}', '全部滿足：{ids}'),
  noneFired: w('none fired: {ids}', '均未触发：{ids}', '均未觸發：{ids}'),
  holds: w('holds', '满足', '滿足'),
  fails: w('fails', '不满足', '不滿足'),
  unknown: w('unknown', '未知', '未知'),
  fired: w('fired', '触发', '觸發'),
  notFired: w('not fired', '未触发', '未觸發'),
  undecided: w('undecided (missing {fields})', '无法判定（缺少 {fields}）', '無法判定（缺少 {fields}）'),
  missingShort: w('missing {fields}', '缺少 {fields}', '缺少 {fields}'),
  levelsAbove: w('Levels above {level}: what did not hold', '高于 {level} 的等级：未满足的条件', '高於 {level} 的等級：未滿足的條件'),
  levelsAll: w('Levels: what did not hold', '各等级未满足的条件', '各等級未滿足的條件'),
  wouldReach: w('the scores alone would give {level}', '仅按得分可达 {level}', '僅按得分可達 {level}'),
  levelReached: w('{level} is the highest level reached', '{level} 为达到的最高等级', '{level} 為達到的最高等級'),
  topLevel: w('{level} is the highest level of the ruleset', '{level} 为规则集的最高等级', '{level} 為規則集的最高等級'),
  needsBelow: w('its own conditions hold, but it needs {level} below it (cumulative)', '本级条件均满足，但需先满足下一级 {level}（逐级累进）', '本級條件均滿足，但需先滿足下一級 {level}（逐級累進）'),
  shortBy: w('short by {d}', '差 {d}', '差 {d}'),
  overBy: w('over by {d}', '超出 {d}', '超出 {d}'),
  errorsTitle: w('Evidence errors', '证据错误', '證據錯誤'),
  warningsTitle: w('Warnings', '警告', '警告'),
  // benchmark
  benchmark: w('Benchmark', '行业对标', '行業對標'),
  benchmarkLine: w(
    'against {n} {n#platform|platforms} of {corpus}: total at percentile {p} (median {median})',
    '对标 {corpus} 的 {n} 个平台：总分位于第 {p} 百分位（中位数 {median}）',
    '對標 {corpus} 的 {n} 個平台：總分位於第 {p} 百分位（中位數 {median}）',
  ),
  benchmarkDim: w('{dim} share {share}: percentile {p} (median {median})', '{dim} 得分率 {share}：第 {p} 百分位（中位数 {median}）', '{dim} 得分率 {share}：第 {p} 百分位（中位數 {median}）'),
  distribution: w('level distribution', '等级分布', '等級分布'),
  median: w('corpus median', '对标中位数', '對標中位數'),
  percentile: w('percentile', '百分位', '百分位'),
  platformWord: w('platform', '平台', '平台'),
  // gap
  gapTitle: w('Improvement plan: {from} → {target}', '能力提升方案：{from} → {target}', '能力提升方案：{from} → {target}'),
  planTitle: w('Plan {n}: {k}, {steps} → {level}, total {total}', '方案 {n}：{k}，{steps} → {level}，总分 {total}', '方案 {n}：{k}，{steps} → {level}，總分 {total}'),
  indicatorsN: w('{n} {n#indicator|indicators}', '{n} 个指标', '{n} 個指標'),
  indicatorsOne: w('1 indicator', '1 个指标', '1 個指標'),
  stepsN: w('{n} {n#band step|band steps}', '提升 {n} 档', '提升 {n} 檔'),
  stepsOne: w('1 band step', '提升 1 档', '提升 1 檔'),
  raise: w('raise {id} from {from} to at least {to} ({gain})', '将 {id} 从 {from} 提高到至少 {to}（{gain}）', '將 {id} 從 {from} 提高到至少 {to}（{gain}）'),
  lower: w('lower {id} from {from} to at most {to} ({gain})', '将 {id} 从 {from} 降低到至多 {to}（{gain}）', '將 {id} 從 {from} 降低到至多 {to}（{gain}）'),
  change: w('change {id} from {from} to {to} ({gain})', '将 {id} 从 {from} 改为 {to}（{gain}）', '將 {id} 從 {from} 改為 {to}（{gain}）'),
  supply: w('provide {id} with {to} ({gain})', '补充 {id} 的证据：{to}（{gain}）', '補充 {id} 的證據：{to}（{gain}）'),
  gainIn: w('{sign}{p} {p#point|points} in {dim}', '{dim} {sign}{p} 分', '{dim} {sign}{p} 分'),
  noGain: w('no points change; needed by a level, veto or prerequisite', '得分不变；等级、否决项或基本要求需要', '得分不變；等級、否決項或基本要求需要'),
  alreadyThere: w('{platform} already reaches {target}', '{platform} 已达到 {target}', '{platform} 已達到 {target}'),
  unreachable: w('{target} cannot be reached by changing indicator evidence', '仅改变指标证据无法达到 {target}', '僅改變指標證據無法達到 {target}'),
  unreachableInvalid: w('the evidence is invalid; fix it first', '证据无效，请先修正', '證據無效，請先修正'),
  becauseInput: w('{rule} depends on {field}, which is not an indicator: {condition}', '{rule} 取决于非指标事实 {field}：{condition}', '{rule} 取決於非指標事實 {field}：{condition}'),
  becauseBest: w('even with every indicator at its best: {what}', '即使所有指标均取最优值：{what}', '即使所有指標均取最優值：{what}'),
  noTarget: w('{platform} is at the highest level', '{platform} 已处于最高等级', '{platform} 已處於最高等級'),
  verified: w('each plan was verified by assessing the changed evidence', '每个方案均已用修改后的证据重新评估验证', '每個方案均已用修改後的證據重新評估驗證'),
  notFound: w(
    'no plan found within the search budget ({n} evaluations); the target may still be reachable with many changes',
    '在搜索预算（{n} 次评估）内未找到方案；目标仍可能通过大量改动达到',
    '在搜尋預算（{n} 次評估）內未找到方案；目標仍可能透過大量改動達到',
  ),
  notFoundListing: w(
    'no plan found: the search budget ({n} evaluations) was reached while assessing the better values of the indicators ({i} of {m} done); the target may still be reachable',
    '未找到方案：评估指标的更优取值时达到搜索预算（{n} 次评估；已完成 {m} 个指标中的 {i} 个）；目标仍可能达到',
    '未找到方案：評估指標的更優取值時達到搜尋預算（{n} 次評估；已完成 {m} 個指標中的 {i} 個）；目標仍可能達到',
  ),
  notFoundSearching: w(
    'no plan found: the search budget ({n} evaluations) was reached while trying plans that change up to {k} of {m} indicators; the target may still be reachable with more changes',
    '未找到方案：尝试改动 {m} 个指标中至多 {k} 个的方案时达到搜索预算（{n} 次评估）；目标仍可能通过更多改动达到',
    '未找到方案：嘗試改動 {m} 個指標中至多 {k} 個的方案時達到搜尋預算（{n} 次評估）；目標仍可能透過更多改動達到',
  ),
  morePlansCut: w('the search stopped at its budget ({n} evaluations): better plans may exist', '搜索在预算（{n} 次评估）处停止：可能存在更优方案', '搜尋在預算（{n} 次評估）處停止：可能存在更優方案'),
  // report
  reportTitle: w('Assessment report', '评估报告', '評估報告'),
  batchTitle: w('Assessment report: {n} platforms', '评估报告：{n} 个平台', '評估報告：{n} 個平台'),
  summary: w('Summary', '汇总', '彙總'),
  provenance: w('Provenance', '来源与版本', '來源與版本'),
  rulesetWord: w('ruleset', '规则集', '規則集'),
  version: w('version', '版本', '版本'),
  status: w('status', '状态', '狀態'),
  'status-': w('status not stated', '未注明状态', '未註明狀態'),
  'status-draft': w('draft', '草案', '草案'),
  'status-for-comment': w('for-comment', '征求意见稿', '徵求意見稿'),
  'status-published': w('published', '已发布', '已發布'),
  'status-superseded': w('superseded', '已被替代', '已被取代'),
  contentHash: w('content hash', '内容哈希', '內容雜湊'),
  evidenceFile: w('evidence file', '证据文件', '證據檔案'),
  evidenceHash: w('evidence hash', '证据哈希', '證據雜湊'),
  assayVersion: w('Assay version', 'Assay 版本', 'Assay 版本'),
  assessedAt: w('assessed at', '评估时间', '評估時間'),
  radar: w('Dimension shares', '维度得分率', '維度得分率'),
  thisPlatform: w('this platform', '本平台', '本平台'),
  improvement: w('Improvement plan', '能力提升方案', '能力提升方案'),
  level: w('level', '等级', '等級'),
  outcome: w('outcome', '结论', '結論'),
  back: w('back to summary', '返回汇总', '返回彙總'),
  none: w('none', '无', '無'),
} as const satisfies Catalogue;

export type WordKey = keyof typeof WORDS;

/** The phrase in `lang` with `{name}` placeholders filled from `args` (own properties only). */
export function say(lang: Lang, key: WordKey, args: Readonly<Record<string, string | number>> = {}): string {
  return lookup(WORDS, key, lang, args);
}

/** A ruleset's status (`published`, …) in `lang`; an unknown status as written. */
export function statusWord(status: string, lang: Lang): string {
  const key = `status-${status}`;
  return Object.hasOwn(WORDS, key) ? say(lang, key as WordKey) : status;
}

/** The label in `lang`, falling back to en, then to any language given. */
export function labelIn(text: Text | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  const pick = (l: Lang): string | undefined => text.entries.find((e) => e.lang === l)?.value.value;
  return pick(lang) ?? pick('en') ?? text.entries[0]?.value.value;
}

/** `: ` in English, `：` in Chinese. */
export function colon(lang: Lang): string {
  return lang === 'en' ? ': ' : '：';
}

/** A list separator: `, ` in English, `、` in Chinese. */
export function listSep(lang: Lang): string {
  return lang === 'en' ? ', ' : '、';
}
