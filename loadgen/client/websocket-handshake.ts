/**
 * The websocket upgrade of an Engine.IO connection (RFC 6455 section 4): the client's GET request with its
 * nonce, and the check of the server's answer (101, and the Sec-WebSocket-Accept that proves it read the nonce).
 */
import { hash } from 'node:crypto';
import type { Endpoint } from './lean-transport.js';
import { randomBase64 } from './random-pool.js';

/** Largest HTTP response header accepted during the upgrade, bytes. */
export const MAX_HANDSHAKE_BYTES = 16 * 1024;
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A fresh Sec-WebSocket-Key: 16 random bytes, base64. */
export function handshakeKey(): string {
  return randomBase64(16);
}

/** The Sec-WebSocket-Accept value a server must answer to `key`. */
export function expectedAccept(key: string): string {
  return hash('sha1', key + WEBSOCKET_GUID, 'base64');
}

/** The upgrade request for `endpoint` with `key`; `sid` set when probing an upgrade from polling. Latin-1 text. */
export function upgradeRequest(endpoint: Endpoint, key: string, sid: string | undefined): string {
  let path = endpoint.pathAndQuery + '&transport=websocket';
  if (sid !== undefined) path += '&sid=' + encodeURIComponent(sid);
  let request =
    `GET ${path} HTTP/1.1\r\nHost: ${endpoint.hostHeader}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n`;
  for (const [name, value] of endpoint.headers) request += `${name}: ${value}\r\n`;
  return request + '\r\n';
}

/** The accept header's name as found in a lower-cased header block, with the line break before it. */
const ACCEPT_HEADER = '\r\nsec-websocket-accept:';

/**
 * Why the server's answer in data[0..length), whose header ends at `headerEnd` (the offset of its blank line),
 * refuses the upgrade asked for with `key`; undefined when it accepts it. The accept header is found by one search
 * of the lower-cased header block (its last occurrence, as a header parser that keeps the last value would).
 */
export function upgradeRefusal(data: Buffer, headerEnd: number, length: number, key: string): string | undefined {
  const header = data.toString('latin1', 0, headerEnd);
  if (!header.startsWith('HTTP/1.1 101')) {
    const statusEnd = header.indexOf('\r\n');
    const status = statusEnd === -1 ? header : header.slice(0, statusEnd);
    const body = data.toString('utf8', headerEnd + 4, Math.min(length, headerEnd + 4 + 300));
    return `websocket upgrade refused: ${status}${body.length > 0 ? ` ${body}` : ''}`;
  }
  const at = header.toLowerCase().lastIndexOf(ACCEPT_HEADER);
  if (at === -1) return INVALID_ACCEPT;
  const valueStart = at + ACCEPT_HEADER.length;
  const lineEnd = header.indexOf('\r\n', valueStart);
  const accept = header.slice(valueStart, lineEnd === -1 ? header.length : lineEnd).trim();
  return accept === expectedAccept(key) ? undefined : INVALID_ACCEPT;
}

const INVALID_ACCEPT = 'websocket upgrade: invalid Sec-WebSocket-Accept';
