// The CLI's own user-facing text (usage, errors, table headings, outcome names) in zh-Hans, zh-Hant and en.
// In: a key and arguments. Out: the text in the chosen language. Diagnostics come from dsl/messages.ts instead.

import { type Lang, lookup, type Catalogue, type Words } from '../dsl/index';

/** The CLI's catalogue (exported for the test that every entry has every language and the same placeholders). */
export const T = {
  usage: {
    en: `usage: assay <command> [options]

commands:
  check <ruleset>...                       check rulesets, print diagnostics, id, version and hash
  eval <ruleset> <evidence>...             assess platforms (files or folders of .yaml/.yml/.json)
                                           or stream .ndjson/.csv corpora, one JSON line per platform (--workers N, 0 = in-process)
                                           --decision: outcome, level, total, vetoes, failed prerequisites only (faster)
  list                                     list the ruleset registry
  fmt [--check | --write] <file>...        format rulesets
  diff <A> <B>                             what changed between two rulesets (semantic diff)
  doc <ruleset> [--against <older>]        the standard as a document (--format md|html|docx, --out F)
  impact <A> <B> <evidence>...             which platforms a revision moves, and why
  explain <ruleset> <evidence>...          why each platform got its result (--against <corpus folder>)
  gap <ruleset> <evidence>... [--target L] smallest evidence changes that reach the next (or target) level
  report <ruleset> <evidence>... --out F   HTML or Markdown assessment report (--format html|md, --force)
                                           --corpus <folder> --assessor <name> --date YYYY-MM-DD --signature
  export <ruleset> [--format json|jsonlogic] [--out <file>]
                                           the ruleset as canonical JSON, or as JsonLogic rules
  import <file.json> [--out <file>]        canonical JSON back to formatted DSL
  import --from jsonlogic <file>           a JsonLogic rule as an Assay expression
  schema <ruleset>                         JSON Schema of a platform's evidence file
  compile <ruleset> [--out <file.mjs>]     a straight-line decide module generated from the checked ruleset
                                           (attach with withGenerated: ruleset.decide runs it, the plan when it bails)
  template <ruleset>                       blank evidence YAML with labels, units and methods as comments
  test [path...] [--coverage] [--lcov f]   run rule tests (rulesets/<id>/tests/*.yaml); --format text|json|junit
                                           --ruleset <file>: the tests against an edited ruleset

common options:
  --lang zh-Hans|zh-Hant|en                language of messages and labels (default en)
  --format table|json|md                   output format (eval, list, diff; eval also csv|junit; impact also html; check: text|json)
  --registry <dir>                         folder of rulesets/<id>/<version>.assay (default ./rulesets)
  --watch                                  check, eval, test: run again when a named file changes
  --help                                   a command's options (also: assay help <command>); --version: the version

A ruleset is a path, - (standard input) or a reference: csp-assessment@1.0, csp-assessment@latest, csp-assessment@latest-draft.
Exit status: 0 success, 1 ruleset or evidence errors (or an internal error), 2 usage errors.`,
    'zh-Hans': `用法：assay <命令> [选项]

命令：
  check <规则集>...                        检查规则集，输出诊断信息、标识、版本与哈希
  eval <规则集> <证据>...                  评估平台（文件或包含 .yaml/.yml/.json 的文件夹）
                                           或流式评估 .ndjson/.csv 语料，每个平台一行 JSON（--workers N，0 = 在主进程中）
                                           --decision：只输出结果、等级、总分、否决项与未满足的前提条件（更快）
  list                                     列出规则集登记册
  fmt [--check | --write] <文件>...        格式化规则集
  diff <A> <B>                             两个规则集之间的语义差异
  doc <规则集> [--against <旧版>]          以标准文本形式输出规则集（--format md|html|docx，--out 文件）
  impact <A> <B> <证据>...                 修订对各平台结论与等级的影响及原因
  explain <规则集> <证据>...               说明各平台结果的由来（--against <对标语料文件夹>）
  gap <规则集> <证据>... [--target L]      达到下一等级（或目标等级）所需的最小证据改动
  report <规则集> <证据>... --out F        HTML 或 Markdown 评估报告（--format html|md，--force）
                                           --corpus <文件夹> --assessor <姓名> --date YYYY-MM-DD --signature
  export <规则集> [--format json|jsonlogic] [--out <文件>]
                                           以规范 JSON 或 JsonLogic 规则导出规则集
  import <文件.json> [--out <文件>]        将规范 JSON 转回格式化的 DSL
  import --from jsonlogic <文件>           将 JsonLogic 规则转为 Assay 表达式
  schema <规则集>                          平台证据文件的 JSON Schema
  compile <规则集> [--out <文件.mjs>]      由检查后的规则集生成直线式判定模块
                                           （用 withGenerated 挂接：ruleset.decide 先用它，它放弃时用计划）
  template <规则集>                        空白证据 YAML，注释中给出标签、单位与评估方法
  test [路径...] [--coverage] [--lcov 文件] 运行规则测试（rulesets/<标识>/tests/*.yaml）；--format text|json|junit
                                           --ruleset <文件>：用改过的规则集运行测试

通用选项：
  --lang zh-Hans|zh-Hant|en                消息与标签的语言（默认 en）
  --format table|json|md                   输出格式（eval、list、diff；eval 另有 csv|junit；impact 另有 html；check：text|json）
  --registry <目录>                        rulesets/<标识>/<版本>.assay 所在目录（默认 ./rulesets）
  --watch                                  check、eval、test：所列文件改动时重新运行
  --help                                   命令的选项（亦可 assay help <命令>）；--version：版本

规则集可以是路径、-（标准输入）或引用：csp-assessment@1.0、csp-assessment@latest、csp-assessment@latest-draft。
退出码：0 成功，1 规则集或证据有错误（或内部错误），2 用法错误。`,
    'zh-Hant': `用法：assay <命令> [選項]

命令：
  check <規則集>...                        檢查規則集，輸出診斷資訊、標識、版本與雜湊
  eval <規則集> <證據>...                  評估平台（檔案或包含 .yaml/.yml/.json 的資料夾）
                                           或串流評估 .ndjson/.csv 語料，每個平台一列 JSON（--workers N，0 = 在主行程中）
                                           --decision：只輸出結果、等級、總分、否決項與未滿足的前提條件（更快）
  list                                     列出規則集登記冊
  fmt [--check | --write] <檔案>...        格式化規則集
  diff <A> <B>                             兩個規則集之間的語義差異
  doc <規則集> [--against <舊版>]          以標準文本形式輸出規則集（--format md|html|docx，--out 檔案）
  impact <A> <B> <證據>...                 修訂對各平台結論與等級的影響及原因
  explain <規則集> <證據>...               說明各平台結果的由來（--against <對標語料資料夾>）
  gap <規則集> <證據>... [--target L]      達到下一等級（或目標等級）所需的最小證據改動
  report <規則集> <證據>... --out F        HTML 或 Markdown 評估報告（--format html|md，--force）
                                           --corpus <資料夾> --assessor <姓名> --date YYYY-MM-DD --signature
  export <規則集> [--format json|jsonlogic] [--out <檔案>]
                                           以規範 JSON 或 JsonLogic 規則匯出規則集
  import <檔案.json> [--out <檔案>]        將規範 JSON 轉回格式化的 DSL
  import --from jsonlogic <檔案>           將 JsonLogic 規則轉為 Assay 運算式
  schema <規則集>                          平台證據檔案的 JSON Schema
  compile <規則集> [--out <檔案.mjs>]      由檢查後的規則集產生直線式判定模組
                                           （以 withGenerated 掛接：ruleset.decide 先用它，它放棄時用計畫）
  template <規則集>                        空白證據 YAML，註解中列出標籤、單位與評估方法
  test [路徑...] [--coverage] [--lcov 檔案] 執行規則測試（rulesets/<標識>/tests/*.yaml）；--format text|json|junit
                                           --ruleset <檔案>：以改過的規則集執行測試

通用選項：
  --lang zh-Hans|zh-Hant|en                訊息與標籤的語言（預設 en）
  --format table|json|md                   輸出格式（eval、list、diff；eval 另有 csv|junit；impact 另有 html；check：text|json）
  --registry <目錄>                        rulesets/<標識>/<版本>.assay 所在目錄（預設 ./rulesets）
  --watch                                  check、eval、test：所列檔案變更時重新執行
  --help                                   命令的選項（亦可 assay help <命令>）；--version：版本

規則集可以是路徑、-（標準輸入）或引用：csp-assessment@1.0、csp-assessment@latest、csp-assessment@latest-draft。
結束碼：0 成功，1 規則集或證據有錯誤（或內部錯誤），2 用法錯誤。`,
  },
  unknownCommand: {
    en: 'unknown command `{command}`',
    'zh-Hans': '未知命令 `{command}`',
    'zh-Hant': '未知命令 `{command}`',
  },
  unknownFlag: { en: 'unknown option `{flag}`', 'zh-Hans': '未知选项 `{flag}`', 'zh-Hant': '未知選項 `{flag}`' },
  flagNeedsValue: {
    en: 'option `{flag}` needs a value',
    'zh-Hans': '选项 `{flag}` 需要一个值',
    'zh-Hant': '選項 `{flag}` 需要一個值',
  },
  flagTakesNoValue: {
    en: 'option `{flag}` takes no value',
    'zh-Hans': '选项 `{flag}` 不接受值',
    'zh-Hant': '選項 `{flag}` 不接受值',
  },
  flagTwice: { en: 'option `{flag}` is given twice', 'zh-Hans': '选项 `{flag}` 重复', 'zh-Hant': '選項 `{flag}` 重複' },
  badChoice: {
    en: '`{value}` is not a valid value of `{flag}`; expected one of {choices}',
    'zh-Hans': '`{value}` 不是 `{flag}` 的有效值；应为 {choices} 之一',
    'zh-Hant': '`{value}` 不是 `{flag}` 的有效值；應為 {choices} 之一',
  },
  missingArg: {
    en: '`{command}` needs {what}',
    'zh-Hans': '`{command}` 需要{what}',
    'zh-Hant': '`{command}` 需要{what}',
  },
  argRuleset: { en: 'a ruleset', 'zh-Hans': '一个规则集', 'zh-Hant': '一個規則集' },
  argEvidence: {
    en: 'a ruleset and at least one evidence file or folder',
    'zh-Hans': '一个规则集和至少一个证据文件或文件夹',
    'zh-Hant': '一個規則集和至少一個證據檔案或資料夾',
  },
  argFiles: { en: 'at least one file', 'zh-Hans': '至少一个文件', 'zh-Hant': '至少一個檔案' },
  cannotRead: {
    en: 'cannot read `{path}`: {reason}',
    'zh-Hans': '无法读取 `{path}`：{reason}',
    'zh-Hant': '無法讀取 `{path}`：{reason}',
  },
  noEvidenceInFolder: {
    en: 'no .yaml, .yml or .json file in `{path}`',
    'zh-Hans': '`{path}` 中没有 .yaml、.yml 或 .json 文件',
    'zh-Hant': '`{path}` 中沒有 .yaml、.yml 或 .json 檔案',
  },
  unknownId: {
    en: 'no ruleset `{id}` in the registry `{registry}`; known: {known}',
    'zh-Hans': '登记册 `{registry}` 中没有规则集 `{id}`；已有：{known}',
    'zh-Hant': '登記冊 `{registry}` 中沒有規則集 `{id}`；已有：{known}',
  },
  unknownVersion: {
    en: 'ruleset `{id}` has no version `{version}`; versions: {versions}',
    'zh-Hans': '规则集 `{id}` 没有版本 `{version}`；现有版本：{versions}',
    'zh-Hant': '規則集 `{id}` 沒有版本 `{version}`；現有版本：{versions}',
  },
  noPublished: {
    en: 'ruleset `{id}` has no published version; versions: {versions}',
    'zh-Hans': '规则集 `{id}` 没有已发布的版本；现有版本：{versions}',
    'zh-Hant': '規則集 `{id}` 沒有已發布的版本；現有版本：{versions}',
  },
  noDraft: {
    en: 'ruleset `{id}` has no draft or for-comment version; versions: {versions}',
    'zh-Hans': '规则集 `{id}` 没有草案或征求意见版本；现有版本：{versions}',
    'zh-Hant': '規則集 `{id}` 沒有草案或徵求意見版本；現有版本：{versions}',
  },
  none: { en: '(none)', 'zh-Hans': '（无）', 'zh-Hant': '（無）' },
  rulesetHasErrors: {
    en: 'ruleset `{path}` has errors; run `assay check {path}`',
    'zh-Hans': '规则集 `{path}` 有错误；请运行 `assay check {path}`',
    'zh-Hant': '規則集 `{path}` 有錯誤；請執行 `assay check {path}`',
  },
  checkOk: {
    en: '{id} {version} ({status}, {date}): {dimensions} {dimensions#dimension|dimensions}, {indicators} {indicators#indicator|indicators}, {inputs} {inputs#input|inputs}, {prerequisites} {prerequisites#prerequisite|prerequisites}, {vetoes} {vetoes#veto|vetoes}, {levels} {levels#level|levels}; {warnings} {warnings#warning|warnings}\n{hash}',
    'zh-Hans':
      '{id} {version}（{status}，{date}）：{dimensions} 个维度，{indicators} 个指标，{inputs} 个输入，{prerequisites} 个基本要求，{vetoes} 个否决项，{levels} 个等级；{warnings} 个警告\n{hash}',
    'zh-Hant':
      '{id} {version}（{status}，{date}）：{dimensions} 個維度，{indicators} 個指標，{inputs} 個輸入，{prerequisites} 個基本要求，{vetoes} 個否決項，{levels} 個等級；{warnings} 個警告\n{hash}',
  },
  internalError: {
    en: 'internal error: {message}\nplease report this with the input that caused it',
    'zh-Hans': '内部错误：{message}\n请连同导致该错误的输入一并报告',
    'zh-Hant': '內部錯誤：{message}\n請連同導致該錯誤的輸入一併回報',
  },
  // table headings and values
  hPlatform: { en: 'platform', 'zh-Hans': '平台', 'zh-Hant': '平台' },
  hOutcome: { en: 'outcome', 'zh-Hans': '结论', 'zh-Hant': '結論' },
  hLevel: { en: 'level', 'zh-Hans': '等级', 'zh-Hant': '等級' },
  hTotal: { en: 'total', 'zh-Hans': '总分', 'zh-Hant': '總分' },
  hVetoes: { en: 'vetoes', 'zh-Hans': '否决项', 'zh-Hant': '否決項' },
  hPrereq: { en: 'prerequisites failed', 'zh-Hans': '未满足的基本要求', 'zh-Hant': '未滿足的基本要求' },
  hErrors: { en: 'evidence errors', 'zh-Hans': '证据错误', 'zh-Hant': '證據錯誤' },
  hId: { en: 'id', 'zh-Hans': '标识', 'zh-Hant': '標識' },
  hVersion: { en: 'version', 'zh-Hans': '版本', 'zh-Hant': '版本' },
  hStatus: { en: 'status', 'zh-Hans': '状态', 'zh-Hant': '狀態' },
  hDate: { en: 'date', 'zh-Hans': '日期', 'zh-Hant': '日期' },
  hHash: { en: 'hash', 'zh-Hans': '哈希', 'zh-Hant': '雜湊' },
  hPath: { en: 'path', 'zh-Hans': '路径', 'zh-Hant': '路徑' },
  graded: { en: 'graded', 'zh-Hans': '已评级', 'zh-Hant': '已評級' },
  vetoed: { en: 'vetoed', 'zh-Hans': '不通过', 'zh-Hant': '不通過' },
  not_rated: { en: 'not rated', 'zh-Hans': '不予评级', 'zh-Hant': '不予評級' },
  invalid: { en: 'invalid', 'zh-Hans': '证据无效', 'zh-Hant': '證據無效' },
  evalTitle: {
    en: '{title} — {id} {version} ({status}) {hash}',
    'zh-Hans': '{title} — {id} {version}（{status}）{hash}',
    'zh-Hant': '{title} — {id} {version}（{status}）{hash}',
  },
  evidenceIssue: {
    en: '{file}: platform `{platform}`: field `{field}`: {message}',
    'zh-Hans': '{file}：平台 `{platform}`：字段 `{field}`：{message}',
    'zh-Hant': '{file}：平台 `{platform}`：欄位 `{field}`：{message}',
  },
  fieldIssue: {
    en: '{where}: field `{field}`: {message}',
    'zh-Hans': '{where}：字段 `{field}`：{message}',
    'zh-Hant': '{where}：欄位 `{field}`：{message}',
  },
  manyPlatforms: {
    en: '{count} {count#platform|platforms} ({list})',
    'zh-Hans': '{count} 个平台（{list}）',
    'zh-Hant': '{count} 個平台（{list}）',
  },
  fileIssue: {
    en: '{file}: {message}',
    'zh-Hans': '{file}：{message}',
    'zh-Hant': '{file}：{message}',
  },
  warning: { en: 'warning', 'zh-Hans': '警告', 'zh-Hant': '警告' },
  error: { en: 'error', 'zh-Hans': '错误', 'zh-Hant': '錯誤' },
  notFormatted: {
    en: '{path} is not formatted',
    'zh-Hans': '{path} 未按规范格式排版',
    'zh-Hant': '{path} 未按規範格式排版',
  },
  formatted: { en: 'formatted {path}', 'zh-Hans': '已格式化 {path}', 'zh-Hant': '已格式化 {path}' },
  cannotFormat: {
    en: '{path} has syntax errors; not formatted',
    'zh-Hans': '{path} 有语法错误，未格式化',
    'zh-Hant': '{path} 有語法錯誤，未格式化',
  },
  // diff and impact (issue #4)
  argTwoRulesets: { en: 'two rulesets (old, then new)', 'zh-Hans': '两个规则集（先旧后新）', 'zh-Hant': '兩個規則集（先舊後新）' },
  argImpact: {
    en: 'two rulesets (old, then new) and at least one evidence file or folder',
    'zh-Hans': '两个规则集（先旧后新）和至少一个证据文件或文件夹',
    'zh-Hant': '兩個規則集（先舊後新）和至少一個證據檔案或資料夾',
  },
  impactTitle: {
    en: '{from} → {to}: {platforms} {platforms#platform|platforms} assessed, {changed} {changed#changes|change} outcome or level',
    'zh-Hans': '{from} → {to}：评估 {platforms} 个平台，{changed} 个结论或等级发生变化',
    'zh-Hant': '{from} → {to}：評估 {platforms} 個平台，{changed} 個結論或等級發生變化',
  },
  impactMatrix: {
    en: 'Migration (rows: before, columns: after)',
    'zh-Hans': '迁移矩阵（行：修订前，列：修订后）',
    'zh-Hant': '遷移矩陣（列：修訂前，欄：修訂後）',
  },
  impactChanged: { en: 'Platforms that change', 'zh-Hans': '发生变化的平台', 'zh-Hant': '發生變化的平台' },
  impactEntries: {
    en: 'Changes of the standard and the platforms each moves',
    'zh-Hans': '标准变更及其导致变化的平台数',
    'zh-Hant': '標準變更及其導致變化的平台數',
  },
  impactMethod: {
    en: 'Causes are computed: each change is applied alone to {from} and the platform re-assessed; a change is a cause when alone it gives the platform its new result (else, when alone it moves it the same way). “partly” lists changes that alone move it the same way but elsewhere, “against” those that alone move it the other way, “together with” changes that move it only in combination.',
    'zh-Hans': '原因经计算得出：将每项变更单独应用于 {from} 并重新评估平台；单独即可使平台得到修订后结果的变更即为原因（若无，则取单独即可使平台按同一方向变化的变更）。“部分”列出单独使平台同向变化但结果不同的变更，“反向”列出单独使平台反向变化的变更，“共同作用”表示仅在组合时才使平台变化的变更。',
    'zh-Hant': '原因經計算得出：將每項變更單獨套用於 {from} 並重新評估平台；單獨即可使平台得到修訂後結果的變更即為原因（若無，則取單獨即可使平台按同一方向變化的變更）。「部分」列出單獨使平台同向變化但結果不同的變更，「反向」列出單獨使平台反向變化的變更，「共同作用」表示僅在組合時才使平台變化的變更。',
  },
  hBefore: { en: 'before', 'zh-Hans': '修订前', 'zh-Hant': '修訂前' },
  hAfter: { en: 'after', 'zh-Hans': '修订后', 'zh-Hant': '修訂後' },
  hCauses: { en: 'causes', 'zh-Hans': '原因', 'zh-Hant': '原因' },
  hDimensions: { en: 'dimension scores that change', 'zh-Hans': '变化的维度得分', 'zh-Hant': '變化的維度得分' },
  hChange: { en: 'change', 'zh-Hans': '变更', 'zh-Hant': '變更' },
  hMoved: { en: 'platforms moved', 'zh-Hans': '导致变化的平台数', 'zh-Hant': '導致變化的平台數' },
  together: { en: 'together with', 'zh-Hans': '共同作用', 'zh-Hant': '共同作用' },
  allTogether: { en: 'all changes together', 'zh-Hans': '全部变更共同作用', 'zh-Hant': '全部變更共同作用' },
  notAttributable: {
    en: 'change {entries} cannot be applied alone to the old ruleset; platforms it moves are not attributed to it',
    'zh-Hans': '变更 {entries} 无法单独应用于旧规则集；不将平台变化归因于它',
    'zh-Hant': '變更 {entries} 無法單獨套用於舊規則集；不將平台變化歸因於它',
  },
  partly: { en: 'partly: {list}', 'zh-Hans': '部分：{list}', 'zh-Hant': '部分：{list}' },
  against: { en: 'against: {list}', 'zh-Hans': '反向：{list}', 'zh-Hant': '反向：{list}' },
  // export, import, schema, template (issue #8)
  notCovered: {
    en: 'the generator does not cover `{ruleset}` ({why}): ruleset.decide uses the compiled plan alone',
    'zh-Hans': '生成器不支持 `{ruleset}`（{why}）：ruleset.decide 只用编译后的计划',
    'zh-Hant': '產生器不支援 `{ruleset}`（{why}）：ruleset.decide 只用編譯後的計畫',
  },
  argImportFile: { en: 'one file to import', 'zh-Hans': '一个要导入的文件', 'zh-Hant': '一個要匯入的檔案' },
  outExists: {
    en: '`{path}` exists; add --force to overwrite it',
    'zh-Hans': '`{path}` 已存在；如需覆盖请加 --force',
    'zh-Hant': '`{path}` 已存在；如需覆寫請加 --force',
  },
  cannotWrite: {
    en: 'cannot write `{path}`: {reason}',
    'zh-Hans': '无法写入 `{path}`：{reason}',
    'zh-Hant': '無法寫入 `{path}`：{reason}',
  },
  notUtf8: {
    en: '`{path}` is not UTF-8 text: the byte at offset {offset} (line {line}) does not decode; it looks like {encoding}. Save it as UTF-8, for example: {iconv}',
    'zh-Hans': '`{path}` 不是 UTF-8 文本：偏移量 {offset}（第 {line} 行）处的字节无法解码；看起来是 {encoding} 编码。请另存为 UTF-8，例如：{iconv}',
    'zh-Hant': '`{path}` 不是 UTF-8 文字：位移 {offset}（第 {line} 行）處的位元組無法解碼；看起來是 {encoding} 編碼。請另存為 UTF-8，例如：{iconv}',
  },
  reasonNoSpace: { en: 'no space left on the device', 'zh-Hans': '设备空间不足', 'zh-Hant': '裝置空間不足' },
  reasonTooLarge: {
    en: 'the file would exceed the file-size limit of this process (ulimit -f)',
    'zh-Hans': '文件将超过本进程的文件大小上限（ulimit -f）',
    'zh-Hant': '檔案將超過本行程的檔案大小上限（ulimit -f）',
  },
  reasonDenied: { en: 'permission denied', 'zh-Hans': '权限不足', 'zh-Hant': '權限不足' },
  reasonReadOnlyFs: { en: 'the file system is read-only', 'zh-Hans': '文件系统为只读', 'zh-Hant': '檔案系統為唯讀' },
  reasonNoFolder: { en: 'the folder does not exist', 'zh-Hans': '文件夹不存在', 'zh-Hant': '資料夾不存在' },
  reasonIsFolder: { en: 'it is a folder', 'zh-Hans': '它是一个文件夹', 'zh-Hant': '它是一個資料夾' },
  reasonReadOnlyFile: {
    en: 'the file is read-only (it was left as it was; make it writable first)',
    'zh-Hans': '文件为只读（未作改动；请先设为可写）',
    'zh-Hant': '檔案為唯讀（未作改動；請先設為可寫）',
  },
  wrote: { en: 'wrote {path}', 'zh-Hans': '已写入 {path}', 'zh-Hant': '已寫入 {path}' },
  importExpected: {
    en: '{file}: at `{path}`: expected {detail}',
    'zh-Hans': '{file}：`{path}` 处应为 {detail}',
    'zh-Hant': '{file}：`{path}` 處應為 {detail}',
  },
  importUnknownKey: {
    en: '{file}: at `{path}`: unknown key `{detail}`',
    'zh-Hans': '{file}：`{path}` 处有未知的键 `{detail}`',
    'zh-Hant': '{file}：`{path}` 處有未知的鍵 `{detail}`',
  },
  importMissing: {
    en: '{file}: at `{path}`: the required key `{detail}` is missing',
    'zh-Hans': '{file}：`{path}` 处缺少必需的键 `{detail}`',
    'zh-Hant': '{file}：`{path}` 處缺少必需的鍵 `{detail}`',
  },
  importJson: {
    en: '{file}: not valid JSON: {detail}',
    'zh-Hans': '{file}：不是有效的 JSON：{detail}',
    'zh-Hant': '{file}：不是有效的 JSON：{detail}',
  },
  importRoundTrip: {
    en: '{file}: cannot be written as DSL faithfully: {detail}',
    'zh-Hans': '{file}：无法如实写成 DSL：{detail}',
    'zh-Hant': '{file}：無法如實寫成 DSL：{detail}',
  },
  importFailed: {
    en: '{file}: nothing imported ({count} {count#problem|problems})',
    'zh-Hans': '{file}：未导入（{count} 个问题）',
    'zh-Hant': '{file}：未匯入（{count} 個問題）',
  },
  jsonlogicUnsupported: {
    en: '{file}: at `{path}`: {reason}',
    'zh-Hans': '{file}：`{path}` 处：{reason}',
    'zh-Hant': '{file}：`{path}` 處：{reason}',
  },
  gapNoStrings: {
    en: '`{what}`: Assay has no text values or text operations',
    'zh-Hans': '`{what}`：Assay 没有文本值或文本运算',
    'zh-Hant': '`{what}`：Assay 沒有文字值或文字運算',
  },
  gapNoArrays: {
    en: '`{what}`: Assay has no arrays',
    'zh-Hans': '`{what}`：Assay 没有数组',
    'zh-Hant': '`{what}`：Assay 沒有陣列',
  },
  gapNoNull: {
    en: '`{what}`: Assay has no null (an `if` needs an else)',
    'zh-Hans': '`{what}`：Assay 没有 null（`if` 必须有 else）',
    'zh-Hant': '`{what}`：Assay 沒有 null（`if` 必須有 else）',
  },
  gapNoModulo: { en: '`{what}`: Assay has no modulo', 'zh-Hans': '`{what}`：Assay 没有取模运算', 'zh-Hant': '`{what}`：Assay 沒有取模運算' },
  gapVarForm: {
    en: '`var` {what}: a data path must be a dotted name',
    'zh-Hans': '`var` {what}：数据路径必须是以点分隔的名称',
    'zh-Hant': '`var` {what}：資料路徑必須是以點分隔的名稱',
  },
  gapLog: { en: '`{what}`: Assay rules have no side effects', 'zh-Hans': '`{what}`：Assay 规则没有副作用', 'zh-Hant': '`{what}`：Assay 規則沒有副作用' },
  gapUnknownOp: {
    en: '`{what}` is not a JsonLogic operator',
    'zh-Hans': '`{what}` 不是 JsonLogic 运算符',
    'zh-Hant': '`{what}` 不是 JsonLogic 運算子',
  },
  gapBadArgs: { en: '{what}: wrong arguments', 'zh-Hans': '{what}：参数不正确', 'zh-Hant': '{what}：參數不正確' },
  exportNote: {
    en: 'JsonLogic export uses floating point at {note}',
    'zh-Hans': 'JsonLogic 导出在此处使用浮点运算：{note}',
    'zh-Hant': 'JsonLogic 匯出在此處使用浮點運算：{note}',
  },
  noneChanged: { en: 'no platform changes outcome or level', 'zh-Hans': '没有平台的结论或等级发生变化', 'zh-Hant': '沒有平台的結論或等級發生變化' },
  // rule tests (issue #7)
  noTests: {
    en: 'no ruleset with tests in `{path}` (expected <id>/<version>.assay and <id>/tests/*.yaml)',
    'zh-Hans': '`{path}` 中没有带测试的规则集（应为 <标识>/<版本>.assay 与 <标识>/tests/*.yaml）',
    'zh-Hant': '`{path}` 中沒有帶測試的規則集（應為 <標識>/<版本>.assay 與 <標識>/tests/*.yaml）',
  },
  rulesetWithoutTests: {
    en: 'the ruleset folder `{path}` has no tests (expected {path}/tests/*.yaml); its rules were not tested',
    'zh-Hans': '规则集文件夹 `{path}` 没有测试（应为 {path}/tests/*.yaml）；其规则未经测试',
    'zh-Hant': '規則集資料夾 `{path}` 沒有測試（應為 {path}/tests/*.yaml）；其規則未經測試',
  },
  noRulesetForTests: {
    en: 'no .assay ruleset next to the test file `{path}` (looked in its folder and the one above)',
    'zh-Hans': '测试文件 `{path}` 旁没有 .assay 规则集（已查找其所在文件夹及上一级）',
    'zh-Hant': '測試檔案 `{path}` 旁沒有 .assay 規則集（已查找其所在資料夾及上一層）',
  },
  decisionExplain: {
    en: '`--decision` prints the decision alone and `--explain` explains the full result: give one of them',
    'zh-Hans': '`--decision` 只输出结论，`--explain` 解释完整结果：二者只能选其一',
    'zh-Hant': '`--decision` 只輸出結論，`--explain` 解釋完整結果：二者只能選其一',
  },
  // streaming evaluation of corpora (cli/stream/)
  badWorkers: {
    en: '`--workers` must be a whole number from 0 to {max} (0 = in-process; at most one per core, or 4 on a machine with fewer cores), not `{value}`',
    'zh-Hans': '`--workers` 应为 0 到 {max} 之间的整数（0 表示在主进程中运行；最多每个核心一个，核心少于 4 个的机器上最多 4 个），而不是 `{value}`',
    'zh-Hant': '`--workers` 應為 0 到 {max} 之間的整數（0 表示在主行程中執行；最多每個核心一個，核心少於 4 個的機器上最多 4 個），而不是 `{value}`',
  },
  streamNotUtf8: {
    en: 'the line is not UTF-8 text: its byte {offset} does not decode; it looks like {encoding}. Convert the file, for example: {iconv}',
    'zh-Hans': '该行不是 UTF-8 文本：行内第 {offset} 个字节无法解码；看起来是 {encoding} 编码。请转换文件，例如：{iconv}',
    'zh-Hant': '該行不是 UTF-8 文字：行內第 {offset} 個位元組無法解碼；看起來是 {encoding} 編碼。請轉換檔案，例如：{iconv}',
  },
  streamRecord: {
    en: '{file}:{line}: {message}',
    'zh-Hans': '{file}:{line}：{message}',
    'zh-Hant': '{file}:{line}：{message}',
  },
  streamNotJson: {
    en: 'not valid JSON ({reason}); expected one JSON object {"platform", "evidence"} per line',
    'zh-Hans': '不是有效的 JSON（{reason}）；每行应为一个 JSON 对象 {"platform", "evidence"}',
    'zh-Hant': '不是有效的 JSON（{reason}）；每行應為一個 JSON 物件 {"platform", "evidence"}',
  },
  streamNotObject: {
    en: 'expected a JSON object {"platform", "evidence"}, found `{found}`',
    'zh-Hans': '应为 JSON 对象 {"platform", "evidence"}，实际为 `{found}`',
    'zh-Hant': '應為 JSON 物件 {"platform", "evidence"}，實際為 `{found}`',
  },
  streamPlatform: {
    en: 'expected `platform` to be a non-empty string',
    'zh-Hans': '`platform` 应为非空字符串',
    'zh-Hant': '`platform` 應為非空字串',
  },
  streamName: {
    en: 'expected `name` to be a string',
    'zh-Hans': '`name` 应为字符串',
    'zh-Hant': '`name` 應為字串',
  },
  streamEvidence: {
    en: 'expected `evidence` to be an object',
    'zh-Hans': '`evidence` 应为对象',
    'zh-Hant': '`evidence` 應為物件',
  },
  streamCsvEmpty: {
    en: '{file}: the CSV file is empty; expected a header row naming the columns (`platform`, `name`, evidence fields)',
    'zh-Hans': '{file}：CSV 文件为空；应有一行表头列出各列（`platform`、`name`、证据字段）',
    'zh-Hant': '{file}：CSV 檔案為空；應有一列表頭列出各欄（`platform`、`name`、證據欄位）',
  },
  streamCsvNoPlatform: {
    en: '{file}:{line}: the CSV header has no `platform` column; expected `platform`, optional `name`, then evidence fields',
    'zh-Hans': '{file}:{line}：CSV 表头没有 `platform` 列；应为 `platform`、可选的 `name`，然后是证据字段',
    'zh-Hant': '{file}:{line}：CSV 表頭沒有 `platform` 欄；應為 `platform`、可選的 `name`，然後是證據欄位',
  },
  streamCsvPlatformEmpty: {
    en: 'the `platform` cell is empty; expected the platform id',
    'zh-Hans': '`platform` 单元格为空；应为平台标识',
    'zh-Hant': '`platform` 儲存格為空；應為平台標識',
  },
  streamCsvUnclosed: {
    en: 'a quoted cell is not closed; expected `"` before the end of the line (a record must fit on one line)',
    'zh-Hans': '带引号的单元格未闭合；应在行尾之前出现 `"`（一条记录必须写在一行内）',
    'zh-Hant': '帶引號的儲存格未閉合；應在行尾之前出現 `"`（一筆記錄必須寫在一列內）',
  },
  streamCsvAfterQuote: {
    en: 'column {column}: text after the closing quote; expected `,` or the end of the line (write `""` for a quote inside a cell)',
    'zh-Hans': '第 {column} 列：结束引号之后还有文字；应为 `,` 或行尾（单元格内的引号写作 `""`）',
    'zh-Hant': '第 {column} 欄：結束引號之後還有文字；應為 `,` 或行尾（儲存格內的引號寫作 `""`）',
  },
  streamCsvTooMany: {
    en: 'the row has {found} {found#cell|cells}; expected at most {expected}, one per header column',
    'zh-Hans': '该行有 {found} 个单元格；应最多 {expected} 个，与表头各列一一对应',
    'zh-Hant': '該列有 {found} 個儲存格；應最多 {expected} 個，與表頭各欄一一對應',
  },
  streamCsvNumber: {
    en: 'column `{column}`: `{found}` is not a number; expected a decimal such as 1.25',
    'zh-Hans': '`{column}` 列：`{found}` 不是数字；应为小数，例如 1.25',
    'zh-Hant': '`{column}` 欄：`{found}` 不是數字；應為小數，例如 1.25',
  },
  streamCsvBoolean: {
    en: 'column `{column}`: `{found}` is not a boolean; expected `true` or `false`',
    'zh-Hans': '`{column}` 列：`{found}` 不是布尔值；应为 `true` 或 `false`',
    'zh-Hant': '`{column}` 欄：`{found}` 不是布林值；應為 `true` 或 `false`',
  },
  streamWorkerFailed: {
    en: '{file}: a worker thread failed: {reason}',
    'zh-Hans': '{file}：工作线程失败：{reason}',
    'zh-Hant': '{file}：工作執行緒失敗：{reason}',
  },
  streamWorkerNoRuleset: {
    en: 'the ruleset does not compile on the worker thread',
    'zh-Hans': '规则集在工作线程上无法编译',
    'zh-Hant': '規則集在工作執行緒上無法編譯',
  },
  streamWorkersSilent: {
    en: '{file}: the worker threads stopped answering (no answer for two minutes); try `--workers 0`',
    'zh-Hans': '{file}：工作线程已停止响应（两分钟无应答）；可尝试 `--workers 0`',
    'zh-Hant': '{file}：工作執行緒已停止回應（兩分鐘無應答）；可嘗試 `--workers 0`',
  },
  streamProgress: {
    en: '{done} {done#platform|platforms}  {rate}/s',
    'zh-Hans': '{done} 个平台  {rate} 个/秒',
    'zh-Hant': '{done} 個平台  {rate} 個/秒',
  },
  streamSkipped: {
    en: '{file}: {failed} of {records} {records#record|records} could not be read or have invalid evidence (see the `error` and `errors` fields of the output)',
    'zh-Hans': '{file}：{records} 条记录中有 {failed} 条无法读取或证据无效（见输出中的 `error` 与 `errors` 字段）',
    'zh-Hant': '{file}：{records} 筆記錄中有 {failed} 筆無法讀取或證據無效（見輸出中的 `error` 與 `errors` 欄位）',
  },
  streamLineTooLong: {
    en: 'the record is {bytes} bytes long, more than the limit of {limit} bytes per line, and was not read; split it into smaller records (one platform per line), or raise the limit with ASSAY_MAX_LINE_BYTES',
    'zh-Hans': '该记录长 {bytes} 字节，超过每行 {limit} 字节的上限，未读取；请拆分为较小的记录（每行一个平台），或用 ASSAY_MAX_LINE_BYTES 提高上限',
    'zh-Hant': '該記錄長 {bytes} 位元組，超過每列 {limit} 位元組的上限，未讀取；請拆分為較小的記錄（每列一個平台），或用 ASSAY_MAX_LINE_BYTES 提高上限',
  },
  streamRecordKilled: {
    en: 'assessing this record stopped its worker thread ({reason}; heap limit {heap} MB), so it was skipped and the others assessed; make the record smaller, raise the limit with ASSAY_WORKER_HEAP_MB, or run in-process with `--workers 0`',
    'zh-Hans': '评估该记录时其工作线程停止（{reason}；堆上限 {heap} MB），已跳过该记录，其余记录照常评估；请缩小该记录、用 ASSAY_WORKER_HEAP_MB 提高上限，或用 `--workers 0` 在主进程中运行',
    'zh-Hant': '評估該記錄時其工作執行緒停止（{reason}；堆積上限 {heap} MB），已略過該記錄，其餘記錄照常評估；請縮小該記錄、用 ASSAY_WORKER_HEAP_MB 提高上限，或用 `--workers 0` 在主行程中執行',
  },
  streamRecordFailed: {
    en: 'assessing this record failed ({reason}); it was skipped and the others assessed; please report this with the record',
    'zh-Hans': '评估该记录失败（{reason}）；已跳过该记录，其余记录照常评估；请连同该记录一并报告',
    'zh-Hant': '評估該記錄失敗（{reason}）；已略過該記錄，其餘記錄照常評估；請連同該記錄一併回報',
  },
  streamWorkerStopped: {
    en: '{file}: a worker thread stopped outside any record ({reason}); the rest of the file was assessed in-process (set ASSAY_WORKER_HEAP_MB higher, or use `--workers 0`)',
    'zh-Hans': '{file}：一个工作线程在评估记录之外停止（{reason}）；文件其余部分已在主进程中评估（可调高 ASSAY_WORKER_HEAP_MB，或使用 `--workers 0`）',
    'zh-Hant': '{file}：一個工作執行緒在評估記錄之外停止（{reason}）；檔案其餘部分已在主行程中評估（可調高 ASSAY_WORKER_HEAP_MB，或使用 `--workers 0`）',
  },
  fileTooLarge: {
    en: 'cannot read `{path}`: it is larger than the limit of {limit} bytes; reading stopped there (a corpus of many platforms can be streamed as .ndjson or .csv)',
    'zh-Hans': '无法读取 `{path}`：文件超过 {limit} 字节的上限，已在此停止读取（多个平台的语料可用 .ndjson 或 .csv 流式评估）',
    'zh-Hant': '無法讀取 `{path}`：檔案超過 {limit} 位元組的上限，已在此停止讀取（多個平台的語料可用 .ndjson 或 .csv 串流評估）',
  },
  // explain, gap, report (issue #5)
  needOut: {
    en: '`report` needs --out <file>',
    'zh-Hans': '`report` 需要 --out <文件>',
    'zh-Hant': '`report` 需要 --out <檔案>',
  },
  docxNeedsOut: {
    en: '`doc --format docx` writes a Word file: give --out <file.docx>',
    'zh-Hans': '`doc --format docx` 输出 Word 文件：请给出 --out <文件.docx>',
    'zh-Hant': '`doc --format docx` 輸出 Word 檔案：請給出 --out <檔案.docx>',
  },
  reportWritten: {
    en: 'wrote {path} ({n} {n#platform|platforms})',
    'zh-Hans': '已写入 {path}（{n} 个平台）',
    'zh-Hant': '已寫入 {path}（{n} 個平台）',
  },
  unknownTarget: {
    en: '`{target}` is not a level of {id} {version}; levels: {levels}',
    'zh-Hans': '`{target}` 不是 {id} {version} 的等级；等级有：{levels}',
    'zh-Hant': '`{target}` 不是 {id} {version} 的等級；等級有：{levels}',
  },
  // the command line itself: help, version, suggestions, stdin, watch, eval csv/junit, warnings (issue 14, cli)
  unknownFlagNear: {
    en: 'unknown option `{flag}`; did you mean `{near}`?',
    'zh-Hans': '未知选项 `{flag}`；是否要用 `{near}`？',
    'zh-Hant': '未知選項 `{flag}`；是否要用 `{near}`？',
  },
  unknownCommandNear: {
    en: 'unknown command `{command}`; did you mean `{near}`?',
    'zh-Hans': '未知命令 `{command}`；是否要用 `{near}`？',
    'zh-Hant': '未知命令 `{command}`；是否要用 `{near}`？',
  },
  seeHelp: {
    en: 'run `assay help` for the list of commands',
    'zh-Hans': '运行 `assay help` 查看命令列表',
    'zh-Hant': '執行 `assay help` 查看命令列表',
  },
  seeCommandHelp: {
    en: 'run `assay {command} --help` for its options',
    'zh-Hans': '运行 `assay {command} --help` 查看其选项',
    'zh-Hant': '執行 `assay {command} --help` 查看其選項',
  },
  helpUsage: { en: 'usage: assay {command} {args}', 'zh-Hans': '用法：assay {command} {args}', 'zh-Hant': '用法：assay {command} {args}' },
  helpOptions: { en: 'options:', 'zh-Hans': '选项：', 'zh-Hant': '選項：' },
  helpExit: {
    en: 'exit status: 0 success, 1 ruleset or evidence errors (or an internal error), 2 usage errors',
    'zh-Hans': '退出码：0 成功，1 规则集或证据有错误（或内部错误），2 用法错误',
    'zh-Hant': '結束碼：0 成功，1 規則集或證據有錯誤（或內部錯誤），2 用法錯誤',
  },
  stdinTwice: {
    en: '`-` (standard input) can be given only once',
    'zh-Hans': '`-`（标准输入）只能使用一次',
    'zh-Hant': '`-`（標準輸入）只能使用一次',
  },
  stdinName: { en: '<stdin>', 'zh-Hans': '<标准输入>', 'zh-Hant': '<標準輸入>' },
  watchStdin: {
    en: '`--watch` needs files to watch; standard input (`-`) cannot be watched',
    'zh-Hans': '`--watch` 需要可监视的文件；标准输入（`-`）无法监视',
    'zh-Hant': '`--watch` 需要可監視的檔案；標準輸入（`-`）無法監視',
  },
  watchNothing: {
    en: '`--watch`: none of the named paths is a file or folder to watch',
    'zh-Hans': '`--watch`：所给路径中没有可监视的文件或文件夹',
    'zh-Hant': '`--watch`：所給路徑中沒有可監視的檔案或資料夾',
  },
  watching: {
    en: 'watching {n} {n#path|paths} for changes (Ctrl-C to stop)',
    'zh-Hans': '正在监视 {n} 个路径的改动（按 Ctrl-C 停止）',
    'zh-Hant': '正在監視 {n} 個路徑的變更（按 Ctrl-C 停止）',
  },
  rerun: {
    en: '— {time}: {path} changed, running again —',
    'zh-Hans': '— {time}：{path} 已改动，重新运行 —',
    'zh-Hant': '— {time}：{path} 已變更，重新執行 —',
  },
  andMore: { en: '{list} and {more} more', 'zh-Hans': '{list} 等另 {more} 个', 'zh-Hant': '{list} 等另 {more} 個' },
  csvErrors: { en: 'errors', 'zh-Hans': '错误', 'zh-Hant': '錯誤' },
  helpValue: { en: '<value>', 'zh-Hans': '<值>', 'zh-Hant': '<值>' },
  badDate: {
    en: '`--date` must be a calendar date YYYY-MM-DD (the date of assessment), not `{value}`',
    'zh-Hans': '`--date` 应为 YYYY-MM-DD 格式的日期（评估日期），而不是 `{value}`',
    'zh-Hant': '`--date` 應為 YYYY-MM-DD 格式的日期（評估日期），而不是 `{value}`',
  },
  corpusTwice: {
    en: '`--corpus` and `--against` name the same thing: give one of them',
    'zh-Hans': '`--corpus` 与 `--against` 含义相同：只能给出其一',
    'zh-Hant': '`--corpus` 與 `--against` 含義相同：只能給出其一',
  },
  corpusEmpty: {
    en: 'the corpus `{path}` has no platform with valid evidence to compare with',
    'zh-Hans': '语料 `{path}` 中没有证据有效、可供对标的平台',
    'zh-Hant': '語料 `{path}` 中沒有證據有效、可供對標的平台',
  },
  hName: { en: 'name', 'zh-Hans': '名称', 'zh-Hant': '名稱' },
  // missing evidence, lenient assessment, rule tests against a given ruleset (issue 14)
  missingTitle: { en: 'missing evidence', 'zh-Hans': '缺失的证据', 'zh-Hant': '缺少的證據' },
  missingPoints: {
    en: '{indicator} scores 0 (up to {points} points of {dimension} and the total)',
    'zh-Hans': '{indicator} 得 0 分（{dimension} 及总分最多损失 {points} 分）',
    'zh-Hant': '{indicator} 得 0 分（{dimension} 及總分最多損失 {points} 分）',
  },
  missingPrereq: { en: 'prerequisite {id} not met', 'zh-Hans': '基本要求 {id} 未满足', 'zh-Hant': '基本要求 {id} 未滿足' },
  missingVeto: { en: 'veto {id} undecided', 'zh-Hans': '否决项 {id} 无法判定', 'zh-Hant': '否決項 {id} 無法判定' },
  noCasesRun: {
    en: 'no test case was run: {why}',
    'zh-Hans': '没有运行任何测试用例：{why}',
    'zh-Hant': '沒有執行任何測試案例：{why}',
  },
  noTestFiles: {
    en: 'no test files found (give test files or folders, e.g. rulesets/<id>/tests/)',
    'zh-Hans': '未找到测试文件（请给出测试文件或文件夹，如 rulesets/<id>/tests/）',
    'zh-Hant': '未找到測試檔案（請給出測試檔案或資料夾，如 rulesets/<id>/tests/）',
  },
  failuresByKind: { en: 'failures by kind', 'zh-Hans': '按类别统计的失败', 'zh-Hant': '按類別統計的失敗' },
  noCasesFor: {
    en: 'no case is for {what}',
    'zh-Hans': '没有针对 {what} 的用例',
    'zh-Hant': '沒有針對 {what} 的案例',
  },
  // gap on big rulesets (issue 17)
  gapNarrow: {
    en: 'the plan search for {platform} stopped at its budget: narrow it by asking for a nearer level, e.g. --target {level} (levels between: {levels})',
    'zh-Hans': '{platform} 的方案搜索在预算处停止：可用 --target 指定更近的等级以缩小搜索，例如 --target {level}（其间的等级：{levels}）',
    'zh-Hant': '{platform} 的方案搜尋在預算處停止：可用 --target 指定更近的等級以縮小搜尋，例如 --target {level}（其間的等級：{levels}）',
  },
  noEvidenceFor: { en: 'no evidence for {fields}', 'zh-Hans': '缺少 {fields} 的证据', 'zh-Hant': '缺少 {fields} 的證據' },
  scoreOnlyMoves: { en: '{n} more change only in total', 'zh-Hans': '另有 {n} 个仅总分变化', 'zh-Hant': '另有 {n} 個僅總分變化' },
  hDetails: { en: 'details', 'zh-Hans': '详情', 'zh-Hant': '詳情' },
  gapNarrowNext: {
    en: 'the plan search for {platform} stopped at its budget, and {target} is already the next level: raise the dimensions furthest from its conditions first, then run gap again',
    'zh-Hans': '{platform} 的方案搜索在预算处停止，且 {target} 已是下一等级：请先提升距其条件最远的维度，再运行 gap',
    'zh-Hant': '{platform} 的方案搜尋在預算處停止，且 {target} 已是下一等級：請先提升距其條件最遠的維度，再執行 gap',
  },
} as const satisfies Catalogue;

