// The Document tab of the built playground: the ruleset in the editor as the standard prints it, with the revision
// table against the Compare tab's base version. Its tables are the engine's document cell by cell; with 0.9 open
// they are the tables of draft-0.9.md; it follows edits, the version picker and the language; its downloads are the
// engine's Markdown and a valid .docx.
// In: playground/dist served locally, headless Chromium. Out: assertions and screenshots in test-artifacts/e2e/.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentBlocks, documentOf, renderDocument } from '../../engine/document/index';
import { compileRuleset } from '../../engine/index';
import { bandPairs, markdownTables, methodPairs } from '../document/tables';
import { REPO, screenshot, usePlayground, openFresh } from './harness';

const env = usePlayground();
const RULESETS = join(REPO, 'rulesets/csp-assessment');

function model(v: string) {
  const r = compileRuleset(readFileSync(join(RULESETS, `${v}.assay`), 'utf8')).ruleset;
  if (!r) throw new Error(`${v} did not compile`);
  return r.model;
}

/** Every table of the Document tab: its name and its cells as shown. */
function domTables(page: Page): Promise<{ name: string; head: string[]; rows: string[][] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLTableElement>('[data-testid=document] table[data-table]')].map((t) => ({
      name: t.dataset['table'] ?? '',
      head: [...t.querySelectorAll('thead th')].map((c) => c.textContent ?? ''),
      rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')),
    })),
  );
}

/** Waits until the document's table `name` has a row whose first cell is `id` and whose cell `col` is `text`. */
async function waitForCell(page: Page, name: string, id: string, col: number, text: string): Promise<void> {
  await page.waitForFunction(
    ([n, i, c, x]) =>
      [...document.querySelectorAll(`[data-testid=document] table[data-table="${n}"] tbody tr`)].some(
        (r) => r.querySelector('td')?.textContent === i && r.querySelectorAll('td')[Number(c)]?.textContent === x,
      ),
    [name, id, String(col), text] as const,
    { timeout: 20_000 },
  );
}

