/**
 * Engine.IO v4 wire format, as the lean client needs it: the text packet types, the open packet's handshake and
 * the long-polling payload (packets joined by the record separator \x1e, binary packets as `b` + base64).
 * Over websocket one frame is one packet and binary frames carry binary messages with no type byte.
 */

/** A malformed packet or frame from the server. The lean client turns it into the disconnect reason 'parse error'. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** Engine.IO packet type characters (char codes of '0'..'6'). */
export const EIO_OPEN = 0x30;
export const EIO_CLOSE = 0x31;
export const EIO_PING = 0x32;
export const EIO_PONG = 0x33;
export const EIO_MESSAGE = 0x34;
export const EIO_UPGRADE = 0x35;
export const EIO_NOOP = 0x36;

/** The record separator between packets of a polling payload. */
export const POLLING_SEPARATOR = '\x1e';

/** What the server's open packet says. */
export interface EngineHandshake {
  /** Engine.IO session id. */
  sid: string;
  /** Transports the server accepts an upgrade to, e.g. ['websocket']. */
  upgrades: string[];
  /** How often the server pings, ms. */
  pingIntervalMs: number;
  /** How long the server waits for the pong, ms; the client allows pingIntervalMs + pingTimeoutMs between pings. */
  pingTimeoutMs: number;
  /** Largest payload the server accepts, bytes. */
  maxPayloadBytes: number;
}

/** How every open packet from a socket.io server begins; the sid follows, up to the next quote. */
const OPEN_PREFIX = '0{"sid":"';
/** A JSON string body that means itself: no escapes, no control characters (which JSON.parse would reject). */
const PLAIN_JSON_STRING = /^[^\\\u0000-\u001f]+$/;

/**
 * The last open packet parsed in this thread, as the text after its sid and what that text said. A server's open
 * packets differ only in their sid, so in a connect storm the rest is parsed once, not once per connection.
 */
let lastOpenRest: string | undefined;
let lastOpenHandshake: Omit<EngineHandshake, 'sid'> | undefined;

/**
 * Parses the JSON after the '0' of an open packet (`text` is the whole packet). Throws ProtocolError. A packet
 * that is the last one's with another sid (a plain JSON string, no escapes) reuses the last parse.
 */
export function parseOpenPacket(text: string): EngineHandshake {
  if (lastOpenRest !== undefined && text.startsWith(OPEN_PREFIX)) {
    const sidEnd = text.indexOf('"', OPEN_PREFIX.length);
    if (sidEnd > OPEN_PREFIX.length && text.length - sidEnd === lastOpenRest.length && text.endsWith(lastOpenRest)) {
      const sid = text.slice(OPEN_PREFIX.length, sidEnd);
      if (PLAIN_JSON_STRING.test(sid)) {
        // A literal, not a spread: `{...last, sid}` costs ~1.2 µs here, more than the JSON.parse it saves.
        const last = lastOpenHandshake!;
        return { sid, upgrades: last.upgrades, pingIntervalMs: last.pingIntervalMs, pingTimeoutMs: last.pingTimeoutMs, maxPayloadBytes: last.maxPayloadBytes };
      }
    }
  }
  const handshake = parseOpenJson(text);
  const sidEnd = text.startsWith(OPEN_PREFIX) ? text.indexOf('"', OPEN_PREFIX.length) : -1;
  if (sidEnd > 0 && text.slice(OPEN_PREFIX.length, sidEnd) === handshake.sid) {
    lastOpenRest = text.slice(sidEnd);
    const { sid: _sid, ...rest } = handshake;
    lastOpenHandshake = { ...rest, upgrades: Object.freeze(rest.upgrades) as string[] };
  }
  return handshake;
}

function parseOpenJson(text: string): EngineHandshake {
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(1));
  } catch (error) {
    throw new ProtocolError(`invalid open packet: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null) throw new ProtocolError('invalid open packet: not an object');
  const o = raw as Record<string, unknown>;
  const { sid, upgrades, pingInterval, pingTimeout, maxPayload } = o;
  if (typeof sid !== 'string' || sid.length === 0) throw new ProtocolError('invalid open packet: no sid');
  if (!isNonNegativeFinite(pingInterval) || !isNonNegativeFinite(pingTimeout)) {
    throw new ProtocolError('invalid open packet: pingInterval/pingTimeout must be non-negative numbers');
  }
  const upgradeList = Array.isArray(upgrades) ? upgrades.filter((u): u is string => typeof u === 'string') : [];
  return {
    sid,
    upgrades: upgradeList,
    pingIntervalMs: pingInterval,
    pingTimeoutMs: pingTimeout,
    maxPayloadBytes: isNonNegativeFinite(maxPayload) ? maxPayload : 1_000_000,
  };
}

function isNonNegativeFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** One Engine.IO packet as the lean client handles it: text (type char first) or a binary message. */
export type EnginePacket = string | Buffer;

/** Encodes packets into one polling payload (the body of a POST). Binary packets become `b` + base64. */
export function encodePollingPayload(packets: readonly EnginePacket[]): string {
  let body = '';
  for (let i = 0; i < packets.length; i++) {
    const packet = packets[i]!;
    if (i > 0) body += POLLING_SEPARATOR;
    body += typeof packet === 'string' ? packet : 'b' + packet.toString('base64');
  }
  return body;
}

/** Base64 alphabet check for `b` packets: Buffer.from(.., 'base64') silently skips bad characters. */
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/** Splits a polling payload (the body of a GET response) into packets. Throws ProtocolError on an empty or bad packet. */
export function decodePollingPayload(body: string): EnginePacket[] {
  const parts = body.split(POLLING_SEPARATOR);
  const packets: EnginePacket[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length === 0) throw new ProtocolError('empty packet in polling payload');
    if (part.charCodeAt(0) === 0x62 /* b */) {
      const base64 = part.slice(1);
      if (base64.length % 4 !== 0 || !BASE64_BODY.test(base64)) throw new ProtocolError('invalid base64 binary packet');
      packets[i] = Buffer.from(base64, 'base64');
    } else {
      packets[i] = part;
    }
  }
  return packets;
}
