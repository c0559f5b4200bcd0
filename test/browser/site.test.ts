// Opens the built documentation site and the rendered reports in headless Chromium, as a reader would.
// Needs `npm run docs` first (npm test runs it before this suite) and Debian's chromium (.ci/run installs it).
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SITE = join(ROOT, 'docs', 'site');
const GALLERY = join(ROOT, 'docs', 'gallery');
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// In CI the browser is required; on a developer machine without it the suite says so and skips.
if (!available && process.env['CI'] !== undefined) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium`);
if (!available) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

// A static server on the loopback interface: /site/… from docs/site, /gallery/… from docs/gallery.
function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Browsers ask for a favicon on their own; the site has none.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const [, mount = '', ...rest] = decodeURIComponent(url.pathname).split('/');
    const base = mount === 'site' ? SITE : mount === 'gallery' ? GALLERY : undefined;
    let path = base === undefined ? undefined : normalize(join(base, ...rest));
    if (path !== undefined && base !== undefined && path.startsWith(base) && existsSync(path) && statSync(path).isDirectory())
      path = join(path, 'index.html');
    if (path === undefined || base === undefined || !path.startsWith(base) || !existsSync(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(server);
    }),
  );
}

describe.skipIf(!available)('the documentation site and reports in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    expect(existsSync(join(SITE, 'index.html'))).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    server = await serve();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });

  // Visit a page, failing on any console error, page error or failed request.
  async function visit(path: string, shot: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
    expect(problems, problems.join('\n')).toEqual([]);
    return page;
  }

  it('opens the site index', async () => {
    const page = await visit('/site/index.html', 'site-index');
    expect(await page.title()).toContain('sansansan');
    await expect(page.locator('body').innerText()).resolves.toContain('三三三');
    await page.close();
  });

  it('opens a guide', async () => {
    const page = await visit('/site/documents/notification.html', 'guide-notification');
    await expect(page.locator('body').innerText()).resolves.toContain('完成计划投资率');
    await page.close();
  });

  it('opens the monthly brief with its charts visible', async () => {
    const page = await visit('/gallery/monthly-brief.html', 'monthly-brief');
    const charts = page.locator('svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    for (const i of [0, 1]) expect(await charts.nth(i).isVisible()).toBe(true);
    await expect(page.locator('body').innerText()).resolves.toContain('P-012');
    await page.close();
  });

  it('opens a quarterly notice with the ranking table and chart visible', async () => {
    const page = await visit('/gallery/2025Q3/quarterly-notice.html', 'quarterly-notice');
    const table = page.locator('table').first();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tr').count()).toBeGreaterThanOrEqual(11);
    expect(await page.locator('svg').first().isVisible()).toBe(true);
    await page.close();
  });

  it("opens the mayor's meeting materials with the escalation raised to the mayor and the quarter's ranking", async () => {
    const page = await visit('/gallery/meetings/mayor.html', 'meeting-mayor');
    const text = await page.locator('body').innerText();
    expect(text).toContain('市长季度调度会议材料');
    expect(text).toContain('提请市长调度');
    expect(text).toContain('经分管市领导赵明轩');
    // The colour table, the problem list, … and the ranking of the ten ranked departments.
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('table').last().locator('tr').count()).toBe(11);
    await page.close();
  });
});
