// The HTML assessment report in headless Chromium: it opens from a file with no console error and no network
// request, shows the radar chart (with the corpus median) and the level badge, links the batch summary to each
// platform, and prints to PDF. In: the bundled ruleset and sample platforms. Out: screenshots and a PDF in
// test-artifacts/report/ (kept for review).

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusStats, placeIn } from '../../engine/analyses/benchmark';
import { explainPlatform } from '../../engine/analyses/explain/index';
import { improvementPlans } from '../../engine/analyses/gap/index';
import { sha256Text } from '../../engine/model/hash';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import { reportHtml, type ReportItem } from '../../engine/report/index';
import { openBrowser, REPO, watch, type Browser } from './harness';

const ARTIFACTS = join(REPO, 'test-artifacts/report');
const DIR = join(REPO, 'rulesets/csp-assessment');

function buildReport(lang: 'en' | 'zh-Hans', files: readonly string[]): string {
  const ruleset = compileRuleset(readFileSync(join(DIR, '1.0.assay'), 'utf8')).ruleset;
  if (!ruleset) throw new Error('ruleset does not compile');
  const corpusDir = join(DIR, 'platforms');
  const corpus = corpusStats(
    ruleset.model,
    readdirSync(corpusDir).flatMap((f) => parseEvidenceText(readFileSync(join(corpusDir, f), 'utf8'), f).platforms.map((d) => ruleset.assess(d))),
    'platforms',
  );
  const items: ReportItem[] = files.map((f) => {
    const text = readFileSync(join(corpusDir, f), 'utf8');
    const doc = parseEvidenceText(text, f).platforms[0];
    if (!doc) throw new Error(`no platform in ${f}`);
    const { assessment, explanation } = explainPlatform(ruleset, doc, { lang });
    return {
      explanation: { ...explanation, benchmark: placeIn(corpus, assessment) },
      gap: improvementPlans(ruleset, doc, { lang }),
      evidenceFile: `rulesets/csp-assessment/platforms/${f}`,
      evidenceHash: `sha256:${sha256Text(text)}`,
    };
  });
  return reportHtml(items, { ruleset, assayVersion: 'test', renderedAt: '2026-07-01T00:00:00.000Z', lang });
}

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await openBrowser();
    dir = mkdtempSync(join(tmpdir(), 'assay-report-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a batch report offline, with the radar chart, badges and working links', async () => {
    const files = readdirSync(join(DIR, 'platforms')).filter((f) => f.endsWith('.yaml')).sort();
    const path = join(dir, 'batch.html');
    writeFileSync(path, buildReport('en', files));
    const page = await browser.context.newPage();
    const log = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(path).href);
    await page.waitForSelector('svg.radar');
    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('section.platform').count()).toBe(files.length);
    expect(await page.locator('svg.radar').count()).toBe(files.length);
    // Each radar has the platform polygon and the corpus median; the platform polygon has one point per dimension.
    const points = await page.locator('section.platform').first().locator('svg.radar polygon.own').getAttribute('points');
    expect(points?.trim().split(/\s+/)).toHaveLength(7);
    expect(await page.locator('section.platform').first().locator('svg.radar polygon.median').count()).toBe(1);
    const box = await page.locator('svg.radar').first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(await page.locator('section.summary svg.bars rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('.badge').first().innerText()).toContain('L4');
    // The summary links to each platform section.
    const hrefs = await page.locator('section.summary table a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toHaveLength(files.length);
    for (const h of hrefs) expect(await page.locator(h).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'batch-top.png') });
    await page.locator('section.platform').nth(1).scrollIntoViewIfNeeded();
    await page.locator('section.platform').nth(1).screenshot({ path: join(ARTIFACTS, 'platform-p2.png') });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, 'batch.pdf'), format: 'A4', printBackground: true });
    await page.close();
  });

  it('renders a single-platform report in Chinese', async () => {
    const path = join(dir, 'p2.html');
    writeFileSync(path, buildReport('zh-Hans', ['p2-regional-aicc.yaml']));
    const page = await browser.context.newPage();
    const log = watch(page);
    await page.goto(pathToFileURL(path).href);
    await page.waitForSelector('svg.radar');
    expect(log.consoleErrors).toEqual([]);
    expect(await page.locator('section.summary').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toContain('评估报告');
    expect(await page.locator('body').innerText()).toContain('维度 G 得分率 56.9% < 60%');
    await page.screenshot({ path: join(ARTIFACTS, 'single-zh.png'), fullPage: false });
    await page.close();
  });
});
