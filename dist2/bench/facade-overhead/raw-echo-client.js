/**
 * A minimal Engine.IO v4 / Socket.IO v5 client over `ws`, just enough to send `echo` with an ack in a closed
 * loop: it costs the load side far less CPU than socket.io-client, so that two clients cores can saturate a
 * server on a small machine. Text packets only: `42<id>["echo",<payload>]` out, `43<id>[...]` back.
 */
import WebSocket from 'ws';
/** Socket.IO packet prefixes (Engine.IO message '4' + Socket.IO type). */
const EIO_OPEN = '0';
const EIO_PING = '2';
const EIO_PONG = '3';
const SIO_CONNECT = '40';
const SIO_ACK = '43';
/**
 * Connects to `url` (http://host:port) on the default namespace over websocket and resolves once the
 * Socket.IO CONNECT is acknowledged. `payloadJson` is the echo argument, already encoded as JSON.
 */
export function connectRawEchoClient(url, payloadJson, path = '/socket.io/') {
    const wsUrl = `${url.replace(/^http/, 'ws')}${path}?EIO=4&transport=websocket`;
    const socket = new WebSocket(wsUrl, { perMessageDeflate: false });
    let acks = 0;
    let running = false;
    let nextId = 0;
    const sendEcho = () => {
        nextId = (nextId + 1) % 1_000_000;
        socket.send(`42${nextId}["echo",${payloadJson}]`);
    };
    return new Promise((resolve, reject) => {
        const client = {
            takeAckCount() {
                const count = acks;
                acks = 0;
                return count;
            },
            start() {
                running = true;
                sendEcho();
            },
            close() {
                running = false;
                if (socket.readyState === WebSocket.CLOSED)
                    return Promise.resolve();
                return new Promise((done) => {
                    socket.once('close', () => done());
                    socket.close();
                });
            },
        };
        socket.once('error', reject);
        socket.on('message', (data) => {
            const text = data.toString();
            if (text.startsWith(SIO_ACK)) {
                acks += 1;
                if (running)
                    sendEcho();
            }
            else if (text === EIO_PING) {
                socket.send(EIO_PONG);
            }
            else if (text.startsWith(EIO_OPEN)) {
                socket.send(SIO_CONNECT);
            }
            else if (text.startsWith(SIO_CONNECT)) {
                socket.off('error', reject);
                resolve(client);
            }
            else if (text.startsWith('44')) {
                reject(new Error(`namespace refused the client: ${text}`));
            }
        });
        socket.once('close', (code) => {
            if (!running)
                reject(new Error(`socket closed during the handshake (code ${code})`));
        });
    });
}
//# sourceMappingURL=raw-echo-client.js.map