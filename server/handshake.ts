/** Maps socket.io's handshake record to the facade's `Handshake` (what a connect handler receives). */
import type { Socket } from 'socket.io';
import { isAbsentAuth } from './absent-auth.js';
import type { Handshake } from './types.js';

/** The client's handshake as the connect handler sees it. */
export function toHandshake(socket: Socket): Handshake {
  const { headers, query, address, url, issued, secure } = socket.handshake;
  return { headers, query: { ...query }, address, url, issuedAtMs: issued, secure };
}

/**
 * The CONNECT packet's auth payload, or undefined when the packet carried none (python-socketio's `auth=None`;
 * see absent-auth.ts). socket.io's parser accepts only an object payload.
 */
export function authOf(socket: Socket): Record<string, unknown> | undefined {
  const auth: unknown = socket.handshake.auth;
  if (isAbsentAuth(auth)) return undefined;
  return typeof auth === 'object' && auth !== null && !Array.isArray(auth) ? (auth as Record<string, unknown>) : undefined;
}
