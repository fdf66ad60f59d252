/** Socket.IO packet types (socket.io-parser's PacketType) that decide the state. */
const CONNECT = 0;
const DISCONNECT = 1;
const CONNECT_ERROR = 4;
/** The refusal a decoded packet means, given the namespaces the client has sent CONNECT to (updated in place). */
export function packetOrderRefusal(packet, connected) {
    switch (packet.type) {
        case CONNECT:
            connected.add(packet.nsp);
            return undefined;
        case CONNECT_ERROR:
            return 'client-connect-error';
        case DISCONNECT:
            if (!connected.delete(packet.nsp))
                return 'packet-before-connect';
            return undefined;
        default:
            return connected.has(packet.nsp) ? undefined : 'packet-before-connect';
    }
}
/** `parser` with a decoder that reports each packet-order refusal to `onRefusal`. */
export function withPacketOrderCheck(parser, onRefusal) {
    const Base = parser.Decoder;
    class OrderCheckingDecoder extends Base {
        constructor() {
            super();
            const connected = new Set();
            // Registered in the constructor, so it runs before socket.io's own 'decoded' listener.
            this.on('decoded', (packet) => {
                const refusal = packetOrderRefusal(packet, connected);
                if (refusal !== undefined)
                    onRefusal(refusal);
            });
        }
    }
    return { Encoder: parser.Encoder, Decoder: OrderCheckingDecoder };
}
//# sourceMappingURL=packet-order-check.js.map