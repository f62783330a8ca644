// Every user-facing string of the playground, in zh-Hans, zh-Hant and en.
// In: a key and a language. Out: the text (placeholders `{name}` filled); `t()` never falls back silently.

import type { Lang } from '../../dsl/ast';

type Entry = Readonly<Record<Lang, string>>;

function e(en: string, zhHans: string, zhHant: string): Entry {
  return { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
}

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
  restored: e('Restored your last session', '已恢复上次的工作', '已恢復上次的工作'),
  tabPreview: e('Preview', '预览', '預覽'),
  tabCompare: e('Compare', '比较', '比較'),
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
} as const satisfies Record<string, Entry>;

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
  const template = STRINGS[key][current];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(args, name) ? String(args[name]) : whole,
  );
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
