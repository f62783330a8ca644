// The editor services of the built playground: hover, completion, go to definition, format document,
// a "did you mean" quick fix, JSON-schema validation of pasted evidence, and switching the UI language.
// In: playground/dist served locally, headless Chromium. Out: assertions and screenshots.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearStorage, openBrowser, screenshot, startServer, waitForAnalysis, watch, type Browser, type StaticServer } from './harness';

let server: StaticServer;
let browser: Browser;
let page: Page;
let log: ReturnType<typeof watch>;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
  page = await browser.context.newPage();
  await clearStorage(page, server);
  log = watch(page);
  await page.goto(server.url);
  await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
});

afterAll(async () => {
  expect(log.consoleErrors, [...log.consoleErrors, ...log.failedRequests].join('\n')).toEqual([]);
  await browser?.close();
  await server?.close();
});

/** Puts the cursor inside the `nth` occurrence of `needle`, `offset` characters in. */
async function cursorAt(needle: string, offset = 1, nth = 0): Promise<number> {
  return page.evaluate(
    ([n, o, k]) => {
      const pg = window.assayPlayground;
      const model = pg?.editor.getModel();
      if (!pg || !model) throw new Error('no editor');
      const text = model.getValue();
      let at = -1;
      for (let i = 0; i <= k; i++) at = text.indexOf(n, at + 1);
      if (at < 0) throw new Error(`not found: ${n}`);
      const p = model.getPositionAt(at + o);
      pg.editor.setPosition(p);
      pg.editor.revealPositionInCenter(p);
      pg.editor.focus();
      return p.lineNumber;
    },
    [needle, offset, nth] as const,
  );
}

/** Runs an editor command (actions with preconditions are not in `getAction`, `trigger` reaches them). */
function run(command: string): Promise<void> {
  return page.evaluate((id) => window.assayPlayground?.editor.trigger('e2e', id, null), command);
}

function editorText(): Promise<string> {
  return page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() ?? '');
}

function setEditorText(text: string): Promise<void> {
  return page.evaluate((t) => window.assayPlayground?.editor.getModel()?.setValue(t), text);
}

