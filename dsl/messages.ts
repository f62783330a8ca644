// The catalogue: every diagnostic code Assay emits, its severity, and its message and help text in
// zh-Hans, zh-Hant and en. In: nothing. Out: `CATALOGUE`, keyed by stable code.
//
// Style (after Cedar): lowercase start, no final period, names in backticks, advice in `help`.
// Placeholders are `{name}`. Codes are stable: never reuse or renumber one; docs/diagnostics.md
// documents each. Ranges:
//   A1xx syntax and limits · A2xx names · A3xx types, units, domains · A4xx weights ·
//   A5xx bands · A6xx mappings · A7xx prerequisites, vetoes, levels · A8xx labels, metadata ·
//   A9xx related-information notes · E1xx evidence

import type { Lang } from './ast';
import type { Severity } from './diagnostics';

export interface MessageDef {
  readonly severity: Severity;
  readonly message: Readonly<Record<Lang, string>>;
  readonly help?: Readonly<Record<Lang, string>>;
}

function m(
  severity: Severity,
  en: string,
  zhHans: string,
  zhHant: string,
  help?: readonly [en: string, zhHans: string, zhHant: string],
): MessageDef {
  return {
    severity,
    message: { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant },
    ...(help ? { help: { en: help[0], 'zh-Hans': help[1], 'zh-Hant': help[2] } } : {}),
  };
}

