// The built playground loads cleanly: no console error, no failed request, Monaco's and Assay's
// workers loaded as files (not blob: URLs, not the main-thread fallback), the main regions present,
// also when served from a sub-folder.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLANK_PATH, REPO, screenshot, startServer, usePlayground, waitForAnalysis, watch } from './harness';

const env = usePlayground();

describe('loading the playground', () => {
  it('loads with no console error and its workers as files', async () => {
    const page = await env.browser.context.newPage();
    const log = watch(page);
    await page.goto(env.server.url);
    await page.waitForSelector('[data-testid=editor] .view-lines');
    await waitForAnalysis(page);
    // Open the evidence panel so the JSON worker starts too.
    await page.click('#evidence-panel summary');
    await page.waitForFunction(() => (window.assayPlayground?.requestedWorkers ?? []).includes('json'), undefined, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await screenshot(page, '01-loaded');

    for (const id of ['editor', 'problems', 'platforms', 'level', 'indicators', 'radar', 'explanation', 'share']) {
      expect(await page.locator(`[data-testid=${id}]`).count(), id).toBe(1);
    }
    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    const workerFiles = log.workers.map((u) => new URL(u).pathname.split('/').pop() ?? u);
    expect(log.workers.every((u) => u.startsWith(env.server.url))).toBe(true);
    expect(workerFiles.some((f) => f.startsWith('assay.worker'))).toBe(true);
    expect(workerFiles.some((f) => f.startsWith('editor.worker'))).toBe(true);
    expect(workerFiles.some((f) => f.startsWith('json.worker'))).toBe(true);
    await page.close();
  });

  it('the harness blank page asks for nothing that 404s (a late favicon error once failed a suite)', async () => {
    const page = await env.browser.context.newPage();
    const log = watch(page);
    await page.goto(new URL(BLANK_PATH, env.server.url).href);
    await page.waitForTimeout(1000);
    expect([...log.consoleErrors, ...log.failedRequests]).toEqual([]);
    await page.close();
  });

  it('works from a sub-folder of any static server (relative paths)', async () => {
    const sub = await startServer(join(REPO, 'playground'));
    try {
      const page = await env.browser.context.newPage();
      const log = watch(page);
      await page.goto(`${sub.url}dist/`);
      await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: 20_000 });
      expect(log.consoleErrors).toEqual([]);
      expect(log.failedRequests).toEqual([]);
      expect(log.workers.every((u) => u.startsWith(`${sub.url}dist/assets/`))).toBe(true);
      await page.close();
    } finally {
      await sub.close();
    }
  });
});
