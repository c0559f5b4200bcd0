// Opens the built documentation site and the rendered reports in headless Chromium, as a reader would.
// Needs `npm run docs` first (npm test runs it before this suite) and Debian's chromium (.ci/run installs it).
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, launch, serve, SHOTS, SITE, watch } from '../fixtures/browser.js';

describe.skipIf(!available)('the documentation site and reports in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    expect(existsSync(join(SITE, 'index.html'))).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    ({ server, origin } = await serve());
    browser = await launch();
  });

  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });

  // Visit a page, failing on any console error, page error or failed request.
  async function visit(path: string, shot: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { problems } = watch(page);
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
