/**
 * The `authToken` option, a connect middleware in the style of socket.io's `io.use`: a client must send
 * `auth: {token: T}` in its namespace CONNECT, or it gets a CONNECT_ERROR with the message 'unauthorized'
 * (counted as `unauthorized`). The comparison takes the same time whatever the token sent.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'socket.io';
import type { ServerMetrics } from '../metrics/server-metrics.js';

/** The refusal kind counted in /metrics, and the CONNECT_ERROR's message. */
export const UNAUTHORIZED = 'unauthorized';

/** A namespace middleware that lets in only clients whose `auth.token` equals `token`. */
export function authTokenMiddleware(token: string, metrics: ServerMetrics): (socket: Socket, next: (error?: Error) => void) => void {
  // Hashing both sides gives equal lengths, which timingSafeEqual needs, without leaking the token's length.
  const expected = digest(token);
  return (socket, next) => {
    const auth = socket.handshake.auth as Record<string, unknown> | undefined;
    const sent = auth?.token;
    if (typeof sent === 'string' && timingSafeEqual(digest(sent), expected)) {
      next();
      return;
    }
    metrics.countRefused(UNAUTHORIZED);
    next(new Error(UNAUTHORIZED));
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