export type Key = keyof typeof T;

/** The text of `key` in `lang`, filled with `args` (`{name}`, and `{name#one|other}` for English plurals: dsl/words.ts). */
export function t(lang: Lang, key: Key, args: Readonly<Record<string, string | number>> = {}): string {
  return lookup(T, key, lang, args);
}

export function isKey(k: string): k is Key {
  return Object.hasOwn(T, k);
}

/** One line of help per option (`assay <command> --help`), by option name; options without a line show their form only. */
export const FLAG_HELP = {
  lang: { en: 'language of messages and labels (default en)', 'zh-Hans': '消息与标签的语言（默认 en）', 'zh-Hant': '訊息與標籤的語言（預設 en）' },
  registry: { en: 'folder of <id>/<version>.assay rulesets (default ./rulesets)', 'zh-Hans': '<标识>/<版本>.assay 规则集所在目录（默认 ./rulesets）', 'zh-Hant': '<標識>/<版本>.assay 規則集所在目錄（預設 ./rulesets）' },
  help: { en: 'this help', 'zh-Hans': '本帮助', 'zh-Hant': '本說明' },
  format: { en: 'output format', 'zh-Hans': '输出格式', 'zh-Hant': '輸出格式' },
  explain: { en: 'add each platform’s explanation', 'zh-Hans': '附上每个平台的结果说明', 'zh-Hant': '附上每個平台的結果說明' },
  decision: { en: 'the decision alone (outcome, level, total, vetoes, failed prerequisites): faster', 'zh-Hans': '只输出结论（结果、等级、总分、否决项、未满足的基本要求），更快', 'zh-Hant': '只輸出結論（結果、等級、總分、否決項、未滿足的基本要求），更快' },
  against: { en: 'benchmark against this corpus folder (`none`: no benchmark)', 'zh-Hans': '以该语料文件夹对标（`none`：不对标）', 'zh-Hant': '以該語料資料夾對標（`none`：不對標）' },
  corpus: { en: 'benchmark against this corpus folder (none unless given)', 'zh-Hans': '以该语料文件夹对标（不指定则不对标）', 'zh-Hant': '以該語料資料夾對標（不指定則不對標）' },
  workers: { en: 'worker threads for .ndjson/.csv corpora (0 = in-process)', 'zh-Hans': '.ndjson/.csv 语料的工作线程数（0 = 在主进程中）', 'zh-Hant': '.ndjson/.csv 語料的工作執行緒數（0 = 在主行程中）' },
  watch: { en: 'run again whenever a named file changes', 'zh-Hans': '所列文件改动时重新运行', 'zh-Hant': '所列檔案變更時重新執行' },
  check: { en: 'exit 1 and print a diff when a file is not formatted', 'zh-Hans': '文件未按规范格式排版时输出差异并以 1 退出', 'zh-Hant': '檔案未按規範格式排版時輸出差異並以 1 結束' },
  write: { en: 'rewrite the files in the canonical layout', 'zh-Hans': '将文件改写为规范格式', 'zh-Hant': '將檔案改寫為規範格式' },
  out: { en: 'write to this file (never overwritten without --force)', 'zh-Hans': '写入该文件（不加 --force 不会覆盖）', 'zh-Hant': '寫入該檔案（不加 --force 不會覆寫）' },
  force: { en: 'overwrite the --out file', 'zh-Hans': '覆盖 --out 文件', 'zh-Hant': '覆寫 --out 檔案' },
  from: { en: 'the form of the input', 'zh-Hans': '输入的形式', 'zh-Hant': '輸入的形式' },
  target: { en: 'the level to reach (default the next one)', 'zh-Hans': '要达到的等级（默认下一等级）', 'zh-Hant': '要達到的等級（預設下一等級）' },
  coverage: { en: 'band-level coverage of the rulesets', 'zh-Hans': '规则集的分档覆盖率', 'zh-Hant': '規則集的分檔覆蓋率' },
  lcov: { en: 'write the coverage as lcov to this file', 'zh-Hans': '将覆盖率以 lcov 写入该文件', 'zh-Hant': '將覆蓋率以 lcov 寫入該檔案' },
  assessor: { en: 'the assessor named in the report', 'zh-Hans': '报告中署名的评估人', 'zh-Hant': '報告中署名的評估人' },
  date: { en: 'the date of assessment, YYYY-MM-DD (not the date of rendering)', 'zh-Hans': '评估日期，YYYY-MM-DD（不是生成报告的日期）', 'zh-Hant': '評估日期，YYYY-MM-DD（不是產生報告的日期）' },
  lenient: { en: 'assess anyway when an unknown field looks like a missing one, or a percentage like a fraction (warnings, not errors)', 'zh-Hans': '未知字段疑似缺失字段、百分数疑似小数时仍然评估（给出警告而非错误）', 'zh-Hant': '未知欄位疑似缺少的欄位、百分數疑似小數時仍然評估（給出警告而非錯誤）' },
  ruleset: { en: 'run the tests against this ruleset file (cases of its version, else of the newest version tested)', 'zh-Hans': '用该规则集文件运行测试（其版本的用例，否则为所测最新版本的用例）', 'zh-Hant': '以該規則集檔案執行測試（其版本的案例，否則為所測最新版本的案例）' },
  signature: { en: 'add a signature block for the certification body', 'zh-Hans': '添加供认证机构签署的签字栏', 'zh-Hant': '加入供認證機構簽署的簽字欄' },
} as const satisfies Catalogue;

/** Options that mean something else for one command (`command.option`). */
const COMMAND_FLAG_HELP: ReadonlyMap<string, Words> = new Map<string, Words>([
  ['doc.against', { en: 'an earlier version: add the revision table (each change, its clause, old and new text)', 'zh-Hans': '旧版规则集：加入修订表（每项修订及其条款、原文与新文）', 'zh-Hant': '舊版規則集：加入修訂表（每項修訂及其條款、原文與新文）' }],
  ['doc.format', { en: 'md, html or docx (default: from the --out file name, else md)', 'zh-Hans': 'md、html 或 docx（默认按 --out 文件名，否则为 md）', 'zh-Hant': 'md、html 或 docx（預設依 --out 檔名，否則為 md）' }],
]);

/** The help line of option `name` in `lang` (for `command` when it means something else there), if it has one. */
export function flagHelp(lang: Lang, name: string, command?: string): string | undefined {
  const special = command !== undefined ? COMMAND_FLAG_HELP.get(`${command}.${name}`)?.[lang] : undefined;
  return special ?? (Object.hasOwn(FLAG_HELP, name) ? lookup(FLAG_HELP, name as keyof typeof FLAG_HELP, lang) : undefined);
}
