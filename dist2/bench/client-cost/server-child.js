/**
 * Server child of the client-cost benchmark: a bare socket.io server on 127.0.0.1 port 0 (websocket and polling),
 * so the clients' memory and CPU are measured in processes that hold no server state.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { cpuNowUs, isToServerMessage } from './messages.js';
function send(message) {
    process.send?.(message);
}
const http = createServer();
const io = new Server(http, { perMessageDeflate: false, serveClient: false, maxHttpBufferSize: 1e6 });
await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
send({ type: 'listening', port: http.address().port });
function broadcast(remaining, payload) {
    if (remaining === 0)
        return send({ type: 'broadcast-sent' });
    io.emit('bench', { t0: Date.now(), payload });
    // One broadcast per turn: lets the server flush writes and read pings like a live server would.
    setImmediate(broadcast, remaining - 1, payload);
}
process.on('message', (message) => {
    if (!isToServerMessage(message))
        return;
    switch (message.type) {
        case 'read-cpu':
            return send({ type: 'cpu', cpuUs: cpuNowUs(), connections: io.engine.clientsCount });
        case 'broadcast':
            return broadcast(message.messages, 'x'.repeat(message.payloadBytes));
        case 'stop':
            io.close();
            process.disconnect();
            return;
    }
});
//# sourceMappingURL=server-child.js.map