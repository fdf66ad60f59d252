/**
 * The Socket.IO parser of the server (default or msgpack), wrapped so that a packet that fails to decode is
 * counted as a `parse-error` before socket.io drops the connection: socket.io catches the decoder's exception
 * itself and closes the client without any event we could listen to.
 */
import * as defaultParser from 'socket.io-parser';
import * as msgpackParser from 'socket.io-msgpack-parser';
/** The parser of `kind`, whose decoder calls `onDecodeError` each time `add()` throws. */
export function createCountingParser(kind, onDecodeError) {
    switch (kind) {
        case 'default': {
            class CountingDecoder extends defaultParser.Decoder {
                add(data) {
                    try {
                        super.add(data);
                    }
                    catch (error) {
                        onDecodeError(error);
                        throw error;
                    }
                }
            }
            return { Encoder: defaultParser.Encoder, Decoder: CountingDecoder };
        }
        case 'msgpack': {
            class CountingMsgpackDecoder extends msgpackParser.Decoder {
                add(data) {
                    try {
                        super.add(data);
                    }
                    catch (error) {
                        onDecodeError(error);
                        throw error;
                    }
                }
            }
            return { Encoder: msgpackParser.Encoder, Decoder: CountingMsgpackDecoder };
        }
    }
}
//# sourceMappingURL=counting-parser.js.map