// Phones and keyboards in the built playground (#16): axe-core finds no serious or critical violation on any view in
// en, zh-Hans and zh-Hant; at 390 px the page is 390 px wide, the results come below the editor and wide tables
// scroll inside their own panel; the tabs, platform rows, problems and explanation lines work from the keyboard
// alone, and every control the keyboard reaches shows where the focus is.
// In: playground/dist served locally, headless Chromium, node_modules/axe-core. Out: assertions, counts printed,
// screenshots 50-phone-preview, 51-phone-compare, 52-phone-table in test-artifacts/e2e/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO, screenshot, usePlayground, waitForAnalysis, watch, openFresh } from './harness';

const env = usePlayground();

const AXE_SOURCE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** A page on the playground with nothing remembered from earlier tests, showing csp-assessment@1.0 in `lang`. */
async function freshPage(lang: string, viewport = { width: 1600, height: 1000 }): Promise<{ page: Page; log: ReturnType<typeof watch> }> {
  const { page, log } = await openFresh(env, { prepare: (p) => p.setViewportSize(viewport) });
  const seq = await waitForAnalysis(page);
  if ((await page.inputValue('#lang')) !== lang) {
    await page.selectOption('#lang', lang);
    await waitForAnalysis(page, seq);
  }
  return { page, log };
}

interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core on the page as it is now (the WCAG 2.0/2.1 A and AA rules and the best practices). The playground's
 * Content-Security-Policy refuses inline scripts, so axe is evaluated through the debugging protocol, not injected
 * as a script tag.
 */
async function axe(page: Page): Promise<AxeFinding[]> {
  const has = await page.evaluate(() => 'axe' in window);
  if (!has) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> };
    };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** The serious and critical findings; the minor and moderate ones counted by impact. */
function triage(found: readonly AxeFinding[]): { bad: AxeFinding[]; counts: Record<string, number> } {
  const counts: Record<string, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  for (const f of found) counts[f.impact] = (counts[f.impact] ?? 0) + f.nodes.length;
  return { bad: found.filter((f) => f.impact === 'serious' || f.impact === 'critical'), counts };
}

/** Selects a platform (its explanation and plan shown). */
async function selectPlatform(page: Page, id: string): Promise<void> {
  await page.locator(`#platforms-body tr[data-platform="${id}"]`).click();
  await page.locator('[data-testid=explanation] li.clickable').first().waitFor({ timeout: 15_000 });
  await page.locator('[data-testid=plan] li.clickable').first().waitFor({ timeout: 30_000 });
}

