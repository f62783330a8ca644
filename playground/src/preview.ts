// The preview panels: platforms table, and for the selected platform its level badge, radar chart,
// indicator table, explanation and improvement plan. In: the newest good analysis (maybe stale) and
// callbacks. Out: DOM written into the fixed regions of index.html (the plan panel by `renderPlan`).

import { pointsText, scoreText, shareText, totalText, weightText, effectiveWeightText } from '../../engine/index';
import { byId, fmt, h, totalShown } from './dom';
import { pickText, t, type StringKey } from './i18n';
import { radarChart } from './radar';
import type { Analysis, PlanResult, PlatformResult, SpanOut } from './protocol';

export interface PreviewHandlers {
  select(key: string): void;
  remove(key: string): void;
  reveal(span: SpanOut): void;
}

export interface PreviewState {
  readonly analysis: Analysis | undefined;
  readonly stale: boolean;
  readonly selected: string | undefined;
  readonly userKeys: ReadonlySet<string>;
  readonly roundTripMs: number | undefined;
  /** The worker's last failure, shown until an analysis succeeds. */
  readonly error: string | undefined;
  /** Analysis is paused (stopped by the watchdog, or opened after an analysis that never finished). */
  readonly paused: boolean;
  /** The text changed and its analysis is taking a while: the results shown are of an earlier text. */
  readonly pending: boolean;
}

function outcomeText(o: PlatformResult['outcome']): string {
  return t(`outcome_${o}` as StringKey);
}

function levelCell(r: PlatformResult): string {
  return r.outcome === 'graded' && r.level !== null ? r.level : '—';
}

/** Why the evidence is invalid: its errors, as the engine words them. */
function whyInvalid(r: PlatformResult): string {
  return r.errors.map((e) => (e.field && !e.message.includes(e.field) ? `${e.field}: ${e.message}` : e.message)).join('; ');
}

export function renderPreview(state: PreviewState, on: PreviewHandlers): void {
  const a = state.analysis;
  const results = a?.results ?? [];
  const status = byId('preview-status');
  status.replaceChildren();
  if (state.error !== undefined) status.append(h('p', { class: 'stale-banner', 'data-testid': 'worker-error' }, t('workerFailed', { message: state.error })));
  if (state.paused) status.append(h('p', { class: 'stale-banner', 'data-testid': 'paused' }, t(a?.results ? 'analysisPaused' : 'analysisPausedNone')));
  else if (state.stale && a?.results) status.append(h('p', { class: 'stale-banner', 'data-testid': 'stale' }, t('stale')));
  else if (state.pending && a?.results) status.append(h('p', { class: 'stale-banner', 'data-testid': 'pending' }, t('analysisPending')));
  else if (!a?.results) status.append(h('p', { class: 'stale-banner' }, t('noResults')));
  else if (state.roundTripMs !== undefined) status.append(h('p', { class: 'muted' }, t('updated', { ms: Math.round(state.roundTripMs) })));

  const platforms = byId('platforms-body');
  platforms.replaceChildren(
    ...results.map((r) =>
      h(
        'tr',
        {
          class: `${r.key === state.selected ? 'selected' : ''} ${state.stale || state.paused || state.pending ? 'stale' : ''}`,
          'data-key': r.key,
          'data-platform': r.platform,
          'aria-current': r.key === state.selected ? 'true' : undefined,
          onclick: () => on.select(r.key),
        },
        h('td', {}, h('span', { class: 'platform-id' }, r.platform), ' ', h('span', { class: 'tag' }, state.userKeys.has(r.key) ? t('yours') : t('sample'))),
        h('td', { class: 'name' }, r.name ?? ''),
        h('td', { class: `outcome outcome-${r.outcome}`, 'data-col': 'outcome' }, outcomeText(r.outcome)),
        h('td', { class: 'level', 'data-col': 'level' }, levelCell(r)),
        h('td', { class: 'num', 'data-col': 'total', title: r.outcome === 'invalid' ? whyInvalid(r) : undefined }, totalShown(r)),
        h(
          'td',
          {},
          state.userKeys.has(r.key)
            ? h('button', { class: 'link', title: t('remove'), onclick: (e: Event) => (e.stopPropagation(), on.remove(r.key)) }, '×')
            : '',
        ),
      ),
    ),
  );

  const r = results.find((x) => x.key === state.selected);
  renderDetail(r, state, on);
}

