/**
 * Opens the HTML report in headless Chromium: no console errors, every chart drew (a canvas of nonzero size with
 * non-blank pixels), injected scripts never ran, and a screenshot is saved for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildReportData } from '../../../reports/html/chart-data.js';
import { renderHtmlReport } from '../../../reports/html/render-html-report.js';
import { chromiumSkip, launchChromium, openReportFile } from '../../helpers/headless-chromium.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';
import { HOSTILE_SCENARIO_TEXT, hostileResult } from './hostile-result.js';
let browser;
let outDir = '';
before(async () => {
    if (chromiumSkip !== false)
        return;
    outDir = await mkdtemp(path.join(tmpdir(), 'sio-bench-html-report-'));
    browser = await launchChromium();
});
after(async () => {
    await browser?.close();
});
/** Writes the report of `result`, opens it and returns what the page logged and what each chart drew. */
async function openReport(result, name) {
    assert.ok(browser !== undefined);
    const file = path.join(outDir, `${name}.html`);
    await writeFile(file, renderHtmlReport(result));
    const screenshot = path.join(outDir, `${name}.png`);
    return { ...(await openReportFile(browser, file, screenshot)), screenshot };
}
test('the report renders in Chromium: no console errors, no network, every chart drawn', { skip: chromiumSkip }, async () => {
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
test('injected markup in the result stays text in the browser', { skip: chromiumSkip }, async () => {
    const { page, errors } = await openReport(hostileResult(), 'hostile');
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate('window.pwned'), undefined);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.textContent('#scenario-text'), HOSTILE_SCENARIO_TEXT);
    await page.close();
});
//# sourceMappingURL=html-report-browser.test.js.map