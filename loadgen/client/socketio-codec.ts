/**
 * Socket.IO v5 packets with the default parser: `<type>[<attachments>-][<nsp>,][<ackId>][<json>]`, binary values
 * replaced by `{"_placeholder":true,"num":n}` and sent as separate binary messages after the text packet.
 * Decoding writes into a caller-owned DecodedPacket so that a received message allocates nothing but its payload.
 */
import { ProtocolError } from './engineio-codec.js';

export const SIO_CONNECT = 0;
export const SIO_DISCONNECT = 1;
export const SIO_EVENT = 2;
export const SIO_ACK = 3;
export const SIO_CONNECT_ERROR = 4;
export const SIO_BINARY_EVENT = 5;
export const SIO_BINARY_ACK = 6;

/** Refuse packets announcing more attachments than this: no real payload has that many, a hostile one would. */
export const MAX_ATTACHMENTS = 10_000;

/** A decoded packet; fields are overwritten by each decode. `ackId` is -1 when absent, `data` undefined when absent. */
export interface DecodedPacket {
  type: number;
  nsp: string;
  ackId: number;
  attachments: number;
  data: unknown;
}

/** A fresh DecodedPacket to decode into. */
export function createDecodedPacket(): DecodedPacket {
  return { type: 0, nsp: '/', ackId: -1, attachments: 0, data: undefined };
}

/** Largest ack id accepted (socket.io-parser has none; this keeps ids exact integers). */
const MAX_ACK_ID = 2 ** 31 - 1;

/**
 * Decodes the Socket.IO packet in `text` starting at `start` (1 to skip the Engine.IO '4') into `out` and checks
 * its payload shape. Throws ProtocolError on anything socket.io-parser would reject.
 */
export function decodeSocketIoPacket(text: string, start: number, out: DecodedPacket): void {
  const length = text.length;
  let i = start;
  const type = text.charCodeAt(i) - 0x30;
  if (!(type >= SIO_CONNECT && type <= SIO_BINARY_ACK)) throw new ProtocolError('unknown packet type');
  i++;
  let attachments = 0;
  if (type === SIO_BINARY_EVENT || type === SIO_BINARY_ACK) {
    const digitsStart = i;
    let c = text.charCodeAt(i);
    while (c >= 0x30 && c <= 0x39) {
      attachments = attachments * 10 + (c - 0x30);
      if (attachments > MAX_ATTACHMENTS) throw new ProtocolError('too many attachments');
      c = text.charCodeAt(++i);
    }
    if (i === digitsStart || c !== 0x2d /* - */) throw new ProtocolError('illegal attachments');
    i++;
  }
  let nsp = '/';
  if (text.charCodeAt(i) === 0x2f /* / */) {
    const comma = text.indexOf(',', i);
    if (comma === -1) {
      nsp = text.slice(i);
      i = length;
    } else {
      nsp = text.slice(i, comma);
      i = comma + 1;
    }
  }
  let ackId = -1;
  let c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) {
    ackId = 0;
    while (c >= 0x30 && c <= 0x39) {
      ackId = ackId * 10 + (c - 0x30);
      if (ackId > MAX_ACK_ID) throw new ProtocolError('ack id out of range');
      c = text.charCodeAt(++i);
    }
  }
  let data: unknown;
  if (i < length) {
    try {
      data = JSON.parse(i === 0 ? text : text.slice(i));
    } catch (error) {
      throw new ProtocolError(`invalid payload: ${(error as Error).message}`);
    }
  }
  if (!isPayloadValid(type, data)) throw new ProtocolError('invalid payload');
  out.type = type;
  out.nsp = nsp;
  out.ackId = ackId;
  out.attachments = attachments;
  out.data = data;
}

