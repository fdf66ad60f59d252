/**
 * Child process entry of the facade-overhead benchmark: `node echo-server-child.js reference|bare`. Starts one
 * echo server on 127.0.0.1 port 0, reports its port over IPC, answers CPU readings, and exits on `stop`.
 */
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { Server } from 'socket.io';
import { createReferenceServer } from '../../server/reference-server.js';
import { selfTimeShare } from './profile-share.js';
import { ECHO_SERVER_KINDS, isToChildMessage } from './child-messages.js';
async function startReference() {
    const server = await createReferenceServer({ transports: 'websocket', app: 'bench' });
    return { port: server.address.port, close: () => server.close() };
}
/** A bare socket.io server, with the socket.io options the reference server uses for websocket-only serving. */
async function startBare() {
    const http = createServer();
    const io = new Server(http, { transports: ['websocket'], allowUpgrades: false, perMessageDeflate: false, serveClient: false, allowEIO3: false });
    io.on('connection', (socket) => {
        socket.on('echo', (payload, ack) => {
            if (typeof ack === 'function')
                ack(payload);
        });
    });
    await new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(0, '127.0.0.1', resolve);
    });
    return {
        port: http.address().port,
        close: () => new Promise((resolve) => io.close(() => resolve())),
    };
}
function send(message) {
    process.send?.(message);
}
async function main() {
    const kind = ECHO_SERVER_KINDS.find((k) => k === process.argv[2]);
    if (kind === undefined || process.send === undefined) {
        throw new Error(`usage: fork(echo-server-child.js, [${ECHO_SERVER_KINDS.join('|')}]) with an IPC channel`);
    }
    const server = await start(kind);
    process.on('message', (message) => {
        if (!isToChildMessage(message))
            return;
        void handle(message, server);
    });
    send({ type: 'listening', port: server.port });
}
function start(kind) {
    switch (kind) {
        case 'reference':
            return startReference();
        case 'bare':
            return startBare();
        default:
            throw new Error(`unknown server kind ${JSON.stringify(kind)}`);
    }
}
/** The compiled reference server's own code: everything under dist/server/ (its apps included). */
const FACADE_URL_PREFIX = new URL('../../server/', import.meta.url).href;
let profiler;
async function handle(message, server) {
    switch (message.type) {
        case 'profile-start': {
            profiler = new Session();
            profiler.connect();
            await profiler.post('Profiler.enable');
            await profiler.post('Profiler.start');
            send({ type: 'profile-started' });
            return;
        }
        case 'profile-stop': {
            if (profiler === undefined)
                throw new Error('profile-stop without profile-start');
            const { profile } = (await profiler.post('Profiler.stop'));
            profiler.disconnect();
            profiler = undefined;
            const share = selfTimeShare(profile, FACADE_URL_PREFIX);
            send({ type: 'profile-share', busyUs: share.busyUs, matchedUs: share.matchedUs });
            return;
        }
        case 'read-cpu': {
            const usage = process.cpuUsage();
            send({ type: 'cpu', userUs: usage.user, systemUs: usage.system });
            return;
        }
        case 'stop':
            await server.close();
            process.disconnect();
            return;
        default:
            throw new Error(`unknown message ${JSON.stringify(message)}`);
    }
}
main().catch((error) => {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
});
//# sourceMappingURL=echo-server-child.js.map