async function showCompare(page: Page): Promise<void> {
  await page.click('#tab-compare');
  await page.selectOption('#compare-base', 'csp-assessment@0.9');
  await page.selectOption('#compare-head', 'csp-assessment@1.0');
  await page.waitForSelector('[data-testid=migration-matrix]', { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=diff-editor] .line-insert, [data-testid=diff-editor] .char-insert').length > 0, undefined, { timeout: 20_000 });
}

async function showDocument(page: Page): Promise<void> {
  await page.click('#tab-document');
  await page.waitForSelector('#document-body table', { timeout: 20_000 });
}

async function showTable(page: Page): Promise<void> {
  await page.click('#tab-table');
  await page.waitForSelector('#table-editor input.cell', { timeout: 20_000 });
}

async function showDistribution(page: Page): Promise<void> {
  await page.click('#tab-distribution');
  await page.click('[data-testid=corpus-bundled]');
  await page.waitForSelector('#distribution tr[data-standing]', { timeout: 30_000 });
}

/** Puts a syntax error into the text; the problems list shows it. */
async function breakText(page: Page): Promise<void> {
  const seq = await waitForAnalysis(page);
  await page.evaluate(() => {
    const m = window.assayPlayground?.editor.getModel();
    m?.setValue(m.getValue().replace('dimension A {', 'dimension A 42 {'));
  });
  await waitForAnalysis(page, seq);
  await page.waitForSelector('[data-testid=problems] li.sev-error');
}

/** The Tables tab after an edit of a cell: "What changed" shows before → after, causes and the matrix. */
async function showDelta(page: Page): Promise<void> {
  await showTable(page);
  const seq = await waitForAnalysis(page);
  const when = page.locator('[data-cell="veto:V1"]');
  await when.fill('declared_vs_measured_gap > 15 or metric_disclosure = misleading');
  await when.press('Enter');
  await waitForAnalysis(page, seq);
  await page.locator('[data-testid=delta] [data-causes="P3_gpu_rental_startup"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=delta-matrix]').waitFor({ timeout: 30_000 });
}

const VIEWS: readonly (readonly [string, (page: Page) => Promise<void>])[] = [
  ['preview', (page) => selectPlatform(page, 'P2_regional_aicc')],
  [
    'evidence',
    async (page) => {
      await page.click('#evidence-panel summary');
      await page.locator('[data-testid=evidence-editor] .view-lines').waitFor();
      await page.click('#evidence-template');
    },
  ],
  ['compare', showCompare],
  ['document', showDocument],
  ['table', showTable],
  ['table + what changed', showDelta],
  ['distribution', showDistribution],
  [
    'guide',
    async (page) => {
      await page.click('[data-testid=guide-button]');
      await page.locator('#guide-body h1').waitFor({ timeout: 10_000 });
    },
  ],
  [
    'history',
    async (page) => {
      await page.keyboard.press('Escape');
      await page.click('[data-testid=history-button]');
      await page.waitForFunction(() => (document.querySelector('[data-testid=history-dialog]') as HTMLDialogElement | null)?.open === true);
      await page.locator('#history-docs li').first().waitFor({ timeout: 10_000 });
    },
  ],
  [
    'problems',
    async (page) => {
      await page.keyboard.press('Escape');
      await page.click('#tab-preview');
      await breakText(page);
    },
  ],
];

describe('accessibility of the playground (#16)', () => {
  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    it(`axe-core: no serious or critical violation on any view (${lang})`, async () => {
      const { page, log } = await freshPage(lang);
      const report: string[] = [];
      const failures: string[] = [];
      for (const [name, show] of VIEWS) {
        await show(page);
        const axeFound = axe(page);
        const { bad, counts } = triage(await axeFound);
        const rest = (await axeFound).filter((f) => !bad.includes(f)).map((f) => `${f.id} ×${f.nodes.length}`);
        report.push(`${name}: minor ${counts['minor']}, moderate ${counts['moderate']}, serious ${counts['serious']}, critical ${counts['critical']}${rest.length ? ` (${rest.join(', ')})` : ''}`);
        for (const f of bad) failures.push(`${lang} ${name}: ${f.impact} ${f.id} on ${f.nodes.join(' ')}`);
      }
      console.log(`axe (${lang}), nodes per impact:\n  ${report.join('\n  ')}`);
      expect(failures).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    }, 300_000);
  }
});

/** The page's width and, for each selector, the element's box and whether it scrolls sideways inside itself. */
async function phoneFigures(page: Page, panels: readonly string[]): Promise<{ scrollWidth: number; panels: { sel: string; scrollWidth: number; clientWidth: number; right: number }[] }> {
  return page.evaluate((sels) => {
    const panels = sels.map((sel) => {
      const el = document.querySelector(sel);
      if (!(el instanceof HTMLElement)) throw new Error(`no ${sel}`);
      return { sel, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, right: el.getBoundingClientRect().right };
    });
    return { scrollWidth: document.documentElement.scrollWidth, panels };
  }, panels);
}

