// The table view and "What changed" in the built playground: the twelve changes 0.9 → 1.0 made through the grids
// only (never the text editor) give 1.0's canonical form and content hash; weights re-sum as typed; the checker's
// problems show in the cells; a cell edit is one undo step; an edit's effect on the sample platforms shows as
// before → after with its cause. In: playground/dist served locally, headless Chromium. Out: assertions, screenshots.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import { parseRuleset } from '../../dsl/parse';
import { rulesetHash } from '../../engine/model/hash';
import { cellKey, opKey, type CellRef, type TableOp } from '../../playground/src/table-edit';
import { TWELVE_CHANGES } from '../support/csp-twelve-changes';
import { REPO, screenshot, usePlayground, waitForAnalysis, watch, openFresh } from './harness';

const env = usePlayground();
let page: Page;
let log: ReturnType<typeof watch>;

const V10 = readFileSync(`${REPO}/rulesets/csp-assessment/1.0.assay`, 'utf8');

function editorText(): Promise<string> {
  return page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() ?? '');
}

async function openBundled(ref: string, needle: string): Promise<void> {
  await page.selectOption('#bundled', ref);
  const dialog = page.locator('#confirm-dialog[open]');
  if (await dialog.isVisible().catch(() => false)) await page.click('#confirm-replace');
  await page.waitForFunction((n) => (window.assayPlayground?.editor.getModel()?.getValue() ?? '').includes(n), needle, { timeout: 10_000 });
}

/** The indicator whose details row holds `cell` (labels, unit, methods, basis, formerly, bands), if any. */
function detailOf(cell: CellRef): string | undefined {
  if (cell.kind === 'band' || cell.kind === 'entry') return cell.id;
  if (cell.kind === 'label' && cell.owner.kind === 'indicator') return cell.owner.id;
  if (cell.kind === 'indicator' && !['id', 'weight', 'type', 'direction'].includes(cell.field)) return cell.id;
  return undefined;
}

async function expand(id: string): Promise<void> {
  if ((await page.locator(`[data-detail="${id}"]`).count()) > 0) return;
  await page.click(`[data-expand="${id}"]`);
  await page.waitForSelector(`[data-detail="${id}"]`);
}

/** Makes `op` as an editor would, in the grids: fill a cell and press Enter, pick an option, or click a row button. */
async function perform(op: TableOp): Promise<void> {
  const before = await editorText();
  const table = page.locator('[data-testid=table-editor]');
  switch (op.kind) {
    case 'set': {
      const id = detailOf(op.cell);
      if (id !== undefined) await expand(id);
      const cell = table.locator(`[data-cell="${cellKey(op.cell)}"]`);
      if ((await cell.evaluate((el) => el.tagName)) === 'SELECT') await cell.selectOption(op.value);
      else {
        await cell.fill(op.value);
        await cell.press('Enter');
      }
      break;
    }
    case 'addIndicator':
      await table.locator(`[data-add-indicator="${op.dimension}"]`).fill(op.id);
      if (op.after !== undefined) await table.locator(`[data-add-after="${op.dimension}"]`).selectOption(op.after);
      await table.locator(`[data-add-indicator-button="${op.dimension}"]`).click();
      break;
    case 'addVeto':
      await table.locator('[data-add-veto]').fill(op.id);
      await table.locator('[data-add-veto-button]').click();
      break;
    default:
      if ('id' in op && (op.kind.endsWith('Band') || op.kind.endsWith('Entry'))) await expand(op.id);
      await table.locator(`[data-op="${opKey(op)}"]`).click();
  }
  await page.waitForFunction((b) => window.assayPlayground?.editor.getModel()?.getValue() !== b, before, { timeout: 5_000 });
  expect(await page.locator('[data-testid=table-refusal]').count(), JSON.stringify(op)).toBe(0);
}

beforeAll(async () => {
  ({ page, log } = await openFresh(env));
  await page.selectOption('#lang', 'en');
});

