/**
 * The primary's `/metrics.json` and `/metrics`: it asks every worker for a snapshot over IPC, adds its own
 * (the primary routes every connection and, for long-polling, relays request bodies, so its CPU is part of the
 * server's cost) and serves the total with the per-process figures (see metrics/process-metrics.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Worker } from 'node:cluster';
import { metricsJsonPath, metricsTextPath } from '../metrics/metrics-http.js';
import type { ServerMetricsJson } from '../metrics/metrics-json.js';
import { renderProcessesPrometheusText, totalOfProcesses, type ClusterMetricsJson, type ProcessMetricsJson } from '../metrics/process-metrics.js';
import { prometheusContentType } from '../metrics/prometheus-registry.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import { PRIMARY_NAME, workerName, type WorkerToPrimaryMessage } from './cluster-messages.js';

/** A worker as the primary knows it. */
export interface KnownWorker {
  index: number;
  worker: Worker;
}

interface PendingRequest {
  expected: Map<number, KnownWorker>;
  answers: Map<number, ServerMetricsJson>;
  finish: () => void;
}

/** Collects snapshots from the workers; feed it the workers' metrics messages with `receive`. */
export class ClusterMetricsCollector {
  private nextRequestId = 1;
  private readonly pending = new Map<number, PendingRequest>();

  /**
   * @param workers the workers to ask, at the time of asking
   * @param primary the primary's own registry (no clients: its CPU, memory and event loop)
   * @param timeoutMs longest wait for the workers' answers; a late worker is listed as unanswered. Default 2000.
   */
  constructor(
    private readonly workers: () => readonly KnownWorker[],
    private readonly primary: ServerMetrics,
    private readonly timeoutMs = 2000,
  ) {}

  /** Takes a metrics answer from worker `workerId` (cluster's id); answers to no pending request are ignored. */
  receive(workerId: number, message: Extract<WorkerToPrimaryMessage, { type: 'sio-bench:metrics' }>): void {
    const request = this.pending.get(message.requestId);
    if (request === undefined || !request.expected.has(workerId)) return;
    request.answers.set(workerId, message.snapshot);
    if (request.answers.size === request.expected.size) request.finish();
  }

  /** The total and the per-process figures, primary first, then workers in index order. */
  async collect(): Promise<ClusterMetricsJson> {
    const requestId = this.nextRequestId++;
    const expected = new Map(this.workers().map((known) => [known.worker.id, known] as const));
    const answers = new Map<number, ServerMetricsJson>();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), this.timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve();
      };
      this.pending.set(requestId, { expected, answers, finish });
      for (const { worker } of expected.values()) {
        // A worker that has just died cannot be asked; it stays unanswered.
        if (worker.isConnected()) worker.send({ type: 'sio-bench:metrics-request', requestId });
      }
      if (expected.size === 0) finish();
    });
    const processes: ProcessMetricsJson[] = [{ ...this.primary.snapshot(), process: PRIMARY_NAME, pid: process.pid }];
    const unanswered: string[] = [];
    for (const known of [...expected.values()].sort((a, b) => a.index - b.index)) {
      const snapshot = answers.get(known.worker.id);
      if (snapshot === undefined) unanswered.push(workerName(known.index));
      else processes.push({ ...snapshot, process: workerName(known.index), pid: known.worker.process.pid ?? -1 });
    }
    return totalOfProcesses(processes, unanswered);
  }
}

/** Serves the two metrics paths from `collect` (404 elsewhere, 405 for methods other than GET and HEAD). */
export function handleClusterMetricsRequest(collect: () => Promise<ClusterMetricsJson>, req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path !== metricsTextPath && path !== metricsJsonPath) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  collect().then(
    async (metrics) => {
      const body = path === metricsTextPath ? await renderProcessesPrometheusText(metrics.processes) : JSON.stringify(metrics);
      const contentType = path === metricsTextPath ? prometheusContentType : 'application/json; charset=utf-8';
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
    },
  );
}
