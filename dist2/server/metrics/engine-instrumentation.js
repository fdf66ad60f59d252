/** Engine.IO's error codes (engine.io `Server.errors`) and the refusal kind each counts as. */
const engineErrorKinds = {
    0: 'engine-unknown-transport',
    1: 'engine-unknown-session',
    2: 'engine-bad-handshake-method',
    3: 'engine-bad-request',
    4: 'engine-forbidden',
    5: 'engine-unsupported-protocol-version',
};
/** Size of one Engine.IO packet as counted by the metrics: its data plus the one-byte packet type. */
export function engineDataBytes(data) {
    if (typeof data === 'string')
        return 1 + Buffer.byteLength(data);
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
        return data.byteLength;
    return 1;
}
/** Attaches the counting listeners; they live as long as the engine and its sockets. */
export function instrumentEngine(engine, httpServer, enginePath, metrics) {
    engine.on('connection_error', (error) => {
        const kind = typeof error.code === 'number' ? engineErrorKinds[error.code] : undefined;
        metrics.countRefused(kind ?? 'engine-bad-request');
    });
    engine.on('connection', (socket) => {
        socket.on('packet', (packet) => metrics.countPacketReceived(engineDataBytes(packet.data)));
        socket.on('packetCreate', (packet) => metrics.countPacketSent(engineDataBytes(packet.data)));
        socket.once('close', (reason, description) => {
            if (reason === 'parse error')
                metrics.countRefused('engine-parse-error');
            else if (reason === 'transport error' && isOversizeError(description))
                metrics.countRefused('oversize');
        });
    });
    httpServer.on('request', (req, res) => {
        if (req.method !== 'POST' || req.url === undefined || !req.url.startsWith(enginePath))
            return;
        res.once('finish', () => {
            if (res.statusCode === 413)
                metrics.countRefused('oversize');
        });
    });
}
/**
 * engine.io wraps the `ws` error into `new Error(String(wsError))`, so the only trace of ws's
 * "Max payload size exceeded" (close code 1009) is the message text.
 */
function isOversizeError(description) {
    return description instanceof Error && description.message.includes('Max payload size exceeded');
}
//# sourceMappingURL=engine-instrumentation.js.map