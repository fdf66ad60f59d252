/**
 * Tells a CONNECT packet without payload (`40`) from one with an empty object (`40{}`). python-socketio passes
 * `auth=None` to the connect handler in the first case; socket.io replaces a missing payload with `{}` before
 * any of our code sees the socket. This wrapper of the server's parser puts a fresh empty object, remembered in a
 * WeakSet, in place of the missing payload, so socket.io still gets the `{}` it expects and `isAbsentAuth` can
 * tell the handshake's auth apart later.
 */
import type { SocketIoParser } from './counting-parser.js';

/** socket.io-parser's CONNECT packet type. */
const CONNECT = 0;

const absentAuths = new WeakSet<object>();

/** True when `auth` (a socket's `handshake.auth`) stands for a CONNECT packet that carried no payload. */
export function isAbsentAuth(auth: unknown): boolean {
  return typeof auth === 'object' && auth !== null && absentAuths.has(auth);
}

/** `parser` with a decoder that marks each CONNECT packet without payload (see the top of this file). */
export function withAbsentAuthMarker(parser: SocketIoParser): SocketIoParser {
  const Base = parser.Decoder as new () => { on(event: 'decoded', listener: (packet: { type: number; data?: unknown }) => void): unknown };
  class AbsentAuthMarkingDecoder extends Base {
    constructor() {
      super();
      // Registered in the constructor, so it runs before socket.io's own 'decoded' listener reads the packet.
      this.on('decoded', (packet) => {
        if (packet.type !== CONNECT || packet.data !== undefined) return;
        const marker = {};
        absentAuths.add(marker);
        packet.data = marker;
      });
    }
  }
  return { Encoder: parser.Encoder, Decoder: AbsentAuthMarkingDecoder };
}
