import { prometheusContentType } from './prometheus-text.js';
/** The metrics paths. */
export const metricsTextPath = '/metrics';
export const metricsJsonPath = '/metrics.json';
/**
 * Handles a request that engine.io did not claim: the two metrics paths, 405 for other methods on them,
 * 404 for anything else.
 */
export function handleMetricsRequest(metrics, req, res) {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path !== metricsTextPath && path !== metricsJsonPath) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
        return;
    }
    const body = path === metricsTextPath ? metrics.prometheusText() : JSON.stringify(metrics.snapshot());
    const contentType = path === metricsTextPath ? prometheusContentType : 'application/json; charset=utf-8';
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
}
//# sourceMappingURL=metrics-http.js.map