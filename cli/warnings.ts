// Evidence warnings said once per kind: the same warning (code, field, message) on many platforms is one line
// with a count and the first few platforms, not one line per platform (a corpus under a newer version repeats
// the same unknown field hundreds of times). In: warnings as they come. Out: lines on stderr, in first-seen order.

import type { Lang } from '../dsl/index';
import type { EvidenceIssue } from '../engine/index';
import { t } from './i18n';
import type { Out } from './commands/common';

/** How many platform ids a grouped warning names before "and N more". */
const NAMED = 3;

export class WarningGroups {
  private readonly groups = new Map<string, { field: string; message: string; where: string; platforms: string[] }>();

  /** Records the warnings of one platform read from `file`. */
  add(warnings: readonly EvidenceIssue[], platform: string, file: string): void {
    for (const w of warnings) {
      const key = `${w.code}\u0000${w.field}\u0000${w.message}`;
      const g = this.groups.get(key) ?? { field: w.field, message: w.message, where: `${file} (${platform})`, platforms: [] };
      g.platforms.push(platform);
      this.groups.set(key, g);
    }
  }

  /** Prints one line per kind of warning and forgets them. */
  flush(lang: Lang, out: Out): void {
    for (const g of this.groups.values()) {
      const n = g.platforms.length;
      const shown = g.platforms.slice(0, NAMED).join(', ');
      const list = n > NAMED ? t(lang, 'andMore', { list: shown, more: n - NAMED }) : shown;
      const where = n === 1 ? g.where : t(lang, 'manyPlatforms', { count: n, list });
      out.err(`${t(lang, 'warning')}: ${t(lang, 'fieldIssue', { where, field: g.field, message: g.message })}`);
    }
    this.groups.clear();
  }
}