/** The same shape checks as socket.io-parser's Decoder.isPayloadValid. */
function isPayloadValid(type: number, data: unknown): boolean {
  switch (type) {
    case SIO_CONNECT:
      return isObject(data);
    case SIO_DISCONNECT:
      return data === undefined;
    case SIO_CONNECT_ERROR:
      return typeof data === 'string' || isObject(data);
    case SIO_EVENT:
    case SIO_BINARY_EVENT:
      return Array.isArray(data) && data.length > 0 && (typeof data[0] === 'string' || typeof data[0] === 'number');
    case SIO_ACK:
    case SIO_BINARY_ACK:
      return Array.isArray(data);
    default:
      return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text prefix of a packet up to (not including) its JSON: type, attachment count, namespace, ack id. */
function packetPrefix(type: number, nsp: string, ackId: number, attachments: number): string {
  let prefix = '4' + type; // the Engine.IO message type, then the Socket.IO type
  if (attachments > 0) prefix += attachments + '-';
  if (nsp !== '/') prefix += nsp + ',';
  if (ackId >= 0) prefix += ackId;
  return prefix;
}

/** The Engine.IO text packet of a namespace CONNECT, with auth when given. */
export function encodeConnect(nsp: string, auth: Record<string, unknown> | undefined): string {
  return packetPrefix(SIO_CONNECT, nsp, -1, 0) + (auth === undefined ? '' : JSON.stringify(auth));
}

/** The Engine.IO text packet of a namespace DISCONNECT. */
export function encodeDisconnect(nsp: string): string {
  return packetPrefix(SIO_DISCONNECT, nsp, -1, 0);
}

/** An encoded EVENT: the text packet, then its binary attachments (empty array when none). */
export interface EncodedEvent {
  text: string;
  attachments: Buffer[];
}

const NO_ATTACHMENTS: Buffer[] = [];

/** Encodes an EVENT (ackId -1: none) or BINARY_EVENT, as Engine.IO message packets. */
export function encodeEvent(nsp: string, event: string, args: readonly unknown[], ackId: number): EncodedEvent {
  const data: unknown[] = new Array(args.length + 1);
  data[0] = event;
  let binary = false;
  for (let i = 0; i < args.length; i++) {
    data[i + 1] = args[i];
    if (!binary && hasBinary(args[i])) binary = true;
  }
  if (!binary) return { text: packetPrefix(SIO_EVENT, nsp, ackId, 0) + JSON.stringify(data), attachments: NO_ATTACHMENTS };
  const attachments: Buffer[] = [];
  const replaced = deconstruct(data, attachments);
  return {
    text: packetPrefix(SIO_BINARY_EVENT, nsp, ackId, attachments.length) + JSON.stringify(replaced),
    attachments,
  };
}

/** Encodes an ACK (or BINARY_ACK) answering the server's ack id. */
export function encodeAck(nsp: string, ackId: number, args: readonly unknown[]): EncodedEvent {
  if (!args.some(hasBinary)) return { text: packetPrefix(SIO_ACK, nsp, ackId, 0) + JSON.stringify(args), attachments: NO_ATTACHMENTS };
  const attachments: Buffer[] = [];
  const replaced = deconstruct(args, attachments);
  return { text: packetPrefix(SIO_BINARY_ACK, nsp, ackId, attachments.length) + JSON.stringify(replaced), attachments };
}

function isBinary(value: unknown): value is Buffer | ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function toBuffer(value: Buffer | ArrayBuffer | ArrayBufferView): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Whether a value holds binary anywhere (arrays and plain objects are searched; depth bounded by the value). */
export function hasBinary(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (isBinary(value)) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasBinary(value[i])) return true;
    return false;
  }
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && hasBinary((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Copies `value` with each binary replaced by a placeholder, appending the binaries to `attachments` in order. */
function deconstruct(value: unknown, attachments: Buffer[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isBinary(value)) {
    const placeholder = { _placeholder: true, num: attachments.length };
    attachments.push(toBuffer(value));
    return placeholder;
  }
  if (Array.isArray(value)) return value.map((item) => deconstruct(item, attachments));
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key)) copy[key] = deconstruct((value as Record<string, unknown>)[key], attachments);
  }
  return copy;
}

/** Replaces placeholders in decoded `data` (in place) by the received attachments. Throws ProtocolError on a bad index. */
export function reconstruct(data: unknown, attachments: readonly Buffer[]): unknown {
  if (typeof data !== 'object' || data === null) return data;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) data[i] = reconstruct(data[i], attachments);
    return data;
  }
  const o = data as Record<string, unknown>;
  if (o._placeholder === true) {
    const num = o.num;
    if (typeof num !== 'number' || !Number.isInteger(num) || num < 0 || num >= attachments.length) {
      throw new ProtocolError('illegal attachment index');
    }
    return attachments[num];
  }
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) continue;
    const value = o[key];
    const replaced = reconstruct(value, attachments);
    // JSON.parse makes "__proto__" an own key; plain assignment would set the prototype instead.
    if (replaced !== value) Object.defineProperty(o, key, { value: replaced, enumerable: true, writable: true, configurable: true });
  }
  return o;
}
