/**
 * Opens the capacity report in headless Chromium: no console errors, no network, every chart drew (a canvas of
 * nonzero size with ink), the answers are on the page, and markup from the result stays text.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { buildCapacityCharts } from '../../../reports/capacity/capacity-chart-data.js';
import { renderCapacityHtml } from '../../../reports/capacity/render-capacity-html.js';
import { skipUnlessAvailable } from '../../helpers/require-service.js';
import { threeStepResult } from '../../loadgen/capacity/synthetic-steps.js';

const CHROMIUM_PATH = '/usr/bin/chromium';
const skip = skipUnlessAvailable(existsSync(CHROMIUM_PATH), 'chromium', 'apt-get install chromium');

let browser: Browser | undefined;
let outDir = '';

before(async () => {
  if (skip !== false) return;
  outDir = await mkdtemp(path.join(tmpdir(), 'sio-bench-capacity-html-'));
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

/** Browser-side, as text (the project compiles without DOM types): each chart's canvas size and inked pixels. */
const INSPECT_CHARTS = `Array.from(document.querySelectorAll('.chart')).map((element) => {
  const canvas = element.querySelector('canvas');
  if (canvas === null) return { id: element.id, width: 0, height: 0, inkedPixels: 0 };
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inkedPixels = 0;
  for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) inkedPixels += 1;
  return { id: element.id, width: canvas.width, height: canvas.height, inkedPixels };
})`;

test('the capacity report renders in Chromium: no console errors, no network, every chart drawn', { skip }, async () => {
  assert.ok(browser !== undefined);
  const result = threeStepResult();
  result.scenario.text = '</script><img src=x onerror="window.pwned=1">';
  const file = path.join(outDir, 'capacity.html');
  await writeFile(file, renderCapacityHtml(result));
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
  const screenshot = path.join(outDir, 'capacity.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, []);
  const expectedIds = buildCapacityCharts(result).map((chart) => `chart-${chart.id}`);
  assert.deepEqual(expectedIds, ['chart-latency', 'chart-throughput', 'chart-server-resources', 'chart-event-loops']);
  assert.deepEqual(canvases.map((canvas) => canvas.id), expectedIds);
  for (const canvas of canvases) {
    assert.ok(canvas.width > 0 && canvas.height > 0, `${canvas.id} has a canvas of nonzero size`);
    assert.ok(canvas.inkedPixels > 1000, `${canvas.id} drew ${canvas.inkedPixels} pixels`);
  }
  assert.equal(
    await page.textContent('#sustainable'),
    'Highest sustainable load: 200 clients (step 2 of 3) met every objective: broadcast.latency p(99) < 100ms.',
  );
  assert.equal(await page.locator('#steps tbody tr').count(), 3);
  assert.equal(await page.evaluate<unknown>('window.pwned'), undefined);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.textContent('#scenario-text'), result.scenario.text);
  process.stderr.write(`# capacity report screenshot: ${screenshot}\n`);
  await page.close();
});
