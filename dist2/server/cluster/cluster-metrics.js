import { metricsJsonPath, metricsTextPath } from '../metrics/metrics-http.js';
import { renderProcessesPrometheusText, totalOfProcesses } from '../metrics/process-metrics.js';
import { prometheusContentType } from '../metrics/prometheus-text.js';
import { PRIMARY_NAME, workerName } from './cluster-messages.js';
/** Collects snapshots from the workers; feed it the workers' metrics messages with `receive`. */
export class ClusterMetricsCollector {
    workers;
    primary;
    timeoutMs;
    nextRequestId = 1;
    pending = new Map();
    /**
     * @param workers the workers to ask, at the time of asking
     * @param primary the primary's own registry (no clients: its CPU, memory and event loop)
     * @param timeoutMs longest wait for the workers' answers; a late worker is listed as unanswered. Default 2000.
     */
    constructor(workers, primary, timeoutMs = 2000) {
        this.workers = workers;
        this.primary = primary;
        this.timeoutMs = timeoutMs;
    }
    /** Takes a metrics answer from worker `workerId` (cluster's id); answers to no pending request are ignored. */
    receive(workerId, message) {
        const request = this.pending.get(message.requestId);
        if (request === undefined || !request.expected.has(workerId))
            return;
        request.answers.set(workerId, message.snapshot);
        if (request.answers.size === request.expected.size)
            request.finish();
    }
    /** The total and the per-process figures, primary first, then workers in index order. */
    async collect() {
        const requestId = this.nextRequestId++;
        const expected = new Map(this.workers().map((known) => [known.worker.id, known]));
        const answers = new Map();
        await new Promise((resolve) => {
            const timer = setTimeout(() => finish(), this.timeoutMs);
            const finish = () => {
                clearTimeout(timer);
                this.pending.delete(requestId);
                resolve();
            };
            this.pending.set(requestId, { expected, answers, finish });
            for (const { worker } of expected.values()) {
                // A worker that has just died cannot be asked; it stays unanswered.
                if (worker.isConnected())
                    worker.send({ type: 'sio-bench:metrics-request', requestId });
            }
            if (expected.size === 0)
                finish();
        });
        const processes = [{ ...this.primary.snapshot(), process: PRIMARY_NAME, pid: process.pid }];
        const unanswered = [];
        for (const known of [...expected.values()].sort((a, b) => a.index - b.index)) {
            const snapshot = answers.get(known.worker.id);
            if (snapshot === undefined)
                unanswered.push(workerName(known.index));
            else
                processes.push({ ...snapshot, process: workerName(known.index), pid: known.worker.process.pid ?? -1 });
        }
        return totalOfProcesses(processes, unanswered);
    }
}
/** Serves the two metrics paths from `collect` (404 elsewhere, 405 for methods other than GET and HEAD). */
export function handleClusterMetricsRequest(collect, req, res) {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path !== metricsTextPath && path !== metricsJsonPath) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
        return;
    }
    collect().then((metrics) => {
        const body = path === metricsTextPath ? renderProcessesPrometheusText(metrics.processes) : JSON.stringify(metrics);
        const contentType = path === metricsTextPath ? prometheusContentType : 'application/json; charset=utf-8';
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
    }, (error) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
    });
}
//# sourceMappingURL=cluster-metrics.js.map