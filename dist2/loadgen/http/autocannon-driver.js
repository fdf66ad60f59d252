/**
 * One autocannon run, seen through a small typed facade. autocannon reports each response's time in
 * milliseconds with decimals (from process.hrtime) on its per-request `response` event; this converts each one
 * to integer microseconds as it comes, so the caller records exact HDR samples instead of reading autocannon's
 * own summary percentiles (which are whole-ms histograms that cannot be merged with ours).
 */
import { createRequire } from 'node:module';
/** autocannon's ms-with-decimals response time as integer µs (the one conversion of this unit). */
export function responseTimeUs(responseTimeMs) {
    return Math.round(responseTimeMs * 1000);
}
const require = createRequire(import.meta.url);
/** Starts autocannon with `options`, feeding `sink`. Throws at once for options autocannon refuses. */
export function startAutocannon(options, sink) {
    // autocannon is CommonJS without type declarations: typed here, at the boundary.
    const autocannon = require('autocannon');
    const instance = autocannon({
        url: options.url,
        method: options.method,
        ...(options.headers ? { headers: options.headers } : {}),
        ...(options.body !== undefined ? { body: options.body } : {}),
        // Never more connections than requests: autocannon refuses that outright.
        connections: options.amount !== undefined ? Math.min(options.connections, options.amount) : options.connections,
        ...(options.ratePerSec !== undefined ? { overallRate: options.ratePerSec } : {}),
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSec }),
        timeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
    });
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => sink.response(statusCode, responseTimeUs(responseTimeMs)));
    instance.on('reqError', (error) => sink.error(error.message));
    const done = new Promise((resolve, reject) => {
        instance.on('done', () => resolve());
        instance.on('error', reject);
    });
    return { done, stop: () => instance.stop() };
}
//# sourceMappingURL=autocannon-driver.js.map