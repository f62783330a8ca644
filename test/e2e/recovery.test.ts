// The playground loses nothing and survives hostile input: a replace is asked about, undone by Ctrl+Z and kept
// in the history; a share link opens beside the autosave; a stale plan says so and a search that gives up says
// why; a share link that inflates to 300 MB is refused while inflating; an analysis that never ends is stopped
// and its document reopens paused. In: playground/dist, headless Chromium. Out: assertions and screenshots.

import { once } from 'node:events';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import { clearStorage, screenshot, usePlayground, waitForAnalysis, watch } from './harness';

const env = usePlayground();

/** A page on the playground with nothing remembered (no autosave, no history), showing csp-assessment@1.0. */
async function freshPage(query = ''): Promise<{ page: Page; log: ReturnType<typeof watch> }> {
  const page = await env.browser.context.newPage();
  await clearStorage(page, env.server);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase('assay-playground');
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
  );
  const log = watch(page);
  await page.goto(env.server.url + query);
  await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
  return { page, log };
}

function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() ?? '');
}

function fileName(page: Page): Promise<string> {
  return page.locator('#file-name').innerText();
}

/** Types `text` at the very start of the ruleset, as a user would. */
async function typeAtStart(page: Page, text: string): Promise<void> {
  await page.evaluate(() => {
    const pg = window.assayPlayground;
    pg?.editor.setPosition({ lineNumber: 1, column: 1 });
    pg?.editor.focus();
  });
  await page.keyboard.type(text);
}

/** Sets the ruleset text through Monaco's model (as a paste would), not as a replace. */
function setEditorText(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => window.assayPlayground?.editor.getModel()?.setValue(t), text);
}

/** A `#s=` share link of `work`, made the way the page makes them (deflate-raw JSON, base64url). */
function shareLink(work: object): string {
  const b64 = deflateRawSync(Buffer.from(JSON.stringify(work))).toString('base64url');
  return `${env.server.url}#s=${b64}`;
}