export const CATALOGUE = {
  // --- A1xx syntax and limits -----------------------------------------------------------------
  A101: m('error', 'unexpected character `{text}`', '无法识别的字符 `{text}`', '無法識別的字元 `{text}`'),
  A102: m(
    'error',
    'expected {expected} but found {found}',
    '此处应为{expected}，实际为{found}',
    '此處應為{expected}，實際為{found}',
  ),
  A103: m('error', 'unterminated string', '字符串缺少结束引号', '字串缺少結束引號', [
    'close the string with `"` on the same line',
    '在同一行用 `"` 结束字符串',
    '在同一行用 `"` 結束字串',
  ]),
  A104: m('error', '`{clause}` is given twice', '`{clause}` 重复出现', '`{clause}` 重複出現', [
    'keep one of them',
    '只保留一处',
    '只保留一處',
  ]),
  A105: m('error', '{count} more errors not shown', '另有 {count} 个错误未显示', '另有 {count} 個錯誤未顯示'),
  A106: m(
    'error',
    'nesting deeper than {limit} levels',
    '嵌套深度超过 {limit} 层',
    '巢狀深度超過 {limit} 層',
    ['split the expression into smaller parts', '将表达式拆分为较小的部分', '將運算式拆分為較小的部分'],
  ),
  A107: m(
    'error',
    'the file is larger than {limit} bytes',
    '文件超过 {limit} 字节',
    '檔案超過 {limit} 位元組',
  ),
  A108: m('error', 'invalid escape `{text}` in string', '字符串中的转义 `{text}` 无效', '字串中的跳脫 `{text}` 無效'),
  A109: m(
    'error',
    'full-width `{text}`; write `{ascii}`',
    '全角字符 `{text}`，应写作 `{ascii}`',
    '全形字元 `{text}`，應寫作 `{ascii}`',
    ['switch the input method to half-width for code', '书写代码时请将输入法切换为半角', '書寫程式碼時請將輸入法切換為半形'],
  ),
  A110: m(
    'error',
    'an indicator has one scoring form, but `{second}` follows `{first}`',
    '一个指标只能有一种计分方式，`{first}` 之后又出现 `{second}`',
    '一個指標只能有一種計分方式，`{first}` 之後又出現 `{second}`',
    ['keep one of `bands`, `map` and `formula`', '`bands`、`map`、`formula` 只保留一种', '`bands`、`map`、`formula` 只保留一種'],
  ),
  A111: m(
    'error',
    'expression has more than {limit} levels of operators',
    '表达式的运算层级超过 {limit} 层',
    '運算式的運算層級超過 {limit} 層',
    ['split it into several clauses or indicators', '将其拆分为多个子句或指标', '將其拆分為多個子句或指標'],
  ),
  A112: m(
    'error',
    'the file has no `ruleset "…" { … }` header',
    '文件缺少 `ruleset "…" { … }` 头部',
    '檔案缺少 `ruleset "…" { … }` 頭部',
    ['start the file with `ruleset "<id>" { version "…" }`', '在文件开头写 `ruleset "<id>" { version "…" }`', '在檔案開頭寫 `ruleset "<id>" { version "…" }`'],
  ),

  // --- A2xx names (engine/model.ts, engine/resolve.ts, engine/order.ts, engine/compile.ts) --------
  A201: m('error', 'unknown name `{name}`', '未知的名称 `{name}`', '未知的名稱 `{name}`', [
    'a name refers to an input, an indicator, a member of the object being scored, or an enum value of the other side of a comparison',
    '名称应指向输入项、指标、正在评分的对象的成员，或比较另一侧的枚举值',
    '名稱應指向輸入項、指標、正在評分的物件的成員，或比較另一側的列舉值',
  ]),
  A202: m('error', '`{name}` is declared more than once', '`{name}` 重复声明', '`{name}` 重複宣告', [
    'inputs, indicators, former ids and dimensions share one set of ids; so do vetoes and prerequisites',
    '输入项、指标、曾用 id 和维度共用一套 id；否决项和基本要求共用一套 id',
    '輸入項、指標、曾用 id 和維度共用一套 id；否決項和基本要求共用一套 id',
  ]),
  A203: m('error', 'unknown method `{name}`', '未知的评估方法 `{name}`', '未知的評估方法 `{name}`', [
    'declare it with `method {name} { … }` or cite a declared method',
    '用 `method {name} { … }` 声明，或引用已声明的方法',
    '用 `method {name} { … }` 宣告，或引用已宣告的方法',
  ]),
  A204: m(
    'error',
    '`{prop}` needs a `{kinds}`, and none is named `{name}`',
    '`{prop}` 需要一个 `{kinds}`，但没有名为 `{name}` 的',
    '`{prop}` 需要一個 `{kinds}`，但沒有名為 `{name}` 的',
  ),
  A205: m(
    'error',
    '`{prop}` without an argument must be inside a quantifier over `{kinds}`',
    '不带参数的 `{prop}` 只能用在遍历 `{kinds}` 的量词中',
    '不帶參數的 `{prop}` 只能用在遍歷 `{kinds}` 的量詞中',
    ['write `{prop}(<id>)`, or use it in `every …: …` / `some …: …`', '写成 `{prop}(<id>)`，或在 `every …: …` / `some …: …` 中使用', '寫成 `{prop}(<id>)`，或在 `every …: …` / `some …: …` 中使用'],
  ),
  A206: m(
    'error',
    '`value` without an argument is only meaningful in the scoring of an indicator',
    '不带参数的 `value` 只能用在指标的评分中',
    '不帶參數的 `value` 只能用在指標的評分中',
    ['write `value(<indicator>)` or the indicator\'s id', '写成 `value(<指标>)` 或直接写指标 id', '寫成 `value(<指標>)` 或直接寫指標 id'],
  ),
  A207: m('error', 'indicator `{name}` has no `type`', '指标 `{name}` 缺少 `type`', '指標 `{name}` 缺少 `type`'),
  A208: m('error', 'indicator `{name}` has no `weight`', '指标 `{name}` 缺少 `weight`', '指標 `{name}` 缺少 `weight`'),
  A209: m(
    'error',
    'indicator `{name}` has no scoring (`bands`, `map` or `formula`)',
    '指标 `{name}` 缺少评分规则（`bands`、`map` 或 `formula`）',
    '指標 `{name}` 缺少評分規則（`bands`、`map` 或 `formula`）',
  ),
  A210: m('error', 'dimension `{name}` has no `weight`', '维度 `{name}` 缺少 `weight`', '維度 `{name}` 缺少 `weight`'),
  A211: m('error', 'circular dependency: {cycle}', '循环依赖：{cycle}', '循環依賴：{cycle}', [
    'a score, veto, prerequisite or level cannot depend on itself',
    '分数、否决项、基本要求或等级不能依赖自身',
    '分數、否決項、基本要求或等級不能依賴自身',
  ]),
  A212: m('error', 'veto `{name}` has no `when` condition', '否决项 `{name}` 缺少 `when` 条件', '否決項 `{name}` 缺少 `when` 條件'),
  A213: m('error', 'only one `levels` block is allowed', '只允许一个 `levels` 块', '只允許一個 `levels` 區塊'),
  A214: m(
    'warning',
    '`{name}` is read as an enum value here, not as the input or indicator of the same name',
    '此处 `{name}` 按枚举值解释，而不是同名的输入项或指标',
    '此處 `{name}` 按列舉值解釋，而不是同名的輸入項或指標',
    ['rename the input or indicator to avoid the ambiguity', '重命名该输入项或指标以消除歧义', '重新命名該輸入項或指標以消除歧義'],
  ),
  A215: m('error', '`{name}` has no member `{member}`', '`{name}` 没有成员 `{member}`', '`{name}` 沒有成員 `{member}`'),
  A216: m(
    'error',
    '`{name}` is not an object, so it has no member `{member}`',
    '`{name}` 不是对象，没有成员 `{member}`',
    '`{name}` 不是物件，沒有成員 `{member}`',
  ),
  A217: m(
    'error',
    '`in <dimension>` narrows only `indicator` quantifiers, not `{domain}`',
    '`in <维度>` 只能用于遍历 `indicator` 的量词，不能用于 `{domain}`',
    '`in <維度>` 只能用於遍歷 `indicator` 的量詞，不能用於 `{domain}`',
  ),
  A218: m(
    'error',
    'internal error in check `{check}`: {message}',
    '检查 `{check}` 内部出错：{message}',
    '檢查 `{check}` 內部出錯：{message}',
    ['please report this; the other checks still ran', '请报告此问题；其他检查已照常运行', '請回報此問題；其他檢查已照常執行'],
  ),

  // --- A9xx related-information notes ---------------------------------------------------------
  A901: m('info', 'first declared here', '首次声明于此', '首次宣告於此'),
  A902: m('info', 'did you mean `{name}`? declared here', '是否指 `{name}`？声明于此', '是否指 `{name}`？宣告於此'),

  // --- E1xx evidence (engine/evidence*.ts) and evaluation (engine/evaluate.ts) -----------------
  E101: m('error', '`{field}` must be `true` or `false`, not {found}', '`{field}` 应为 `true` 或 `false`，实际为 {found}', '`{field}` 應為 `true` 或 `false`，實際為 {found}'),
  E102: m('error', '`{field}` must be a number, not {found}', '`{field}` 应为数字，实际为 {found}', '`{field}` 應為數字，實際為 {found}'),
  E103: m('error', '`{field}` must be a whole number, not {found}', '`{field}` 应为整数，实际为 {found}', '`{field}` 應為整數，實際為 {found}'),
  E104: m('error', '`{field}` must be one of {values}, not {found}', '`{field}` 应为 {values} 之一，实际为 {found}', '`{field}` 應為 {values} 之一，實際為 {found}'),
  E105: m(
    'error',
    '`{field}` is {found}, outside its domain: it must be {domain}',
    '`{field}` 为 {found}，超出取值范围：应满足 {domain}',
    '`{field}` 為 {found}，超出取值範圍：應滿足 {domain}',
  ),
  E106: m('error', '`{field}` must be an object with members {members}, not {found}', '`{field}` 应为含成员 {members} 的对象，实际为 {found}', '`{field}` 應為含成員 {members} 的物件，實際為 {found}'),
  E107: m('error', '`{field}` is missing its member `{member}`', '`{field}` 缺少成员 `{member}`', '`{field}` 缺少成員 `{member}`'),
  E108: m('error', '`{field}` is not a finite number: {found}', '`{field}` 不是有限数值：{found}', '`{field}` 不是有限數值：{found}'),
  E109: m(
    'error',
    '`{field}` must be a number, but {found} is text',
    '`{field}` 应为数字，但 {found} 是文本',
    '`{field}` 應為數字，但 {found} 是文字',
    ['write the number without quotes', '去掉数字两侧的引号', '去掉數字兩側的引號'],
  ),
  E110: m('error', '`{field}` does not match its type ({expected}): {found}', '`{field}` 与其类型（{expected}）不符：{found}', '`{field}` 與其型別（{expected}）不符：{found}'),

  E120: m('warning', 'unknown field `{field}` is ignored', '未知字段 `{field}` 已忽略', '未知欄位 `{field}` 已忽略'),
  E121: m(
    'warning',
    '`{old}` is ignored: `{new}`, its new id, is also given',
    '已忽略 `{old}`：同时给出了其新 id `{new}`',
    '已忽略 `{old}`：同時給出了其新 id `{new}`',
  ),
  E122: m('warning', '`{field}` has no member `{member}`; it is ignored', '`{field}` 没有成员 `{member}`，已忽略', '`{field}` 沒有成員 `{member}`，已忽略'),

  E130: m('error', 'the file is not valid YAML or JSON: {message}', '文件不是有效的 YAML 或 JSON：{message}', '檔案不是有效的 YAML 或 JSON：{message}'),
  E131: m('error', 'the file is larger than {limit} bytes', '文件超过 {limit} 字节', '檔案超過 {limit} 位元組'),
  E132: m('error', 'the file nests deeper than {limit} levels', '文件嵌套深度超过 {limit} 层', '檔案巢狀深度超過 {limit} 層'),
  E133: m('error', 'the file expands to more than {limit} values (aliases)', '文件展开后超过 {limit} 个值（别名）', '檔案展開後超過 {limit} 個值（別名）'),
  E134: m(
    'error',
    'a platform must be a mapping with `platform`, `name` and `evidence`, not {found}',
    '平台应为含 `platform`、`name` 和 `evidence` 的映射，实际为 {found}',
    '平台應為含 `platform`、`name` 和 `evidence` 的映射，實際為 {found}',
  ),
  E135: m('error', '`platform` must be a non-empty text (the platform id)', '`platform` 应为非空文本（平台 id）', '`platform` 應為非空文字（平台 id）'),
  E136: m('error', '`evidence` must be a mapping from field to value, not {found}', '`evidence` 应为字段到取值的映射，实际为 {found}', '`evidence` 應為欄位到取值的映射，實際為 {found}'),
  E137: m('warning', 'unknown key `{key}` is ignored', '未知键 `{key}` 已忽略', '未知鍵 `{key}` 已忽略'),
  E138: m('error', '`name` must be text, not {found}', '`name` 应为文本，实际为 {found}', '`name` 應為文字，實際為 {found}'),
  E139: m('error', 'the file holds no platform', '文件中没有平台', '檔案中沒有平台'),

  E150: m('error', 'division by zero in {where}', '{where} 中出现除以零', '{where} 中出現除以零'),
  E151: m('error', '{where} gives {points} points, outside 0 to 100', '{where} 得分 {points}，超出 0 到 100', '{where} 得分 {points}，超出 0 到 100'),
  E152: m(
    'error',
    'cannot evaluate {where}: {detail}',
    '无法求值 {where}：{detail}',
    '無法求值 {where}：{detail}',
  ),
  E153: m(
    'warning',
    'no band or mapping entry of `{indicator}` matches {found}; it scores 0',
    '`{indicator}` 没有与 {found} 匹配的分档或映射项，得 0 分',
    '`{indicator}` 沒有與 {found} 相符的分檔或映射項，得 0 分',
  ),
} as const satisfies Record<string, MessageDef>;

export type Code = keyof typeof CATALOGUE;