function renderDetail(r: PlatformResult | undefined, state: PreviewState, on: PreviewHandlers): void {
  const level = byId('level');
  const radar = byId('radar');
  const indicators = byId('indicators-body');
  const explanation = byId('explanation-body');
  const notes = byId('result-notes');
  for (const el of [level, radar, indicators, explanation, notes]) el.replaceChildren();
  if (!r) {
    level.append(h('span', { class: 'muted' }, t('selectPlatform')));
    return;
  }
  for (const el of [level, radar, indicators, explanation]) el.classList.toggle('stale', state.stale || state.paused || state.pending);
  const levelText = r.outcome === 'graded' && r.level !== null ? r.level : outcomeText(r.outcome);
  level.append(
    h('span', { class: `badge badge-${r.outcome}`, 'data-level': r.level ?? '', 'data-outcome': r.outcome }, levelText),
    h('span', { class: 'badge-label' }, r.outcome === 'graded' ? (pickText(r.levelLabel) ?? '') : ''),
    r.outcome === 'invalid'
      ? h('span', { class: 'badge-total note-bad', 'data-testid': 'invalid-why' }, t('evidenceInvalidWhy', { why: whyInvalid(r) }))
      : h('span', { class: 'badge-total' }, `${t('total')} ${fmt(r.total, totalText)}`),
    h('span', { class: 'badge-platform' }, r.platform, r.name ? ` · ${r.name}` : ''),
  );
  if (r.vetoes.length > 0) notes.append(h('p', { class: 'note-bad' }, `${t('vetoes')}: ${r.vetoes.join(', ')}`));
  if (r.prerequisitesFailed.length > 0) notes.append(h('p', { class: 'note-bad' }, `${t('prerequisitesFailed')}: ${r.prerequisitesFailed.join(', ')}`));
  if (r.errors.length > 0) {
    notes.append(h('p', { class: 'note-bad' }, `${t('evidenceErrors')}:`), h('ul', {}, r.errors.map((e) => h('li', {}, e.field ? `${e.field}: ` : '', e.message))));
  }
  if (r.warnings.length > 0) {
    notes.append(h('p', { class: 'note-warn' }, `${t('evidenceWarnings')}:`), h('ul', {}, r.warnings.map((e) => h('li', {}, e.field ? `${e.field}: ` : '', e.message))));
  }

  radar.append(
    radarChart(
      r.dimensions.map((d) => ({ id: d.id, label: pickText(d.label) ?? d.id, share: d.share })),
      t('radar'),
    ),
    h(
      'table',
      { class: 'dims' },
      h('tbody', {}, r.dimensions.map((d) => h('tr', {}, h('td', {}, d.id), h('td', {}, pickText(d.label) ?? ''), h('td', { class: 'num' }, `${fmt(d.score, scoreText)} / ${fmt(d.weight, weightText)}`), h('td', { class: 'num' }, fmt(d.share, shareText))))),
    ),
  );

  let lastDim = '';
  for (const i of r.indicators) {
    if (i.dimension !== lastDim) {
      lastDim = i.dimension;
      const d = r.dimensions.find((x) => x.id === i.dimension);
      indicators.append(h('tr', { class: 'dim-row' }, h('td', { colspan: 6 }, `${i.dimension} ${pickText(d?.label) ?? ''}`)));
    }
    indicators.append(
      h(
        'tr',
        { class: `status-${i.status}`, 'data-indicator': i.id },
        h('td', { title: pickText(i.label) ?? '' }, h('code', {}, i.id), h('div', { class: 'sub' }, pickText(i.label) ?? '')),
        h('td', {}, i.value ?? h('span', { class: 'muted' }, t(`status_${i.status}` as StringKey))),
        h(
          'td',
          {},
          i.band
            ? h('button', { class: 'link band', onclick: () => i.bandSpan && on.reveal(i.bandSpan) }, i.band)
            : i.status !== 'scored'
              ? h('span', { class: 'muted' }, t(`status_${i.status}` as StringKey))
              : '',
        ),
        h('td', { class: 'num' }, fmt(i.points, pointsText)),
        h('td', { class: 'num' }, fmt(i.weight, effectiveWeightText)),
        h('td', { class: 'num' }, i.contribution !== undefined ? fmt(i.contribution, scoreText) : ''),
      ),
    );
  }

  // Only the explanation of the platform shown (a new selection waits for its own).
  const ex = state.analysis?.explained === r.key ? state.analysis.explanation : undefined;
  if (ex === undefined) explanation.append(h('p', { class: 'muted' }, t('computing')));
  else {
    explanation.append(h('p', { class: 'muted' }, t('explanationHint')));
    explanation.append(
      h(
        'ul',
        { class: 'explain' },
        ex.map((line) =>
          h(
            'li',
            {
              class: `depth-${Math.min(line.depth, 4)} ${line.span ? 'clickable' : ''}`,
              onclick: () => line.span && on.reveal(line.span),
            },
            line.text,
          ),
        ),
      ),
    );
  }
}

/**
 * The improvement-plan panel: the engine's verified plans for the selected platform (or why there are none).
 * `stale`: the plan shown is not of the current text and platform (said in words, not only greyed);
 * `error`: why the last search failed.
 */
export function renderPlan(plan: PlanResult | undefined, computing: boolean, on: Pick<PreviewHandlers, 'reveal'>, stale = false, error?: string): void {
  const el = byId('plan-body');
  el.replaceChildren();
  el.classList.toggle('stale', stale);
  if (computing) el.append(h('p', { class: 'muted', 'data-testid': 'plan-computing' }, t('computing')));
  if (error !== undefined) el.append(h('p', { class: 'plan-error', 'data-testid': 'plan-error' }, t('planFailed', { message: error })));
  if (!plan) return;
  if (stale) el.append(h('p', { class: 'stale-banner', 'data-testid': 'plan-stale' }, t('planStale')));
  el.append(
    h('p', { class: 'plan-title' }, plan.title),
    ...plan.notes.map((n) => h('p', { class: 'muted' }, n)),
    ...plan.plans.map((p) =>
      h(
        'div',
        { class: 'plan' },
        h('div', { class: 'plan-head' }, p.title),
        h('ul', {}, p.steps.map((s) => h('li', { class: s.span ? 'clickable' : '', onclick: () => s.span && on.reveal(s.span) }, s.text))),
      ),
    ),
  );
}
