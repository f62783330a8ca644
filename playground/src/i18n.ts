// Every user-facing string of the playground, in zh-Hans, zh-Hant and en.
// In: a key and a language. Out: the text (placeholders `{name}` filled); `t()` never falls back silently.

import { type Lang, lookup, words as e, type Catalogue } from '../../dsl/index';
import { ACCESS_STRINGS } from './access-strings';
import { DISTRIBUTION_STRINGS } from './distribution-strings';
import { EVIDENCE_STRINGS } from './evidence-strings';
import { TABLE_STRINGS } from './table-strings';

export const STRINGS = {
  appTitle: e('Assay playground', 'Assay 规则工作台', 'Assay 規則工作台'),
  language: e('Language', '语言', '語言'),
  open: e('Open', '打开', '開啟'),
  openBundled: e('Bundled rulesets', '内置规则集', '內建規則集'),
  openFile: e('Open file…', '打开文件…', '開啟檔案…'),
  saveFile: e('Save', '保存', '儲存'),
  format: e('Format', '格式化', '格式化'),
  share: e('Share link', '分享链接', '分享連結'),
  shareCopied: e('Link copied to the clipboard', '链接已复制到剪贴板', '連結已複製到剪貼簿'),
  shareReady: e('Link ready (copy it below)', '链接已生成（请在下方复制）', '連結已產生（請在下方複製）'),
  shareRestored: e('Opened from a shared link', '已从分享链接打开', '已從分享連結開啟'),
  shareBroken: e('The shared link could not be read', '无法读取分享链接', '無法讀取分享連結'),
  shareTooLarge: e(
    'The shared link unpacks to more than {mb} MB, far more than a ruleset needs: it was not opened',
    '分享链接解压后超过 {mb} MB，远超规则集所需：未打开',
    '分享連結解壓縮後超過 {mb} MB，遠超規則集所需：未開啟',
  ),
  shareBeside: e(
    'Opened from a shared link as a new document; your previous work is kept (see History)',
    '已从分享链接打开为新文档；之前的工作仍保留（见“历史”）',
    '已從分享連結開啟為新文件；之前的工作仍保留（見「歷史」）',
  ),
  history: e('History', '历史', '歷史'),
  historyTitle: e('Documents and replaced texts', '文档与被替换的文本', '文件與被替換的文字'),
  historyDocs: e('Documents in this browser', '本浏览器中的文档', '本瀏覽器中的文件'),
  historyEarlier: e('Texts replaced earlier (newest first)', '先前被替换的文本（最新在前）', '先前被替換的文字（最新在前）'),
  historyEmpty: e('Nothing yet', '暂无', '暫無'),
  historyOpen: e('Open', '打开', '開啟'),
  historyRestore: e('Restore', '恢复', '恢復'),
  historyCurrent: e('open now', '当前', '目前'),
  historyChars: e('{n} characters', '{n} 个字符', '{n} 個字元'),
  reason_bundled: e('replaced by a bundled ruleset', '被内置规则集替换', '被內建規則集替換'),
  reason_file: e('replaced by an opened file', '被打开的文件替换', '被開啟的檔案替換'),
  reason_share: e('replaced by a shared link', '被分享链接替换', '被分享連結替換'),
  reason_history: e('replaced by a text from the history', '被历史中的文本替换', '被歷史中的文字替換'),
  reason_document: e('removed from the documents', '已从文档列表中移除', '已從文件列表中移除'),
  historyRemove: e('Remove', '移除', '移除'),
  autosaveFailed: e(
    'This browser refused to autosave “{file}” (storage full or disabled): save it to a file, or remove documents you no longer need (History)',
    '浏览器拒绝自动保存“{file}”（存储已满或被禁用）：请保存到文件，或移除不再需要的文档（见“历史”）',
    '瀏覽器拒絕自動儲存「{file}」（儲存空間已滿或被停用）：請儲存到檔案，或移除不再需要的文件（見「歷史」）',
  ),
  close: e('Close', '关闭', '關閉'),
  guide: e('Guide', '指南', '指南'),
  guideTitle: e('Guide for standards editors', '标准编制者指南', '標準編製者指南'),
  cancel: e('Cancel', '取消', '取消'),
  replace: e('Replace', '替换', '替換'),
  confirmReplaceTitle: e('Replace the text?', '替换文本？', '替換文字？'),
  confirmReplace: e(
    '“{file}” has edits that are not saved to a file. Replace it with “{other}”? The current text is kept in History, and Ctrl+Z brings it back.',
    '“{file}”有尚未保存到文件的修改。要替换为“{other}”吗？当前文本会保留在“历史”中，按 Ctrl+Z 也可恢复。',
    '「{file}」有尚未儲存到檔案的修改。要替換為「{other}」嗎？目前的文字會保留在「歷史」中，按 Ctrl+Z 也可恢復。',
  ),
  replaced: e(
    'Opened “{file}”; the previous text is in History (Ctrl+Z brings it back)',
    '已打开“{file}”；之前的文本在“历史”中（Ctrl+Z 可恢复）',
    '已開啟「{file}」；之前的文字在「歷史」中（Ctrl+Z 可恢復）',
  ),
  historyFailed: e(
    'This browser keeps no history here (IndexedDB unavailable): only Ctrl+Z brings the previous text back',
    '此浏览器在此处无法保存历史（IndexedDB 不可用）：只能用 Ctrl+Z 恢复之前的文本',
    '此瀏覽器在此處無法儲存歷史（IndexedDB 不可用）：只能用 Ctrl+Z 恢復之前的文字',
  ),
  analysisStopped: e(
    'The analysis of “{file}” was stopped after {s} s: it took too long, so the analysis worker was restarted. Analysis is paused for this document: change what makes it slow (for example a very long number), then press “Analyse again” (it may then take up to {next} s).',
    '“{file}”的分析在 {s} 秒后被停止：耗时过长，分析线程已重新启动。此文档的分析已暂停：请修改导致缓慢的内容（例如极长的数字），然后点击“重新分析”（届时最多可用 {next} 秒）。',
    '「{file}」的分析在 {s} 秒後被停止：耗時過長，分析執行緒已重新啟動。此文件的分析已暫停：請修改導致緩慢的內容（例如極長的數字），然後點擊「重新分析」（屆時最多可用 {next} 秒）。',
  ),
  analysisRecovered: e(
    'The last analysis of “{file}” did not finish (the page was closed or stopped while it ran), so it opened with analysis paused. Check the text, then press “Analyse again”.',
    '“{file}”上次的分析没有完成（分析期间页面被关闭或停止），因此以暂停分析的方式打开。请检查文本，然后点击“重新分析”。',
    '「{file}」上次的分析沒有完成（分析期間頁面被關閉或停止），因此以暫停分析的方式開啟。請檢查文字，然後點擊「重新分析」。',
  ),
  analyseAgain: e('Analyse again', '重新分析', '重新分析'),
  analysisPaused: e('Analysis paused: the results shown are not of this text', '分析已暂停：显示的结果不是此文本的', '分析已暫停：顯示的結果不是此文字的'),
  analysisPending: e(
    'Updating: the results shown are of an earlier text',
    '正在更新：显示的是早先文本的结果',
    '正在更新：顯示的是早先文字的結果',
  ),
  analysisPausedNone: e('Analysis paused: this text has not been analysed', '分析已暂停：此文本尚未分析', '分析已暫停：此文字尚未分析'),
  planStale: e(
    'Stale: this plan is for an earlier text of the ruleset or for another platform',
    '已过时：此计划针对的是规则集的早先文本或另一个平台',
    '已過時：此計畫針對的是規則集的早先文字或另一個平台',
  ),
  planFailed: e('The plan search failed: {message}', '改进计划搜索失败：{message}', '改進計畫搜尋失敗：{message}'),
  planRulesetErrors: e('the ruleset has errors', '规则集有错误', '規則集有錯誤'),
  planFailedUnknown: e('the engine stopped without giving a reason', '引擎停止且未给出原因', '引擎停止且未給出原因'),
  restored: e('Restored your last session', '已恢复上次的工作', '已恢復上次的工作'),
  tabPreview: e('Preview', '预览', '預覽'),
  tabCompare: e('Compare', '比较', '比較'),
  tabDocument: e('Document', '标准文本', '標準文本'),
  documentAgainst: e('Revision table against', '修订表对照版本', '修訂表對照版本'),
  documentNoRevision: e('— (no revision table)', '—（不列修订表）', '—（不列修訂表）'),
  documentDownload: e('Download:', '下载：', '下載：'),
  documentWorking: e('Rendering…', '生成中…', '產生中…'),
  documentFailed: e('The document could not be rendered: {message}', '无法生成标准文本：{message}', '無法產生標準文本：{message}'),
  documentTextErrors: e(
    'The ruleset has errors: fix them to see its document (the last document is shown greyed)',
    '规则集有错误：修正后才能显示其标准文本（灰色为上一次的文本）',
    '規則集有錯誤：修正後才能顯示其標準文本（灰色為上一次的文本）',
  ),
  documentAgainstErrors: e('{ref} has errors: no revision table', '{ref} 有错误：无法列出修订表', '{ref} 有錯誤：無法列出修訂表'),
  editor: e('Ruleset', '规则集', '規則集'),
  problems: e('Problems', '问题', '問題'),
  noProblems: e('No problems', '没有问题', '沒有問題'),
  problemCount: e('{errors} errors, {warnings} warnings', '{errors} 个错误，{warnings} 个警告', '{errors} 個錯誤，{warnings} 個警告'),
  severity_error: e('error', '错误', '錯誤'),
  severity_warning: e('warning', '警告', '警告'),
  severity_info: e('info', '提示', '提示'),
  quickFix: e('Replace with `{text}`', '替换为 `{text}`', '替換為 `{text}`'),
  platforms: e('Platforms', '平台', '平台'),
  platform: e('Platform', '平台', '平台'),
  name: e('Name', '名称', '名稱'),
  outcome: e('Outcome', '结果', '結果'),
  level: e('Level', '等级', '等級'),
  total: e('Total', '总分', '總分'),
  sample: e('sample', '示例', '範例'),
  yours: e('yours', '自备', '自備'),
  remove: e('Remove', '移除', '移除'),
  stale: e(
    'The ruleset has errors: showing the last good results',
    '规则集有错误：显示的是上一次成功的结果',
    '規則集有錯誤：顯示的是上一次成功的結果',
  ),
  noResults: e('No results yet: fix the errors in the ruleset', '暂无结果：请先修正规则集中的错误', '暫無結果：請先修正規則集中的錯誤'),
  updated: e('updated in {ms} ms', '{ms} 毫秒内更新', '{ms} 毫秒內更新'),
  evidence: e('Evidence', '证据', '證據'),
  evidenceHint: e(
    'Paste or load a platform’s evidence (YAML or JSON: {"platform": …, "name": …, "evidence": {…}})',
    '粘贴或载入平台证据（YAML 或 JSON：{"platform": …, "name": …, "evidence": {…}}）',
    '貼上或載入平台證據（YAML 或 JSON：{"platform": …, "name": …, "evidence": {…}}）',
  ),
  evidenceFormat: e('Format', '格式', '格式'),
  loadEvidence: e('Load file…', '载入文件…', '載入檔案…'),
  addPlatform: e('Add platform', '添加平台', '新增平台'),
  evidenceTemplate: e('Template from the ruleset', '按规则集生成模板', '依規則集產生範本'),
  evidenceCopy: e('Copy the selected platform', '复制所选平台', '複製所選平台'),
  evidenceBad: e('Cannot read the evidence: {message}', '无法读取证据：{message}', '無法讀取證據：{message}'),
  evidenceAdded: e('Added platform {platform}', '已添加平台 {platform}', '已新增平台 {platform}'),
  outcome_graded: e('graded', '已评级', '已評級'),
  outcome_vetoed: e('vetoed', '否决', '否決'),
  outcome_not_rated: e('not rated', '不予评级', '不予評級'),
  outcome_invalid: e('invalid evidence', '证据无效', '證據無效'),
  indicators: e('Indicators', '指标', '指標'),
  indicator: e('Indicator', '指标', '指標'),
  dimension: e('Dimension', '维度', '維度'),
  value: e('Value', '取值', '取值'),
  band: e('Band', '档位', '檔位'),
  points: e('Points', '得分', '得分'),
  weight: e('Weight', '权重', '權重'),
  contribution: e('Contribution', '贡献', '貢獻'),
  status_scored: e('scored', '已计分', '已計分'),
  status_missing: e('missing', '缺失', '缺失'),
  status_not_applicable: e('not applicable', '不适用', '不適用'),
  radar: e('Dimension shares', '各维度得分率', '各維度得分率'),
  vetoes: e('Vetoes fired', '触发的否决项', '觸發的否決項'),
  prerequisitesFailed: e('Prerequisites failed', '未满足的基本要求', '未滿足的基本要求'),
  evidenceErrors: e('Evidence errors', '证据错误', '證據錯誤'),
  evidenceWarnings: e('Evidence warnings', '证据警告', '證據警告'),
  explanation: e('Explanation', '解释', '解釋'),
  explanationHint: e('Click a line to see its rule in the editor', '点击某一行可在编辑器中定位对应规则', '點擊某一行可在編輯器中定位對應規則'),
  plan: e('Improvement plan', '改进计划', '改進計畫'),
  selectPlatform: e('Select a platform in the table', '请在表格中选择一个平台', '請在表格中選擇一個平台'),
  compare: e('Compare versions', '版本比较', '版本比較'),
  base: e('Base', '基准版本', '基準版本'),
  head: e('Compared with', '对比版本', '對比版本'),
  editorText: e('Editor text', '编辑器中的文本', '編輯器中的文字'),
  semanticDiff: e('Semantic changes', '语义变化', '語意變化'),
  noChanges: e('No semantic change', '没有语义变化', '沒有語意變化'),
  impact: e('Impact on the loaded platforms', '对已载入平台的影响', '對已載入平台的影響'),
  migration: e('Migration matrix (levels: base → compared)', '迁移矩阵（等级：基准 → 对比）', '遷移矩陣（等級：基準 → 對比）'),
  migrationCorner: e('base ↓ / compared →', '基准 ↓ / 对比 →', '基準 ↓ / 對比 →'),
  compareFailed: e('{side} has errors and cannot be compared', '{side} 有错误，无法比较', '{side} 有錯誤，無法比較'),
  causes: e('Caused by', '原因', '原因'),
  interaction: e('only in combination', '仅在组合时生效', '僅在組合時生效'),
  delta: e('Δ total', '总分变化', '總分變化'),
  computing: e('Computing…', '计算中…', '計算中…'),
  none: e('none', '无', '無'),
  hoverType: e('type', '类型', '類型'),
  hoverWeight: e('weight', '权重', '權重'),
  hoverBands: e('bands', '档位', '檔位'),
  hoverUnit: e('unit', '单位', '單位'),
  hoverDimension: e('dimension', '维度', '維度'),
  kind_input: e('input', '输入', '輸入'),
  kind_dimension: e('dimension', '维度', '維度'),
  kind_indicator: e('indicator', '指标', '指標'),
  kind_method: e('method', '方法', '方法'),
  kind_prerequisite: e('prerequisite', '基本要求', '基本要求'),
  kind_veto: e('veto', '否决项', '否決項'),
  kind_level: e('level', '等级', '等級'),
  kind_field: e('field', '字段', '欄位'),
  kind_enum: e('enum value', '枚举值', '列舉值'),
  untitled: e('untitled.assay', '未命名.assay', '未命名.assay'),
  workerFailed: e('The analysis worker failed: {message}', '分析线程出错：{message}', '分析執行緒出錯：{message}'),
  ...TABLE_STRINGS,
  ...DISTRIBUTION_STRINGS,
  ...ACCESS_STRINGS,
  ...EVIDENCE_STRINGS,
} as const satisfies Catalogue;

export type StringKey = keyof typeof STRINGS;

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** The string `key` in the current language, placeholders filled from `args`. */
export function t(key: StringKey, args: Readonly<Record<string, string | number>> = {}): string {
  return lookup(STRINGS, key, current, args);
}

/** Picks the best entry of a `label { … }` in the current language. */
export function pickText(entries: readonly { lang: Lang; value: string }[] | undefined): string | undefined {
  if (!entries || entries.length === 0) return undefined;
  const order: readonly Lang[] =
    current === 'zh-Hant' ? ['zh-Hant', 'zh-Hans', 'en'] : current === 'zh-Hans' ? ['zh-Hans', 'zh-Hant', 'en'] : ['en', 'zh-Hans', 'zh-Hant'];
  for (const l of order) {
    const hit = entries.find((x) => x.lang === l);
    if (hit) return hit.value;
  }
  return entries[0]?.value;
}

/** Reads the language a visitor prefers, for the first visit. */
export function preferredLang(navigatorLanguages: readonly string[]): Lang {
  for (const raw of navigatorLanguages) {
    const l = raw.toLowerCase();
    if (l.startsWith('zh')) return /hant|tw|hk|mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}
