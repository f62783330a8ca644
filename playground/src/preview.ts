// The preview panels: platforms table, and for the selected platform its level badge, radar chart,
// indicator table, explanation and improvement plan. In: the newest good analysis (maybe stale) and
// callbacks. Out: DOM written into the fixed regions of index.html (the plan panel by `renderPlan`).

import { pointsText, scoreText, shareText, totalText, weightText, effectiveWeightText } from '../../engine/index';
import { byId, fmt, h, totalShown } from './dom';
import { pickText, t, type StringKey } from './i18n';
import { radarChart } from './radar';
import { forget, reconcile } from './keyed';
import type { Analysis, ExplainLine, PlanResult, PlatformResult, SpanOut } from './protocol';

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
  for (const el of [level, radar, notes]) el.replaceChildren();
  if (!r) {
    for (const el of [indicators, explanation.querySelector<HTMLElement>('ul.explain')]) if (el) forget(el);
    indicators.replaceChildren();
    explanation.replaceChildren();
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

  if (r.indicatorsOmitted === true) {
    // A large ruleset's rows come with the analysis that has this platform selected (asked for on the click).
    forget(indicators);
    indicators.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, t('computing'))));
  } else drawIndicators(indicators, r, on);

  // Only the explanation of the platform shown (a new selection waits for its own).
  const ex = state.analysis?.explained === r.key ? state.analysis.explanation : undefined;
  drawExplanation(explanation, ex, on);
}

/** Above this many indicators the preview's indicator table opens folded by dimension (as the Tables tab does). */
export const FOLD_ABOVE = 300;

/** Dimensions unfolded in a folded indicator table (the first one is, until the reader folds it). */
const unfolded = new Set<string>();
/** The first dimension of the ruleset whose first dimension was unfolded (another ruleset opens its own first one). */
let openedFirst: string | undefined;

type IndicatorItem = { readonly kind: 'dim'; readonly id: string; readonly label: string; readonly n: number; readonly open: boolean; readonly folds: boolean } | { readonly kind: 'ind'; readonly row: PlatformResult['indicators'][number] };

/**
 * The indicator table of one platform, redrawn by key (a kept row is not touched). Over FOLD_ABOVE indicators only the
 * dimensions the reader unfolds show their rows: drawing thousands of rows froze the page on every keystroke (#16).
 */
function drawIndicators(body: HTMLElement, r: PlatformResult, on: PreviewHandlers): void {
  const folds = r.indicators.length > FOLD_ABOVE;
  const first = r.indicators[0]?.dimension;
  if (folds && first !== undefined && first !== openedFirst) {
    openedFirst = first;
    unfolded.add(first);
  }
  const counts = new Map<string, number>();
  for (const i of r.indicators) counts.set(i.dimension, (counts.get(i.dimension) ?? 0) + 1);
  const items: IndicatorItem[] = [];
  let lastDim: string | undefined;
  for (const i of r.indicators) {
    if (i.dimension !== lastDim) {
      lastDim = i.dimension;
      const d = r.dimensions.find((x) => x.id === i.dimension);
      items.push({ kind: 'dim', id: i.dimension, label: pickText(d?.label) ?? '', n: counts.get(i.dimension) ?? 0, open: !folds || unfolded.has(i.dimension), folds });
    }
    if (!folds || unfolded.has(i.dimension)) items.push({ kind: 'ind', row: i });
  }
  const redraw = (): void => drawIndicators(body, r, on);
  reconcile(
    body,
    items,
    (x) => (x.kind === 'dim' ? `d:${x.id}` : `i:${x.row.id}`),
    (x) => (x.kind === 'dim' ? JSON.stringify([x.label, x.n, x.open, x.folds, t('foldedCount', { n: x.n })]) : indicatorSig(x.row)),
    (x, current) => (x.kind === 'dim' ? dimRow(x, redraw) : indicatorRow(x.row, () => { const c = current(); return c.kind === 'ind' ? c.row : x.row; }, on)),
  );
}