describe('table view', () => {
  it('makes the twelve changes of 0.9 → 1.0 through the grids only, giving 1.0’s canonical form; one cell is one undo step', async () => {
    await openBundled('csp-assessment@0.9', 'version "0.9"');
    await page.click('#tab-table');
    await page.waitForSelector('[data-testid=table-editor] [data-cell="header:version"]');
    const comments09 = parseRuleset(await editorText()).ast.comments.map((c) => c.text);
    let beforeLast = '';
    for (const { ops } of TWELVE_CHANGES) {
      for (const op of ops) {
        beforeLast = await editorText();
        await perform(op);
      }
    }
    const text = await editorText();
    const ast = parseRuleset(text).ast;
    expect(rulesetHash(ast)).toBe(rulesetHash(parseRuleset(V10).ast));
    // Every comment of 0.9 is still there.
    expect(ast.comments.map((c) => c.text)).toEqual(comments09);
    // The grids show the result: the new indicator, the new vetoes, the B and G sums add up.
    const table = page.locator('[data-testid=table-editor]');
    await expect.poll(() => table.locator('[data-indicator="asset_inventory_consistency"]').count()).toBe(1);
    expect(await table.locator('[data-veto="V6"]').count()).toBe(1);
    expect(await table.locator('[data-indicator="support_response_p1"]').count()).toBe(0);
    expect(await page.locator('[data-sum-indicators="B"]').innerText()).toBe('20');
    expect(await page.locator('[data-sum-indicators="G"]').innerText()).toBe('8');
    await waitForAnalysis(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=problems] li.sev-error').length === 0, undefined, { timeout: 10_000 });
    // Undo (Ctrl+Z in the text editor) takes back exactly the last cell's edit; redo makes it again.
    await page.evaluate(() => window.assayPlayground?.editor.focus());
    await page.keyboard.press('Control+z');
    expect(await editorText()).toBe(beforeLast);
    await page.keyboard.press('Control+Shift+z');
    expect(await editorText()).toBe(text);
    // The grids redraw from the text a moment after an edit made in the text editor.
    await page.waitForTimeout(300);
    await expand('asset_inventory_consistency');
    await table.locator('[data-indicator="asset_inventory_consistency"]').scrollIntoViewIfNeeded();
    await screenshot(page, '60-table-view');
  });

  it('re-sums the weights as they are typed and shows the checker’s problems in the cells they concern', async () => {
    const weight = page.locator('[data-cell="indicator:rack_occupancy:weight"]');
    await weight.fill('3');
    // Not committed yet: the sums follow the typing.
    expect(await page.locator('[data-sum-indicators="G"]').innerText()).toContain('10');
    expect(await page.locator('[data-sum-indicators="G"]').getAttribute('class')).toContain('sum-off');
    const before = await editorText();
    await weight.press('Enter');
    await page.waitForFunction((b) => window.assayPlayground?.editor.getModel()?.getValue() !== b, before);
    // A401 (the weights of G do not add up to 8) is reported at G: it shows on G's sum in the dimensions grid.
    const sum = page.locator('[data-sum="G"]');
    await expect.poll(() => sum.getAttribute('data-problem'), { timeout: 10_000 }).toContain('A401');
    // A name the checker does not know, in a veto's condition: the problem is in that cell.
    const when = page.locator('[data-cell="veto:V1"]');
    const t1 = await editorText();
    await when.fill('declared_vs_measured_gapp > 10');
    await when.press('Enter');
    await page.waitForFunction((b) => window.assayPlayground?.editor.getModel()?.getValue() !== b, t1);
    await expect.poll(() => page.locator('[data-cell="veto:V1"]').getAttribute('class'), { timeout: 10_000 }).toContain('problem-error');
    await page.locator('[data-veto="V1"]').scrollIntoViewIfNeeded();
    await screenshot(page, '61-table-problems');
    // A cell that would break the text is refused and says why; the text stays.
    const t2 = await editorText();
    await page.locator('[data-cell="veto:V1"]').fill('declared_vs_measured_gap > ');
    await page.locator('[data-cell="veto:V1"]').press('Enter');
    await page.waitForSelector('[data-testid=table-refusal]');
    expect(await editorText()).toBe(t2);
    // What was typed stays in the cell, marked, so nothing typed is lost.
    const refused = page.locator('[data-cell="veto:V1"][data-refused]');
    expect(await refused.inputValue()).toBe('declared_vs_measured_gap > ');
    expect(await refused.getAttribute('class')).toContain('problem-error');
    // Ctrl+Z in the grids: each press takes back one cell's edit (the refused one made none).
    await page.locator('[data-cell="veto:V1"]').fill('declared_vs_measured_gapp > 10');
    await page.locator('[data-cell="veto:V1"]').press('Control+z');
    await page.locator('[data-cell="veto:V1"]').press('Control+z');
    expect(await editorText()).toBe(before);
    // The grids speak the page's language.
    await page.selectOption('#lang', 'zh-Hans');
    await expect.poll(() => page.locator('[data-table="vetoes"] h2').innerText()).toBe('否决项');
    await page.locator('[data-table="dimensions"]').scrollIntoViewIfNeeded();
    await screenshot(page, '63-table-zh-Hans');
    await page.selectOption('#lang', 'en');
    await expect.poll(() => page.locator('[data-table="vetoes"] h2').innerText()).toBe('Vetoes');
  });
});

