// The workbench page of the built site in headless Chromium, as an analyst would use it: the sample, a
// ledger workbook, a broken one, the downloads, a 10 000-project document, and from a file:// address.
// Every request the page makes is recorded: nothing may leave for another origin. Screenshots go to
// test-output/screenshots/, and to docs/images/ for the guide with UPDATE_SCREENSHOTS=1.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, launch, ROOT, serve, SHOTS, SITE, watch } from '../fixtures/browser.js';
import { runCli, tempFolder } from '../fixtures/cli.js';
import { SAMPLE_PATH } from '../fixtures/sampleText.js';

const GUIDE_IMAGES = join(ROOT, 'docs', 'images');
const SAMPLE_COUNTS = '绿 12 · 白 12 · 黄 10 · 红 6';

describe.skipIf(!available)('the workbench in a real browser', () => {
  let server: Server;
  let origin = '';
  let browser: Browser;
  let dir = '';
  let remove = (): void => {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ dir, remove } = tempFolder('sansansan-workbench-'));
    // The sample's ledger workbook, as `sansansan template --from` writes it, and a broken copy of it.
    expect(runCli(['template', '-o', 'ledger.xlsx', '--from', SAMPLE_PATH], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'ledger.xlsx'));
    const sheet = (name: string): ExcelJS.Worksheet => {
      const ws = wb.getWorksheet(name);
      if (ws === undefined) throw new Error(`the template has no sheet ${name}`);
      return ws;
    };
    sheet('项目').getCell('C2').value = 'D-nowhere';
    sheet('台账').getCell('B2').value = 'abc';
    await wb.xlsx.writeFile(join(dir, 'broken.xlsx'));
    expect(runCli(['generate', '--projects', '10000', '--seed', '2', '-o', 'big.json'], { cwd: dir }).code).toBe(0);
    copyFileSync(SAMPLE_PATH, join(dir, 'sample.json'));
    ({ server, origin } = await serve());
    browser = await launch();
  });

  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    remove();
  });

  interface Visit {
    readonly context: BrowserContext;
    readonly page: Page;
    /** Every request made, and every console error, page error and failed request. */
    readonly requests: string[];
    readonly problems: string[];
  }

  async function visit(url: string, workbench = true): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const log = watch(page);
    await page.goto(url, { waitUntil: 'load' });
    if (workbench) await page.fill('#asof', '2025-10-15');
    return { context, page, ...log };
  }

  // Nothing but the page's own files and the blobs it makes itself.
  function expectOnlyOwnRequests(v: Visit, base: string): void {
    const foreign = v.requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(v.problems, v.problems.join('\n')).toEqual([]);
  }

  async function shot(page: Page, name: string, at: string): Promise<void> {
    await page.locator(at).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    if (process.env['UPDATE_SCREENSHOTS'] === '1') {
      mkdirSync(GUIDE_IMAGES, { recursive: true });
      copyFileSync(join(SHOTS, `${name}.png`), join(GUIDE_IMAGES, `${name}.png`));
    }
  }

  const counts = (page: Page) => page.locator('#counts');

  it('evaluates the sample as of 2025-10-15: the counts, the bottom three, the grounds of a red project', async () => {
    const v = await visit(`${origin}/site/workbench/index.html`);
    const { page } = v;
    const started = Date.now();
    await page.click('#sample');
    await expect.poll(() => counts(page).innerText()).toBe(SAMPLE_COUNTS);
    console.log(`workbench: the sample evaluated and shown ${Date.now() - started} ms after the click`);
    await expect(page.locator('#rankings .bottom').last().innerText()).resolves.toBe('2025Q3 后三位：市文广旅局、市国投集团、市水利局');
    // Every colour is written out beside its swatch.
    const first = page.locator('#projects tbody tr').first();
    await expect(first.locator('.colour').innerText()).resolves.toMatch(/^[绿白黄红]$/);
    await shot(page, 'workbench-results', '#results');
    // Filter to the reds, open a project's grounds: clause and numbers.
    await page.selectOption('#f-colour', 'red');
    await expect.poll(() => page.locator('#projects tbody tr').count()).toBe(6);
    await page.locator('#projects tbody tr details summary').first().click();
    await expect(page.locator('#projects tbody tr details li').first().innerText()).resolves.toMatch(/^一\(三\)/);
    await shot(page, 'workbench-grounds', '#projects tbody tr details[open]');
    // Sorting by the lag, worst first.
    await page.selectOption('#f-colour', '');
    await page.getByRole('button', { name: '落后序时（百分点）' }).click();
    await page.getByRole('button', { name: '落后序时（百分点）' }).click();
    await expect(page.locator('#projects tbody tr').first().locator('td').first().innerText()).resolves.toBe('P-011');
    expectOnlyOwnRequests(v, origin);
    await v.context.close();
  });

  it('opens the ledger workbook with the same counts, and shows a broken one with its cells, nothing else breaking', async () => {
    const v = await visit(`${origin}/site/workbench/index.html`);
    const { page } = v;
    // exceljs is not loaded before a workbook is opened.
    expect(v.requests.some((u) => u.endsWith('exceljs.min.js'))).toBe(false);
    await page.setInputFiles('#file', join(dir, 'ledger.xlsx'));
    await expect.poll(() => counts(page).innerText(), { timeout: 30_000 }).toBe(SAMPLE_COUNTS);
    expect(v.requests.some((u) => u.endsWith('exceljs.min.js'))).toBe(true);
    await page.setInputFiles('#file', join(dir, 'broken.xlsx'));
    await expect.poll(() => page.locator('#issues').innerText(), { timeout: 30_000 }).toContain('项目!C2');
    const issues = await page.locator('#issues').innerText();
    expect(issues).toContain('unknown_reference');
    expect(issues).toContain('台账!B2');
    await expect(page.locator('#results').isHidden()).resolves.toBe(true);
    await shot(page, 'workbench-issues', '#issues-section');
    // Bytes that are no workbook at all: one problem of the file.
    await page.setInputFiles('#file', {
      name: 'not-a-workbook.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not a zip'),
    });
    await expect.poll(() => page.locator('#issues').innerText(), { timeout: 30_000 }).toContain('invalid_workbook');
    // The page still works: the sample evaluates again.
    await page.click('#sample');
    await expect.poll(() => counts(page).innerText()).toBe(SAMPLE_COUNTS);
    expectOnlyOwnRequests(v, origin);
    await v.context.close();
  });

  it('downloads the monthly brief and the evaluation workbook, which exceljs reads back', async () => {
    const v = await visit(`${origin}/site/workbench/index.html`);
    const { page } = v;
    await page.setInputFiles('#file', join(dir, 'sample.json'));
    await expect.poll(() => page.locator('#files button').count()).toBeGreaterThan(50);
    await shot(page, 'workbench-downloads', '#downloads');
    const [brief] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'monthly-brief.md', exact: true }).click(),
    ]);
    expect(brief.suggestedFilename()).toBe('monthly-brief.md');
    const text = readFileSync(await brief.path(), 'utf8');
    expect(text.split('\n')[0]).toBe('# 邯郸市市本级政府投资项目建设月度专报（2025年9月）');
    expect(text).toContain('红色项目');
    const [book] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('#workbook')]);
    expect(book.suggestedFilename()).toBe('evaluation.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await book.path());
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('P-011');
    const [all] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('#zip')]);
    expect(all.suggestedFilename()).toBe('sansansan-2025-10-15.zip');
    const zip = readFileSync(await all.path());
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(zip.includes(Buffer.from('meetings/mayor.html'))).toBe(true);
    expectOnlyOwnRequests(v, origin);
    await v.context.close();
  });

  it('opens a 10 000-project document while the page keeps answering', async () => {
    const v = await visit(`${origin}/site/workbench/index.html`);
    const { page } = v;
    await page.setInputFiles('#file', join(dir, 'big.json'));
    await page.waitForSelector('#busy:not([hidden])');
    // While the worker works, the page answers at once: the language switches.
    await page.click('#lang');
    const during = { title: await page.locator('h1').innerText(), busy: await page.locator('#busy').isVisible() };
    expect(during).toEqual({ title: 'sansansan workbench', busy: true });
    await expect.poll(() => page.locator('#page').innerText(), { timeout: 60_000 }).toBe('Page 1 of 200, 10000 projects');
    await expect(page.locator('#projects tbody tr').count()).resolves.toBe(50);
    expectOnlyOwnRequests(v, origin);
    await v.context.close();
  });

  it('stores nothing unless asked, and remembers the policy only while "remember my policy" is ticked', async () => {
    const v = await visit(`${origin}/site/workbench/index.html`);
    const { page } = v;
    const stored = (): Promise<unknown> => page.evaluate('JSON.stringify(Object.entries(localStorage))');
    await page.click('#sample');
    await expect.poll(() => counts(page).innerText()).toBe(SAMPLE_COUNTS);
    await page.selectOption('#preset', 'yinchuan');
    await expect(stored()).resolves.toBe('[]');
    await page.check('#remember');
    await expect(stored()).resolves.toBe(JSON.stringify([['sansansan.workbench.policy', JSON.stringify({ preset: 'yinchuan' })]]));
    await page.reload();
    await expect(page.locator('#preset').inputValue()).resolves.toBe('yinchuan');
    await expect(page.locator('#remember').isChecked()).resolves.toBe(true);
    await page.uncheck('#remember');
    await expect(stored()).resolves.toBe('[]');
    expectOnlyOwnRequests(v, origin);
    await v.context.close();
  });

  it('works opened from a file, with no server', async () => {
    const base = pathToFileURL(join(SITE, 'workbench')).href;
    const v = await visit(`${base}/index.html`);
    await v.page.click('#sample');
    await expect.poll(() => counts(v.page).innerText()).toBe(SAMPLE_COUNTS);
    expectOnlyOwnRequests(v, base);
    await v.context.close();
  });

  it('is linked from the home page of the site', async () => {
    const v = await visit(`${origin}/site/index.html`, false);
    await v.page.getByRole('link', { name: '工作台 · Workbench' }).click();
    await v.page.waitForURL(`${origin}/site/workbench/index.html`);
    await expect(v.page.locator('h1').innerText()).resolves.toBe('三三三 工作台');
    await v.context.close();
  });
});