function dimRow(x: Extract<IndicatorItem, { kind: 'dim' }>, redraw: () => void): HTMLElement {
  const title = `${x.id} ${x.label}`;
  if (!x.folds) return h('tr', { class: 'dim-row', 'data-dimension': x.id }, h('td', { colspan: 6 }, title));
  const toggle = (): void => {
    if (unfolded.has(x.id)) unfolded.delete(x.id);
    else unfolded.add(x.id);
    redraw();
  };
  return h(
    'tr',
    { class: 'dim-row', 'data-dimension': x.id },
    h(
      'td',
      { colspan: 6 },
      h('button', { class: 'link', 'aria-expanded': x.open ? 'true' : 'false', onclick: toggle }, x.open ? '▾ ' : '▸ ', title),
      x.open ? '' : h('span', { class: 'muted' }, ` · ${t('foldedCount', { n: x.n })}`),
    ),
  );
}

/** Everything an indicator row shows (in the page's language): a row is redrawn when this changes. */
function indicatorSig(i: PlatformResult['indicators'][number]): string {
  return JSON.stringify([pickText(i.label) ?? '', i.status, i.value ?? null, i.band ?? null, i.bandSpan !== undefined, i.points, i.weight, i.contribution ?? null, t(`status_${i.status}` as StringKey)]);
}

function indicatorRow(i: PlatformResult['indicators'][number], current: () => PlatformResult['indicators'][number], on: PreviewHandlers): HTMLElement {
  return h(
    'tr',
    { class: `status-${i.status}`, 'data-indicator': i.id },
    h('td', { title: pickText(i.label) ?? '' }, h('code', {}, i.id), h('div', { class: 'sub' }, pickText(i.label) ?? '')),
    h('td', {}, i.value ?? h('span', { class: 'muted' }, t(`status_${i.status}` as StringKey))),
    h(
      'td',
      {},
      i.band
        ? h('button', { class: 'link band', onclick: () => { const s = current().bandSpan; if (s) on.reveal(s); } }, i.band)
        : i.status !== 'scored'
          ? h('span', { class: 'muted' }, t(`status_${i.status}` as StringKey))
          : '',
    ),
    h('td', { class: 'num' }, fmt(i.points, pointsText)),
    h('td', { class: 'num' }, fmt(i.weight, effectiveWeightText)),
    h('td', { class: 'num' }, i.contribution !== undefined ? fmt(i.contribution, scoreText) : ''),
  );
}

/** Explanation lines drawn before "… and n more" (all of them once the reader asked). */
export const EXPLAIN_SHOWN = 400;
let explainAll = false;

/** The explanation lines, redrawn by position (a kept line reads its span when clicked: spans move as text is typed). */
function drawExplanation(el: HTMLElement, ex: readonly ExplainLine[] | undefined, on: PreviewHandlers): void {
  if (ex === undefined) {
    forget(el.querySelector<HTMLElement>('ul.explain') ?? el);
    el.replaceChildren(h('p', { class: 'muted' }, t('computing')));
    return;
  }
  let hint = el.querySelector<HTMLElement>(':scope > p.explain-hint');
  let list = el.querySelector<HTMLElement>(':scope > ul.explain');
  if (!hint || !list) {
    hint = h('p', { class: 'muted explain-hint' });
    list = h('ul', { class: 'explain' });
    el.replaceChildren(hint, list);
  }
  hint.textContent = t('explanationHint');
  // Thousands of lines (one per indicator) cost the page's thread a long layout on every keystroke: the first
  // EXPLAIN_SHOWN are drawn, the rest on a click.
  const shown = explainAll || ex.length <= EXPLAIN_SHOWN ? ex : ex.slice(0, EXPLAIN_SHOWN);
  let more = el.querySelector<HTMLElement>(':scope > button.explain-more');
  if (shown.length < ex.length) {
    if (!more) {
      more = h('button', { class: 'link explain-more', 'data-testid': 'explain-more' });
      el.append(more);
    }
    // Reassigned on every draw: the click shows the lines of the newest analysis.
    more.onclick = () => {
      explainAll = true;
      drawExplanation(el, ex, on);
    };
    more.textContent = t('distMore', { n: ex.length - shown.length });
  } else more?.remove();
  reconcile(
    list,
    shown.map((line, n) => ({ line, n })),
    (x) => String(x.n),
    (x) => `${x.line.depth}\u0000${x.line.span ? 1 : 0}\u0000${x.line.text}`,
    (x, current) =>
      h(
        'li',
        {
          class: `depth-${Math.min(x.line.depth, 4)} ${x.line.span ? 'clickable' : ''}`,
          onclick: () => {
            const s = current().line.span;
            if (s) on.reveal(s);
          },
        },
        x.line.text,
      ),
  );
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
