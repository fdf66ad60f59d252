/**
 * The HTML report of a real (short) run in headless Chromium: what the user meets off the cursor and over time.
 * A real run, because the per-second delivery figures and the leaves' seconds come from the engine itself.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { renderHtmlReport } from '../../../reports/html/render-html-report.js';
import { chromiumSkip, launchChromium, openReportFile } from '../../helpers/headless-chromium.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

/** 40 clients in 4 rooms, broadcasting in the steady phase, leaving their 80 memberships in ramp-down. */
const SCENARIO = `
name: report-real-run
target: builtin
client: lean
transport: websocket
population: {clients: 40, rooms: 4, roomsPerClient: 2, seed: 5}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1500ms, actions: [join]}
  - {name: steady, kind: hold, duration: 5s, actions: [broadcast]}
  - {name: ramp-down, kind: ramp-down, duration: 1s, actions: [leave]}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 20}, payload: {bytes: 32, kind: text}}
  - kind: leave
drain: 1s
`;

let browser: Browser | undefined;
let result: RunResult | undefined;
let page: Page | undefined;

before(async () => {
  if (chromiumSkip !== false) return;
  result = await runScenario({ loaded: parseScenarioText(SCENARIO, 'report-real-run.yml'), reporter: recordingReporter(), workers: 2 });
  const outDir = await mkdtemp(path.join(tmpdir(), 'sio-bench-real-report-'));
  const file = path.join(outDir, 'report.html');
  await writeFile(file, renderHtmlReport(result));
  browser = await launchChromium();
  const opened = await openReportFile(browser, file, path.join(outDir, 'report.png'));
  assert.deepEqual(opened.errors, []);
  page = opened.page;
  process.stderr.write(`# real-run HTML report: ${file}\n`);
});

after(async () => {
  await browser?.close();
});

/** The legend of chart `id` as the page shows it with the cursor off the chart: label → value. */
async function legend(id: string): Promise<Record<string, string>> {
  assert.ok(page !== undefined);
  return page.evaluate<Record<string, string>>(`Object.fromEntries(Array.from(document.querySelectorAll('#chart-${id} .u-legend tr')).map((row) =>
    [row.querySelector('.u-label').textContent, row.querySelector('.u-value').textContent]))`);
}

test('the fan-out chart has its broadcast delivered % series, and the legend shows it without a hover', { skip: chromiumSkip }, async () => {
  assert.ok(result !== undefined && page !== undefined);
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  const broadcast = result.totals.delivery.broadcast!;
  assert.ok(broadcast.expected > 0 && broadcast.lost === 0);
  const values = await page.evaluate<(number | null)[]>(
    `JSON.parse(document.getElementById('report-data').textContent).charts.find((c) => c.id === 'fanout').series.find((s) => s.label === 'broadcast delivered %').values`,
  );
  // One point per second that sent broadcasts (the steady phase's five), each 100 %: nothing was lost.
  const secondsWithBroadcasts = result.series.filter((point) => (point.delivery.broadcast?.expected ?? 0) > 0).length;
  assert.ok(secondsWithBroadcasts >= 5, `${secondsWithBroadcasts} seconds sent broadcasts`);
  assert.deepEqual(values.filter((value) => value !== null), new Array(secondsWithBroadcasts).fill(100));
  const fanout = await legend('fanout');
  assert.equal(fanout['broadcast delivered %'], '100%');
  assert.equal(fanout['time since start'], 'latest');
  assert.notEqual(fanout.p99, '-');
});

test('leave latency, measured in a second or two, is not a chart of dots: the report says where its samples are', { skip: chromiumSkip }, async () => {
  assert.ok(result !== undefined && page !== undefined);
  const leaves = result.totals.latency.leave?.corrected.count;
  assert.equal(leaves, 80, 'every membership was left');
  assert.equal(await page.locator('#chart-latency-leave').count(), 0);
  const seconds = result.series.filter((point) => (point.latency.leave?.corrected.count ?? 0) > 0).map((point) => point.tSec);
  const when = seconds.length === 1 ? `all in second ${seconds[0]}` : `in ${seconds.length} seconds, ${seconds[0]}–${seconds[seconds.length - 1]} s`;
  assert.equal(
    await page.textContent('#sparse-leave'),
    `leave: 80 samples ${when} since start, too few seconds for a chart over time; its distribution below shows every sample.`,
  );
  assert.equal(await page.getAttribute('#chart-distribution-leave', 'data-drawn'), 'true');
  assert.equal(await page.getAttribute('#chart-latency-broadcast', 'data-drawn'), 'true');
});

test('every time chart draws the phase boundaries: a dashed line at each phase start after the first', { skip: chromiumSkip }, async () => {
  assert.ok(result !== undefined && page !== undefined);
  const boundariesSec = result.phases.slice(1).map((phase) => phase.startMs / 1000);
  // Marker pixels (#5f6b7a at 70 %) in the plot-area column of x: the x scale spans the chart's first to last x.
  const columnShares = await page.evaluate<Record<string, number[]>>(`(() => {
    const data = JSON.parse(document.getElementById('report-data').textContent);
    const out = {};
    for (const spec of data.charts.filter((c) => c.xKind === 'time')) {
      const el = document.getElementById('chart-' + spec.id);
      const xs = spec.x === 'time' ? data.timeSec : spec.x;
      const canvas = el.querySelector('canvas');
      const over = el.querySelector('.u-over');
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const box = over.getBoundingClientRect(), cbox = canvas.getBoundingClientRect();
      const ctx = canvas.getContext('2d');
      out[spec.id] = ${JSON.stringify(boundariesSec)}.map((x) => {
        const px = Math.round((box.left - cbox.left + ((x - xs[0]) / (xs[xs.length - 1] - xs[0])) * box.width) * ratio);
        const top = Math.round((box.top - cbox.top) * ratio), height = Math.round(box.height * ratio);
        const pixels = ctx.getImageData(px - 1, top, 3, height).data;
        let rows = 0;
        for (let row = 0; row < height; row++) {
          let hit = false;
          for (let col = 0; col < 3; col++) {
            const i = (row * 3 + col) * 4;
            if (Math.abs(pixels[i] - 95) < 30 && Math.abs(pixels[i + 1] - 107) < 30 && Math.abs(pixels[i + 2] - 122) < 30 && pixels[i + 3] > 60) hit = true;
          }
          if (hit) rows += 1;
        }
        return rows / height;
      });
    }
    return out;
  })()`);
  assert.ok(Object.keys(columnShares).length >= 4, `time charts: ${Object.keys(columnShares).join(', ')}`);
  for (const [id, shares] of Object.entries(columnShares)) {
    // A 3-on, 3-off dash inks about half the plot's height.
    for (const share of shares) assert.ok(share > 0.3, `${id}: the boundary column is ${Math.round(share * 100)}% marker`);
  }
});
