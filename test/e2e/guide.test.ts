// The editors' guide opens from the playground in the page's language, its language links switch the text, and it is
// reachable and closable by keyboard. In: playground/dist, headless Chromium. Out: assertions and a screenshot.

import { describe, expect, it } from 'vitest';
import { screenshot, usePlayground, openFresh } from './harness';

const env = usePlayground();

describe('the guide in the playground', () => {
  it('opens in the chosen language, switches language by its links, and closes with Escape', async () => {
    const { page } = await openFresh(env);
    await page.selectOption('[data-testid="lang"]', 'zh-Hant');
    await expect.poll(() => page.locator('[data-testid="guide-button"]').innerText()).toBe('指南');
    await page.locator('[data-testid="guide-button"]').focus();
    await page.keyboard.press('Enter');
    const guide = page.locator('[data-testid="guide"]');
    await guide.locator('#guide-body h1').waitFor({ timeout: 10_000 });
    expect(await guide.locator('#guide-body h1').innerText()).toBe('標準編製者的 Assay 指南');
    // Worked examples are in the page as code, tables as tables.
    expect(await guide.locator('#guide-body pre code').count()).toBeGreaterThan(10);
    expect(await guide.locator('#guide-body table').count()).toBeGreaterThan(0);
    await screenshot(page, 'guide-zh-Hant');
    await guide.getByRole('link', { name: 'English' }).click();
    expect(await guide.locator('#guide-body h1').innerText()).toBe('Assay for standards editors');
    expect(await guide.locator('#guide-body').getAttribute('lang')).toBe('en');
    await page.keyboard.press('Escape');
    await expect.poll(() => guide.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.close();
  }, 60_000);
});
