/** Serves `GET /metrics` (Prometheus text) and `GET /metrics.json` on the reference server's HTTP port. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { prometheusContentType } from './prometheus-registry.js';
import type { ServerMetrics } from './server-metrics.js';

/** The metrics paths. */
export const metricsTextPath = '/metrics';
export const metricsJsonPath = '/metrics.json';

/**
 * Handles a request that engine.io did not claim: the two metrics paths, 405 for other methods on them,
 * 404 for anything else.
 */
export function handleMetricsRequest(metrics: ServerMetrics, req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path !== metricsTextPath && path !== metricsJsonPath) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  const body = path === metricsTextPath ? metrics.prometheusText() : Promise.resolve(JSON.stringify(metrics.snapshot()));
  const contentType = path === metricsTextPath ? prometheusContentType : 'application/json; charset=utf-8';
  body.then(
    (text) => {
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
      res.end(req.method === 'HEAD' ? undefined : text);
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
    },
  );
}
