/** The socket.io options for `options`, with the parser and adapter to use. */
export function toSocketIoOptions(options, parser, adapter) {
    const { compression, cors } = options;
    return {
        path: options.path,
        ...transportSettings(options.transports),
        pingInterval: options.pingIntervalMs,
        pingTimeout: options.pingTimeoutMs,
        connectTimeout: options.connectTimeoutMs,
        maxHttpBufferSize: options.maxHttpBufferSizeBytes,
        perMessageDeflate: compression.perMessageDeflate ? { threshold: compression.thresholdBytes } : false,
        httpCompression: compression.httpCompression ? { threshold: compression.thresholdBytes } : false,
        ...(cors === undefined
            ? {}
            : { cors: { origin: cors.origin === '*' ? '*' : [...cors.origin], credentials: cors.credentials, methods: [...cors.methods] } }),
        parser,
        ...(adapter === undefined ? {} : { adapter }),
        // The server is a measuring instrument: no session recovery buffers, no EIO3 clients.
        allowEIO3: false,
        serveClient: false,
    };
}
function transportSettings(mode) {
    switch (mode) {
        case 'polling-upgrade':
            return { transports: ['polling', 'websocket'], allowUpgrades: true };
        case 'polling':
            return { transports: ['polling'], allowUpgrades: false };
        case 'websocket':
            return { transports: ['websocket'], allowUpgrades: false };
    }
}
//# sourceMappingURL=socket-io-options.js.map