import { WebSocketServer } from 'ws';
export async function startFakeEngineServer(options) {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/socket.io/' });
    await new Promise((resolve) => wss.once('listening', resolve));
    const received = [];
    wss.on('connection', (socket) => {
        socket.send(`0{"sid":"fake-engine","upgrades":[],"pingInterval":${options.pingIntervalMs},"pingTimeout":${options.pingTimeoutMs},"maxPayload":1000000}`);
        socket.on('message', (data, isBinary) => {
            if (isBinary)
                return;
            const text = data.toString();
            received.push(text);
            options.onText?.(text);
            if (text.startsWith('40')) {
                socket.send('40{"sid":"fake-socket"}');
                options.onConnected(socket);
            }
        });
    });
    const { port } = wss.address();
    return {
        url: `http://127.0.0.1:${port}`,
        received,
        close: () => new Promise((resolve) => {
            for (const client of wss.clients)
                client.terminate();
            wss.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=fake-engine-server.js.map