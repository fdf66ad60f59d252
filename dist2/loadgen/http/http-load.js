import { startAutocannon } from './autocannon-driver.js';
/** The Engine.IO v4 handshake over long-polling on `path`: what a connection storm hits first. */
export function handshakePath(path) {
    return `${path}?EIO=4&transport=polling`;
}
/** The URL an http action requests: its `url`, else its `path` (default: the handshake) on the target. */
export function httpActionUrl(action, targetUrl, scenarioPath) {
    return action.url ?? new URL(action.path ?? handshakePath(scenarioPath), targetUrl).href;
}
/** The http actions among a scenario's actions. */
export function httpActions(actions) {
    return actions.filter((action) => action.kind === 'http');
}
/** Drives every http action of a run over its windows. */
export class HttpLoad {
    options;
    timers = [];
    running = new Set();
    finished = [];
    stopped = false;
    constructor(options) {
        this.options = options;
    }
    /** Arms a start (and an end) timer for every window of every action. */
    start() {
        const { options } = this;
        for (const action of options.actions) {
            for (const [startMs, endMs] of options.windows.get(action.name) ?? []) {
                const delayMs = Math.max(0, (options.runStartUs + startMs * 1000 - options.clock.nowUs()) / 1000);
                this.timers.push(setTimeout(() => this.runWindow(action, endMs - startMs), delayMs));
            }
        }
    }
    /** Cancels what has not started, stops what runs, and resolves when every autocannon run has ended. */
    async stop() {
        this.stopped = true;
        for (const timer of this.timers)
            clearTimeout(timer);
        for (const run of this.running)
            run.stop();
        await Promise.all(this.finished);
    }
    runWindow(action, durationMs) {
        if (this.stopped)
            return;
        const { metrics } = this.options;
        const url = httpActionUrl(action, this.options.targetUrl, this.options.scenarioPath);
        const sink = {
            response: (statusCode, latencyUs) => {
                metrics.latency('http').record(latencyUs, latencyUs);
                if (statusCode < 200 || statusCode > 299)
                    metrics.error(`http_status_${statusCode}`, `${action.name}: ${action.method} ${url} answered ${statusCode}`);
            },
            error: (message) => metrics.error('http_error', `${action.name}: ${action.method} ${url}: ${message}`),
        };
        let run;
        try {
            run = (this.options.start ?? startAutocannon)({
                url,
                method: action.method,
                ...(action.headers ? { headers: action.headers } : {}),
                ...(action.body !== undefined ? { body: action.body } : {}),
                connections: action.connections,
                ...(action.ratePerSec !== undefined ? { ratePerSec: action.ratePerSec } : {}),
                ...(action.amount !== undefined ? { amount: action.amount } : {}),
                durationSec: durationMs / 1000,
                timeoutMs: action.timeoutMs,
            }, sink);
        }
        catch (error) {
            metrics.error('http_error', `${action.name}: autocannon refused to start: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        this.running.add(run);
        // The window bounds the run even when `amount` (which makes autocannon ignore its duration) is not reached.
        const endTimer = setTimeout(() => run.stop(), durationMs);
        this.timers.push(endTimer);
        this.finished.push(run.done.then(() => undefined, (error) => metrics.error('http_error', `${action.name}: autocannon failed: ${error instanceof Error ? error.message : String(error)}`)).finally(() => {
            clearTimeout(endTimer);
            this.running.delete(run);
        }));
    }
}
/**
 * Starts the http actions of a run, or returns undefined when it has none. In a sharded run only the first
 * slice runs them (at their full rate), so n slices together send what one run would.
 */
export function startHttpLoad(options) {
    const actions = httpActions(options.actions);
    if (actions.length === 0 || options.shardIndex !== 0)
        return undefined;
    const load = new HttpLoad({ ...options, actions });
    load.start();
    return load;
}
//# sourceMappingURL=http-load.js.map