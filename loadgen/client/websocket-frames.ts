/**
 * RFC 6455 frames as the lean websocket transport writes them: the opcodes, the size limit on what a server may
 * send, and the client's masked frame (parsing stays in the transport, which reads frames in place from its
 * socket's chunks).
 */
import { copyRandom } from './random-pool.js';

export const OP_CONTINUATION = 0x0;
export const OP_TEXT = 0x1;
export const OP_BINARY = 0x2;
export const OP_CLOSE = 0x8;
export const OP_PING = 0x9;
export const OP_PONG = 0xa;

/** Largest frame or message accepted from a server, bytes: beyond this a hostile length would exhaust memory. */
export const MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

/** Builds one masked client frame (FIN set) carrying `payload`. */
export function encodeClientFrame(opcode: number, payload: string | Buffer): Buffer {
  const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const headerBytes = 2 + lengthBytes + 4;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = 0x80 | opcode;
  if (lengthBytes === 0) {
    frame[1] = 0x80 | length;
  } else if (lengthBytes === 2) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  const maskAt = headerBytes - 4;
  copyRandom(frame, maskAt, 4);
  if (typeof payload === 'string') frame.write(payload, headerBytes, 'utf8');
  else payload.copy(frame, headerBytes);
  const m0 = frame[maskAt]!, m1 = frame[maskAt + 1]!, m2 = frame[maskAt + 2]!, m3 = frame[maskAt + 3]!;
  const end = headerBytes + length;
  let i = headerBytes;
  for (; i + 3 < end; i += 4) {
    frame[i] = frame[i]! ^ m0;
    frame[i + 1] = frame[i + 1]! ^ m1;
    frame[i + 2] = frame[i + 2]! ^ m2;
    frame[i + 3] = frame[i + 3]! ^ m3;
  }
  for (let k = 0; i < end; i++, k++) frame[i] = frame[i]! ^ frame[maskAt + (k & 3)]!;
  return frame;
}
