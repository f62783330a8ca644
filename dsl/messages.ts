// The catalogue: every diagnostic code Assay emits, its severity, and its message and help text in
// zh-Hans, zh-Hant and en. In: nothing. Out: `CATALOGUE`, keyed by stable code.
//
// Style (after Cedar): lowercase start, no final period, names in backticks, advice in `help`.
// Placeholders are `{name}`. Codes are stable: never reuse or renumber one; docs/diagnostics.md
// documents each. Ranges:
//   A1xx syntax and limits · A2xx names · A3xx types, units, domains · A4xx weights ·
//   A5xx bands · A6xx mappings · A7xx prerequisites, vetoes, levels · A8xx labels, metadata ·
//   A9xx related-information notes · E1xx evidence · T1xx rule-test files (engine/analyses/testing/, `assay test`)

import type { Severity } from './diagnostics';
import { words, type Words } from './words';

export interface MessageDef {
  readonly severity: Severity;
  readonly message: Words;
  readonly help?: Words;
}

function m(
  severity: Severity,
  en: string,
  zhHans: string,
  zhHant: string,
  help?: readonly [en: string, zhHans: string, zhHant: string],
): MessageDef {
  return { severity, message: words(en, zhHans, zhHant), ...(help ? { help: words(...help) } : {}) };
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
  A105: m(
    'error',
    '{count} more problems not shown ({errors} errors, {warnings} warnings)',
    '另有 {count} 个问题未显示（{errors} 个错误，{warnings} 个警告）',
    '另有 {count} 個問題未顯示（{errors} 個錯誤，{warnings} 個警告）',
  ),
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
  A113: m(
    'error',
    'a number has more than {limit} digits',
    '数字超过 {limit} 位',
    '數字超過 {limit} 位',
    ['write it with fewer digits: no threshold, weight or point needs so many', '请减少位数：阈值、权重和分值都用不到这么多位', '請減少位數：閾值、權重和分值都用不到這麼多位'],
  ),
  A114: m(
    'error',
    '`{found}` is not a rounding mode: `round` takes `half_up`, `half_even` or `half_down`',
    '`{found}` 不是舍入方式：`round` 只接受 `half_up`、`half_even` 或 `half_down`',
    '`{found}` 不是捨入方式：`round` 只接受 `half_up`、`half_even` 或 `half_down`',
    [
      'write `round(x, digits, half_up)` (ties away from zero), `half_even` (ties to the even digit) or `half_down` (ties toward zero)',
      '写作 `round(x, 位数, half_up)`（逢五远离零）、`half_even`（逢五取偶）或 `half_down`（逢五趋向零）',
      '寫作 `round(x, 位數, half_up)`（逢五遠離零）、`half_even`（逢五取偶）或 `half_down`（逢五趨向零）',
    ],
  ),
  A115: m(
    'error',
    'the exponent of `^` must be a whole number written as a literal (`2`, `15`, `-1`)',
    '`^` 的指数必须是直接写出的整数（`2`、`15`、`-1`）',
    '`^` 的指數必須是直接寫出的整數（`2`、`15`、`-1`）',
    [
      'a power with a computed or fractional exponent is not exact; write the exponent as a number',
      '指数为计算结果或小数的幂无法精确计算；请直接写出指数',
      '指數為計算結果或小數的冪無法精確計算；請直接寫出指數',
    ],
  ),
  A116: m(
    'error',
    '{what} cannot have the type `{type}`: allowed are {allowed}',
    '{what}不能是 `{type}` 类型：只允许{allowed}',
    '{what}不能是 `{type}` 型別：只允許{allowed}',
  ),
  A117: m(
    'error',
    '`else` must be the last entry of a table',
    '`else` 必须是查找表的最后一项',
    '`else` 必須是查找表的最後一項',
    ['move the `else` entry to the end', '将 `else` 项移到末尾', '將 `else` 項移到末尾'],
  ),
  A118: m(
    'error',
    '{what} has no `formula`',
    '{what}缺少 `formula`',
    '{what}缺少 `formula`',
    ['add `formula <expression>` inside its block', '在其代码块中加上 `formula <表达式>`', '在其程式碼區塊中加上 `formula <運算式>`'],
  ),
  A119: m(
    'error',
    'this entry gives {found} value(s) but the table has {keys} key(s)',
    '此项给出 {found} 个值，但查找表有 {keys} 个键',
    '此項給出 {found} 個值，但查找表有 {keys} 個鍵',
    [
      'a table with two keys takes pairs: `(N, U): 0.85`; a table with one key takes single values: `N: 0.85`',
      '两个键的查找表取值对：`(N, U): 0.85`；一个键的查找表取单个值：`N: 0.85`',
      '兩個鍵的查找表取值對：`(N, U): 0.85`；一個鍵的查找表取單個值：`N: 0.85`',
    ],
  ),

  // --- A2xx names (engine/model/model.ts, engine/model/resolve.ts, engine/model/order.ts, engine/compile.ts) --------
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

  // derived values and the formula total (engine/model/model.ts, engine/check/derived.ts)
  A219: m('error', 'only one `total` formula is allowed', '只允许一个 `total` 公式', '只允許一個 `total` 公式', [
    'keep one `total: … { formula … }` declaration',
    '只保留一个 `total: … { formula … }` 声明',
    '只保留一個 `total: … { formula … }` 宣告',
  ]),
  A220: m(
    'error',
    '`total` is read, but this ruleset has neither dimensions nor a `total` formula',
    '读取了 `total`，但此规则集既无维度也无 `total` 公式',
    '讀取了 `total`，但此規則集既無維度也無 `total` 公式',
    [
      'declare `total: number { formula … }`, or write the condition on what the total would be computed from',
      '请声明 `total: number { formula … }`，或直接对计算总分所依据的数值写条件',
      '請宣告 `total: number { formula … }`，或直接對計算總分所依據的數值寫條件',
    ],
  ),

  A221: m(
    'error',
    '`{name}` cannot be a name: JSON readers and JavaScript objects take it for the object’s prototype, so its value would be lost',
    '`{name}` 不能用作名称：JSON 读取器和 JavaScript 对象会把它当作对象的原型，其值会丢失',
    '`{name}` 不能用作名稱：JSON 讀取器和 JavaScript 物件會把它當作物件的原型，其值會遺失',
    [
      'choose another id, for example `proto`; evidence files name fields by these ids',
      '请换一个 id，例如 `proto`；证据文件用这些 id 命名字段',
      '請換一個 id，例如 `proto`；證據檔案用這些 id 命名欄位',
    ],
  ),

  // --- A3xx types, units, domains (engine/check/types.ts) ----------------------------------------
  A301: m(
    'error',
    'cannot compare `{left}` ({ltype}) with `{right}` ({rtype})',
    '无法比较 `{left}`（{ltype}）与 `{right}`（{rtype}）',
    '無法比較 `{left}`（{ltype}）與 `{right}`（{rtype}）',
    [
      'both sides of a comparison must be numbers, values of the same enum, or booleans',
      '比较的两侧应同为数字、同一枚举的值或布尔值',
      '比較的兩側應同為數字、同一列舉的值或布林值',
    ],
  ),
  A302: m('error', '`{op}` orders numbers, but `{name}` is {type}', '`{op}` 用于比较数字大小，但 `{name}` 是 {type}', '`{op}` 用於比較數字大小，但 `{name}` 是 {type}', [
    'compare enum values and booleans with `=`, `!=` or `in {…}`',
    '枚举值和布尔值请用 `=`、`!=` 或 `in {…}` 比较',
    '列舉值和布林值請用 `=`、`!=` 或 `in {…}` 比較',
  ]),
  A303: m('error', '`{text}` is {type}, but a number is needed here', '`{text}` 是 {type}，但此处需要数字', '`{text}` 是 {type}，但此處需要數字', [
    'arithmetic, `min`, `max`, `abs` and points take numbers; to score a condition write `if … then … else …`',
    '算术运算、`min`、`max`、`abs` 和分值都需要数字；要按条件计分请写 `if … then … else …`',
    '算術運算、`min`、`max`、`abs` 和分值都需要數字；要按條件計分請寫 `if … then … else …`',
  ]),
  A304: m(
    'error',
    '`{text}` is {type}, but a condition (true or false) is needed here',
    '`{text}` 是 {type}，但此处需要条件（真或假）',
    '`{text}` 是 {type}，但此處需要條件（真或假）',
    ['compare it with something, e.g. `{text} >= …`', '将其与某个值比较，例如 `{text} >= …`', '將其與某個值比較，例如 `{text} >= …`'],
  ),
  A305: m(
    'error',
    '`{literal}` is the ratio {ratio}, but `{name}` is on the 0–100 scale',
    '`{literal}` 表示比例 {ratio}，但 `{name}` 采用 0–100 的刻度',
    '`{literal}` 表示比例 {ratio}，但 `{name}` 採用 0–100 的刻度',
    ['write `{plain}`: `%` literals are for shares', '应写作 `{plain}`：带 `%` 的数值用于得分率', '應寫作 `{plain}`：帶 `%` 的數值用於得分率'],
  ),
  A306: m(
    'error',
    '{value} is outside every value `{name}` can take ({domain})',
    '{value} 超出了 `{name}` 的所有可能取值（{domain}）',
    '{value} 超出了 `{name}` 的所有可能取值（{domain}）',
    ['check the threshold against the declared type of `{name}`', '请对照 `{name}` 声明的类型检查该阈值', '請對照 `{name}` 宣告的型別檢查該閾值'],
  ),
  A307: m(
    'error',
    'a share is a ratio from 0 to 1, but it is compared with {value}',
    '得分率是 0 到 1 之间的比例，却与 {value} 比较',
    '得分率是 0 到 1 之間的比例，卻與 {value} 比較',
    ['write the threshold as a percentage: `{value}%`', '请将阈值写成百分数：`{value}%`', '請將閾值寫成百分數：`{value}%`'],
  ),
  A308: m('error', 'the domain `{domain}` of `{name}` holds no value', '`{name}` 的取值范围 `{domain}` 不含任何值', '`{name}` 的取值範圍 `{domain}` 不含任何值', [
    'a range is written from low to high, e.g. `0 to 7`',
    '范围应从小写到大，例如 `0 to 7`',
    '範圍應從小寫到大，例如 `0 to 7`',
  ]),
  A309: m(
    'error',
    'a percent lies within 0 to 100, but the domain of `{name}` reaches {value}',
    '百分比的取值在 0 到 100 之间，但 `{name}` 的取值范围达到 {value}',
    '百分比的取值在 0 到 100 之間，但 `{name}` 的取值範圍達到 {value}',
    ['keep the domain within 0 to 100, or use `number`', '将取值范围限制在 0 到 100 之内，或改用 `number`', '將取值範圍限制在 0 到 100 之內，或改用 `number`'],
  ),
  A310: m('error', '`{value}` is listed twice in the type of `{name}`', '`{value}` 在 `{name}` 的类型中重复出现', '`{value}` 在 `{name}` 的型別中重複出現', [
    'keep one of them',
    '只保留一处',
    '只保留一處',
  ]),
  A311: m('error', 'a band compares the value of `{name}`, but it is {type}', '分档比较的是 `{name}` 的值，但它是 {type}', '分檔比較的是 `{name}` 的值，但它是 {type}', [
    'for an object, write a condition on its members, e.g. `frameworks >= 4: 100`',
    '对象类型请写针对其成员的条件，例如 `frameworks >= 4: 100`',
    '物件型別請寫針對其成員的條件，例如 `frameworks >= 4: 100`',
  ]),

  // lookup tables, rounding functions, powers, derived types (engine/check/tables.ts, engine/check/derived.ts)
  A320: m(
    'error',
    'a table key must name an enum value, but `{name}` is {type}',
    '查找表的键应为枚举类型的名称，但 `{name}` 是 {type}',
    '查找表的鍵應為列舉型別的名稱，但 `{name}` 是 {type}',
    ['key the table by an input, indicator or derived value declared `enum { … }`', '请以声明为 `enum { … }` 的输入项、指标或派生值作为键', '請以宣告為 `enum { … }` 的輸入項、指標或衍生值作為鍵'],
  ),
  A321: m(
    'error',
    '`{value}` is not a value of `{key}` ({values})',
    '`{value}` 不是 `{key}` 的取值（{values}）',
    '`{value}` 不是 `{key}` 的取值（{values}）',
    ['write one of {values}', '请写其中之一：{values}', '請寫其中之一：{values}'],
  ),
  A322: m('error', 'the table entry `{entry}` is listed twice', '查找表条目 `{entry}` 重复出现', '查找表條目 `{entry}` 重複出現', [
    'keep one of them: the first would always be used',
    '只保留一条：总是使用第一条',
    '只保留一條：總是使用第一條',
  ]),
  A323: m(
    'error',
    'the table does not cover {missing}',
    '查找表未覆盖 {missing}',
    '查找表未涵蓋 {missing}',
    ['add an entry for each, or an `else: …` entry last', '请为每个值补充条目，或在最后添加 `else: …`', '請為每個值補充條目，或在最後加上 `else: …`'],
  ),
  A324: m(
    'warning',
    '`else` is never used: the entries cover every value',
    '`else` 永远不会用到：各条目已覆盖全部取值',
    '`else` 永遠不會用到：各條目已涵蓋全部取值',
    ['remove the `else` entry', '请删除 `else` 条目', '請刪除 `else` 條目'],
  ),
  A325: m(
    'error',
    'table entries must all give numbers or all give conditions, but `{first}` is {ftype} and `{other}` is {otype}',
    '查找表各条目的值应同为数字或同为条件，但 `{first}` 是 {ftype}，`{other}` 是 {otype}',
    '查找表各條目的值應同為數字或同為條件，但 `{first}` 是 {ftype}，`{other}` 是 {otype}',
  ),
  A327: m(
    'error',
    'the exponent `{text}` of `^` is beyond ±{limit}',
    '`^` 的指数 `{text}` 超出 ±{limit}',
    '`^` 的指數 `{text}` 超出 ±{limit}',
    ['exact powers that large are not computed: rewrite the formula', '不计算如此大的精确幂：请改写公式', '不計算如此大的精確冪：請改寫公式'],
  ),
  A328: m(
    'error',
    '`{fn}` takes {expected}, not `{text}`',
    '`{fn}` 的参数应为 {expected}，而不是 `{text}`',
    '`{fn}` 的參數應為 {expected}，而不是 `{text}`',
    [
      'write `ceil(x)`, `ceil(x, 1)`, `floor(x, -1)` or `round(x, 2, half_up)`: the digits are a whole-number literal',
      '请写作 `ceil(x)`、`ceil(x, 1)`、`floor(x, -1)` 或 `round(x, 2, half_up)`：位数为整数字面量',
      '請寫作 `ceil(x)`、`ceil(x, 1)`、`floor(x, -1)` 或 `round(x, 2, half_up)`：位數為整數字面量',
    ],
  ),
  A329: m(
    'error',
    'the formula of `{name}` gives {found}, but `{name}` is declared {type}',
    '`{name}` 的公式得出 {found}，但 `{name}` 声明为 {type}',
    '`{name}` 的公式得出 {found}，但 `{name}` 宣告為 {type}',
    ['change the declared type or the formula', '请修改声明的类型或公式', '請修改宣告的型別或公式'],
  ),

  // --- A4xx weights (engine/check/weights.ts) ----------------------------------------------------
  A401: m(
    'error',
    'the indicator weights of `{name}` add up to {sum}, not to its weight {weight}',
    '`{name}` 的指标权重之和为 {sum}，不等于其权重 {weight}',
    '`{name}` 的指標權重之和為 {sum}，不等於其權重 {weight}',
    [
      'sums are exact decimals: make the indicator weights add up to {weight}, or change the weight of `{name}`',
      '求和按精确小数计算：请使指标权重之和等于 {weight}，或修改 `{name}` 的权重',
      '求和按精確小數計算：請使指標權重之和等於 {weight}，或修改 `{name}` 的權重',
    ],
  ),
  A402: m(
    'error',
    'the dimension weights add up to {sum}, not to the total {total}',
    '各维度权重之和为 {sum}，不等于总分 {total}',
    '各維度權重之和為 {sum}，不等於總分 {total}',
    [
      'make the dimension weights add up to {total}, or change `total` in the header',
      '请使维度权重之和等于 {total}，或修改头部的 `total`',
      '請使維度權重之和等於 {total}，或修改頭部的 `total`',
    ],
  ),
  A403: m('error', '`{name}` has weight 0', '`{name}` 的权重为 0', '`{name}` 的權重為 0', [
    'a weight of 0 scores nothing: give it a positive weight or remove it',
    '权重为 0 不计任何分数：请给出正的权重或将其删除',
    '權重為 0 不計任何分數：請給出正的權重或將其刪除',
  ]),
  A404: m('error', 'dimension `{name}` has no indicators', '维度 `{name}` 没有指标', '維度 `{name}` 沒有指標', [
    'add an indicator or remove the dimension',
    '请添加指标或删除该维度',
    '請新增指標或刪除該維度',
  ]),
  A405: m('error', '`total` is {total}; it must be greater than 0', '`total` 为 {total}，应大于 0', '`total` 為 {total}，應大於 0'),
  A490: m('info', 'the weight of `{name}` is declared here', '`{name}` 的权重在此声明', '`{name}` 的權重在此宣告'),

  // --- A5xx bands (engine/check/bands.ts) --------------------------------------------------------
  A501: m(
    'error',
    'this band can never match: no value of `{name}` ({domain}) meets it',
    '此分档永远不会命中：`{name}` 的取值（{domain}）都不满足它',
    '此分檔永遠不會命中：`{name}` 的取值（{domain}）都不滿足它',
  ),
  A502: m(
    'error',
    'this band can never match: the bands above it already take every value it matches',
    '此分档永远不会命中：它匹配的值都已被上面的分档占用',
    '此分檔永遠不會命中：它匹配的值都已被上面的分檔佔用',
    [
      'bands are read top-down and the first match wins; move it up or change its bound',
      '分档自上而下匹配，先匹配者生效；请上移该分档或修改其界值',
      '分檔自上而下比對，先比對者生效；請上移該分檔或修改其界值',
    ],
  ),
  A503: m(
    'warning',
    'this band overlaps a band above it: {overlap} already match that band',
    '此分档与上面的分档重叠：{overlap} 已由上面的分档匹配',
    '此分檔與上面的分檔重疊：{overlap} 已由上面的分檔比對',
    [
      'the first match wins; make the bands meet without overlapping',
      '先匹配者生效；请使各分档首尾相接而不重叠',
      '先比對者生效；請使各分檔首尾相接而不重疊',
    ],
  ),
  A504: m(
    'error',
    'some values of `{name}` match no band: {gap}',
    '`{name}` 的部分取值没有匹配的分档：{gap}',
    '`{name}` 的部分取值沒有相符的分檔：{gap}',
    ['add bands for them, or end the list with `else: …`', '请为这些取值添加分档，或在末尾加上 `else: …`', '請為這些取值新增分檔，或在末尾加上 `else: …`'],
  ),
  A505: m(
    'warning',
    '`else` is never used: the bands above it cover every value of `{name}`',
    '`else` 永远不会被使用：上面的分档已覆盖 `{name}` 的所有取值',
    '`else` 永遠不會被使用：上面的分檔已涵蓋 `{name}` 的所有取值',
    ['remove it', '请将其删除', '請將其刪除'],
  ),
  A506: m('error', '{points} points are outside 0 to 100', '分值 {points} 超出 0 到 100', '分值 {points} 超出 0 到 100'),
  A507: m(
    'warning',
    '`{name}` is `{direction} is better`, yet {first} scores {firstPoints} and {second} scores {secondPoints}',
    '`{name}` 为 `{direction} is better`，但 {first} 得 {firstPoints} 分，{second} 得 {secondPoints} 分',
    '`{name}` 為 `{direction} is better`，但 {first} 得 {firstPoints} 分，{second} 得 {secondPoints} 分',
    ['check the points of these bands, or the direction', '请检查这些分档的分值或指标方向', '請檢查這些分檔的分值或指標方向'],
  ),
  A590: m('info', 'the band that takes these values', '占用这些取值的分档', '佔用這些取值的分檔'),

  // --- A6xx mappings (engine/check/mappings.ts) --------------------------------------------------
  A601: m(
    'error',
    'the map of `{name}` has no entry for {values} and no `else`',
    '`{name}` 的映射缺少 {values} 的条目，也没有 `else`',
    '`{name}` 的映射缺少 {values} 的條目，也沒有 `else`',
    ['add an entry for each value, or `else: …`', '请为每个取值添加条目，或添加 `else: …`', '請為每個取值新增條目，或新增 `else: …`'],
  ),
  A602: m('error', '`{value}` is not a value of `{name}` ({type})', '`{value}` 不是 `{name}` 的取值（{type}）', '`{value}` 不是 `{name}` 的取值（{type}）'),
  A603: m('error', '`{value}` is mapped twice', '`{value}` 被映射了两次', '`{value}` 被映射了兩次', [
    'keep one of them',
    '只保留一处',
    '只保留一處',
  ]),
  A604: m(
    'warning',
    '`else` is never used: every value of `{name}` has an entry',
    '`else` 永远不会被使用：`{name}` 的每个取值都有条目',
    '`else` 永遠不會被使用：`{name}` 的每個取值都有條目',
    ['remove it', '请将其删除', '請將其刪除'],
  ),
  A605: m('error', '`map` scores enum values, but `{name}` is {type}', '`map` 用于枚举值计分，但 `{name}` 是 {type}', '`map` 用於列舉值計分，但 `{name}` 是 {type}', [
    'use `bands` or `formula` for numbers',
    '数字请使用 `bands` 或 `formula`',
    '數字請使用 `bands` 或 `formula`',
  ]),

  // --- A7xx prerequisites, vetoes, levels (engine/check/levels.ts) -------------------------------
  A701: m(
    'error',
    'level `{name}` can never be reached: its conditions can never all hold',
    '等级 `{name}` 永远无法达到：其条件不可能同时成立',
    '等級 `{name}` 永遠無法達到：其條件不可能同時成立',
  ),
  A702: m(
    'error',
    'level `{name}` can never be the result: whenever it holds, the higher level `{higher}` holds too',
    '等级 `{name}` 永远不会成为结果：只要它成立，更高的等级 `{higher}` 也成立',
    '等級 `{name}` 永遠不會成為結果：只要它成立，更高的等級 `{higher}` 也成立',
    ['make `{higher}` stricter than `{name}`', '请使 `{higher}` 的条件严于 `{name}`', '請使 `{higher}` 的條件嚴於 `{name}`'],
  ),
  A703: m(
    'warning',
    'thresholds out of order: `{name}` requires `{cond}`, stricter than `{higherCond}` of the higher level `{higher}`',
    '阈值顺序颠倒：`{name}` 要求 `{cond}`，比更高等级 `{higher}` 的 `{higherCond}` 更严',
    '閾值順序顛倒：`{name}` 要求 `{cond}`，比更高等級 `{higher}` 的 `{higherCond}` 更嚴',
    ['a higher level normally requires at least as much as the levels below it', '更高的等级通常应至少与其下各等级同样严格', '更高的等級通常應至少與其下各等級同樣嚴格'],
  ),
  A704: m(
    'error',
    'level `{name}` can never be reached: its conditions and those of the levels below it, which a cumulative ladder also requires, can never all hold',
    '等级 `{name}` 永远无法达到：其条件与其下各等级的条件（累进式等级一并要求）不可能同时成立',
    '等級 `{name}` 永遠無法達到：其條件與其下各等級的條件（累進式等級一併要求）不可能同時成立',
  ),
  A705: m(
    'error',
    'prerequisite `{name}` can never hold: every platform would be not rated',
    '基本要求 `{name}` 永远不会满足：所有平台都将不予评级',
    '基本要求 `{name}` 永遠不會滿足：所有平台都將不予評級',
  ),
  A706: m(
    'warning',
    'prerequisite `{name}` holds for every platform whose evidence is given',
    '只要给出证据，基本要求 `{name}` 对所有平台都成立',
    '只要給出證據，基本要求 `{name}` 對所有平台都成立',
    ['a prerequisite that always holds checks nothing', '恒成立的基本要求不起任何作用', '恆成立的基本要求不起任何作用'],
  ),
  A707: m('error', 'veto `{name}` can never fire', '否决项 `{name}` 永远不会触发', '否決項 `{name}` 永遠不會觸發'),
  A708: m(
    'error',
    'veto `{name}` fires for every platform whose evidence is given',
    '只要给出证据，否决项 `{name}` 对所有平台都会触发',
    '只要給出證據，否決項 `{name}` 對所有平台都會觸發',
  ),
  A709: m(
    'warning',
    'the `applies when` condition of `{name}` can never hold: the indicator is never applicable',
    '`{name}` 的 `applies when` 条件永远不成立：该指标永远不适用',
    '`{name}` 的 `applies when` 條件永遠不成立：該指標永遠不適用',
  ),
  A790: m('info', 'the higher level `{name}`', '更高的等级 `{name}`', '更高的等級 `{name}`'),

  // --- A8xx labels, metadata (engine/check/labels.ts) --------------------------------------------
  A801: m('warning', '`{name}` has no `{lang}` text in its {what}', '`{name}` 的{what}缺少 `{lang}` 文本', '`{name}` 的{what}缺少 `{lang}` 文字', [
    'every label and title gives `zh-Hans`, `zh-Hant` and `en`',
    '每个标签和标题都应给出 `zh-Hans`、`zh-Hant` 和 `en`',
    '每個標籤和標題都應給出 `zh-Hans`、`zh-Hant` 和 `en`',
  ]),
  A802: m('warning', '`{name}` has no {what}', '`{name}` 缺少{what}', '`{name}` 缺少{what}', [
    'add `{keyword} { zh-Hans "…" zh-Hant "…" en "…" }`',
    '请添加 `{keyword} { zh-Hans "…" zh-Hant "…" en "…" }`',
    '請新增 `{keyword} { zh-Hans "…" zh-Hant "…" en "…" }`',
  ]),
  A803: m('warning', '`{name}` has an empty `{lang}` text', '`{name}` 的 `{lang}` 文本为空', '`{name}` 的 `{lang}` 文字為空'),
  A804: m('error', 'unknown status `{status}`', '未知的状态 `{status}`', '未知的狀態 `{status}`', [
    'the status is one of `draft`, `for-comment`, `published`, `superseded`',
    '状态应为 `draft`、`for-comment`、`published`、`superseded` 之一',
    '狀態應為 `draft`、`for-comment`、`published`、`superseded` 之一',
  ]),
  A805: m('error', 'the ruleset has no `version`', '规则集缺少 `version`', '規則集缺少 `version`', [
    'add `version "…"` to the header',
    '请在头部添加 `version "…"`',
    '請在頭部新增 `version "…"`',
  ]),
  A806: m('error', '`{date}` is not a calendar date', '`{date}` 不是有效的日期', '`{date}` 不是有效的日期', [
    'write the date as YYYY-MM-DD',
    '日期格式为 YYYY-MM-DD',
    '日期格式為 YYYY-MM-DD',
  ]),
  A807: m('error', '`{id}` is not a valid ruleset id', '`{id}` 不是有效的规则集 id', '`{id}` 不是有效的規則集 id', [
    'use letters, digits, `-`, `_` and `.`, starting with a letter or a digit',
    '请使用字母、数字、`-`、`_` 和 `.`，并以字母或数字开头',
    '請使用字母、數字、`-`、`_` 和 `.`，並以字母或數字開頭',
  ]),
  A808: m('warning', 'a `{status}` ruleset has no `date`', '状态为 `{status}` 的规则集缺少 `date`', '狀態為 `{status}` 的規則集缺少 `date`', [
    'add `date YYYY-MM-DD` to the header',
    '请在头部添加 `date YYYY-MM-DD`',
    '請在頭部新增 `date YYYY-MM-DD`',
  ]),

  // --- A9xx related-information notes ---------------------------------------------------------
  A901: m('info', 'first declared here', '首次声明于此', '首次宣告於此'),
  A902: m('info', 'did you mean `{name}`? declared here', '是否指 `{name}`？声明于此', '是否指 `{name}`？宣告於此'),
  A903: m('info', 'did you mean `{name}`?', '是否指 `{name}`？', '是否指 `{name}`？'),

  // --- E1xx evidence (engine/evidence/read*.ts) and evaluation (engine/evaluate/evaluate.ts) -----------------
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
  E145: m(
    'error',
    'platform `{platform}`: `{field}` is a number of {digits} digits; at most {limit} are read',
    '平台 `{platform}`：`{field}` 是 {digits} 位的数字，最多读取 {limit} 位',
    '平台 `{platform}`：`{field}` 是 {digits} 位的數字，最多讀取 {limit} 位',
    ['write the value with fewer digits', '请用较少的位数写出该值', '請用較少的位數寫出該值'],
  ),
  E146: m(
    'error',
    'platform `{platform}`: `{field}` is {found}, whose exponent is beyond ±{limit}',
    '平台 `{platform}`：`{field}` 为 {found}，指数超出 ±{limit}',
    '平台 `{platform}`：`{field}` 為 {found}，指數超出 ±{limit}',
    ['write the value with a smaller exponent', '请用较小的指数写出该值', '請用較小的指數寫出該值'],
  ),

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

  // required evidence, derived values and the formula total out of bounds (engine/evidence/validate.ts, engine/evaluate/)
  E170: m(
    'error',
    '`{field}` is required but missing',
    '`{field}` 为必填项，但缺失',
    '`{field}` 為必填項，但缺失',
    ['give a value for `{field}` (null counts as missing)', '请为 `{field}` 提供取值（null 视为缺失）', '請為 `{field}` 提供取值（null 視為缺失）'],
  ),
  E171: m(
    'error',
    '`{name}` is {value}, outside its bound: it must be {domain}',
    '`{name}` 为 {value}，超出界限：应满足 {domain}',
    '`{name}` 為 {value}，超出界限：應滿足 {domain}',
  ),
  E172: m(
    'error',
    '`{name}` is declared integer, but its formula gives {value}',
    '`{name}` 声明为整数，但其公式得出 {value}',
    '`{name}` 宣告為整數，但其公式得出 {value}',
  ),

  // evidence that is well-formed but probably not what was meant (engine/evidence/intake.ts)
  E160: m(
    'warning',
    'unknown field `{field}` is ignored; did you mean `{name}`?',
    '未知字段 `{field}` 已忽略；是否指 `{name}`？',
    '未知欄位 `{field}` 已忽略；是否指 `{name}`？',
  ),
  E161: m(
    'error',
    'unknown field `{field}` looks like `{name}`, which is missing, so the platform is not scored: rename `{field}` to `{name}` (or assess leniently to score it without `{name}`)',
    '未知字段 `{field}` 疑似缺失的 `{name}`，因此不对该平台评分：请将 `{field}` 改名为 `{name}`（或以宽松模式评估，在缺少 `{name}` 的情况下评分）',
    '未知欄位 `{field}` 疑似缺少的 `{name}`，因此不對該平台評分：請將 `{field}` 改名為 `{name}`（或以寬鬆模式評估，在缺少 `{name}` 的情況下評分）',
  ),
  E162: m(
    'error',
    '`{field}` is {found}, which looks like a fraction, but it is a percentage on the 0–100 scale and its bands start at {bound}: write {fixed}',
    '`{field}` 为 {found}，疑似小数比例，但该字段是 0–100 的百分数，分档从 {bound} 起：请写 {fixed}',
    '`{field}` 為 {found}，疑似小數比例，但該欄位是 0–100 的百分數，分檔從 {bound} 起：請寫 {fixed}',
  ),
  E163: m(
    'warning',
    '`{field}` is {found}, far below its lowest band bound {bound}: check its unit',
    '`{field}` 为 {found}，远低于其最低分档界限 {bound}：请检查单位',
    '`{field}` 為 {found}，遠低於其最低分檔界限 {bound}：請檢查單位',
  ),
  E164: m(
    'warning',
    '`{field}` is {found}, far above its highest band bound {bound}: check its unit',
    '`{field}` 为 {found}，远高于其最高分档界限 {bound}：请检查单位',
    '`{field}` 為 {found}，遠高於其最高分檔界限 {bound}：請檢查單位',
  ),
  E165: m(
    'error',
    '`{field}` is written with full-width characters {found}: write {fixed}',
    '`{field}` 使用了全角字符 {found}：请写 {fixed}',
    '`{field}` 使用了全形字元 {found}：請寫 {fixed}',
  ),
  E166: m(
    'error',
    '`{field}` is the text {found}: write the number {fixed}, without quotes or `%` (percentages are numbers on the 0–100 scale)',
    '`{field}` 是文本 {found}：请写数字 {fixed}，不加引号或 `%`（百分数是 0–100 的数字）',
    '`{field}` 是文字 {found}：請寫數字 {fixed}，不加引號或 `%`（百分數是 0–100 的數字）',
  ),
  E167: m(
    'warning',
    '`{field}` is {found}, which looks like a fraction of a percentage (0–100 scale, bands from {bound}); it is scored as {found}: write {fixed} if that is what was meant',
    '`{field}` 为 {found}，疑似百分数的小数比例（0–100，分档从 {bound} 起）；按 {found} 评分：如本意如此，请写 {fixed}',
    '`{field}` 為 {found}，疑似百分數的小數比例（0–100，分檔從 {bound} 起）；按 {found} 評分：如本意如此，請寫 {fixed}',
  ),

  // --- T1xx rule-test files (engine/analyses/testing/, `assay test`) ------------------------------------
  // reading a test file
  T101: m('error', 'not valid YAML: {message}', '不是有效的 YAML：{message}', '不是有效的 YAML：{message}'),
  T102: m('error', 'the file is larger than {limit} bytes', '文件大于 {limit} 字节', '檔案大於 {limit} 位元組'),
  T103: m(
    'error',
    'the file holds more than {limit} values or is nested deeper than {depth} levels',
    '文件包含超过 {limit} 个值，或嵌套超过 {depth} 层',
    '檔案包含超過 {limit} 個值，或巢狀超過 {depth} 層',
  ),
  T104: m('error', 'missing field `{name}`', '缺少字段 `{name}`', '缺少欄位 `{name}`'),
  T105: m(
    'error',
    'unknown field `{name}`; expected one of {allowed}',
    '未知字段 `{name}`；应为 {allowed} 之一',
    '未知欄位 `{name}`；應為 {allowed} 之一',
  ),
  T106: m('error', 'must be {expected}', '应为{expected}', '應為{expected}'),
  T107: m('error', '`{found}` is not one of {allowed}', '`{found}` 不是 {allowed} 之一', '`{found}` 不是 {allowed} 之一'),
  T108: m('error', 'must not be empty', '不能为空', '不能為空'),
  T109: m('error', '`{found}` is listed twice', '`{found}` 重复列出', '`{found}` 重複列出'),
  T110: m(
    'error',
    'another case of this file has the same name (case {other})',
    '本文件中另一个用例同名（用例 {other}）',
    '本檔案中另一個用例同名（用例 {other}）',
  ),
  T111: m(
    'error',
    'give either `platform` or `evidence`, not both',
    '`platform` 与 `evidence` 只能给出其一',
    '`platform` 與 `evidence` 只能給出其一',
  ),
  T112: m(
    'error',
    'the case has no evidence',
    '用例没有证据',
    '用例沒有證據',
    [
      'give `platform` (here or at the top of the file) or `evidence`',
      '请给出 `platform`（在用例中或文件开头）或 `evidence`',
      '請給出 `platform`（在用例中或檔案開頭）或 `evidence`',
    ],
  ),
  T113: m('error', 'cannot read the platform file `{path}`', '无法读取平台文件 `{path}`', '無法讀取平台檔案 `{path}`'),
  T114: m(
    'error',
    'the platform file `{path}` is not one valid platform: {message}',
    '平台文件 `{path}` 不是一个有效的平台：{message}',
    '平台檔案 `{path}` 不是一個有效的平台：{message}',
  ),
  T115: m('error', '`{name}` is both set and unset', '`{name}` 同时出现在 set 与 unset 中', '`{name}` 同時出現在 set 與 unset 中'),
  T116: m(
    'error',
    'no ruleset version `{version}` is tested here; versions: {versions}',
    '此处没有被测试的规则集版本 `{version}`；现有版本：{versions}',
    '此處沒有被測試的規則集版本 `{version}`；現有版本：{versions}',
  ),
  T117: m(
    'error',
    '`{name}` is not an evidence field of {ruleset}',
    '`{name}` 不是 {ruleset} 的证据字段',
    '`{name}` 不是 {ruleset} 的證據欄位',
  ),
  T118: m(
    'error',
    '{ruleset} has no {what} `{name}`; known: {known}',
    '{ruleset} 没有{what} `{name}`；已有：{known}',
    '{ruleset} 沒有{what} `{name}`；已有：{known}',
  ),
  T119: m('error', 'the tolerance must not be negative', '容差不能为负数', '容差不能為負數'),
  // what a test-file field must be (the `{expected}` of T106)
  T120: m('info', 'text', '文本', '文字'),
  T121: m('info', 'a mapping', '映射（键值对）', '映射（鍵值對）'),
  T122: m('info', 'a list', '列表', '列表'),
  T123: m(
    'info',
    'a number, an exact decimal or fraction in quotes ("91.2", "8479/110"), or {value, tolerance}',
    '数字、带引号的精确小数或分数（"91.2"、"8479/110"），或 {value, tolerance}',
    '數字、帶引號的精確小數或分數（"91.2"、"8479/110"），或 {value, tolerance}',
  ),
  T124: m(
    'info',
    'a ratio (0.5), a percentage in quotes ("50%"), an exact fraction ("1/2"), or {value, tolerance}',
    '比值（0.5）、带引号的百分数（"50%"）、精确分数（"1/2"），或 {value, tolerance}',
    '比值（0.5）、帶引號的百分數（"50%"）、精確分數（"1/2"），或 {value, tolerance}',
  ),
  T125: m(
    'info',
    'points (a number, an exact decimal or fraction in quotes, or {value, tolerance}), or null for not applicable',
    '得分（数字、带引号的精确小数或分数，或 {value, tolerance}），不适用时为 null',
    '得分（數字、帶引號的精確小數或分數，或 {value, tolerance}），不適用時為 null',
  ),
  T126: m('info', 'a level id, or null for no level', '等级标识，无等级时为 null', '等級標識，無等級時為 null'),
  T127: m('info', 'a number or an exact decimal or fraction in quotes', '数字或带引号的精确小数或分数', '數字或帶引號的精確小數或分數'),
  T128: m(
    'info',
    'a list of versions in quotes, e.g. ["0.9", "1.0"]',
    '带引号的版本列表，例如 ["0.9", "1.0"]',
    '帶引號的版本列表，例如 ["0.9", "1.0"]',
  ),
  // kinds of ids (the `{what}` of T118)
  T130: m('info', 'dimension', '维度', '維度'),
  T131: m('info', 'indicator', '指标', '指標'),
  T132: m('info', 'veto', '否决项', '否決項'),
  T133: m('info', 'prerequisite', '基本要求', '基本要求'),
  T134: m('info', 'level', '等级', '等級'),
  T138: m('info', 'derived value', '派生值', '衍生值'),
  // where a problem is
  T135: m('info', 'case {index} “{name}”', '用例 {index}“{name}”', '用例 {index}「{name}」'),
  T136: m('info', 'case {index}', '用例 {index}', '用例 {index}'),
  T137: m('info', 'field `{field}`', '字段 `{field}`', '欄位 `{field}`'),
  // expectations
  T140: m('error', 'the explanation does not contain “{text}”', '解释中没有“{text}”', '解釋中沒有「{text}」'),
  T141: m('info', '(none)', '（无）', '（無）'),
  T142: m('info', '(absent)', '（无此项）', '（無此項）'),
  T143: m(
    'error',
    '`{id}` is {type}: `{text}` cannot be its value',
    '`{id}` 的类型是 {type}：`{text}` 不可能是它的值',
    '`{id}` 的型別是 {type}：`{text}` 不可能是它的值',
  ),
  // reports
  T150: m(
    'info',
    'tests: {passed} passed, {failed} failed, {errors} errors; {total} runs of {cases} cases in {files} files',
    '测试：{passed} 个通过，{failed} 个失败，{errors} 个错误；{files} 个文件中 {cases} 个用例共运行 {total} 次',
    '測試：{passed} 個通過，{failed} 個失敗，{errors} 個錯誤；{files} 個檔案中 {cases} 個用例共執行 {total} 次',
  ),
  T151: m(
    'info',
    '{mark} {file} ({ran} runs of {listed} cases)',
    '{mark} {file}（{listed} 个用例，{ran} 次运行）',
    '{mark} {file}（{listed} 個用例，{ran} 次執行）',
  ),
  T152: m(
    'error',
    'FAIL {version} case {index} “{name}” ({file}:{line})',
    '失败 {version} 用例 {index}“{name}”（{file}:{line}）',
    '失敗 {version} 用例 {index}「{name}」（{file}:{line}）',
  ),
  T153: m(
    'error',
    'ERROR {version} case {index} “{name}” ({file}:{line})',
    '错误 {version} 用例 {index}“{name}”（{file}:{line}）',
    '錯誤 {version} 用例 {index}「{name}」（{file}:{line}）',
  ),
  T154: m(
    'error',
    '{field}: expected {expected}, actual {actual}',
    '{field}：预期 {expected}，实际 {actual}',
    '{field}：預期 {expected}，實際 {actual}',
  ),
  T155: m('info', 'explanation of the actual result:', '实际结果的解释：', '實際結果的解釋：'),
  // coverage
  T160: m('info', 'coverage of {path} ({version})', '{path}（{version}）的覆盖率', '{path}（{version}）的覆蓋率'),
  T161: m('info', 'bands', '分档', '分檔'),
  T162: m('info', 'mapping entries', '映射项', '映射項'),
  T163: m('info', 'conditions (true and false)', '条件（真与假）', '條件（真與假）'),
  T164: m(
    'info',
    '{what} {covered}/{total} ({percent})',
    '{what} {covered}/{total}（{percent}）',
    '{what} {covered}/{total}（{percent}）',
  ),
  T165: m('info', 'not covered:', '未覆盖：', '未覆蓋：'),
  T166: m('info', 'every item covered', '全部覆盖', '全部覆蓋'),
  T167: m('info', 'never reached', '从未到达', '從未到達'),
  T168: m('info', 'never gave the points', '从未给出得分', '從未給出得分'),
  T169: m('info', 'never true', '从未为真', '從未為真'),
  T170: m('info', 'never false', '从未为假', '從未為假'),
  T171: m('info', 'band of `{owner}`', '`{owner}` 的分档', '`{owner}` 的分檔'),
  T172: m('info', 'entry of `{owner}`', '`{owner}` 的映射项', '`{owner}` 的映射項'),
  T173: m('info', 'applicability of `{owner}`', '`{owner}` 的适用条件', '`{owner}` 的適用條件'),
  T174: m('info', 'conditional points of `{owner}`', '`{owner}` 的条件得分', '`{owner}` 的條件得分'),
  T175: m('info', 'prerequisite `{owner}`', '基本要求 `{owner}`', '基本要求 `{owner}`'),
  T176: m('info', 'veto `{owner}`', '否决项 `{owner}`', '否決項 `{owner}`'),
  T177: m('info', 'level `{owner}`', '等级 `{owner}`', '等級 `{owner}`'),
} as const satisfies Record<string, MessageDef>;

export type Code = keyof typeof CATALOGUE;