describe('the playground on a phone, 390 × 844 (#16)', () => {
  const PHONE = { width: 390, height: 844 };

  for (const lang of ['zh-Hans', 'en']) {
    // The screenshots without a suffix are the Chinese ones (the harder case: words that must not stack).
    const suffix = lang === 'zh-Hans' ? '' : `-${lang}`;
    it(`lays out 390 px wide, results below the editor; wide tables scroll inside their own panel (${lang})`, async () => {
      const { page, log } = await freshPage(lang, PHONE);
      await selectPlatform(page, 'P2_regional_aicc');
      const order = await page.evaluate(() => {
        const box = (sel: string) => (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
        return { editor: box('[data-testid=editor]'), problems: box('[data-testid=problems]'), results: box('[data-testid=platforms]'), tabs: box('.tabs') };
      });
      // One column: the results start below the editor and its problems, and take the whole width.
      expect(order.tabs.top).toBeGreaterThanOrEqual(order.problems.bottom - 1);
      expect(order.results.top).toBeGreaterThan(order.editor.bottom);
      expect(order.editor.width).toBeGreaterThan(PHONE.width - 10);
      expect(order.results.right).toBeLessThanOrEqual(PHONE.width);
      // Every tab is in sight, none scrolled out of the tab bar.
      const tabRights = await page.$$eval('[role=tab]', (els) => els.map((el) => el.getBoundingClientRect().right));
      expect(tabRights.filter((r) => r > PHONE.width)).toEqual([]);
      const preview = await phoneFigures(page, ['[data-testid=indicators]']);
      // Headers, outcomes, levels and numbers stay on one line (Chinese words once stacked one character per line).
      const wrapped = await page.evaluate(() => {
        /** Lines of shown text in `el`: text boxes that do not overlap vertically (words for screen readers only left out). */
        const lines = (el: Element): number => {
          const boxes: DOMRect[] = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.parentElement?.closest('.sr-only')) continue;
            const r = document.createRange();
            r.selectNodeContents(n);
            boxes.push(...[...r.getClientRects()].filter((b) => b.width > 0));
          }
          boxes.sort((a, b) => a.top - b.top);
          let count = 0;
          let bottom = -Infinity;
          for (const b of boxes) {
            if (b.top >= bottom - 1) count++;
            bottom = Math.max(bottom, b.bottom);
          }
          return count;
        };
        const sel = '[data-testid=platforms] th, #platforms-body td[data-col], [data-testid=indicators] th, #indicators-body td.num, #indicators-body tr[data-indicator] td:nth-child(2)';
        // Values are whole when they are numbers (a record's value may wrap at its spaces).
        const whole = (el: Element): boolean => !el.matches('td:nth-child(2)') || /^-?[\d.,]+%?$/.test(el.textContent?.trim() ?? '');
        return [...document.querySelectorAll(sel)].filter((el) => whole(el) && lines(el) > 1).map((el) => el.textContent);
      });
      expect(wrapped).toEqual([]);
      await page.locator('[data-testid=platforms]').scrollIntoViewIfNeeded();
      await screenshot(page, `50-phone-preview${suffix}`);

      await showCompare(page);
      const compare = await phoneFigures(page, ['[data-testid=impact]', '[data-testid=diff-editor]']);
      await page.locator('[data-testid=impact]').scrollIntoViewIfNeeded();
      await screenshot(page, `51-phone-compare${suffix}`);

      await showTable(page);
      const table = await phoneFigures(page, ['#table-editor .card:has(.indicators-grid)']);
      // Each grid row's cells end on one line (the id cell once did not, when a label wrapped).
      const ragged = await page.$$eval('#table-editor .indicators-grid tr[data-indicator]', (trs) =>
        trs.filter((tr) => new Set([...tr.children].map((td) => Math.round(td.getBoundingClientRect().bottom))).size > 1).map((tr) => tr.getAttribute('data-indicator')),
      );
      expect(ragged).toEqual([]);
      await page.locator('#table-editor .indicators-grid').first().scrollIntoViewIfNeeded();
      await screenshot(page, `52-phone-table${suffix}`);

      await showDocument(page);
      const doc = await phoneFigures(page, ['#document-body .doc-table']);
      await showDistribution(page);
      const dist = await phoneFigures(page, ['[data-testid=distribution]']);
      // The calibration handles come below the chart, not squeezed beside it.
      const [chart, handles] = await Promise.all(['#dist-chart', '#dist-calibrate'].map((sel) => page.locator(sel).first().boundingBox()));
      expect(handles?.y ?? 0).toBeGreaterThanOrEqual((chart?.y ?? Infinity) + (chart?.height ?? 0));

      await page.click('[data-testid=guide-button]');
      await page.locator('#guide-body h1').waitFor({ timeout: 10_000 });
      const guide = await phoneFigures(page, ['#guide-dialog', '#guide-body']);
      await page.keyboard.press('Escape');
      const all = { preview, compare, table, doc, dist, guide };
      console.log(
        `390 px (${lang}): ${Object.entries(all)
          .map(([view, f]) => `${view} page scrollWidth ${f.scrollWidth}; ${f.panels.map((p) => `${p.sel} ${p.scrollWidth}/${p.clientWidth} (right ${p.right.toFixed(0)})`).join('; ')}`)
          .join('\n  ')}`,
      );
      for (const [view, f] of Object.entries(all)) {
        expect(f.scrollWidth, view).toBeLessThanOrEqual(PHONE.width);
        for (const p of f.panels) expect(p.right, `${view} ${p.sel}`).toBeLessThanOrEqual(PHONE.width);
      }
      // The wide tables are wider than the screen and scroll inside their panel, not the page.
      for (const p of [preview.panels[0], compare.panels[0], table.panels[0], doc.panels[0]]) expect(p && p.scrollWidth > p.clientWidth, p?.sel).toBe(true);
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});

interface Focused {
  readonly what: string;
  /** The focus shows: an outline (not transparent, not zero wide) or a box shadow, on the element or its visible stand-in. */
  readonly visible: boolean;
}

/** What has the focus now, and whether it shows it. A visually hidden control (a file input) shows it on its label. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', visible: false };
    const hidden = (e: HTMLElement): boolean => getComputedStyle(e).opacity === '0' || e.getBoundingClientRect().width <= 1;
    // An editor shows its focus on its frame; a hidden file input on its label.
    const editor = el.closest<HTMLElement>('.monaco-editor');
    const label = el.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(el.id)}"]`) : null;
    const shown = editor ?? (hidden(el) && label ? label : el);
    const cs = getComputedStyle(shown);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(cs.outlineColor);
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    // Monaco's positioned children cover anything drawn inside its box: an editor's frame must be drawn outside.
    const framed = editor === null || (outline && parseFloat(cs.outlineOffset) >= 0);
    // Nothing sticky sits on it: the middle of what shows the focus is that element (or inside it).
    const box = shown.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + Math.min(box.width / 2, 20), box.top + box.height / 2);
    const uncovered = framed && top !== null && (shown.contains(top) || top.contains(shown));
    return { what: `${name} “${text}”`, visible: !hidden(shown) && (outline || cs.boxShadow !== 'none') && uncovered };
  });
}

/** Presses `key` until the focus is on an element matching `selector`; returns how many presses it took. */
async function pressUntil(page: Page, selector: string, key = 'Tab', limit = 80): Promise<number> {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return n;
  }
  throw new Error(`${limit} × ${key} never reached ${selector} (focus on ${(await focused(page)).what})`);
}

const editorLine = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const pg = window.assayPlayground;
    const pos = pg?.editor.getPosition();
    return pos ? (pg?.editor.getModel()?.getLineContent(pos.lineNumber).trim() ?? '') : '';
  });

