// Test harness of the e2e suite: a tiny static file server for playground/dist and a headless Chromium.
// In: nothing. Out: `startServer()` (127.0.0.1, random port), `openBrowser()` (fresh temp profile), and
// helpers that collect console errors, failed requests and worker URLs, and save screenshots.

import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(REPO, 'playground/dist');
export const ARTIFACTS = join(REPO, 'test-artifacts/e2e');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** An empty page of the same origin, for clearing storage without running the app. It names a `data:`
 * icon: otherwise Chromium asks for /favicon.ico, and that 404 can reach a console watcher attached later. */
export const BLANK_PATH = '/__blank';

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `root` read-only on 127.0.0.1 at a random port (plus `BLANK_PATH`); never serves outside `root`. */
export async function startServer(root = DIST): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === BLANK_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>blank</title><link rel="icon" href="data:,">');
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The browser keeps connections alive; without this, close() waits for them.
        server.closeAllConnections();
      }),
  };
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'assay-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1600, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLog {
  readonly consoleErrors: string[];
  readonly failedRequests: string[];
  readonly workers: string[];
}

/** Records console errors, page errors, failed requests and worker URLs of `page`. */
export function watch(page: Page): PageLog {
  const log: PageLog = { consoleErrors: [], failedRequests: [], workers: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(`${m.text()} (${m.location().url || 'no url'})`);
  });
  page.on('pageerror', (e) => log.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => log.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) log.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  page.on('worker', (w) => log.workers.push(w.url()));
  return log;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the page has rendered an analysis newer than `after` (by the body's data attribute). */
export async function waitForAnalysis(page: Page, after = 0, timeout = 15_000): Promise<number> {
  await page.waitForFunction((n) => Number(document.body.dataset['analysisSeq'] ?? 0) > n, after, { timeout });
  return page.evaluate(() => Number(document.body.dataset['analysisSeq'] ?? 0));
}

/** Clears the origin's localStorage from the blank page (no app script can race it by saving). */
export async function clearStorage(page: Page, server: StaticServer): Promise<void> {
  await page.goto(new URL(BLANK_PATH, server.url).href);
  await page.evaluate(() => localStorage.clear());
}

/**
 * A new page of the playground with nothing remembered from earlier tests (`prepare` runs first: a viewport, an init
 * script), its console watched, opened, its editor drawn and the sample platforms shown.
 */
export async function openFresh(
  env: { readonly server: StaticServer; readonly browser: Browser },
  options: { readonly prepare?: (page: Page) => Promise<unknown>; readonly timeout?: number } = {},
): Promise<{ page: Page; log: PageLog }> {
  const page = await env.browser.context.newPage();
  await options.prepare?.(page);
  await clearStorage(page, env.server);
  const log = watch(page);
  await page.goto(env.server.url);
  await page.waitForSelector('[data-testid=editor] .view-lines', { timeout: options.timeout ?? 20_000 });
  await page.waitForSelector('#platforms-body tr[data-platform]', { timeout: options.timeout ?? 20_000 });
  return { page, log };
}

/** The built playground served and a browser opened for a test file's tests, closed after them (set in `beforeAll`). */
export function usePlayground(): { readonly server: StaticServer; readonly browser: Browser } {
  const env = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await openBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
