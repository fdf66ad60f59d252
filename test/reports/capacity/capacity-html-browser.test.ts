/**
 * Opens the capacity report in headless Chromium: no console errors, no network, every chart drew (a canvas of
 * nonzero size with ink), the answers are on the page, and markup from the result stays text.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildCapacityCharts } from '../../../reports/capacity/capacity-chart-data.js';
import { renderCapacityHtml } from '../../../reports/capacity/render-capacity-html.js';
import { chromiumSkip, launchChromium, openReportFile } from '../../helpers/headless-chromium.js';
import { makeCapacityResult, threeStepResult } from '../../loadgen/capacity/synthetic-steps.js';
import type { CapacityResult } from '../../../loadgen/capacity/capacity-result.js';

let browser: Browser | undefined;
let outDir = '';

before(async () => {
  if (chromiumSkip !== false) return;
  outDir = await mkdtemp(path.join(tmpdir(), 'sio-bench-capacity-html-'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('the capacity report renders in Chromium: no console errors, no network, every chart drawn', { skip: chromiumSkip }, async () => {
  assert.ok(browser !== undefined);
  const result = threeStepResult();
  result.scenario.text = '</script><img src=x onerror="window.pwned=1">';
  const file = path.join(outDir, 'capacity.html');
  await writeFile(file, renderCapacityHtml(result));
  const screenshot = path.join(outDir, 'capacity.png');
  const { page, errors, requests, canvases } = await openReportFile(browser, file, screenshot);
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
  // One column per step (after the row headers), one row per figure: 10 figures and the objective.
  assert.deepEqual(await page.locator('#steps thead th').allTextContents(), ['load (clients)', 'step 1100', 'step 2200', 'step 3400']);
  assert.equal(await page.locator('#steps tbody tr').count(), 11);
  assert.deepEqual(await page.locator('#steps tbody tr:first-child td').allTextContents(), ['met', 'met', 'objective broken']);
  assert.equal(await page.evaluate<unknown>('window.pwned'), undefined);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.textContent('#scenario-text'), result.scenario.text);
  process.stderr.write(`# capacity report screenshot: ${screenshot}\n`);
  await page.close();
});

/** `loads.length` steps, each judged on four objectives. */
function fourObjectiveResult(loads: number[]): CapacityResult {
  const slos = ['broadcast.latency p(99) < 100ms', 'echo.latency p(99) < 250ms', 'delivery.lost == 0', 'errors.rate < 0.1%'];
  const result = makeCapacityResult(loads.map((load) => ({ load, p99Us: 8_000 })));
  result.slos = slos;
  for (const step of result.steps) step.slos = slos.map((expression) => ({ ...step.slos[0]!, expression, message: `${expression}: ok` }));
  return result;
}

/** At 1400 px: the page's own width, the steps table's box and what the table needs. */
async function layoutAt1400(result: CapacityResult, name: string): Promise<{ page: number; table: { right: number; scrollWidth: number; clientWidth: number }; main: number }> {
  assert.ok(browser !== undefined);
  const file = path.join(outDir, `${name}.html`);
  await writeFile(file, renderCapacityHtml(result));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  const layout = await page.evaluate<{ page: number; table: { right: number; scrollWidth: number; clientWidth: number }; main: number }>(`(() => {
    const box = document.getElementById('steps').parentElement;
    const main = document.querySelector('main');
    const style = getComputedStyle(main);
    return {
      page: document.documentElement.scrollWidth,
      table: { right: document.getElementById('steps').getBoundingClientRect().right, scrollWidth: box.scrollWidth, clientWidth: box.clientWidth },
      main: main.getBoundingClientRect().right - parseFloat(style.paddingRight),
    };
  })()`);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  await page.close();
  return layout;
}

test('at 1400 px the steps table of five steps and four objectives fits; of sixteen steps it scrolls in its box', { skip: chromiumSkip }, async () => {
  const five = await layoutAt1400(fourObjectiveResult([100, 200, 400, 800, 1600]), 'steps-five');
  assert.equal(five.page, 1400, 'the page does not scroll sideways');
  assert.ok(five.table.right <= five.main, `the table ends at ${five.table.right} px, within the content's ${five.main} px`);
  assert.equal(five.table.scrollWidth, five.table.clientWidth, 'nothing hidden to the right');
  const sixteen = await layoutAt1400(fourObjectiveResult(Array.from({ length: 16 }, (_, index) => 100 * (index + 1))), 'steps-sixteen');
  assert.equal(sixteen.page, 1400, 'the page does not scroll sideways');
  assert.ok(sixteen.table.scrollWidth > sixteen.table.clientWidth, 'the table scrolls inside its box');
  process.stderr.write(`# capacity steps at 1400 px: ${path.join(outDir, 'steps-five.png')}, ${path.join(outDir, 'steps-sixteen.png')}\n`);
});