describe('editor services', () => {
  it('shows a hover with label, type, weight and bands on an indicator id', async () => {
    await cursorAt('require pue <= 1.20', 'require p'.length);
    await run('editor.action.showHover');
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Power usage effectiveness' });
    await hover.first().waitFor({ timeout: 10_000 });
    const text = await hover.first().innerText();
    expect(text).toContain('pue');
    expect(text).toContain('number >= 1');
    expect(text).toContain('<= 1.15: 100');
    await screenshot(page, '10-hover');
    await page.keyboard.press('Escape');
  });

  it('completes indicator ids and enum values', async () => {
    const line = await cursorAt('require pue <= 1.20', 'require '.length);
    await page.keyboard.type('renew');
    await run('editor.action.triggerSuggest');
    const row = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'renewable_energy_share' });
    await row.first().waitFor({ timeout: 10_000 });
    await screenshot(page, '11-completion');
    await page.keyboard.press('Escape');
    // Undo the typing.
    const text = await editorText();
    expect(text.split('\n')[line - 1]).toContain('require renewpue <= 1.20');
    await page.evaluate(() => window.assayPlayground?.editor.trigger('test', 'undo', null));
    expect(await editorText()).toContain('require pue <= 1.20');
  });

  it('goes to the definition of an id', async () => {
    await cursorAt('require pue <= 1.20', 'require p'.length);
    await run('editor.action.revealDefinition');
    const expected = await page.evaluate(() => {
      const model = window.assayPlayground?.editor.getModel();
      if (!model) return 0;
      return model.getPositionAt(model.getValue().indexOf('indicator pue {') + 'indicator '.length).lineNumber;
    });
    await page.waitForFunction((l) => window.assayPlayground?.editor.getPosition()?.lineNumber === l, expected, { timeout: 5_000 });
  });

  it('formats the document with the printer', async () => {
    const before = await editorText();
    const seq = await waitForAnalysis(page);
    await setEditorText(before.replace('  weight 14\n', '      weight     14\n'));
    await waitForAnalysis(page, seq);
    await run('editor.action.formatDocument');
    await page.waitForFunction(() => !(window.assayPlayground?.editor.getModel()?.getValue() ?? '').includes('weight     14'), undefined, { timeout: 10_000 });
    const after = await editorText();
    expect(after).toContain('\n  weight 14\n');
  });

  it('offers a "did you mean" quick fix for a misspelt name', async () => {
    const seq = await waitForAnalysis(page);
    const text = await editorText();
    await setEditorText(text.replace('require pue <= 1.20', 'require peu <= 1.20'));
    await waitForAnalysis(page, seq);
    await page.waitForSelector('[data-testid=problems] li.sev-error');
    await cursorAt('require peu <= 1.20', 'require p'.length);
    await run('editor.action.quickFix');
    const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: '`pue`' });
    await fix.first().waitFor({ timeout: 10_000 });
    await screenshot(page, '12-quick-fix');
    await fix.first().click();
    await page.waitForFunction(() => (window.assayPlayground?.editor.getModel()?.getValue() ?? '').includes('require pue <= 1.20'), undefined, { timeout: 5_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=problems] li.sev-error').length === 0, undefined, { timeout: 10_000 });
  });

  it('validates pasted JSON evidence against the ruleset’s schema', async () => {
    await page.click('#evidence-panel summary');
    await page.evaluate(() => {
      const m = window.assayPlayground?.evidenceEditor.getModel();
      m?.setValue(JSON.stringify({ platform: 'X', evidence: { months_in_operation: 'many', pue: 0.5 } }, null, 2));
    });
    await page.waitForFunction(
      () => {
        const pg = window.assayPlayground;
        const m = pg?.evidenceEditor.getModel();
        return pg && m ? pg.monaco.editor.getModelMarkers({ resource: m.uri }).length >= 2 : false;
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.locator('[data-testid=evidence-editor]').scrollIntoViewIfNeeded();
    await screenshot(page, '13-evidence-schema');
  });

  it('switches the UI language, diagnostics included', async () => {
    const seq = await waitForAnalysis(page);
    await page.selectOption('#lang', 'zh-Hant');
    await waitForAnalysis(page, seq);
    expect(await page.locator('h1').innerText()).toBe('Assay 規則工作台');
    expect(await page.locator('#tab-compare').innerText()).toBe('比較');
    const seq2 = await waitForAnalysis(page);
    await setEditorText((await editorText()).replace('dimension A {', 'dimension 42 {'));
    await waitForAnalysis(page, seq2);
    const msg = await page.locator('[data-testid=problems] li.sev-error .msg').first().innerText();
    expect(msg).toMatch(/此處應為/);
    await page.selectOption('#lang', 'zh-Hans');
    await page.waitForFunction(() => document.querySelector('[data-testid=problems] li.sev-error .msg')?.textContent?.includes('此处应为'));
    await screenshot(page, '14-zh-Hans');
  });
});

describe('files and persistence', () => {
  it('opens a file from disk and saves the editor text back', async () => {
    const text = '# from disk\nruleset "x" {\n  version "0.1"\n}\n';
    // The tests above edited the text: opening a file over unsaved edits is asked about first.
    const edited = await page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() !== window.assayPlayground?.state.baseline);
    await page.setInputFiles('#open-file-input', { name: 'mine.assay', mimeType: 'text/plain', buffer: Buffer.from(text) });
    if (edited) await page.click('#confirm-replace');
    await page.waitForFunction((t) => window.assayPlayground?.editor.getModel()?.getValue() === t, text);
    expect(await page.locator('#file-name').innerText()).toBe('mine.assay');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-file')]);
    expect(download.suggestedFilename()).toBe('mine.assay');
    const saved = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(saved, 'utf8')).toBe(text);
  });

  it('keeps the work in localStorage between visits', async () => {
    await page.selectOption('#bundled', 'csp-assessment@0.9');
    await page.waitForFunction(() => (window.assayPlayground?.editor.getModel()?.getValue() ?? '').includes('version "0.9"'));
    await page.evaluate(() => {
      const m = window.assayPlayground?.editor.getModel();
      m?.setValue(`# kept between visits\n${m.getValue()}`);
    });
    await page.waitForTimeout(600);
    await page.reload();
    await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
    const text = await editorText();
    expect(text.startsWith('# kept between visits\n')).toBe(true);
    expect(text).toContain('version "0.9"');
    expect(await page.locator('#file-name').innerText()).toBe('csp-assessment-0.9.assay');
  });
});
