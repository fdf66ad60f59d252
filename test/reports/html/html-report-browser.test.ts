/**
 * Opens the HTML report in headless Chromium: no console errors, every chart drew (a canvas of nonzero size with
 * non-blank pixels), injected scripts never ran, and a screenshot is saved for a person to look at.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { buildReportData } from '../../../reports/html/chart-data.js';
import { renderHtmlReport } from '../../../reports/html/render-html-report.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { skipUnlessAvailable } from '../../helpers/require-service.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';
import { HOSTILE_SCENARIO_TEXT, hostileResult } from './hostile-result.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const skip = skipUnlessAvailable(existsSync(CHROMIUM_PATH), 'chromium', 'apt-get install chromium');

let browser: Browser | undefined;
let outDir = '';

before(async () => {
  if (skip !== false) return;
  outDir = await mkdtemp(path.join(tmpdir(), 'sio-bench-html-report-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

interface CanvasCheck {
  id: string;
  width: number;
  height: number;
  inkedPixels: number;
}

/**
 * Browser-side (as text: this project compiles without DOM types): each chart container's id, canvas size and
 * how many of its pixels are not transparent.
 */
const INSPECT_CHARTS = `Array.from(document.querySelectorAll('.chart')).map((element) => {
  const canvas = element.querySelector('canvas');
  if (canvas === null) return { id: element.id, width: 0, height: 0, inkedPixels: 0 };
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inkedPixels = 0;
  for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) inkedPixels += 1;
  return { id: element.id, width: canvas.width, height: canvas.height, inkedPixels };
})`;

/** Writes the report of `result`, opens it and returns what the page logged and what each chart drew. */
async function openReport(result: RunResult, name: string) {
  assert.ok(browser !== undefined);
  const file = path.join(outDir, `${name}.html`);
  await writeFile(file, renderHtmlReport(result));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  const canvases = await page.evaluate<CanvasCheck[]>(INSPECT_CHARTS);
  const screenshot = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  return { page, errors, requests, canvases, screenshot };
}

test('the report renders in Chromium: no console errors, no network, every chart drawn', { skip }, async () => {
  const result = makeRunResult();
  const { page, errors, requests, canvases, screenshot } = await openReport(result, 'report');
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, []);
  const expectedIds = buildReportData(result).charts.map((chart) => `chart-${chart.id}`);
  assert.deepEqual(canvases.map((canvas) => canvas.id).sort(), expectedIds.sort());
  for (const canvas of canvases) {
    assert.ok(canvas.width > 0 && canvas.height > 0, `${canvas.id} has a canvas of nonzero size`);
    // Lines and axes ink well over a thousand pixels; an empty plot would ink none.
    assert.ok(canvas.inkedPixels > 1000, `${canvas.id} drew ${canvas.inkedPixels} pixels`);
  }
  assert.equal(await page.textContent('#verdict strong'), 'FAILED');
  process.stderr.write(`# HTML report screenshot: ${screenshot}\n`);
  await page.close();
});

test('injected markup in the result stays text in the browser', { skip }, async () => {
  const { page, errors } = await openReport(hostileResult(), 'hostile');
  assert.deepEqual(errors, []);
  assert.equal(await page.evaluate<unknown>('window.pwned'), undefined);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.textContent('#scenario-text'), HOSTILE_SCENARIO_TEXT);
  await page.close();
});
