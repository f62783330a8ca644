// Messages of rule tests (malformed test files, failed expectations, reports) in zh-Hans, zh-Hant and en.
// In: a key and arguments. Out: the text in the language asked for. Style as dsl/messages.ts: lowercase, no final period.

import type { Lang } from '../../dsl/ast';

type Entry = Readonly<Record<Lang, string>>;

const T = {
  // --- reading a test file ------------------------------------------------------------------------
  yamlError: {
    en: 'not valid YAML: {message}',
    'zh-Hans': '不是有效的 YAML：{message}',
    'zh-Hant': '不是有效的 YAML：{message}',
  },
  tooLarge: {
    en: 'the file is larger than {limit} bytes',
    'zh-Hans': '文件大于 {limit} 字节',
    'zh-Hant': '檔案大於 {limit} 位元組',
  },
  tooComplex: {
    en: 'the file holds more than {limit} values or is nested deeper than {depth} levels',
    'zh-Hans': '文件包含超过 {limit} 个值，或嵌套超过 {depth} 层',
    'zh-Hant': '檔案包含超過 {limit} 個值，或巢狀超過 {depth} 層',
  },
  required: { en: 'missing field `{name}`', 'zh-Hans': '缺少字段 `{name}`', 'zh-Hant': '缺少欄位 `{name}`' },
  unknownField: {
    en: 'unknown field `{name}`; expected one of {allowed}',
    'zh-Hans': '未知字段 `{name}`；应为 {allowed} 之一',
    'zh-Hant': '未知欄位 `{name}`；應為 {allowed} 之一',
  },
  wrongType: { en: 'must be {expected}', 'zh-Hans': '应为{expected}', 'zh-Hant': '應為{expected}' },
  notOneOf: {
    en: '`{found}` is not one of {allowed}',
    'zh-Hans': '`{found}` 不是 {allowed} 之一',
    'zh-Hant': '`{found}` 不是 {allowed} 之一',
  },
  empty: { en: 'must not be empty', 'zh-Hans': '不能为空', 'zh-Hant': '不能為空' },
  duplicateItem: {
    en: '`{found}` is listed twice',
    'zh-Hans': '`{found}` 重复列出',
    'zh-Hant': '`{found}` 重複列出',
  },
  duplicateName: {
    en: 'another case of this file has the same name (case {other})',
    'zh-Hans': '本文件中另一个用例同名（用例 {other}）',
    'zh-Hant': '本檔案中另一個用例同名（用例 {other}）',
  },
  platformAndEvidence: {
    en: 'give either `platform` or `evidence`, not both',
    'zh-Hans': '`platform` 与 `evidence` 只能给出其一',
    'zh-Hant': '`platform` 與 `evidence` 只能給出其一',
  },
  noEvidence: {
    en: 'the case has no evidence: give `platform` (here or at the top of the file) or `evidence`',
    'zh-Hans': '用例没有证据：请给出 `platform`（在用例中或文件开头）或 `evidence`',
    'zh-Hant': '用例沒有證據：請給出 `platform`（在用例中或檔案開頭）或 `evidence`',
  },
  platformUnreadable: {
    en: 'cannot read the platform file `{path}`',
    'zh-Hans': '无法读取平台文件 `{path}`',
    'zh-Hant': '無法讀取平台檔案 `{path}`',
  },
  platformBad: {
    en: 'the platform file `{path}` is not one valid platform: {message}',
    'zh-Hans': '平台文件 `{path}` 不是一个有效的平台：{message}',
    'zh-Hant': '平台檔案 `{path}` 不是一個有效的平台：{message}',
  },
  setAndUnset: {
    en: '`{name}` is both set and unset',
    'zh-Hans': '`{name}` 同时出现在 set 与 unset 中',
    'zh-Hant': '`{name}` 同時出現在 set 與 unset 中',
  },
  unknownVersion: {
    en: 'no ruleset version `{version}` is tested here; versions: {versions}',
    'zh-Hans': '此处没有被测试的规则集版本 `{version}`；现有版本：{versions}',
    'zh-Hant': '此處沒有被測試的規則集版本 `{version}`；現有版本：{versions}',
  },
  unknownEvidenceField: {
    en: '`{name}` is not an evidence field of {ruleset}',
    'zh-Hans': '`{name}` 不是 {ruleset} 的证据字段',
    'zh-Hant': '`{name}` 不是 {ruleset} 的證據欄位',
  },
  unknownId: {
    en: '{ruleset} has no {what} `{name}`; known: {known}',
    'zh-Hans': '{ruleset} 没有{what} `{name}`；已有：{known}',
    'zh-Hant': '{ruleset} 沒有{what} `{name}`；已有：{known}',
  },
  negativeTolerance: {
    en: 'the tolerance must not be negative',
    'zh-Hans': '容差不能为负数',
    'zh-Hant': '容差不能為負數',
  },
  // what a field must be (after `wrongType`)
  t_string: { en: 'text', 'zh-Hans': '文本', 'zh-Hant': '文字' },
  t_object: { en: 'a mapping', 'zh-Hans': '映射（键值对）', 'zh-Hant': '映射（鍵值對）' },
  t_array: { en: 'a list', 'zh-Hans': '列表', 'zh-Hant': '列表' },
  t_number: {
    en: 'a number, an exact decimal or fraction in quotes ("91.2", "8479/110"), or {value, tolerance}',
    'zh-Hans': '数字、带引号的精确小数或分数（"91.2"、"8479/110"），或 {value, tolerance}',
    'zh-Hant': '數字、帶引號的精確小數或分數（"91.2"、"8479/110"），或 {value, tolerance}',
  },
  t_ratio: {
    en: 'a ratio (0.5), a percentage in quotes ("50%"), an exact fraction ("1/2"), or {value, tolerance}',
    'zh-Hans': '比值（0.5）、带引号的百分数（"50%"）、精确分数（"1/2"），或 {value, tolerance}',
    'zh-Hant': '比值（0.5）、帶引號的百分數（"50%"）、精確分數（"1/2"），或 {value, tolerance}',
  },
  t_points: {
    en: 'points (a number, an exact decimal or fraction in quotes, or {value, tolerance}), or null for not applicable',
    'zh-Hans': '得分（数字、带引号的精确小数或分数，或 {value, tolerance}），不适用时为 null',
    'zh-Hant': '得分（數字、帶引號的精確小數或分數，或 {value, tolerance}），不適用時為 null',
  },
  t_level: { en: 'a level id, or null for no level', 'zh-Hans': '等级标识，无等级时为 null', 'zh-Hant': '等級標識，無等級時為 null' },
  t_decimal: {
    en: 'a number or an exact decimal or fraction in quotes',
    'zh-Hans': '数字或带引号的精确小数或分数',
    'zh-Hant': '數字或帶引號的精確小數或分數',
  },
  t_versions: {
    en: 'a list of versions in quotes, e.g. ["0.9", "1.0"]',
    'zh-Hans': '带引号的版本列表，例如 ["0.9", "1.0"]',
    'zh-Hant': '帶引號的版本列表，例如 ["0.9", "1.0"]',
  },
  w_dimension: { en: 'dimension', 'zh-Hans': '维度', 'zh-Hant': '維度' },
  w_indicator: { en: 'indicator', 'zh-Hans': '指标', 'zh-Hant': '指標' },
  w_veto: { en: 'veto', 'zh-Hans': '否决项', 'zh-Hant': '否決項' },
  w_prerequisite: { en: 'prerequisite', 'zh-Hans': '基本要求', 'zh-Hant': '基本要求' },
  w_level: { en: 'level', 'zh-Hans': '等级', 'zh-Hant': '等級' },
  // where an issue is
  whereFile: { en: '{file}', 'zh-Hans': '{file}', 'zh-Hant': '{file}' },
  whereCase: { en: 'case {index} “{name}”', 'zh-Hans': '用例 {index}“{name}”', 'zh-Hant': '用例 {index}「{name}」' },
  whereCaseNoName: { en: 'case {index}', 'zh-Hans': '用例 {index}', 'zh-Hant': '用例 {index}' },
  whereField: { en: 'field `{field}`', 'zh-Hans': '字段 `{field}`', 'zh-Hant': '欄位 `{field}`' },
  // --- expectations -------------------------------------------------------------------------------
  expected: { en: 'expected', 'zh-Hans': '预期', 'zh-Hant': '預期' },
  actual: { en: 'actual', 'zh-Hans': '实际', 'zh-Hant': '實際' },
  within: { en: '{value} ± {tolerance}', 'zh-Hans': '{value} ± {tolerance}', 'zh-Hant': '{value} ± {tolerance}' },
  explanationLacks: {
    en: 'the explanation does not contain “{text}”',
    'zh-Hans': '解释中没有“{text}”',
    'zh-Hant': '解釋中沒有「{text}」',
  },
  noneList: { en: '(none)', 'zh-Hans': '（无）', 'zh-Hant': '（無）' },
  absent: { en: '(absent)', 'zh-Hans': '（无此项）', 'zh-Hant': '（無此項）' },
  // --- reports ------------------------------------------------------------------------------------
  summary: {
    en: 'tests: {passed} passed, {failed} failed, {errors} errors; {total} runs of {cases} cases in {files} files',
    'zh-Hans': '测试：{passed} 个通过，{failed} 个失败，{errors} 个错误；{files} 个文件中 {cases} 个用例共运行 {total} 次',
    'zh-Hant': '測試：{passed} 個通過，{failed} 個失敗，{errors} 個錯誤；{files} 個檔案中 {cases} 個用例共執行 {total} 次',
  },
  fileLine: {
    en: '{mark} {file} ({ran} runs of {listed} cases)',
    'zh-Hans': '{mark} {file}（{listed} 个用例，{ran} 次运行）',
    'zh-Hant': '{mark} {file}（{listed} 個用例，{ran} 次執行）',
  },
  caseFailed: {
    en: 'FAIL {version} case {index} “{name}” ({file}:{line})',
    'zh-Hans': '失败 {version} 用例 {index}“{name}”（{file}:{line}）',
    'zh-Hant': '失敗 {version} 用例 {index}「{name}」（{file}:{line}）',
  },
  caseError: {
    en: 'ERROR {version} case {index} “{name}” ({file}:{line})',
    'zh-Hans': '错误 {version} 用例 {index}“{name}”（{file}:{line}）',
    'zh-Hant': '錯誤 {version} 用例 {index}「{name}」（{file}:{line}）',
  },
  mismatchLine: {
    en: '{field}: expected {expected}, actual {actual}',
    'zh-Hans': '{field}：预期 {expected}，实际 {actual}',
    'zh-Hant': '{field}：預期 {expected}，實際 {actual}',
  },
  explanationOfActual: {
    en: 'explanation of the actual result:',
    'zh-Hans': '实际结果的解释：',
    'zh-Hant': '實際結果的解釋：',
  },
  coverageTitle: { en: 'coverage of {path} ({version})', 'zh-Hans': '{path}（{version}）的覆盖率', 'zh-Hant': '{path}（{version}）的覆蓋率' },
  c_bands: { en: 'bands', 'zh-Hans': '分档', 'zh-Hant': '分檔' },
  c_mappings: { en: 'mapping entries', 'zh-Hans': '映射项', 'zh-Hant': '映射項' },
  c_conditions: { en: 'conditions (true and false)', 'zh-Hans': '条件（真与假）', 'zh-Hant': '條件（真與假）' },
  coverageLine: { en: '{what} {covered}/{total} ({percent})', 'zh-Hans': '{what} {covered}/{total}（{percent}）', 'zh-Hant': '{what} {covered}/{total}（{percent}）' },
  uncovered: { en: 'not covered:', 'zh-Hans': '未覆盖：', 'zh-Hant': '未覆蓋：' },
  allCovered: { en: 'every item covered', 'zh-Hans': '全部覆盖', 'zh-Hant': '全部覆蓋' },
  g_never: { en: 'never reached', 'zh-Hans': '从未到达', 'zh-Hant': '從未到達' },
  g_neverBand: { en: 'never gave the points', 'zh-Hans': '从未给出得分', 'zh-Hant': '從未給出得分' },
  'g_never-true': { en: 'never true', 'zh-Hans': '从未为真', 'zh-Hant': '從未為真' },
  'g_never-false': { en: 'never false', 'zh-Hans': '从未为假', 'zh-Hant': '從未為假' },
  k_band: { en: 'band of `{owner}`', 'zh-Hans': '`{owner}` 的分档', 'zh-Hant': '`{owner}` 的分檔' },
  'k_map-entry': { en: 'entry of `{owner}`', 'zh-Hans': '`{owner}` 的映射项', 'zh-Hant': '`{owner}` 的映射項' },
  k_applicability: { en: 'applicability of `{owner}`', 'zh-Hans': '`{owner}` 的适用条件', 'zh-Hant': '`{owner}` 的適用條件' },
  'k_conditional-points': { en: 'conditional points of `{owner}`', 'zh-Hans': '`{owner}` 的条件得分', 'zh-Hant': '`{owner}` 的條件得分' },
  k_prerequisite: { en: 'prerequisite `{owner}`', 'zh-Hans': '基本要求 `{owner}`', 'zh-Hant': '基本要求 `{owner}`' },
  k_veto: { en: 'veto `{owner}`', 'zh-Hans': '否决项 `{owner}`', 'zh-Hant': '否決項 `{owner}`' },
  k_level: { en: 'level `{owner}`', 'zh-Hans': '等级 `{owner}`', 'zh-Hant': '等級 `{owner}`' },
} as const satisfies Record<string, Entry>;

export type TestMessageKey = keyof typeof T;

/** The message `key` in `lang` with `{name}` placeholders filled from `args`. */
export function tm(lang: Lang, key: TestMessageKey, args: Readonly<Record<string, string | number>> = {}): string {
  return T[key][lang].replace(/\{(\w+)\}/g, (whole, k: string) => (Object.hasOwn(args, k) ? String(args[k]) : whole));
}