describe('the Document tab', () => {
  it('shows the editor’s ruleset as the standard prints it, with the revision table against the compare version', async () => {
    const { page, log } = await openFresh(env);
    await page.click('#tab-document');
    await page.waitForSelector('[data-testid=document] table[data-table=revision] tbody tr', { timeout: 20_000 });
    expect(await page.isVisible('[data-testid=document]')).toBe(true);
    expect(await page.isHidden('#view-preview')).toBe(true);
    expect(await page.locator('[data-testid=document-against]').inputValue()).toBe('csp-assessment@0.9');

    // every table is the engine's document of 1.0 against 0.9, cell by cell
    const expected = documentBlocks(documentOf(model('1.0'), 'en', { against: model('0.9') })).filter((b) => b.kind === 'table');
    const shown = await domTables(page);
    expect(shown.map((t) => t.name)).toEqual(expected.map((b) => b.name));
    for (const [k, b] of expected.entries()) expect(shown[k], b.name).toEqual({ name: b.name, head: [...b.head], rows: b.rows.map((r) => [...r]) });
    const revision = shown.find((t) => t.name === 'revision');
    expect(revision?.rows).toHaveLength(12);
    expect(revision?.rows.find((r) => (r[2] ?? '').includes('band removed: pue'))?.slice(3)).toEqual(['≤1.50: 20', 'removed (points change: pue in (1.40, 1.50]: 20 → 0)']);
    expect(await page.locator('[data-testid=document] h1').innerText()).toBe('Computing-power service platform capability assessment — 1.0 (published)');
    await screenshot(page, 'document-1.0-against-0.9');

    // downloads: the Markdown is the engine's, the .docx a valid Word package
    const saved = async (testid: string): Promise<{ name: string; bytes: Buffer }> => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
      const path = join(mkdtempSync(join(tmpdir(), 'assay-dl-')), dl.suggestedFilename());
      await dl.saveAs(path);
      return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
    };
    const md = await saved('document-download-md');
    expect(md.name).toBe('csp-assessment-1.0-from-0.9.en.md');
    expect(md.bytes.toString('utf8')).toBe(renderDocument(documentOf(model('1.0'), 'en', { against: model('0.9') }), 'md'));
    const docx = await saved('document-download-docx');
    expect(docx.name).toBe('csp-assessment-1.0-from-0.9.en.docx');
    expect(docx.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const file = join(mkdtempSync(join(tmpdir(), 'assay-dl-')), 'x.docx');
    writeFileSync(file, docx.bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    expect(execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' })).toContain('asset_inventory_consistency');

    // no revision table when none is chosen
    await page.selectOption('[data-testid=document-against]', '');
    await page.waitForFunction(() => !document.querySelector('[data-testid=document] table[data-table=revision]') && document.querySelector('[data-testid=document] table[data-table=levels]'));

    // with 0.9 open, the indicator tables are those of draft-0.9.md
    await page.selectOption('#bundled', 'csp-assessment@0.9');
    await waitForCell(page, 'indicators-A', 'total_compute_scale', 4, '≥1000: 100; ≥300: 80; ≥100: 60; ≥20: 40; else 20');
    const standard = markdownTables(readFileSync(join(RULESETS, 'draft-0.9.md'), 'utf8')).filter((t) => /^[A-G] /.test(t.heading));
    const mine = await domTables(page);
    for (const s of standard) {
      const dim = s.heading.slice(0, 1);
      const t = mine.find((x) => x.name === `indicators-${dim}`);
      expect(t?.rows.map((r) => r[0]), dim).toEqual(s.rows.map((r) => r[0]));
      s.rows.forEach((r, k) => {
        const row = t?.rows[k] ?? [];
        expect([bandPairs(row[4] ?? ''), methodPairs(row[5] ?? ''), row[6], row[7], row[3]], r[0]).toEqual([bandPairs(r[4] ?? ''), methodPairs(r[5] ?? ''), r[6], r[7], r[3]]);
      });
    }

    // an edit in the editor shows in the document
    await page.evaluate(() => {
      const m = window.assayPlayground?.editor.getModel();
      if (!m) throw new Error('no model');
      const at = m.getValue().indexOf('>= 300: 80');
      const s = m.getPositionAt(at);
      const e = m.getPositionAt(at + '>= 300'.length);
      m.applyEdits([{ range: { startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column }, text: '>= 350' }]);
    });
    await waitForCell(page, 'indicators-A', 'total_compute_scale', 4, '≥1000: 100; ≥350: 80; ≥100: 60; ≥20: 40; else 20');

    // the reader's language
    await page.selectOption('[data-testid=lang]', 'zh-Hans');
    await waitForCell(page, 'indicators-A', 'total_compute_scale', 1, '算力规模');
    expect(await page.locator('#tab-document').innerText()).toBe('标准文本');
    await page.selectOption('[data-testid=document-against]', 'csp-assessment@1.0');
    await page.waitForSelector('[data-testid=document] table[data-table=revision] tbody tr');
    expect(await page.locator('[data-testid=document] h2').first().innerText()).toBe('相对 1.0 版的修订');
    await screenshot(page, 'document-0.9-edited-zh-Hans');
    await page.locator('[data-testid=document] table[data-table=indicators-E]').scrollIntoViewIfNeeded();
    await screenshot(page, 'document-indicator-tables-zh-Hans');

    // a ruleset with errors keeps the last document, greyed, and says why
    await page.evaluate(() => window.assayPlayground?.editor.getModel()?.setValue('ruleset "x" { version "1" }\ndimension A { weight ? }\n'));
    await page.waitForFunction(() => document.getElementById('document-body')?.classList.contains('stale'), undefined, { timeout: 20_000 });
    expect(await page.locator('#document-status').innerText()).toContain('规则集有错误');
    expect(await domTables(page)).not.toHaveLength(0);

    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    await page.close();
  });
});
