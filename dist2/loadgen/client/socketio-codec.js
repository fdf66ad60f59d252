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
/** A fresh DecodedPacket to decode into. */
export function createDecodedPacket() {
    return { type: 0, nsp: '/', ackId: -1, attachments: 0, data: undefined };
}
/** Largest ack id accepted (socket.io-parser has none; this keeps ids exact integers). */
const MAX_ACK_ID = 2 ** 31 - 1;
/**
 * Decodes the Socket.IO packet in `text` starting at `start` (1 to skip the Engine.IO '4') into `out` and checks
 * its payload shape. Throws ProtocolError on anything socket.io-parser would reject.
 */
export function decodeSocketIoPacket(text, start, out) {
    const length = text.length;
    let i = start;
    const type = text.charCodeAt(i) - 0x30;
    if (!(type >= SIO_CONNECT && type <= SIO_BINARY_ACK))
        throw new ProtocolError('unknown packet type');
    i++;
    let attachments = 0;
    if (type === SIO_BINARY_EVENT || type === SIO_BINARY_ACK) {
        const digitsStart = i;
        let c = text.charCodeAt(i);
        while (c >= 0x30 && c <= 0x39) {
            attachments = attachments * 10 + (c - 0x30);
            if (attachments > MAX_ATTACHMENTS)
                throw new ProtocolError('too many attachments');
            c = text.charCodeAt(++i);
        }
        if (i === digitsStart || c !== 0x2d /* - */)
            throw new ProtocolError('illegal attachments');
        i++;
    }
    let nsp = '/';
    if (text.charCodeAt(i) === 0x2f /* / */) {
        const comma = text.indexOf(',', i);
        if (comma === -1) {
            nsp = text.slice(i);
            i = length;
        }
        else {
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
            if (ackId > MAX_ACK_ID)
                throw new ProtocolError('ack id out of range');
            c = text.charCodeAt(++i);
        }
    }
    let data;
    if (i < length) {
        try {
            data = JSON.parse(i === 0 ? text : text.slice(i));
        }
        catch (error) {
            throw new ProtocolError(`invalid payload: ${error.message}`);
        }
    }
    if (!isPayloadValid(type, data))
        throw new ProtocolError('invalid payload');
    out.type = type;
    out.nsp = nsp;
    out.ackId = ackId;
    out.attachments = attachments;
    out.data = data;
}
/** The same shape checks as socket.io-parser's Decoder.isPayloadValid. */
function isPayloadValid(type, data) {
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
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The text prefix of a packet up to (not including) its JSON: type, attachment count, namespace, ack id. */
function packetPrefix(type, nsp, ackId, attachments) {
    let prefix = '4' + type; // the Engine.IO message type, then the Socket.IO type
    if (attachments > 0)
        prefix += attachments + '-';
    if (nsp !== '/')
        prefix += nsp + ',';
    if (ackId >= 0)
        prefix += ackId;
    return prefix;
}
/** The Engine.IO text packet of a namespace CONNECT, with auth when given. */
export function encodeConnect(nsp, auth) {
    return packetPrefix(SIO_CONNECT, nsp, -1, 0) + (auth === undefined ? '' : JSON.stringify(auth));
}
/** The Engine.IO text packet of a namespace DISCONNECT. */
export function encodeDisconnect(nsp) {
    return packetPrefix(SIO_DISCONNECT, nsp, -1, 0);
}
const NO_ATTACHMENTS = [];
/** Encodes an EVENT (ackId -1: none) or BINARY_EVENT, as Engine.IO message packets. */
export function encodeEvent(nsp, event, args, ackId) {
    const data = new Array(args.length + 1);
    data[0] = event;
    let binary = false;
    for (let i = 0; i < args.length; i++) {
        data[i + 1] = args[i];
        if (!binary && hasBinary(args[i]))
            binary = true;
    }
    if (!binary)
        return { text: packetPrefix(SIO_EVENT, nsp, ackId, 0) + JSON.stringify(data), attachments: NO_ATTACHMENTS };
    const attachments = [];
    const replaced = deconstruct(data, attachments);
    return {
        text: packetPrefix(SIO_BINARY_EVENT, nsp, ackId, attachments.length) + JSON.stringify(replaced),
        attachments,
    };
}
/** Encodes an ACK (or BINARY_ACK) answering the server's ack id. */
export function encodeAck(nsp, ackId, args) {
    if (!args.some(hasBinary))
        return { text: packetPrefix(SIO_ACK, nsp, ackId, 0) + JSON.stringify(args), attachments: NO_ATTACHMENTS };
    const attachments = [];
    const replaced = deconstruct(args, attachments);
    return { text: packetPrefix(SIO_BINARY_ACK, nsp, ackId, attachments.length) + JSON.stringify(replaced), attachments };
}
function isBinary(value) {
    return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}
function toBuffer(value) {
    if (Buffer.isBuffer(value))
        return value;
    if (value instanceof ArrayBuffer)
        return Buffer.from(value);
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
/** Whether a value holds binary anywhere (arrays and plain objects are searched; depth bounded by the value). */
export function hasBinary(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    if (isBinary(value))
        return true;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
            if (hasBinary(value[i]))
                return true;
        return false;
    }
    for (const key in value) {
        if (Object.prototype.hasOwnProperty.call(value, key) && hasBinary(value[key]))
            return true;
    }
    return false;
}
/** Copies `value` with each binary replaced by a placeholder, appending the binaries to `attachments` in order. */
function deconstruct(value, attachments) {
    if (typeof value !== 'object' || value === null)
        return value;
    if (isBinary(value)) {
        const placeholder = { _placeholder: true, num: attachments.length };
        attachments.push(toBuffer(value));
        return placeholder;
    }
    if (Array.isArray(value))
        return value.map((item) => deconstruct(item, attachments));
    const copy = {};
    for (const key in value) {
        if (Object.prototype.hasOwnProperty.call(value, key))
            copy[key] = deconstruct(value[key], attachments);
    }
    return copy;
}
/** Replaces placeholders in decoded `data` (in place) by the received attachments. Throws ProtocolError on a bad index. */
export function reconstruct(data, attachments) {
    if (typeof data !== 'object' || data === null)
        return data;
    if (Array.isArray(data)) {
        for (let i = 0; i < data.length; i++)
            data[i] = reconstruct(data[i], attachments);
        return data;
    }
    const o = data;
    if (o._placeholder === true) {
        const num = o.num;
        if (typeof num !== 'number' || !Number.isInteger(num) || num < 0 || num >= attachments.length) {
            throw new ProtocolError('illegal attachment index');
        }
        return attachments[num];
    }
    for (const key in o) {
        if (!Object.prototype.hasOwnProperty.call(o, key))
            continue;
        const value = o[key];
        const replaced = reconstruct(value, attachments);
        // JSON.parse makes "__proto__" an own key; plain assignment would set the prototype instead.
        if (replaced !== value)
            Object.defineProperty(o, key, { value: replaced, enumerable: true, writable: true, configurable: true });
    }
    return o;
}
//# sourceMappingURL=socketio-codec.js.map