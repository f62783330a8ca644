// Words added for phones, keyboards and screen readers, and for the evidence checks shown where the evidence is,
// in zh-Hans, zh-Hant and en (spread into i18n.ts's STRINGS). In: nothing. Out: `ACCESS_STRINGS`.

import { words as e } from '../../dsl/index';

export const ACCESS_STRINGS = {
  diffOriginal: e('Base version (read only)', '基准版本（只读）', '基準版本（唯讀）'),
  diffModified: e('Compared version (read only)', '对比版本（只读）', '對比版本（唯讀）'),
  rowActions: e('Row actions', '行操作', '列操作'),
  editorTabHint: e('Ctrl+M (Mac ⌃⇧M): Tab leaves the editor', 'Ctrl+M（Mac ⌃⇧M）：Tab 键移出编辑器', 'Ctrl+M（Mac ⌃⇧M）：Tab 鍵移出編輯器'),
} as const;