describe('replacing the text loses nothing', () => {
  it('asks before replacing edits; Ctrl+Z undoes the replace; the history restores it after a reload', async () => {
    const { page, log } = await freshPage();
    const original = await editorText(page);
    expect(await fileName(page)).toBe('csp-assessment-1.0.assay');
    await typeAtStart(page, '# my edit\n');
    const edited = await editorText(page);
    expect(edited.startsWith('# my edit\n')).toBe(true);

    // Bundled 0.9 over unsaved edits: asked first; Cancel keeps everything.
    await page.selectOption('#bundled', 'csp-assessment@0.9');
    await page.waitForSelector('#confirm-dialog[open]');
    expect(await page.locator('#confirm-text').innerText()).toContain('csp-assessment-0.9.assay');
    await screenshot(page, '20-confirm-replace');
    await page.click('#confirm-dialog button[value=cancel]');
    expect(await editorText(page)).toBe(edited);

    // Asked again, agreed: replaced, and the file name follows.
    await page.selectOption('#bundled', 'csp-assessment@0.9');
    await page.click('#confirm-replace');
    await page.waitForFunction(() => window.assayPlayground?.editor.getModel()?.getValue().includes('version "0.9"'));
    expect(await fileName(page)).toBe('csp-assessment-0.9.assay');

    // Ctrl+Z: the edited text and its file name come back in one step.
    await page.click('[data-testid=editor] .view-lines');
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(edited);
    expect(await fileName(page)).toBe('csp-assessment-1.0.assay');

    // Replace once more (asked, agreed), reload: the history (IndexedDB) still holds the edited text.
    await page.selectOption('#bundled', 'csp-assessment@1.0');
    await page.click('#confirm-replace');
    await page.waitForFunction((t) => window.assayPlayground?.editor.getModel()?.getValue() === t, original);
    await page.waitForFunction(() => window.assayPlayground?.historySize().then((n) => n >= 1));
    await page.reload();
    await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
    expect(await editorText(page)).toBe(original);
    await page.click('#history-button');
    const entry = page.locator('#history-entries li[data-entry]').filter({ hasText: '# my edit' });
    await entry.first().waitFor();
    expect(await entry.first().innerText()).toContain('replaced by a bundled ruleset');
    await screenshot(page, '21-history');
    await entry.first().locator('button').click();
    await page.waitForFunction((t) => window.assayPlayground?.editor.getModel()?.getValue() === t, edited);
    expect(await fileName(page)).toBe('csp-assessment-1.0.assay');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('opens a share link as a new document beside the autosave, which stays and can be reopened', async () => {
    const { page, log } = await freshPage();
    await typeAtStart(page, '# mine, not shared\n');
    const mine = await editorText(page);
    await page.waitForFunction(() => (localStorage.getItem('assay-playground:v1') ?? '').includes('# mine, not shared'));
    const theirs = `# a colleague's draft\n${mine.replace('# mine, not shared\n', '')}`;
    await page.goto('about:blank');
    await page.goto(shareLink({ text: theirs, fileName: 'colleague.assay', platforms: [], compareBase: 'csp-assessment@0.9', compareHead: 'editor' }));
    await page.waitForFunction((t) => window.assayPlayground?.editor.getModel()?.getValue() === t, theirs, { timeout: 20_000 });
    expect(await fileName(page)).toBe('colleague.assay');
    expect(await page.locator('#toast').innerText()).toContain('new document');
    // Another language while it shows: the toast is worded again in it.
    await page.selectOption('#lang', 'zh-Hant');
    expect(await page.locator('#toast').innerText()).not.toContain('new document');
    expect(await page.locator('#toast').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.selectOption('#lang', 'en');
    // Edit the shared one: the autosave of mine is untouched.
    await typeAtStart(page, '# my reply\n');
    await page.waitForTimeout(600);
    const slot = await page.evaluate(() => JSON.parse(localStorage.getItem('assay-playground:v1') ?? '{}') as { text?: string });
    expect(slot.text).toBe(mine);

    await page.click('#history-button');
    const docs = page.locator('#history-docs li[data-doc]');
    await page.waitForFunction(() => document.querySelectorAll('#history-docs li[data-doc]').length === 2);
    await screenshot(page, '22-documents');
    await docs.filter({ hasText: 'csp-assessment-1.0.assay' }).locator('button', { hasText: 'Open' }).click();
    await page.waitForFunction((t) => window.assayPlayground?.editor.getModel()?.getValue() === t, mine);
    // Removing the shared document from the list keeps its text in the history.
    await page.click('#history-button');
    await docs.filter({ hasText: 'colleague.assay' }).locator('button', { hasText: 'Remove' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#history-docs li[data-doc]').length === 1);
    const removed = page.locator('#history-entries li[data-entry]').filter({ hasText: 'colleague.assay' });
    expect(await removed.innerText()).toContain('removed from the documents');
    expect(await removed.innerText()).toContain('# my reply');
    await page.click('#history-dialog button[value=close]');
    // A fresh tab opens the document last open (mine), not the shared one.
    await page.reload();
    await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
    expect(await editorText(page)).toBe(mine);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('plans', () => {
  it('marks the previous ruleset’s plan stale and says why a search on 2,000 indicators gives up', async () => {
    const { page, log } = await freshPage();
    await page.locator('#platforms-body tr[data-platform="P2_regional_aicc"]').click();
    await page.locator('[data-testid=plan] li.clickable').filter({ hasText: 'renewable_energy_share' }).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=plan-stale]').count()).toBe(0);

    const seq = await waitForAnalysis(page);
    await setEditorText(page, generateRuleset(2000));
    // While the new text is analysed (seconds), the results and plan shown are said to be of an earlier text.
    // Read in one step in the page (the analysis may end between two steps on a fast machine): while both marks are
    // shown, the results are still those of the earlier analysis.
    const shown = await page.waitForFunction(
      (s) =>
        document.querySelector('[data-testid=pending]') !== null && document.querySelector('[data-testid=plan-stale]') !== null
          ? document.body.dataset['analysisSeq'] === s
            ? 'earlier'
            : 'newer'
          : false,
      String(seq),
    );
    expect(await shown.jsonValue()).toBe('earlier');
    await waitForAnalysis(page, seq, 30_000);
    expect(await page.locator('[data-testid=pending]').count()).toBe(0);
    // While P2's plan under the new ruleset is searched, the plan of the old one stays on screen, said to be stale.
    await page.waitForSelector('[data-testid=plan-stale]');
    expect(await page.locator('[data-testid=plan] .plan-title').innerText()).toContain('P2_regional_aicc L1 → L2');
    await page.locator('[data-testid=plan]').scrollIntoViewIfNeeded();
    await screenshot(page, '23-plan-stale');
    // Then P2's own answer (its evidence has no `flag`: the prerequisite blocks every level), no longer stale.
    await page.waitForFunction(() => document.querySelector('[data-testid=plan] .plan-title')?.textContent?.includes('not rated'), undefined, { timeout: 60_000 });
    expect(await page.locator('[data-testid=plan-stale]').count()).toBe(0);
    expect(await page.locator('#plan-body').innerText()).toContain('depends on flag');

    // A platform with `flag`: its search passes the playground's budget while listing candidates, and says so
    // (it used to fail with an empty message, the old plan left on screen).
    await page.click('#evidence-panel summary');
    await page.evaluate(() => window.assayPlayground?.evidenceEditor.getModel()?.setValue(JSON.stringify({ platform: 'U_big', evidence: { flag: true, i0: 50 } })));
    const t0 = Date.now();
    await page.click('#evidence-add');
    await page.waitForFunction(() => document.querySelector('[data-testid=plan] .plan-title')?.textContent?.includes('U_big'), undefined, { timeout: 60_000 });
    console.log(`plan search on 2,000 indicators answered in ${Date.now() - t0} ms`);
    const panel = await page.locator('#plan-body').innerText();
    expect(panel).toMatch(/search budget \(\d+ evaluations\)/);
    expect(await page.locator('[data-testid=plan-stale]').count()).toBe(0);
    expect(await page.locator('[data-testid=plan-error]').count()).toBe(0);
    await page.locator('[data-testid=plan]').scrollIntoViewIfNeeded();
    await screenshot(page, '24-plan-budget');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 150_000);
});

describe('plan searches that fail', () => {
  it('say why: a platform picked while the ruleset has errors', async () => {
    const { page, log } = await freshPage();
    await page.locator('#platforms-body tr[data-platform="P2_regional_aicc"]').click();
    await page.locator('[data-testid=plan] li.clickable').first().waitFor({ timeout: 30_000 });
    const seq = await waitForAnalysis(page);
    const text = await editorText(page);
    await setEditorText(page, text.replace('dimension A {', 'dimension A 42 {'));
    await waitForAnalysis(page, seq);
    await page.waitForSelector('[data-testid=stale]');
    await page.locator('#platforms-body tr[data-platform="P1_hub_operator"]').click();
    const failed = page.locator('[data-testid=plan-error]');
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.innerText()).toBe('The plan search failed: the ruleset has errors');
    await page.selectOption('#lang', 'zh-Hant');
    await page.locator('#platforms-body tr[data-platform="P2_regional_aicc"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-error]')?.textContent === '改進計畫搜尋失敗：規則集有錯誤', undefined, { timeout: 30_000 });
    await page.locator('[data-testid=plan]').scrollIntoViewIfNeeded();
    await screenshot(page, '28-plan-failed-zh-Hant');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('hostile input', () => {
  it('refuses a 408 KB share link that inflates to 300 MB while inflating, in three languages', async () => {
    // Build the link without holding 300 MB: deflate 1 MiB pieces of one JSON string.
    const deflate = createDeflateRaw({ level: 9 });
    const parts: Buffer[] = [];
    deflate.on('data', (c: Buffer) => parts.push(c));
    deflate.write('{"text":"');
    const piece = Buffer.alloc(2 ** 20, 'a');
    for (let i = 0; i < 300; i++) if (!deflate.write(piece)) await once(deflate, 'drain');
    deflate.end('","platforms":[]}');
    await once(deflate, 'end');
    const hash = Buffer.concat(parts).toString('base64url');
    console.log(`hostile share link: ${(hash.length / 1000).toFixed(0)} KB, inflates to 300 MB`);

    const { page, log } = await freshPage();
    await typeAtStart(page, '# kept\n');
    await page.waitForFunction(() => (localStorage.getItem('assay-playground:v1') ?? '').includes('# kept'));
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(`${env.server.url}#s=${hash}`);
    const notice = page.locator('[data-notice=share]');
    await notice.waitFor({ timeout: 20_000 });
    console.log(`refused in ${Date.now() - t0} ms`);
    expect(await notice.innerText()).toContain('more than 8 MB');
    // The page works and still has the autosaved work.
    await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
    expect((await editorText(page)).startsWith('# kept\n')).toBe(true);
    await screenshot(page, '25-share-too-large');
    await page.selectOption('#lang', 'zh-Hans');
    expect(await notice.innerText()).toContain('分享链接解压后超过 8 MB');
    await page.selectOption('#lang', 'zh-Hant');
    expect(await notice.innerText()).toContain('分享連結解壓縮後超過 8 MB');
    await screenshot(page, '25b-share-too-large-zh-Hant');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  // Issue 17's repro: a 400,000-digit literal, on which exact arithmetic never ended before the engine capped digits
  // (A113, refused at once now).
  const longNumber = (text: string): string => text.replace('<= 1.15: 100', `<= 1.${'1'.repeat(400_000)}: 100`);
  // A text whose analysis takes seconds however fast the engine is on hostile literals: 20,000 indicators, one line
  // each (2.8 MB, under the 4 MiB limit; about 2 s to compile in Node alone, more with the checks and the samples).
  const slow = generateRuleset(20_000, 50, true);
  const poisoned = (_text: string): string => slow;

  // (The worker's start counts against the budget: under load the first analysis alone took over 1 s here. 15,000
  // indicators is 3.6 MB, under the parser's 4 MiB limit. The engine got fast enough to analyse it in about 3 s on an
  // idle machine, so the test failed one run in two, before and after this session's changes: the CPU is slowed six
  // times, so that the analysis outlasts the budget whatever the machine's load.)
  it('stops whatever outlasts the budget, however the engine treats long numbers (15,000 indicators, 3 s)', async () => {
    const { page, log } = await freshPage('?analysisBudgetMs=3000');
    await waitForAnalysis(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await setEditorText(page, generateRuleset(15_000));
    const notice = page.locator('[data-notice=paused]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toMatch(/was stopped after \d+\.\d s/);
    expect(await notice.innerText()).toContain('it may then take up to 6 s');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('stops an analysis that runs past its budget, restarts the worker, and analyses again when asked', async () => {
    const { page, log } = await freshPage('?analysisBudgetMs=1000');
    const good = await editorText(page);
    await waitForAnalysis(page);
    await setEditorText(page, poisoned(good));
    const notice = page.locator('[data-notice=paused]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toMatch(/The analysis of “csp-assessment-1\.0\.assay” was stopped after \d+\.\d s/);
    // Asked again, the analysis gets twice the time (a slow ruleset may need it; 1 s → 2 s).
    expect(await notice.innerText()).toContain('it may then take up to 2 s');
    await page.waitForSelector('[data-testid=paused]');
    await screenshot(page, '26-watchdog');
    await page.selectOption('#lang', 'zh-Hans');
    expect(await notice.innerText()).toMatch(/“csp-assessment-1\.0\.assay”的分析在 \d+\.\d 秒后被停止/);
    expect(await page.locator('[data-action=paused]').innerText()).toBe('重新分析');
    expect(await page.locator('[data-testid=paused]').innerText()).toBe('分析已暂停：显示的结果不是此文本的');
    await screenshot(page, '26b-watchdog-zh-Hans');
    await page.selectOption('#lang', 'en');

    // Edits do not start the analysis again by themselves; the button does, on the worker started anew.
    const seq = await page.evaluate(() => Number(document.body.dataset['analysisSeq'] ?? 0));
    await setEditorText(page, good.replace('<= 1.15: 100', '<= 1.16: 100'));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => Number(document.body.dataset['analysisSeq'] ?? 0))).toBe(seq);
    await page.click('[data-action=paused]');
    await waitForAnalysis(page, seq);
    expect(await page.locator('[data-notice=paused]').count()).toBe(0);
    expect(await page.locator('[data-testid=paused]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('assay-playground:analysing:main'))).toBeNull();
    // The doubled budget holds: poisoned again, it is stopped after about 2 s, and would get 4 s next.
    await setEditorText(page, poisoned(good));
    await notice.waitFor({ timeout: 30_000 });
    const again = await notice.innerText();
    expect(Number(/stopped after (\d+\.\d) s/.exec(again)?.[1])).toBeGreaterThanOrEqual(2);
    expect(again).toContain('it may then take up to 4 s');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('opens a 12 KB share link holding a 400,000-digit number at once, with A113 where it hung before; the autosave beside it is untouched', async () => {
    const { page, log } = await freshPage();
    const good = await editorText(page);
    await typeAtStart(page, '# mine\n');
    await page.waitForFunction(() => (localStorage.getItem('assay-playground:v1') ?? '').includes('# mine'));
    const link = shareLink({ text: longNumber(good), fileName: 'huge-number.assay', platforms: [], compareBase: '', compareHead: 'editor' });
    console.log(`long-number share link: ${(link.length / 1000).toFixed(0)} KB`);
    await page.goto('about:blank');
    const opened = Date.now();
    await page.goto(link);
    await page.waitForSelector('[data-testid=problems] li.sev-error', { timeout: 30_000 });
    console.log(`long-number share link analysed in ${Date.now() - opened} ms`);
    expect(await page.locator('[data-testid=problems] li.sev-error').first().innerText()).toContain('A113');
    expect(await page.locator('[data-notice=paused]').count()).toBe(0);
    expect((await editorText(page)).length).toBe(longNumber(good).length);
    const mine = await page.evaluate(() => JSON.parse(localStorage.getItem('assay-playground:v1') ?? '{}') as { text?: string });
    expect(mine.text?.startsWith('# mine\n')).toBe(true);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('stops the analysis of a share link whose analysis outlasts the budget; the autosave beside it is untouched', async () => {
    const { page, log } = await freshPage();
    await typeAtStart(page, '# mine\n');
    await page.waitForFunction(() => (localStorage.getItem('assay-playground:v1') ?? '').includes('# mine'));
    const link = shareLink({ text: slow, fileName: 'slow.assay', platforms: [], compareBase: '', compareHead: 'editor' });
    console.log(`slow share link: ${(link.length / 1000).toFixed(0)} KB`);
    await page.goto('about:blank');
    await page.goto(link.replace('#s=', '?analysisBudgetMs=1000#s='));
    const notice = page.locator('[data-notice=paused]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('The analysis of “slow.assay” was stopped');
    expect((await editorText(page)).length).toBe(slow.length);
    const mine = await page.evaluate(() => JSON.parse(localStorage.getItem('assay-playground:v1') ?? '{}') as { text?: string });
    expect(mine.text?.startsWith('# mine\n')).toBe(true);
    // The page still answers: the bundled ruleset replaces the slow text and is analysed on the new worker.
    const seq = await page.evaluate(() => Number(document.body.dataset['analysisSeq'] ?? 0));
    await page.selectOption('#bundled', 'csp-assessment@1.0');
    await waitForAnalysis(page, seq);
    expect(await page.locator('[data-notice=paused]').count()).toBe(0);
    expect(await page.locator('#platforms-body tr[data-platform]').count()).toBe(5);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('reopens a document whose analysis never finished (tab closed or stopped) paused, text shown', async () => {
    // The tab is closed while the analysis of the poisoned text runs (default budget: it is not stopped first).
    const { page } = await freshPage();
    const good = await editorText(page);
    await waitForAnalysis(page);
    await setEditorText(page, poisoned(good));
    // Closed once the text is saved while its analysis is still running (the mark says so), and has run for longer
    // than an ordinary analysis (a tab closed within 2 s of an analysis' start clears the mark: no sign of poison).
    await page.waitForFunction(
      () => (localStorage.getItem('assay-playground:v1') ?? '').length > 2_000_000 && localStorage.getItem('assay-playground:analysing:main') !== null,
    );
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => localStorage.getItem('assay-playground:analysing:main'))).not.toBeNull();
    await page.close();

    const next = await env.browser.context.newPage();
    const log = watch(next);
    await next.goto(env.server.url);
    const notice = next.locator('[data-notice=paused]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toContain('did not finish');
    expect((await editorText(next)).length).toBe(poisoned(good).length);
    // Paused: nothing analysed for a while (the slow text would hold the worker).
    await next.waitForTimeout(1500);
    expect(await next.evaluate(() => document.body.dataset['analysisSeq'])).toBeUndefined();
    await screenshot(next, '27-recovered-paused');
    await setEditorText(next, good);
    await next.click('[data-action=paused]');
    await waitForAnalysis(next);
    expect(await next.locator('#platforms-body tr[data-platform]').count()).toBe(5);
    expect(log.consoleErrors).toEqual([]);
    await next.close();
  });
});
