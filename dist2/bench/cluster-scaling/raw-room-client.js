/**
 * A minimal Engine.IO v4 / Socket.IO v5 websocket client for the bench protocol's rooms: it joins one room,
 * sends `broadcast` events to it and counts the `broadcast` events it receives, without decoding them (a prefix
 * check). It costs the load side far less CPU than socket.io-client, so the server saturates first.
 */
import WebSocket from 'ws';
const EIO_OPEN = '0';
const EIO_PING = '2';
const EIO_PONG = '3';
const SIO_CONNECT = '40';
/** The join ack: ack id 0, the only ack this client asks for. */
const SIO_JOIN_ACK = '430';
const BROADCAST_PREFIX = '42["broadcast"';
/** Longest wait for the connection and the join ack, ms. */
const CONNECT_TIMEOUT_MS = 15_000;
/** Connects `clientIndex` to `url` (http://host:port), joins `room`, and resolves once the join is acked. */
export function connectRawRoomClient(url, clientIndex, room, payloadBytes) {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    const payload = 'x'.repeat(payloadBytes);
    let received = 0;
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            socket.terminate();
            reject(new Error(`client ${clientIndex}: not joined within ${CONNECT_TIMEOUT_MS} ms`));
        }, CONNECT_TIMEOUT_MS);
        socket.once('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        socket.on('message', (data, isBinary) => {
            if (isBinary)
                return;
            const text = data.toString('utf8');
            if (text.startsWith(BROADCAST_PREFIX)) {
                received += 1;
            }
            else if (text === EIO_PING) {
                socket.send(EIO_PONG);
            }
            else if (text.startsWith(EIO_OPEN)) {
                socket.send(`${SIO_CONNECT}${JSON.stringify({ clientIndex })}`);
            }
            else if (text.startsWith(SIO_CONNECT)) {
                socket.send(`420${JSON.stringify(['join', { room }])}`);
            }
            else if (text.startsWith(SIO_JOIN_ACK)) {
                clearTimeout(timer);
                resolve({
                    takeReceived: () => {
                        const count = received;
                        received = 0;
                        return count;
                    },
                    sendBroadcast: (seq) => {
                        if (socket.readyState !== WebSocket.OPEN)
                            return;
                        socket.send(`42${JSON.stringify(['broadcast', { room, from: clientIndex, seq, t0Us: 0, sentUs: 0, payload }])}`);
                    },
                    close: () => new Promise((done) => {
                        if (socket.readyState === WebSocket.CLOSED)
                            return done();
                        socket.once('close', () => done());
                        socket.close();
                    }),
                });
            }
        });
    });
}
//# sourceMappingURL=raw-room-client.js.map