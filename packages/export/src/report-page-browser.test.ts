import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { openReferenceStore, referenceDatasetUrl, runbookParams } from './_reference-store.js';
import { collect } from './_test-events.js';
import { renderReportPage } from './report-page.js';

// Debian's chromium, which CI installs. Without it the suite skips, unless CI asks for a failure.
const CHROMIUM = '/usr/bin/chromium';
const browserRequired = process.env['FINOPS_REQUIRE_BROWSER'] === '1';
const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const outputDir = new URL('../../../test-output/', import.meta.url);

describe('renderReportPage in Chromium (reference dataset, runbook window)', () => {
  let browser: Browser | undefined;
  let page: Page;
  let pageUrl = '';
  let workDir = '';
  const requests: string[] = [];
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) return;
    expect(existsSync(referenceDatasetUrl), 'the reference dataset is in shared/data').toBe(true);

    const store = await openReferenceStore();
    const html = await collect(renderReportPage(store, runbookParams));
    await store.close();
    workDir = await mkdtemp(join(tmpdir(), 'finops-report-page-'));
    const file = join(workDir, 'telemetry_report.html');
    await writeFile(file, html);
    pageUrl = pathToFileURL(file).href;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: launchArgs });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        consoleProblems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`));
    await page.goto(pageUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir !== '') await rm(workDir, { recursive: true, force: true });
  });

  /** The open page; without a browser the test is skipped, or fails when CI requires one. */
  function openPage(context: TestContext): Page {
    if (browser !== undefined) return page;
    if (browserRequired) {
      throw new Error(`FINOPS_REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM}`);
    }
    return context.skip(`no browser at ${CHROMIUM} (set FINOPS_REQUIRE_BROWSER=1 to fail instead)`);
  }

  const cellsOf = (page: Page, table: number, row: number) =>
    page.locator('table').nth(table).locator('tbody tr').nth(row).locator('td').allInnerTexts();

  it('shows the seven-day sprint figures with status badges', async (context) => {
    const page = openPage(context);
    const rows = page.locator('table').nth(0).locator('tbody tr');

    expect(await rows.count()).toBe(2);
    expect(await cellsOf(page, 0, 0)).toEqual([
      'sprint-2025-43-1',
      '2025-10-15 – 2025-10-21',
      '21',
      '151.45',
      '162.68',
      '−6.9%',
      '72,120 / 29,680',
      '935.476',
      '90.5%',
      'on_track',
      'Queda de 6.9% no custo versus sprint anterior e 0.10 mi tokens no período ' +
        '2025-10-15 – 2025-10-21.',
    ]);
    expect((await cellsOf(page, 0, 1)).slice(0, 6)).toEqual([
      'sprint-2025-42-2',
      '2025-10-08 – 2025-10-14',
      '21',
      '162.68',
      '—',
      '—',
    ]);
    const badge = rows.nth(0).locator('span.badge');
    expect(await badge.getAttribute('class')).toBe('badge badge-on_track');
    expect(await badge.isVisible()).toBe(true);
  });

  it('shows glm46:default first among pull requests, with a regression badge', async (context) => {
    const page = openPage(context);
    const first = page.locator('table').nth(1).locator('tbody tr').nth(0);

    expect(await cellsOf(page, 1, 0)).toEqual([
      'GLM-4.6 · default\nglm46:default',
      'turbo',
      'atlas',
      '2025-10-21T14:00:00Z',
      '58.80',
      '51.30',
      '+14.6%',
      '7.50',
      '+2,060',
      'regression',
    ]);
    expect(await first.locator('span.badge').getAttribute('class')).toBe('badge badge-regression');
    expect(await page.locator('table').nth(1).locator('tbody tr').count()).toBe(3);
  });

  it('draws a cost series per provider, a legend, day labels and a USD scale', async (context) => {
    const page = openPage(context);
    const chart = page.getByRole('img', { name: 'Daily cost per provider (USD)' });

    expect(await chart.count()).toBe(1);
    expect(await chart.locator('polyline').count()).toBe(3);
    const legend = await chart.locator('.legend text').allTextContents();
    expect(legend).toEqual(['codex', 'gemini', 'glm46']);
    expect(await chart.locator('text.day').allTextContents()).toEqual(
      Array.from({ length: 14 }, (_, index) => `10-${String(8 + index).padStart(2, '0')}`),
    );
    expect(await chart.locator('text.tick').allTextContents()).toEqual([
      '$0.0',
      '$2.5',
      '$5.0',
      '$7.5',
      '$10.0',
      '$12.5',
    ]);
    expect((await chart.boundingBox())?.width).toBeGreaterThanOrEqual(900);
  });

  it('logs no console error or warning and requests nothing but the page itself', (context) => {
    openPage(context);

    expect(consoleProblems).toEqual([]);
    expect(requests).toEqual([pageUrl]);
  });

  it('writes a full-page screenshot to test-output/report-page.png', async (context) => {
    const page = openPage(context);
    await mkdir(outputDir, { recursive: true });
    const path = fileURLToPath(new URL('report-page.png', outputDir));

    await page.screenshot({ path, fullPage: true });

    const png = await readFile(path);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('fits the chart on a landscape A4 page in print', async (context) => {
    const page = openPage(context);
    await page.emulateMedia({ media: 'print' });

    const width = (await page.locator('svg.cost-chart').boundingBox())?.width;
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    expect(width).toBeLessThanOrEqual(720);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
