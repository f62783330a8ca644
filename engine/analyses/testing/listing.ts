// Explaining a case's actual result: engine/analyses/explain's text (the default), or a plain listing as the fallback.
// In: the compiled ruleset, the assessment and its events. Out: text; the listing gives each indicator with the band
// or entry that gave its points (as written in the ruleset), vetoes fired, prerequisites failed, levels missed.

import type { Lang } from '../../../dsl/ast';
import type { CompiledRuleset } from '../../compile';
import { buildExplanation, explanationText } from '../explain/index';
import { renderValue } from '../../evidence/validate';
import type { EvalEvent } from '../../evaluate/events';
import { pointsText, scoreText, shareText, totalText, weightText } from '../../present/numbers';
import { lookup, type Catalogue } from '../../../dsl/words';
import type { Assessment } from '../../evaluate/result';

/** Explains an assessment for a failing case and for `explanation` expectations. */
export type Explainer = (ruleset: CompiledRuleset, assessment: Assessment, events: readonly EvalEvent[], lang: Lang) => string;

/** The listing's words (exported for the test that every catalogue has every language and the same placeholders). */
export const LISTING_WORDS = {
  outcome: { en: 'outcome', 'zh-Hans': '结论', 'zh-Hant': '結論' },
  level: { en: 'level', 'zh-Hans': '等级', 'zh-Hant': '等級' },
  total: { en: 'total', 'zh-Hans': '总分', 'zh-Hant': '總分' },
  share: { en: 'share', 'zh-Hans': '得分率', 'zh-Hant': '得分率' },
  vetoes: { en: 'vetoes fired', 'zh-Hans': '触发的否决项', 'zh-Hant': '觸發的否決項' },
  prerequisites: { en: 'prerequisites failed', 'zh-Hans': '未满足的基本要求', 'zh-Hant': '未滿足的基本要求' },
  missed: { en: 'not met', 'zh-Hans': '未满足', 'zh-Hant': '未滿足' },
  errors: { en: 'evidence errors', 'zh-Hans': '证据错误', 'zh-Hant': '證據錯誤' },
  none: { en: '(none)', 'zh-Hans': '（无）', 'zh-Hant': '（無）' },
} as const satisfies Catalogue;

/** The stand-in explainer: facts of the result with the ruleset's own text for bands, entries and conditions. */
export const plainListing: Explainer = (r, a, _events, lang) => {
  const w = (k: keyof typeof LISTING_WORDS): string => lookup(LISTING_WORDS, k, lang);
  const src = (start: number, end: number): string => r.text.slice(start, end).split('\n')[0]?.trim() ?? '';
  const lines: string[] = [];
  lines.push(`${w('outcome')}: ${a.outcome} · ${w('level')}: ${a.level ?? '—'} · ${w('total')}: ${totalText(a.total)}`);
  if (a.outcome === 'invalid') {
    lines.push(`${w('errors')}:`);
    for (const e of a.errors) lines.push(`  ${e.field}: ${e.message}`);
    return lines.join('\n');
  }
  for (const d of a.dimensions) {
    lines.push(`${d.id}: ${scoreText(d.score)} / ${weightText(d.weight)} (${w('share')} ${shareText(d.share)})`);
    for (const i of a.indicators.filter((x) => x.dimension === d.id)) {
      const info = r.model.indicatorsById.get(i.id);
      const s = info?.decl.scoring;
      let rule = '';
      if (i.matched !== undefined && s) {
        const node = s.kind === 'Bands' ? s.bands[i.matched] : s.kind === 'Map' ? s.entries[i.matched] : undefined;
        if (node) rule = ` \`${src(node.span.start, node.span.end)}\``;
      }
      const value = i.value !== undefined ? renderValue(i.value) : '—';
      const points = i.points === null ? 'null' : pointsText(i.points);
      lines.push(`  ${i.id} = ${value}${rule} → ${points} (${i.status})`);
    }
  }
  const fired = a.vetoes.filter((v) => v.truth === true).map((v) => v.id);
  const failed = a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id);
  lines.push(`${w('vetoes')}: ${fired.join(', ') || w('none')}`);
  lines.push(`${w('prerequisites')}: ${failed.join(', ') || w('none')}`);
  for (const l of a.levels) {
    if (l.failed.length === 0) continue;
    const decl = r.model.levels.find((x) => x.id === l.id);
    const conds = l.failed.map((f) => {
      const x = decl?.requires[f.index];
      return x ? `\`${src(x.span.start, x.span.end)}\`${f.truth === 'unknown' ? ' (?)' : ''}` : String(f.index);
    });
    lines.push(`${l.id} ${w('missed')}: ${conds.join('; ')}`);
  }
  return lines.join('\n');
};

/** The explanation of engine/analyses/explain (what `assay explain` prints), the runner's default explainer. */
export const explanationOf: Explainer = (r, a, events, lang) => explanationText(buildExplanation(r, a, events), lang);