describe('what changed', () => {
  it('shows before → after of every moved platform with the cause of the move, score-only moves included, and the square matrix', async () => {
    await openBundled('csp-assessment@1.0', 'version "1.0"');
    await page.click('#tab-table');
    await page.waitForSelector('[data-testid=table-editor] [data-cell="veto:V1"]');
    // V1 back to gap > 15: P3 (gap 12) is no longer vetoed.
    const seq = await waitForAnalysis(page);
    const when = page.locator('[data-cell="veto:V1"]');
    await when.fill('declared_vs_measured_gap > 15 or metric_disclosure = misleading');
    await when.press('Enter');
    await waitForAnalysis(page, seq);
    const delta = page.locator('[data-testid=delta]');
    const p3 = delta.locator('tr[data-platform="P3_gpu_rental_startup"]');
    await expect.poll(() => p3.locator('[data-delta="level"]').getAttribute('data-after'), { timeout: 15_000 }).toBe('L0');
    expect(await p3.locator('[data-delta="level"]').getAttribute('data-before')).toBe('vetoed');
    expect(await p3.locator('[data-delta="level"]').getAttribute('class')).toContain('moved');
    await expect.poll(() => delta.locator('[data-causes="P3_gpu_rental_startup"]').innerText(), { timeout: 30_000 }).toContain('V1');
    // Others stay as they were, not highlighted.
    expect(await delta.locator('tr[data-platform="P1_hub_operator"] .moved').count()).toBe(0);
    // The matrix is square over every level and outcome: vetoed → L0 counted once.
    const matrix = delta.locator('[data-testid=delta-matrix]');
    await matrix.waitFor();
    const cols = await matrix.locator('thead th[data-col]').count();
    expect(await matrix.locator('tbody tr').count()).toBe(cols);
    expect(await matrix.locator('[data-cell="vetoed->L0"]').innerText()).toBe('1');
    for (const l of ['L5', 'L4', 'L3', 'L2', 'L1', 'L0']) expect(await matrix.locator(`th[data-col="${l}"]`).count()).toBe(1);

    // A score-only move: pue ≤ 1.25 now gives 70 points (was 80); P1 (pue 1.22) loses 0.30 and stays L4.
    await expand('pue');
    const seq2 = await waitForAnalysis(page);
    const points = page.locator('[data-cell="band:pue:2:points"]');
    await points.fill('70');
    await points.press('Enter');
    await waitForAnalysis(page, seq2);
    const p1 = delta.locator('tr[data-platform="P1_hub_operator"]');
    await expect.poll(() => p1.locator('[data-delta="total"]').getAttribute('data-after'), { timeout: 15_000 }).toBe('90.90');
    expect(await p1.locator('[data-delta="total"]').getAttribute('data-before')).toBe('91.20');
    expect(await p1.locator('[data-delta="total"]').getAttribute('class')).toContain('moved');
    expect(await p1.locator('[data-delta="level"]').getAttribute('class')).not.toContain('moved');
    expect(await p1.locator('[data-delta="share:G"]').getAttribute('class')).toContain('moved');
    await expect.poll(() => delta.locator('[data-causes="P1_hub_operator"]').innerText(), { timeout: 30_000 }).toContain('pue');
    expect(await delta.locator('[data-causes="P3_gpu_rental_startup"]').count()).toBe(0);
    // P3 is back as it was in the previous step's "after": the delta is of the last edit only.
    expect(await p3.locator('.moved').count()).toBe(0);
    await page.locator('[data-detail="pue"]').scrollIntoViewIfNeeded();
    await screenshot(page, '62-delta');
    expect(log.consoleErrors, [...log.consoleErrors, ...log.failedRequests].join('\n')).toEqual([]);
  });
});