/** From the language menu (the top bar's last control) into the editor, out of it with Ctrl+M (Monaco's documented
 * switch: Tab then moves the focus instead of indenting, see its Alt+F1 help), and on to what comes next. */
async function tabPastEditor(page: Page): Promise<void> {
  await page.focus('#lang');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=editor]') !== null)).toBe(true);
  // The way out is written beside the editor while it has the focus.
  expect(await page.locator('[data-testid=editor-tab-hint]').innerText()).toContain('Ctrl+M');
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
}

describe('the playground by keyboard alone (#16)', () => {
  it('Tab reaches the tabs; arrows, Home and End move between them and choose them (ARIA roles, roving tab stop)', async () => {
    const { page, log } = await freshPage('en');
    const text = await page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue());
    expect(await page.locator('[data-testid=editor-tab-hint]').isVisible()).toBe(false);
    await tabPastEditor(page);
    expect((await focused(page)).what).toContain('button#tab-preview');
    expect(await page.locator('[data-testid=editor-tab-hint]').isVisible()).toBe(false);
    // Leaving the editor typed nothing into it.
    expect(await page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue())).toBe(text);
    const tabs = (): Promise<{ id: string; selected: string | null; tabIndex: number; panelShown: boolean; role: string | null; labelled: boolean }[]> =>
      page.$$eval('[role=tablist] [role=tab]', (els) =>
        els.map((el) => {
          const panel = document.getElementById(el.getAttribute('aria-controls') ?? '');
          return {
            id: el.id,
            selected: el.getAttribute('aria-selected'),
            tabIndex: (el as HTMLElement).tabIndex,
            panelShown: panel !== null && !panel.hidden,
            role: panel?.getAttribute('role') ?? null,
            labelled: panel?.getAttribute('aria-labelledby') === el.id,
          };
        }),
      );
    const expectChosen = async (id: string): Promise<void> => {
      const all = await tabs();
      expect(all).toHaveLength(5);
      for (const tab of all) {
        expect(tab.role, tab.id).toBe('tabpanel');
        expect(tab.labelled, tab.id).toBe(true);
        expect({ id: tab.id, selected: tab.selected, tabIndex: tab.tabIndex, panelShown: tab.panelShown }).toEqual(
          tab.id === id ? { id, selected: 'true', tabIndex: 0, panelShown: true } : { id: tab.id, selected: 'false', tabIndex: -1, panelShown: false },
        );
      }
      const f = await focused(page);
      expect(f.what).toContain(`button#${id}`);
      expect(f.visible, f.what).toBe(true);
    };
    await expectChosen('tab-preview');
    // Each key and the tab it chooses (the ends wrap around).
    const keys = [
      ['ArrowRight', 'tab-compare'],
      ['ArrowRight', 'tab-document'],
      ['ArrowLeft', 'tab-compare'],
      ['End', 'tab-distribution'],
      ['ArrowRight', 'tab-preview'],
      ['ArrowLeft', 'tab-distribution'],
      ['Home', 'tab-preview'],
    ] as const;
    for (const [key, id] of keys) {
      await page.keyboard.press(key);
      await expectChosen(id);
    }
    // Tab leaves the tablist for the chosen panel (one tab stop for the whole list).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#view-preview') !== null)).toBe(true);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('Tab reaches the platform rows, ArrowDown moves, Enter chooses a platform; explanation lines and plan steps act on Enter', async () => {
    const { page, log } = await freshPage('en');
    await tabPastEditor(page);
    await pressUntil(page, '#platforms-body tr[data-platform]', 'Tab', 5);
    // The chosen platform's row is the list's tab stop.
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset['platform']);
    const selected = await page.evaluate(() => document.querySelector<HTMLElement>('#platforms-body tr.selected')?.dataset['platform']);
    expect(first).toBe(selected);
    expect(await page.$$eval('#platforms-body tr[data-platform]', (trs) => trs.filter((tr) => (tr as HTMLElement).tabIndex === 0).length)).toBe(1);
    await pressUntil(page, '#platforms-body tr[data-platform="P2_regional_aicc"]', 'ArrowDown', 4);
    const row = await focused(page);
    expect(row.visible, row.what).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#platforms-body tr.selected')?.getAttribute('data-platform') === 'P2_regional_aicc');
    expect(await page.getAttribute('#platforms-body tr[data-platform="P2_regional_aicc"]', 'aria-current')).toBe('true');
    await page.waitForFunction(() => document.querySelector('[data-testid=level] .badge')?.textContent === 'L1');
    const line = page.locator('[data-testid=explanation] li.clickable').filter({ hasText: /^pue\b/ });
    await line.first().waitFor({ timeout: 15_000 });
    // On to the explanation: past the evidence panel and the band links of the indicator table.
    const presses = await pressUntil(page, '#explanation-body li');
    console.log(`Tab presses from the platform row to the explanation: ${presses}`);
    // The band links of the indicator table are one tab stop (a roving tabindex), not one per indicator.
    expect(presses).toBeLessThan(15);
    expect(await page.$$eval('#indicators-body button.band', (bs) => bs.filter((b) => (b as HTMLElement).tabIndex === 0).length)).toBe(1);
    const explained = await focused(page);
    expect(explained.visible, explained.what).toBe(true);
    for (let n = 0; n < 60 && !/^pue\b/.test(await page.evaluate(() => document.activeElement?.textContent ?? '')); n++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^pue\b/);
    await page.keyboard.press('Enter');
    // P2's pue 1.28 falls in the band `<= 1.30: 65` of 1.0: Enter put the editor's cursor on it.
    await expect.poll(() => editorLine(page), { timeout: 5_000 }).toBe('<= 1.30: 65');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=editor]') !== null)).toBe(true);

    // The improvement plan's steps: from the explanation's tab stop, Tab reaches them; Enter acts there too.
    await page.locator('[data-testid=plan] li.clickable').filter({ hasText: 'renewable_energy_share' }).first().waitFor({ timeout: 30_000 });
    await page.locator('#explanation-body li[tabindex="0"]').focus();
    await pressUntil(page, '#plan-body li.clickable', 'Tab', 3);
    for (let n = 0; n < 30 && !(await page.evaluate(() => document.activeElement?.textContent ?? '')).includes('renewable_energy_share'); n++) await page.keyboard.press('ArrowDown');
    const step = await focused(page);
    expect(step.what).toContain('renewable_energy_share');
    expect(step.visible, step.what).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => editorLine(page), { timeout: 5_000 }).toBe('indicator renewable_energy_share {');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('Tab reaches the problems; arrows move and Enter puts the cursor on the problem', async () => {
    const { page, log } = await freshPage('en');
    await breakText(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=problems] li').length >= 1);
    const markers = await page.evaluate(() => {
      const pg = window.assayPlayground;
      const model = pg?.editor.getModel();
      return pg && model ? pg.monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => m.startLineNumber) : [];
    });
    expect(markers.length).toBeGreaterThan(0);
    // Put the cursor elsewhere first, so that Enter has somewhere to move it.
    await page.evaluate(() => window.assayPlayground?.editor.setPosition({ lineNumber: 1, column: 1 }));
    await tabPastEditor(page);
    const problem = await focused(page);
    expect(problem.what).toMatch(/^li\.sev-error/);
    expect(problem.visible, problem.what).toBe(true);
    const n = await page.locator('[data-testid=problems] li').count();
    if (n > 1) {
      await page.keyboard.press('End');
      expect(await page.evaluate(() => [...document.querySelectorAll('#problems-list li')].indexOf(document.activeElement as Element))).toBe(n - 1);
      await page.keyboard.press('Home');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.assayPlayground?.editor.getPosition()?.lineNumber), { timeout: 5_000 }).toBe(markers[0]);
    expect(await editorLine(page)).toContain('dimension A 42 {');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

