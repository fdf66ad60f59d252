/**
 * Counts the packets that socket.io refuses for arriving in the wrong state: an event (or ack, or DISCONNECT)
 * for a namespace the client never sent CONNECT to, and a CONNECT_ERROR sent by a client. socket.io closes such a
 * client silently ("invalid state"); this wrapper of the server's parser mirrors that decision per connection
 * (one decoder per client) and counts `packet-before-connect` or `client-connect-error`. It sees only decoded
 * packets, so it never changes what socket.io does; a CONNECT that the server refuses later still counts as sent,
 * so events after a refused CONNECT are not counted here (they still close the client).
 */
import type { SocketIoParser } from '../counting-parser.js';

/** The refusal kinds this check counts. */
export type PacketOrderRefusal = 'packet-before-connect' | 'client-connect-error';

/** Socket.IO packet types (socket.io-parser's PacketType) that decide the state. */
const CONNECT = 0;
const DISCONNECT = 1;
const CONNECT_ERROR = 4;

/** The refusal a decoded packet means, given the namespaces the client has sent CONNECT to (updated in place). */
export function packetOrderRefusal(packet: { type: number; nsp: string }, connected: Set<string>): PacketOrderRefusal | undefined {
  switch (packet.type) {
    case CONNECT:
      connected.add(packet.nsp);
      return undefined;
    case CONNECT_ERROR:
      return 'client-connect-error';
    case DISCONNECT:
      if (!connected.delete(packet.nsp)) return 'packet-before-connect';
      return undefined;
    default:
      return connected.has(packet.nsp) ? undefined : 'packet-before-connect';
  }
}

/** `parser` with a decoder that reports each packet-order refusal to `onRefusal`. */
export function withPacketOrderCheck(parser: SocketIoParser, onRefusal: (kind: PacketOrderRefusal) => void): SocketIoParser {
  const Base = parser.Decoder as new () => { on(event: 'decoded', listener: (packet: { type: number; nsp: string }) => void): unknown };
  class OrderCheckingDecoder extends Base {
    constructor() {
      super();
      const connected = new Set<string>();
      // Registered in the constructor, so it runs before socket.io's own 'decoded' listener.
      this.on('decoded', (packet) => {
        const refusal = packetOrderRefusal(packet, connected);
        if (refusal !== undefined) onRefusal(refusal);
      });
    }
  }
  return { Encoder: parser.Encoder, Decoder: OrderCheckingDecoder };
}
