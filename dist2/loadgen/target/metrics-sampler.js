/**
 * Samples a server's `/metrics.json` about once a second during a run, so the result can put the server's CPU,
 * memory and event-loop delay beside the client-side latency. Tolerant by design: a target that serves no
 * /metrics.json is probed once and then left alone (one notice, no error spam), and failed samples while the run
 * goes on (the server died, a slow response) are counted, never thrown; noticing a dead server is the
 * coordinator's job (BuiltinServer.exited).
 */
import { performance } from 'node:perf_hooks';
import { computeProcessSamples, parseProcessReadings } from './process-samples.js';
import { computeServerSample, parseMetricsReading } from './server-sample.js';
/** The metrics document of a Socket.IO server at `baseUrl` (any path of baseUrl is replaced): `<origin>/metrics.json`. */
export function metricsUrlFor(baseUrl) {
    return new URL('/metrics.json', baseUrl).href;
}
/** Starts sampling `options.url` at once (the first reading is the baseline and the availability probe). */
export function startMetricsSampler(options) {
    const intervalMs = options.intervalMs ?? 1000;
    if (!Number.isFinite(intervalMs) || intervalMs <= 0)
        throw new RangeError('options.intervalMs must be a positive number of milliseconds');
    const requestTimeoutMs = options.requestTimeoutMs ?? Math.max(2000, 2 * intervalMs);
    const processLabel = options.process ?? 'total';
    const abort = new AbortController();
    const stats = { state: 'probing', samples: 0, errors: 0, baselineResets: 0 };
    let wake;
    let timer;
    let callbackFailure;
    const read = async () => {
        const response = await fetch(options.url, {
            signal: AbortSignal.any([abort.signal, AbortSignal.timeout(requestTimeoutMs)]),
            headers: { accept: 'application/json' },
        });
        if (!response.ok) {
            // Drain the body so the keep-alive connection is reused rather than leaked.
            await response.arrayBuffer();
            throw new Error(`HTTP ${response.status}`);
        }
        const body = await response.json();
        const reading = parseMetricsReading(body);
        if (typeof reading === 'string')
            throw new Error(reading);
        return { total: reading, processes: parseProcessReadings(body) };
    };
    const sleepUntil = (atMs) => new Promise((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, Math.max(0, atMs - performance.now()));
    });
    const loop = async () => {
        const startMs = performance.now();
        let baseline;
        try {
            baseline = await read();
        }
        catch (error) {
            if (abort.signal.aborted)
                return;
            stats.state = 'unavailable';
            options.onNotice?.(`target serves no /metrics.json (${options.url}: ${describe(error)}); server figures will be missing from the result`);
            return;
        }
        stats.state = 'sampling';
        // Slots are counted from the start, so a slow response delays one sample, not every later one.
        for (let slot = 1; !abort.signal.aborted; slot += 1) {
            const slotMs = startMs + slot * intervalMs;
            if (slotMs < performance.now())
                continue;
            await sleepUntil(slotMs);
            if (abort.signal.aborted)
                return;
            let reading;
            try {
                reading = await read();
            }
            catch (error) {
                if (abort.signal.aborted)
                    return;
                stats.errors += 1;
                stats.lastError = describe(error);
                options.onSampleError?.(stats.lastError, stats.errors);
                continue;
            }
            const tSec = options.clock() / 1000;
            const sample = computeServerSample(baseline.total, reading.total, { tSec, process: processLabel });
            const processSamples = computeProcessSamples(baseline.processes, reading.processes, tSec);
            baseline = reading;
            for (const processSample of processSamples)
                options.onSample(processSample);
            if (sample === undefined) {
                stats.baselineResets += 1;
                continue;
            }
            stats.samples += 1;
            options.onSample(sample);
        }
    };
    const running = loop().catch((error) => {
        // Only the callbacks can throw here (request errors are counted above): keep it for stop() to report.
        callbackFailure = error;
    });
    return {
        async stop() {
            if (stats.state !== 'unavailable')
                stats.state = 'stopped';
            abort.abort();
            if (timer !== undefined)
                clearTimeout(timer);
            wake?.();
            await running;
            if (callbackFailure !== undefined)
                throw callbackFailure;
        },
        stats() {
            return { ...stats };
        },
    };
}
function describe(error) {
    if (!(error instanceof Error))
        return String(error);
    // fetch wraps the socket error (ECONNREFUSED, ...) as its cause; that is the informative part.
    const cause = error.cause;
    if (cause instanceof Error)
        return `${error.message}: ${cause.message}`;
    if (error.name === 'TimeoutError')
        return 'no response in time';
    return error.message;
}
//# sourceMappingURL=metrics-sampler.js.map