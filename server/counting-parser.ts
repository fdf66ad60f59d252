/**
 * The Socket.IO parser of the server (default or msgpack), wrapped so that a packet that fails to decode is
 * counted as a `parse-error` before socket.io drops the connection: socket.io catches the decoder's exception
 * itself and closes the client without any event we could listen to.
 */
import * as defaultParser from 'socket.io-parser';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { ParserKind } from './types.js';

/** The shape socket.io expects of its `parser` option. */
export interface SocketIoParser {
  Encoder: new () => unknown;
  Decoder: new () => unknown;
}

/** The parser of `kind`, whose decoder calls `onDecodeError` each time `add()` throws. */
export function createCountingParser(kind: ParserKind, onDecodeError: (error: unknown) => void): SocketIoParser {
  switch (kind) {
    case 'default': {
      class CountingDecoder extends defaultParser.Decoder {
        override add(data: unknown): void {
          try {
            super.add(data);
          } catch (error) {
            onDecodeError(error);
            throw error;
          }
        }
      }
      return { Encoder: defaultParser.Encoder, Decoder: CountingDecoder };
    }
    case 'msgpack': {
      class CountingMsgpackDecoder extends msgpackParser.Decoder {
        override add(data: unknown): void {
          try {
            super.add(data);
          } catch (error) {
            onDecodeError(error);
            throw error;
          }
        }
      }
      return { Encoder: msgpackParser.Encoder as unknown as new () => unknown, Decoder: CountingMsgpackDecoder };
    }
  }
}
