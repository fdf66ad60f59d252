/**
 * Connection rate per IP address: each new Engine.IO session (a handshake: a request without `sid`, over
 * polling or a websocket upgrade) takes a token from its address's bucket; without one it is refused with HTTP
 * 429 Too Many Requests and a `Retry-After`, counted as `connection-rate-limited`. Requests of existing
 * sessions are never limited. Installed as an engine.io middleware, so it runs before any session exists.
 */
import { ServerResponse } from 'node:http';
import { TokenBuckets } from './token-bucket.js';
/** The refusal kind counted in /metrics for a refused handshake. */
export const CONNECTION_RATE_REFUSAL = 'connection-rate-limited';
/** The JSON body of a 429, shaped like engine.io's own errors ({code, message}). */
export const CONNECTION_RATE_BODY = JSON.stringify({ code: 429, message: 'Too many connections from this address' });
/** Limits new sessions per IP to `ratePerSec` (bursts of `burst`); `nowMs` defaults to performance.now. */
export function installConnectionRateLimit(engine, metrics, limits, nowMs = () => performance.now()) {
    const buckets = new TokenBuckets(limits.ratePerSec, limits.burst, nowMs);
    const retryAfterSec = String(Math.max(1, Math.ceil(1 / limits.ratePerSec)));
    engine.use((req, res, next) => {
        if (!isHandshake(req) || buckets.take(req.socket.remoteAddress ?? 'unknown')) {
            next();
            return;
        }
        metrics.countRefused(CONNECTION_RATE_REFUSAL);
        // `next` is never called: the request ends here, before engine.io creates anything for it.
        if (res instanceof ServerResponse) {
            res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfterSec, connection: 'close' });
            res.end(CONNECTION_RATE_BODY);
            return;
        }
        // A websocket upgrade: answer on the raw socket, since no websocket exists yet.
        const socket = res.socket ?? req.socket;
        socket.end(`HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: ${retryAfterSec}\r\n` +
            `Content-Length: ${Buffer.byteLength(CONNECTION_RATE_BODY)}\r\nConnection: close\r\n\r\n${CONNECTION_RATE_BODY}`);
    });
}
function isHandshake(req) {
    const query = req.url?.split('?', 2)[1] ?? '';
    return !new URLSearchParams(query).has('sid');
}
//# sourceMappingURL=connection-rate-limit.js.map