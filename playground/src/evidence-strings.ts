// Words of the evidence problems (syntax errors with what was expected, schema problems, duplicate platform ids) and
// of the other defects fixed for issue 16 (a paste of the whole text, units), in zh-Hans, zh-Hant and en (spread into i18n.ts's STRINGS). In: nothing. Out: `EVIDENCE_STRINGS`.

import type { Lang } from '../../dsl/index';

const e = (en: string, zhHans: string, zhHant: string): Readonly<Record<Lang, string>> => ({ en, 'zh-Hans': zhHans, 'zh-Hant': zhHant });

export const EVIDENCE_STRINGS = {
  evidenceProblems: e('Evidence problems', '证据问题', '證據問題'),
  evidenceProblemsNone: e('No problems in the evidence', '证据没有问题', '證據沒有問題'),
  evidenceFromEditor: e('evidence editor', '证据编辑器', '證據編輯器'),
  evidenceAt: e('line {line}, column {col}', '第 {line} 行第 {col} 列', '第 {line} 行第 {col} 欄'),
  evidenceDismiss: e('Dismiss', '关闭', '關閉'),
  evidenceNotAdded: e(
    'Not added: the evidence has errors (see “Evidence problems”)',
    '未添加：证据有错误（见“证据问题”）',
    '未新增：證據有錯誤（見「證據問題」）',
  ),
  evidenceDuplicateSample: e(
    'platform id `{platform}` is already loaded (a sample platform): not added; give this platform another `platform` id',
    '平台 id `{platform}` 已载入（示例平台）：未添加；请为此平台另取 `platform` id',
    '平台 id `{platform}` 已載入（範例平台）：未新增；請為此平台另取 `platform` id',
  ),
  evidenceDuplicateFile: e(
    'platform id `{platform}` is already loaded (your platform from {source}): not added; give this platform another `platform` id, or remove the other one first',
    '平台 id `{platform}` 已载入（你从 {source} 添加的平台）：未添加；请为此平台另取 `platform` id，或先移除已载入的那个',
    '平台 id `{platform}` 已載入（你從 {source} 新增的平台）：未新增；請為此平台另取 `platform` id，或先移除已載入的那個',
  ),
  evidenceDuplicateEditor: e(
    'platform id `{platform}` is already loaded (your platform from the evidence editor): not added; give this platform another `platform` id, or remove the other one first',
    '平台 id `{platform}` 已载入（你从证据编辑器添加的平台）：未添加；请为此平台另取 `platform` id，或先移除已载入的那个',
    '平台 id `{platform}` 已載入（你從證據編輯器新增的平台）：未新增；請為此平台另取 `platform` id，或先移除已載入的那個',
  ),
  evidenceRulesetErrors: e(
    'The ruleset has errors: the evidence is checked against its schema once it compiles',
    '规则集有错误：规则集可编译后再按其模式检查证据',
    '規則集有錯誤：規則集可編譯後再依其結構描述檢查證據',
  ),
  evidenceInvalidWhy: e('Invalid evidence, no total: {why}', '证据无效，无总分：{why}', '證據無效，無總分：{why}'),
  reason_paste: e('replaced by a paste of the whole text', '被粘贴的整段文本替换', '被貼上的整段文字替換'),
  pastedUntitled: e(
    'The whole text was replaced by a paste: it is now “{file}”; the text of “{old}” is in History (Ctrl+Z brings it back)',
    '整段文本已被粘贴内容替换：现为“{file}”；“{old}”的文本在“历史”中（Ctrl+Z 可恢复）',
    '整段文字已被貼上內容替換：現為「{file}」；「{old}」的文字在「歷史」中（Ctrl+Z 可恢復）',
  ),
  onlyInEnglish: e('given in English only', '规则集仅以英文给出', '規則集僅以英文給出'),
  onlyInChinese: e('given in Chinese only', '规则集仅以中文给出', '規則集僅以中文給出'),
  monacoReload: e(
    'The editor’s own menus (context menu, find, command palette) change language when the page reloads; your work is kept',
    '编辑器自身的菜单（右键菜单、查找、命令面板）将在页面重新加载后切换语言；你的工作会保留',
    '編輯器本身的選單（右鍵選單、尋找、命令選擇區）將在頁面重新載入後切換語言；你的工作會保留',
  ),
  reloadNow: e('Reload now', '立即重新加载', '立即重新載入'),
  // What the YAML/JSON reader expected, by the YAML library's error code and the JSON reader's problem.
  syntax_MISSING_CHAR: e('a closing character is missing (a quote, `]` or `}`)', '缺少结尾字符（引号、`]` 或 `}`）', '缺少結尾字元（引號、`]` 或 `}`）'),
  syntax_MULTILINE_IMPLICIT_KEY: e(
    'expected `key: value` on one line (is a `:` missing after a key?)',
    '应为同一行上的 `键: 值`（键后是否缺少 `:`？）',
    '應為同一行上的 `鍵: 值`（鍵後是否缺少 `:`？）',
  ),
  syntax_BLOCK_AS_IMPLICIT_KEY: e(
    'expected one `key: value` per line, indented like its siblings',
    '每行应只有一个 `键: 值`，且与同级缩进对齐',
    '每行應只有一個 `鍵: 值`，且與同級縮排對齊',
  ),
  syntax_BAD_INDENT: e('the indentation does not match the lines above it', '缩进与上方各行不一致', '縮排與上方各行不一致'),
  syntax_TAB_AS_INDENT: e('expected spaces for indentation, not tabs', '缩进应使用空格，而非制表符', '縮排應使用空格，而非定位字元'),
  syntax_DUPLICATE_KEY: e('expected each key once in a mapping: this key is repeated', '同一映射中每个键只能出现一次：此键重复', '同一映射中每個鍵只能出現一次：此鍵重複'),
  syntax_UNEXPECTED_TOKEN: e('unexpected text here (is a `,` or `:` missing?)', '此处出现意外内容（是否缺少 `,` 或 `:`？）', '此處出現意外內容（是否缺少 `,` 或 `:`？）'),
  syntax_BLOCK_IN_FLOW: e(
    'expected a value inside `{…}` or `[…]`, not an indented block (is a `,` missing?)',
    '`{…}` 或 `[…]` 内应为值，而非缩进块（是否缺少 `,`？）',
    '`{…}` 或 `[…]` 內應為值，而非縮排區塊（是否缺少 `,`？）',
  ),
  syntax_BAD_SCALAR_START: e('a value cannot start with this character (quote it)', '值不能以此字符开头（请加引号）', '值不能以此字元開頭（請加引號）'),
  syntax_BAD_DQ_ESCAPE: e('expected a valid escape after `\\` in a quoted text', '引号文本中 `\\` 后应为有效转义', '引號文字中 `\\` 後應為有效跳脫'),
  syntax_other: e('not valid YAML or JSON here ({detail})', '此处不是有效的 YAML 或 JSON（{detail}）', '此處不是有效的 YAML 或 JSON（{detail}）'),
  json_unexpected: e('unexpected {found}', '意外的 {found}', '意外的 {found}'),
  json_end: e('the text ends too early (is a `}` or `]` missing?)', '文本提前结束（是否缺少 `}` 或 `]`？）', '文字提前結束（是否缺少 `}` 或 `]`？）'),
  json_key: e('expected a key in double quotes', '应为双引号中的键', '應為雙引號中的鍵'),
  json_colon: e('expected `:` after the key', '键后应为 `:`', '鍵後應為 `:`'),
  json_object: e('expected `,` or `}` here', '此处应为 `,` 或 `}`', '此處應為 `,` 或 `}`'),
  json_array: e('expected `,` or `]` here', '此处应为 `,` 或 `]`', '此處應為 `,` 或 `]`'),
  json_string: e('a text in double quotes is not closed', '双引号中的文本未闭合', '雙引號中的文字未閉合'),
  json_control: e('a control character (a line break?) inside a text in quotes', '引号文本中有控制字符（换行？）', '引號文字中有控制字元（換行？）'),
  json_escape: e('expected a valid escape after `\\`', '`\\` 后应为有效转义', '`\\` 後應為有效跳脫'),
  json_number: e('expected a number', '应为数字', '應為數字'),
} as const;
