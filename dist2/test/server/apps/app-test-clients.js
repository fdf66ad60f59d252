/**
 * Helpers for the app tests: official socket.io-client connections with bounded waits, and the server's
 * /metrics.json. Every wait here ends by an event or a timeout (WAIT_MS), never by a sleep.
 */
import { io } from 'socket.io-client';
/** The longest any single wait in these tests may take, ms. */
export const WAIT_MS = 5_000;
/**
 * Connects an official client over one transport only (no upgrade) and resolves once connected. `beforeConnect`
 * runs on the socket before it connects, to attach listeners for what the server sends on connect.
 */
export function connectClient(url, transport, auth = {}, beforeConnect = () => undefined) {
    const socket = io(url, { transports: [transport], upgrade: false, reconnection: false, forceNew: true, auth, timeout: WAIT_MS, autoConnect: false });
    beforeConnect(socket);
    socket.connect();
    return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (error) => {
            socket.close();
            reject(error);
        });
    });
}
/** Resolves with the CONNECT_ERROR a refused client gets. */
export function connectRefused(url, transport, auth) {
    const socket = io(url, { transports: [transport], upgrade: false, reconnection: false, forceNew: true, auth, timeout: WAIT_MS });
    return new Promise((resolve, reject) => {
        socket.once('connect', () => {
            socket.close();
            reject(new Error('connected, but a refusal was expected'));
        });
        socket.once('connect_error', (error) => {
            socket.close();
            resolve(error);
        });
    });
}
/** Emits with an ack and resolves with the ack's first argument (rejects after WAIT_MS). */
export function call(socket, event, ...args) {
    return socket.timeout(WAIT_MS).emitWithAck(event, ...args);
}
/** Collects every `event` that `socket` receives, in order, from now on. */
export function collect(socket, event) {
    const received = [];
    socket.on(event, (...args) => received.push(args));
    return received;
}
/** Resolves with the arguments of the next `event` on `socket`. */
export function nextEvent(socket, event) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            socket.off(event, onEvent);
            reject(new Error(`no ${event} within ${WAIT_MS} ms`));
        }, WAIT_MS);
        const onEvent = (...args) => {
            clearTimeout(timer);
            resolve(args);
        };
        socket.once(event, onEvent);
    });
}
/**
 * Makes sure that everything the server sent to `sockets` before now has arrived: an echo round trip on each
 * (the server answers in order on each connection). Needs the bench app's `echo`.
 */
export async function flush(...sockets) {
    for (const socket of sockets)
        await call(socket, 'echo', 'flush');
}
/** GET /metrics.json of the server at `url`. */
export async function metricsJson(url) {
    const response = await fetch(`${url}/metrics.json`, { signal: AbortSignal.timeout(WAIT_MS) });
    if (!response.ok)
        throw new Error(`GET /metrics.json: HTTP ${response.status}`);
    return (await response.json());
}
//# sourceMappingURL=app-test-clients.js.map