/** Presses Tab up to `presses` times from where the focus is, recording every control reached (stops on leaving `within`). */
async function walk(page: Page, within: string, presses: number, key = 'Tab'): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let n = 0; n < presses; n++) {
    await page.keyboard.press(key);
    if (!(await page.evaluate((w) => document.activeElement?.closest(w) !== null, within))) break;
    seen.push(await focused(page));
  }
  return seen;
}

describe('the read-only diff editor (#16)', () => {
  it('lets Tab through without Ctrl+M: both sides are reached and left', async () => {
    const { page, log } = await freshPage('en');
    await showCompare(page);
    await page.focus('#compare-head');
    const reached: string[] = [];
    for (let n = 0; n < 4; n++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.closest('.monaco-editor')?.querySelector('[aria-label]')?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? ''));
    }
    expect(reached.slice(0, 2)).toEqual(['Base version (read only)', 'Compared version (read only)']);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=diff-editor]') === null)).toBe(true);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('visible focus (#16)', () => {
  it('every control the keyboard reaches in each view shows where the focus is', async () => {
    const { page, log } = await freshPage('zh-Hans');
    await selectPlatform(page, 'P2_regional_aicc');
    const all: Record<string, Focused[]> = {};
    // The top bar, the editor (left with Ctrl+M) and the problems.
    await page.focus('#bundled');
    all['top bar'] = [await focused(page), ...(await walk(page, '.topbar', 20))];
    await page.keyboard.press('Control+m');
    all['editor'] = [await focused(page)];
    const views: readonly (readonly [string, (page: Page) => Promise<void>])[] = [
      ['preview', async () => undefined],
      ['compare', showCompare],
      ['document', showDocument],
      ['table', showTable],
      ['distribution', showDistribution],
    ];
    for (const [name, show] of views) {
      await show(page);
      // Into the view from its tab, by keyboard.
      await page.focus(`#tab-${name}`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      all[`tab ${name}`] = [await focused(page)];
      expect(all[`tab ${name}`]?.[0]?.what).toContain(`#tab-${name}`);
      all[name] = await walk(page, `#view-${name}`, name === 'table' ? 150 : 60);
      // And back up: a control scrolled into view upwards must not hide under the sticky tabs.
      all[`${name} (Shift+Tab)`] = await walk(page, `#view-${name}`, name === 'table' ? 60 : 30, 'Shift+Tab');
    }
    await page.focus('#guide-button');
    await page.keyboard.press('Enter');
    await page.locator('#guide-body h1').waitFor({ timeout: 10_000 });
    all['guide'] = [await focused(page), ...(await walk(page, '#guide-dialog', 40))];
    await page.keyboard.press('Escape');
    // Closed, the dialog gives the focus back to the button that opened it.
    expect((await focused(page)).what).toContain('button#guide-button');

    const kinds = Object.values(all)
      .flat()
      .map((f) => f.what.split(/[.#“ ]/)[0]);
    console.log(`focus walk: ${Object.entries(all).map(([k, v]) => `${k} ${v.length}`).join(', ')} controls; element kinds ${[...new Set(kinds)].join(', ')}`);
    const unseen = Object.entries(all).flatMap(([view, fs]) => fs.filter((f) => !f.visible).map((f) => `${view}: ${f.what}`));
    expect(unseen).toEqual([]);
    // The sample covers each kind of control.
    for (const kind of ['button', 'select', 'input', 'tr', 'li', 'summary', 'a']) expect(kinds, kind).toContain(kind);
    for (const view of ['preview', 'compare', 'document', 'table', 'distribution', 'guide']) expect(all[view]?.length, view).toBeGreaterThan(2);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 180_000);
});
