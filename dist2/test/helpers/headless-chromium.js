/**
 * Test helper for the reports' browser tests: Debian's Chromium, headless, through playwright-core, and a page
 * opened on a written report with what it logged, what it fetched and what each chart drew.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { skipUnlessAvailable } from './require-service.js';
const CHROMIUM_PATH = '/usr/bin/chromium';
/** The `skip` option of a browser test: false when Chromium is installed (a failure in CI when it is not). */
export const chromiumSkip = skipUnlessAvailable(existsSync(CHROMIUM_PATH), 'chromium', 'apt-get install chromium');
/** Starts headless Chromium with nothing that could reach the network on its own. */
export function launchChromium() {
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
}
/** Browser-side, as text (the project compiles without DOM types): each `.chart`'s canvas size and inked pixels. */
const INSPECT_CHARTS = `Array.from(document.querySelectorAll('.chart')).map((element) => {
  const canvas = element.querySelector('canvas');
  if (canvas === null) return { id: element.id, width: 0, height: 0, inkedPixels: 0 };
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inkedPixels = 0;
  for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) inkedPixels += 1;
  return { id: element.id, width: canvas.width, height: canvas.height, inkedPixels };
})`;
/** Opens `file` (an HTML report on disk) at 1280×900, saves a full-page screenshot to `screenshotPath`. */
export async function openReportFile(browser, file, screenshotPath) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const requests = [];
    page.on('console', (message) => {
        if (message.type() === 'error')
            errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => {
        if (!request.url().startsWith('file:'))
            requests.push(request.url());
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const canvases = await page.evaluate(INSPECT_CHARTS);
    await page.screenshot({ path: screenshotPath, fullPage: true });
    return { page, errors, requests, canvases };
}
//# sourceMappingURL=headless-chromium.js.map