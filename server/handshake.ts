/** Maps socket.io's handshake record to the facade's `Handshake` (what a connect handler receives). */
import type { Socket } from 'socket.io';
import type { Handshake } from './types.js';

/** The client's handshake as the connect handler sees it. */
export function toHandshake(socket: Socket): Handshake {
  const { headers, query, address, url, issued, secure } = socket.handshake;
  return { headers, query: { ...query }, address, url, issuedAtMs: issued, secure };
}

/** The CONNECT packet's auth payload; socket.io guarantees an object, but a raw client may send anything. */
export function authOf(socket: Socket): Record<string, unknown> {
  const auth: unknown = socket.handshake.auth;
  return typeof auth === 'object' && auth !== null && !Array.isArray(auth) ? (auth as Record<string, unknown>) : {};
}
