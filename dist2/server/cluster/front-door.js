import { createServer } from 'node:net';
/** Creates the (not yet listening) front door. */
export function createFrontDoor(options) {
    const unknownSessionWaitMs = options.unknownSessionWaitMs ?? 5000;
    const open = new Set();
    const server = createServer((socket) => {
        open.add(socket);
        socket.once('close', () => open.delete(socket));
        // Sticky takes the connection as it would from its own server, and its data listener is set aside until the
        // first chunk tells where the connection goes: a worker-bound connection then sees exactly what sticky
        // alone would (its listener gets the first chunk within the same 'data' event), which matters because
        // sticky passes the socket's handle to the worker while this process is still reading from it.
        options.workers.emit('connection', socket);
        const workerListeners = socket.listeners('data');
        socket.removeAllListeners('data');
        // A client that resets before its first request is none of the server's concern; without a listener the
        // error would be thrown. Once routed, the receiver attaches its own error handling too.
        socket.on('error', () => socket.destroy());
        socket.once('data', (chunk) => {
            const lineEnd = chunk.indexOf('\r\n');
            const requestLine = chunk.subarray(0, lineEnd < 0 ? Math.min(chunk.length, 2048) : lineEnd).toString('latin1');
            const route = options.route(requestLine);
            switch (route) {
                case 'local':
                    // Paused and put back so that the local HTTP server reads the request from its first byte.
                    socket.pause();
                    socket.unshift(chunk);
                    options.local.emit('connection', socket);
                    socket.resume();
                    return;
                case 'workers': {
                    const handOver = () => {
                        for (const listener of workerListeners)
                            socket.on('data', listener);
                        for (const listener of workerListeners)
                            listener(chunk);
                    };
                    const hasBody = mayHaveMoreChunks(chunk);
                    // A request without a body goes to the worker as a handle: the kernel keeps any later bytes for it.
                    if (!hasBody)
                        stopReading(socket);
                    const sid = sessionIdIn(requestLine);
                    const sessions = options.sessions;
                    if (sid === undefined || sessions === undefined || sessions.status(sid) !== 'unknown')
                        return handOver();
                    // A body's later chunks wait in the socket's buffer and reach sticky, in order, once it is resumed.
                    if (hasBody)
                        socket.pause();
                    const cancel = sessions.waitFor(sid, unknownSessionWaitMs, () => {
                        socket.off('close', cancel);
                        if (socket.destroyed)
                            return;
                        handOver();
                        if (hasBody)
                            socket.resume();
                    });
                    socket.once('close', cancel);
                    return;
                }
                default:
                    throw new RangeError(`unknown route ${JSON.stringify(route)}`);
            }
        });
    });
    return {
        server,
        destroyConnections: () => {
            for (const socket of open)
                socket.destroy();
        },
    };
}
/** The route for a request line: `local` for GET/HEAD/... of one of `localPaths` (query ignored), else `workers`. */
export function routeByPath(localPaths) {
    return (requestLine) => {
        const target = requestLine.split(' ', 3)[1] ?? '';
        const path = target.split('?', 1)[0] ?? '';
        return localPaths.includes(path) ? 'local' : 'workers';
    };
}
/** The Engine.IO sid in a request line's query (as sticky reads it: 20 characters of [A-Za-z0-9_-]), if any. */
export function sessionIdIn(requestLine) {
    return /[?&]sid=([\w-]{20})(?![\w-])/.exec(requestLine.split(' ', 3)[1] ?? '')?.[1];
}
/**
 * Does the request announce a body (sticky then keeps the socket here and relays its later chunks)? Without one,
 * sticky passes the socket's handle to the worker: the same test as sticky's own.
 */
function mayHaveMoreChunks(chunk) {
    const headerEnd = chunk.indexOf('\r\n\r\n');
    const header = chunk.subarray(0, headerEnd < 0 ? chunk.length : headerEnd).toString('latin1').toLowerCase();
    return header.includes('content-length:') || header.includes('transfer-encoding:');
}
/**
 * Stops this process reading a socket whose handle goes to a worker. Node keeps reading the handle until the
 * worker acknowledges it and throws away what it reads meanwhile (onread becomes a no-op), so a websocket
 * client's first frame, sent as soon as the worker's handshake answer arrives, was now and then lost (seen
 * with @socket.io/sticky alone too). The bytes stay in the kernel for the worker's copy of the handle.
 */
function stopReading(socket) {
    // `_handle` is Node's internal TCP wrap: there is no public way to stop reading at the kernel level.
    const handle = socket._handle;
    if (handle?.readStop === undefined)
        return;
    handle.reading = false;
    handle.readStop();
}
//# sourceMappingURL=front-door.js.map