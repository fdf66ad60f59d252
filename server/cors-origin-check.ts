/**
 * python-socketio's origin check: with an explicit list of allowed origins (`--cors http://a.example`), a request
 * whose `Origin` header names another origin is refused with HTTP 400 and the body `"Not an accepted origin."`,
 * as python-engineio answers it, over polling and for a websocket upgrade alike; a request without `Origin` (not a
 * browser) passes. socket.io itself would serve such a request and only leave out the CORS headers, which
 * protects browsers from reading the response but not a websocket. Counted as `cors-origin-refused`.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server as EngineServer } from 'engine.io';

/** The refusal kind counted in /metrics for a refused origin. */
export const CORS_ORIGIN_REFUSAL = 'cors-origin-refused';

/** python-engineio's response body (a JSON string) for a refused origin. */
export const CORS_ORIGIN_BODY = JSON.stringify('Not an accepted origin.');

/** Refuses requests whose Origin is not in `allowedOrigins`; `countRefused` gets CORS_ORIGIN_REFUSAL for each. */
export function installCorsOriginCheck(engine: EngineServer, allowedOrigins: readonly string[], countRefused: (kind: string) => void): void {
  const allowed = new Set(allowedOrigins);
  engine.use((req: IncomingMessage, res: ServerResponse | { socket?: Duplex }, next: (error?: Error) => void) => {
    const origin = req.headers.origin;
    if (origin === undefined || origin === '' || allowed.has(origin)) {
      next();
      return;
    }
    countRefused(CORS_ORIGIN_REFUSAL);
    // `next` is never called: the request ends here, before engine.io opens or touches a session for it.
    if (res instanceof ServerResponse) {
      res.writeHead(400, { 'content-type': 'text/plain', connection: 'close' });
      res.end(CORS_ORIGIN_BODY);
      return;
    }
    // A websocket upgrade: answer on the raw socket, since no websocket exists yet.
    const socket = res.socket ?? req.socket;
    // A client that reads its 400 and resets the connection at once: that reset ends this socket, nothing to report.
    socket.on('error', () => socket.destroy());
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(CORS_ORIGIN_BODY)}\r\n` +
        `Connection: close\r\n\r\n${CORS_ORIGIN_BODY}`,
    );
  });
}