describe('a large ruleset in the tables', () => {
  it('opens 2,000 indicators with the indicator grids folded; an unfolded grid edits and re-sums as usual', async () => {
    const text = generateRuleset(2000);
    await page.evaluate((t) => window.assayPlayground?.editor.getModel()?.setValue(t), text);
    await page.click('#tab-preview');
    await waitForAnalysis(page);
    const t0 = Date.now();
    await page.click('#tab-table');
    await page.waitForSelector('[data-testid=table-editor] [data-dimension="D39"]');
    const openMs = Date.now() - t0;
    // 40 dimensions of 50: every indicator grid folded, no indicator row drawn.
    expect(await page.locator('[data-expand-dimension][aria-expanded="false"]').count()).toBe(40);
    expect(await page.locator('[data-testid=table-editor] tr[data-indicator]').count()).toBe(0);
    await page.click('[data-expand-dimension="D7"]');
    const grid = page.locator('[data-table="indicators:D7"]');
    await grid.locator('tr[data-indicator]').first().waitFor();
    expect(await grid.locator('tr[data-indicator]').count()).toBe(50);
    const weight = grid.locator('input[data-cell$=":weight"]').first();
    const was = Number(await weight.inputValue());
    const before = await page.evaluate(() => window.assayPlayground?.editor.getModel()?.getValue() ?? '');
    await weight.fill(String(was + 1));
    // Timed in the page: from the Enter key to the grids redrawn from the edited text.
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid=table-editor]');
      document.addEventListener('keydown', () => (window as unknown as { t0: number }).t0 = performance.now(), { capture: true, once: true });
      new MutationObserver((_, o) => {
        (window as unknown as { t1: number }).t1 = performance.now();
        o.disconnect();
      }).observe(root as Node, { childList: true });
    });
    await weight.press('Enter');
    await page.waitForFunction((b) => window.assayPlayground?.editor.getModel()?.getValue() !== b, before);
    await page.locator('[data-table="indicators:D7"] [data-sum-indicators="D7"].sum-off').waitFor();
    const editMs = await page.evaluate(() => Math.round((window as unknown as { t1: number }).t1 - (window as unknown as { t0: number }).t0));
    await expect.poll(() => page.locator('[data-sum="D7"]').getAttribute('data-problem'), { timeout: 30_000 }).toContain('A401');
    console.log(`2,000 indicators: tables opened in ${openMs} ms, a weight edit applied and redrawn in ${editMs} ms (render: parse, build, problems ms = ${await page.locator('[data-testid=table-editor]').getAttribute('data-render-ms')})`);
    await screenshot(page, '64-table-large');
  });
});
