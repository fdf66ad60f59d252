/**
 * Opens the capacity report in headless Chromium: no console errors, no network, every chart drew (a canvas of
 * nonzero size with ink), the answers are on the page, and markup from the result stays text.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildCapacityCharts } from '../../../reports/capacity/capacity-chart-data.js';
import { renderCapacityHtml } from '../../../reports/capacity/render-capacity-html.js';
import { chromiumSkip, launchChromium, openReportFile } from '../../helpers/headless-chromium.js';
import { threeStepResult } from '../../loadgen/capacity/synthetic-steps.js';
let browser;
let outDir = '';
before(async () => {
    if (chromiumSkip !== false)
        return;
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
    assert.equal(await page.textContent('#sustainable'), 'Highest sustainable load: 200 clients (step 2 of 3) met every objective: broadcast.latency p(99) < 100ms.');
    assert.equal(await page.locator('#steps tbody tr').count(), 3);
    assert.equal(await page.evaluate('window.pwned'), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.textContent('#scenario-text'), result.scenario.text);
    process.stderr.write(`# capacity report screenshot: ${screenshot}\n`);
    await page.close();
});
//# sourceMappingURL=capacity-html-browser.test.js.map