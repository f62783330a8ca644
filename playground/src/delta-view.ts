// "What changed": the effect of the last edit of the text on every loaded platform. In: each analysis that
// compiled (with the text it is of) and, from the comparison worker, the engine's impact of the previous text
// against the new one. Out: DOM in #delta — before → after for every platform's total, level and dimension shares
// (changes highlighted), the causes of every move (score-only moves too) and the square migration matrix.

import type { AssayClient } from './client';
import { migrationTable } from './compare-view';
import { shareText } from '../../engine/index';
import { byId, fmt, h, totalShown } from './dom';
import { getLang, t } from './i18n';
import type { Analysis, Comparison, PlatformInput, PlatformResult } from './protocol';

interface Version {
  readonly text: string;
  readonly analysis: Analysis;
}

export interface DeltaContext {
  readonly client: AssayClient;
  platforms(): readonly PlatformInput[];
}

/** Causes listed under a platform; a whole ruleset replaced can have hundreds (the Compare tab lists them all). */
const MAX_CAUSES = 6;

/** Shares as the engine's presentation layer prints them; a change smaller than what is shown is still highlighted. */
const pct = (share: number): string => fmt(share, shareText);

export class DeltaView {
  private before: Version | undefined;
  private after: Version | undefined;
  private comparison: { of: string; result: Comparison } | undefined;
  private visible = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: DeltaContext) {}

  show(on: boolean): void {
    this.visible = on;
    if (on) {
      this.render();
      this.scheduleCompare(0);
    }
  }

  /** A compiled analysis of `text`: a new text makes the previous one the "before". */
  onAnalysis(a: Analysis, text: string | undefined): void {
    if (!a.ok || !a.results || text === undefined) return;
    if (this.after && this.after.text !== text) this.before = this.after;
    this.after = { text, analysis: a };
    if (!this.visible) return;
    this.render();
    this.scheduleCompare(250);
  }

  /** The texts compared now (for tests and for matching an answer to its question). */
  private pairKey(): string | undefined {
    return this.before && this.after ? `${getLang()}\u0000${this.before.text}\u0000${this.after.text}` : undefined;
  }

  private scheduleCompare(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    const key = this.pairKey();
    if (!key || this.comparison?.of === key || !this.before || !this.after) return;
    const base = this.before.text;
    const head = this.after.text;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ctx.client.compare({ base, head, lang: getLang(), platforms: this.ctx.platforms() }).then(
        (result) => {
          this.comparison = { of: key, result };
          if (this.pairKey() === key) this.render();
        },
        () => undefined,
      );
    }, delay);
  }

  render(): void {
    const root = byId('delta');
    const title = h('h2', { id: 'delta-title' }, t('deltaTitle'));
    const before = this.before;
    const after = this.after;
    if (!before || !after) {
      root.replaceChildren(title, h('p', { class: 'muted' }, t('deltaNone')));
      return;
    }
    const key = this.pairKey();
    const c = this.comparison !== undefined && this.comparison.of === key ? this.comparison.result : undefined;
    const causes = new Map((c?.impact ?? []).map((r) => [r.platform, r]));
    const old = new Map((before.analysis.results ?? []).map((r) => [r.key, r]));
    const rows = after.analysis.results ?? [];
    const dims = [...new Set(rows.flatMap((r) => r.dimensions.map((d) => d.id)))];
    let moved = 0;
    const body = rows.flatMap((r) => {
      const was = old.get(r.key);
      const changed = was !== undefined && (was.total !== r.total || standing(was) !== standing(r) || r.dimensions.some((d) => shareOf(was, d.id) !== d.share));
      if (changed) moved++;
      const imp = causes.get(r.platform);
      const delta = was ? r.total - was.total : 0;
      const row = h(
        'tr',
        { 'data-platform': r.platform, class: changed ? 'changed' : '' },
        h('td', {}, h('span', { class: 'platform-id' }, r.platform)),
        pair(was ? totalShown(was) : t('deltaNew'), totalShown(r), was !== undefined && totalShown(was) !== totalShown(r), 'total', delta),
        pair(was ? standing(was) : '—', standing(r), was !== undefined && standing(was) !== standing(r), 'level'),
        dims.map((id) => {
          const a = r.dimensions.find((d) => d.id === id);
          const b = was ? shareOf(was, id) : undefined;
          return pair(b === undefined ? '—' : pct(b), a ? pct(a.share) : '—', b !== undefined && a !== undefined && a.share !== b, `share:${id}`, a && b !== undefined ? a.share - b : 0);
        }),
      );
      if (!changed) return [row];
      // The causes of a move on a line of their own under it (long sentences; the numbers stay in columns).
      const why = h(
        'tr',
        { class: 'causes-row', 'data-causes': r.platform },
        h(
          'td',
          { colspan: 3 + dims.length },
          h('span', { class: 'muted' }, `${t('deltaCauses')}: `),
          !c ? h('span', { class: 'muted' }, t('computing')) : '',
          imp && imp.causes.length > 0
            ? h(
                'ul',
                { class: 'causes' },
                imp.causes.slice(0, MAX_CAUSES).map((x) => h('li', {}, x)),
                imp.causes.length > MAX_CAUSES ? h('li', { class: 'muted' }, t('deltaMoreCauses', { n: imp.causes.length - MAX_CAUSES })) : '',
              )
            : '',
          imp?.interaction ? h('div', { class: 'muted' }, t('interaction')) : '',
        ),
      );
      return [row, why];
    });
    root.replaceChildren(
      title,
      h('p', { class: 'muted', 'data-delta-summary': String(moved) }, t('deltaSummary', { moved, n: rows.length })),
      h(
        'table',
        { class: 'grid' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', {}, t('platform')), h('th', { class: 'num' }, t('total')), h('th', {}, t('level')), dims.map((d) => h('th', { class: 'num', title: t('deltaShares') }, d))),
        ),
        h('tbody', {}, body),
      ),
      c?.matrix ? h('h3', {}, t('migration')) : '',
      c?.matrix ? migrationTable(c.matrix, 'delta-matrix') : '',
    );
  }
}

function standing(r: PlatformResult): string {
  return r.outcome === 'graded' && r.level !== null ? r.level : t(`outcome_${r.outcome}` as 'outcome_graded');
}

function shareOf(r: PlatformResult, dim: string): number | undefined {
  return r.dimensions.find((d) => d.id === dim)?.share;
}

/** A `before → after` cell; highlighted when the value moved (up or down when `delta` says which way). */
function pair(was: string, now: string, moved: boolean, what: string, delta = 0): HTMLElement {
  const dir = delta > 0 ? 'up' : delta < 0 ? 'down' : '';
  return h(
    'td',
    { class: `${moved ? `moved ${dir}` : ''}${what === 'level' ? '' : ' num'}`, 'data-delta': what, 'data-before': was, 'data-after': now },
    moved ? [h('span', { class: 'was' }, was), ' → ', now] : now,
  );
}
