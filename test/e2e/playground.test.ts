// End-to-end behaviour of the built playground: live re-evaluation while typing, syntax errors as
// markers and problems, the 0.9 → 1.0 comparison, and share links that round-trip.
// In: playground/dist served locally, headless Chromium. Out: assertions and screenshots in test-artifacts/e2e/.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, usePlayground, waitForAnalysis, watch, openFresh } from './harness';

const env = usePlayground();

/** A page on the playground with nothing remembered from earlier tests, showing csp-assessment@1.0. */
async function freshPage(): Promise<{ page: Page; log: ReturnType<typeof watch> }> {
  return openFresh(env);
}

function levelCell(page: Page, platform: string): Promise<string> {
  return page.locator(`#platforms-body tr[data-platform="${platform}"] td[data-col=level]`).innerText();
}

/** Selects the first occurrence of `needle` (optionally only its part `part`) in the main editor. */
async function selectText(page: Page, needle: string, part = needle): Promise<void> {
  await page.evaluate(
    ([n, p]) => {
      const pg = window.assayPlayground;
      if (!pg) throw new Error('no playground handle');
      const model = pg.editor.getModel();
      if (!model) throw new Error('no model');
      const at = model.getValue().indexOf(n);
      if (at < 0) throw new Error(`not found: ${n}`);
      const start = model.getPositionAt(at + n.indexOf(p));
      const end = model.getPositionAt(at + n.indexOf(p) + p.length);
      pg.editor.setSelection({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
      pg.editor.revealRangeInCenter({ startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column });
      pg.editor.focus();
    },
    [needle, part] as const,
  );
}

describe('the playground', () => {
  it('re-evaluates the sample platforms while a band threshold is typed', async () => {
    const { page, log } = await freshPage();
    expect(await levelCell(page, 'P2_regional_aicc')).toBe('L1');
    expect(await levelCell(page, 'P1_hub_operator')).toBe('L4');
    await page.locator('#platforms-body tr[data-platform="P2_regional_aicc"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=level] .badge')?.textContent === 'L1');
    await screenshot(page, '02-before-edit');

    // Measure in the page: last keystroke → P2's level cell shows the expected level.
    await page.evaluate(() => {
      const w = window as unknown as { lastKey: number; changedAt: number; want: string };
      document.addEventListener('keydown', () => (w.lastKey = performance.now()), true);
      new MutationObserver(() => {
        const cell = document.querySelector('#platforms-body tr[data-platform="P2_regional_aicc"] td[data-col=level]');
        if (cell?.textContent === w.want && w.changedAt === 0) w.changedAt = performance.now();
      }).observe(document.getElementById('platforms-body') as HTMLElement, { childList: true, subtree: true, characterData: true });
    });
    const typeAndMeasure = async (from: string, to: string, want: string): Promise<number> => {
      await selectText(page, `<= ${from}: 80`, from);
      await page.evaluate((l) => {
        const w = window as unknown as { lastKey: number; changedAt: number; want: string };
        w.lastKey = 0;
        w.changedAt = 0;
        w.want = l;
      }, want);
      await page.keyboard.type(to, { delay: 40 });
      await page
        .waitForFunction(() => (window as unknown as { changedAt: number }).changedAt > 0, undefined, { timeout: 10_000 })
        .catch(async (e: unknown) => {
          await screenshot(page, `02-failed-${to}`);
          throw e;
        });
      return page.evaluate(() => {
        const w = window as unknown as { lastKey: number; changedAt: number };
        return w.changedAt - w.lastKey;
      });
    };

    /** Puts the band back to `<= 1.25: 80` through the API (not measured) and waits for P2 at L1. */
    const reset = async (from: string): Promise<void> => {
      await page.evaluate((f) => {
        const m = window.assayPlayground?.editor.getModel();
        m?.setValue(m.getValue().replace(`<= ${f}: 80`, '<= 1.25: 80'));
      }, from);
      await page.waitForFunction(() => document.querySelector('#platforms-body tr[data-platform="P2_regional_aicc"] td[data-col=level]')?.textContent === 'L1');
    };
    // pue band `<= 1.25: 80` → `<= 1.28: 80`: P2 (pue 1.28) gains G points and reaches L2 (no prefix of
    // what is typed does: `1`, `1.`, `1.2` leave it at L1 or are syntax errors).
    const latencies: number[] = [];
    // (Not `1.30`: the band `<= 1.30: 65` below would then be dead, which the checker reports as A502.)
    const edits = ['1.29', '1.29', '1.28'];
    for (const [n, to] of edits.entries()) {
      latencies.push(await typeAndMeasure('1.25', to, 'L2'));
      if (n < edits.length - 1) await reset(to);
    }
    const text = await page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() ?? '');
    expect(text).toContain('<= 1.28: 80');
    expect(await levelCell(page, 'P2_regional_aicc')).toBe('L2');
    await page.waitForFunction(() => document.querySelector('[data-testid=level] .badge')?.textContent === 'L2');
    await screenshot(page, '03-after-edit');
    const worker = await page.evaluate(() => `last pass ${document.body.dataset['analysisMs']} ms in the worker, ${document.body.dataset['roundTripMs']} ms round trip`);
    console.log(`update latency after the last keystroke: ${latencies.map((x) => x.toFixed(0)).join(', ')} ms (${worker})`);
    // The median of three edits: one slow pass on a busy machine should not decide.
    const median = [...latencies].sort((x, y) => x - y)[1] ?? Infinity;
    expect(median).toBeLessThan(200);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows a syntax error as a marker and a problem, and keeps the last results marked stale', async () => {
    const { page, log } = await freshPage();
    const seq = await waitForAnalysis(page);
    await selectText(page, 'dimension A {', ' A');
    await page.keyboard.type(' 42');
    await waitForAnalysis(page, seq);
    await page.waitForSelector('[data-testid=problems] li.sev-error');
    const markers = await page.evaluate(() => {
      const pg = window.assayPlayground;
      const model = pg?.editor.getModel();
      return pg && model ? pg.monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ code: String(m.code), line: m.startLineNumber, sev: m.severity })) : [];
    });
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0]?.code).toMatch(/^A1\d\d$/);
    await page.waitForSelector('[data-testid=editor] .squiggly-error');
    const problem = await page.locator('[data-testid=problems] li.sev-error').first().innerText();
    expect(problem).toMatch(/A1\d\d/);
    // The results stay (from before the error), marked stale.
    await page.waitForSelector('[data-testid=stale]');
    expect(await levelCell(page, 'P1_hub_operator')).toBe('L4');
    await screenshot(page, '04-syntax-error');

    // Clicking the problem moves the cursor to it.
    await page.locator('[data-testid=problems] li.sev-error').first().click();
    const line = await page.evaluate(() => window.assayPlayground?.editor.getPosition()?.lineNumber ?? 0);
    expect(line).toBe(markers[0]?.line);

    // Switching the language while the text still fails: the stale results are redone in the new language.
    const explanation = () => page.locator('[data-testid=explanation] ul.explain').innerText();
    expect(await explanation()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.selectOption('#lang', 'zh-Hans');
    await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid=explanation] ul.explain')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await page.waitForSelector('[data-testid=stale]');
    expect(await levelCell(page, 'P1_hub_operator')).toBe('L4');
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() => !/[\u4e00-\u9fff]/.test(document.querySelector('[data-testid=explanation] ul.explain')?.textContent ?? ''), undefined, { timeout: 15_000 });
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('compares 0.9 with 1.0: semantic diff, impact and migration matrix', async () => {
    const { page, log } = await freshPage();
    await page.click('#tab-compare');
    await page.selectOption('#compare-base', 'csp-assessment@0.9');
    await page.selectOption('#compare-head', 'csp-assessment@1.0');
    await page.waitForSelector('[data-testid=migration-matrix]', { timeout: 20_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=diff-editor] .line-insert, [data-testid=diff-editor] .char-insert').length > 0, undefined, { timeout: 20_000 });
    const cell = (from: string, to: string): Promise<string> => page.locator(`[data-cell="${from}->${to}"]`).innerText();
    // expected.md: P2 L2 → L1, P3 L0 → vetoed, P4 L1 → L0, P1 stays L4, P5 stays vetoed.
    expect(await cell('L2', 'L1')).toBe('1');
    expect(await cell('L0', 'vetoed')).toBe('1');
    expect(await cell('L1', 'L0')).toBe('1');
    expect(await cell('L4', 'L4')).toBe('1');
    expect(await cell('vetoed', 'vetoed')).toBe('1');
    expect(await page.locator('[data-testid=impact] tbody tr').count()).toBe(5);
    const diffItems = await page.locator('[data-testid=semantic-diff] li').count();
    const diffUnavailable = await page.locator('[data-testid=semantic-diff] .unavailable').count();
    if (diffUnavailable === 0) expect(diffItems).toBeGreaterThan(0);
    else console.log('semantic diff: not available in this build');
    await page.locator('[data-testid=compare]').scrollIntoViewIfNeeded();
    await screenshot(page, '05-compare');
    await page.locator('[data-testid=migration]').scrollIntoViewIfNeeded();
    await screenshot(page, '06-compare-matrix');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('round-trips a share link: ruleset text, loaded platforms and compare base', async () => {
    const { page, log } = await freshPage();
    // Add a platform of our own through the evidence editor.
    await page.click('#evidence-panel summary');
    await page.evaluate(() => {
      const ev = window.assayPlayground?.evidenceEditor.getModel();
      ev?.setValue(JSON.stringify({ platform: 'MY_shared_platform', name: 'Shared Co.', evidence: { months_in_operation: 12 } }));
    });
    await page.click('#evidence-add');
    await page.waitForSelector('#platforms-body tr[data-platform="MY_shared_platform"]');
    await page.evaluate(() => {
      const m = window.assayPlayground?.editor.getModel();
      m?.setValue(`# shared edit\n${m.getValue()}`);
    });
    await page.click('#tab-compare');
    await page.selectOption('#compare-base', 'csp-assessment@0.9');
    await page.click('#share-button');
    await page.waitForFunction(() => (document.getElementById('share-link') as HTMLInputElement).value.includes('#s='));
    const link = await page.inputValue('#share-link');
    const sent = await page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() ?? '');
    await page.evaluate(() => localStorage.clear());
    await page.close();

    const other = await env.browser.context.newPage();
    const log2 = watch(other);
    await other.goto('about:blank');
    await other.goto(link);
    await other.waitForSelector('#platforms-body tr[data-platform="MY_shared_platform"]', { timeout: 20_000 });
    const got = await other.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() ?? '');
    expect(got).toBe(sent);
    expect(await other.inputValue('#compare-base')).toBe('csp-assessment@0.9');
    expect(await other.locator('#platforms-body tr[data-platform="MY_shared_platform"] td.name').innerText()).toBe('Shared Co.');
    await screenshot(other, '07-share-restored');
    expect([...log.consoleErrors, ...log2.consoleErrors]).toEqual([]);
    await other.close();
  });

  it('survives switching versions while the diff editor computes (editor text vs bundled)', async () => {
    const { page, log } = await freshPage();
    await page.click('#tab-compare');
    await page.waitForSelector('[data-testid=migration-matrix]', { timeout: 20_000 });
    for (let i = 0; i < 6; i++) {
      await page.selectOption('#compare-base', i % 2 === 0 ? 'csp-assessment@1.0' : 'csp-assessment@0.9');
      // Open another bundled version in the main editor (a programmatic replace) and type at once.
      await page.selectOption('#bundled', i % 2 === 0 ? 'csp-assessment@0.9' : 'csp-assessment@1.0');
      // After the first round the text has typed edits: the replace is asked about first.
      if (i > 0) await page.click('#confirm-replace');
      // The replace is in the editor before typing (what is typed meanwhile goes to the history, not into this text).
      await page.waitForFunction((v) => window.assayPlayground?.editor.getModel()?.getValue().includes(`version "${v}"`) === true, i % 2 === 0 ? '0.9' : '1.0');
      await page.click('[data-testid=editor] .view-lines');
      await page.keyboard.type('# x\n');
    }
    await page.waitForTimeout(1500);
    await page.waitForSelector('[data-testid=migration-matrix]', { timeout: 20_000 });
    await screenshot(page, '08-compare-editor-text');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('explains the selected platform; clicking a line highlights its rule in the editor', async () => {
    const { page, log } = await freshPage();
    await page.locator('#platforms-body tr[data-platform="P2_regional_aicc"]').click();
    const line = page.locator('[data-testid=explanation] li.clickable').filter({ hasText: /^pue\b/ });
    await line.first().waitFor({ timeout: 15_000 });
    expect(await line.first().innerText()).toContain('1.28');
    await line.first().click();
    const where = await page.evaluate(() => {
      const pg = window.assayPlayground;
      const model = pg?.editor.getModel();
      const pos = pg?.editor.getPosition();
      return model && pos ? model.getLineContent(pos.lineNumber).trim() : '';
    });
    // P2's pue 1.28 falls in the band `<= 1.30: 65` of 1.0.
    expect(where).toBe('<= 1.30: 65');
    await page.waitForSelector('[data-testid=editor] .rule-highlight');
    await page.locator('[data-testid=explanation]').scrollIntoViewIfNeeded();
    await screenshot(page, '09-explanation');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows verified improvement plans for the selected platform', async () => {
    const { page, log } = await freshPage();
    await page.locator('#platforms-body tr[data-platform="P2_regional_aicc"]').click();
    const step = page.locator('[data-testid=plan] li.clickable').filter({ hasText: 'renewable_energy_share' });
    await step.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=plan] .plan-title').innerText()).toContain('L1 → L2');
    await step.first().click();
    const where = await page.evaluate(() => {
      const pg = window.assayPlayground;
      const model = pg?.editor.getModel();
      const pos = pg?.editor.getPosition();
      return model && pos ? model.getLineContent(pos.lineNumber).trim() : '';
    });
    expect(where).toBe('indicator renewable_energy_share {');
    await page.locator('[data-testid=plan]').scrollIntoViewIfNeeded();
    await screenshot(page, '15-plan');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
