import { io } from 'socket.io-client';
import { createReferenceServer } from '../../../server/reference-server.js';
/** The two client transports every API test runs over. */
export const clientTransports = ['websocket', 'polling'];
/** Longest a single awaited event may take before the test fails, ms (generous: the machine is shared). */
export const eventTimeoutMs = 5_000;
/** A server closed at the end of the test. */
export async function startServer(t, options = {}) {
    const server = await createReferenceServer({ onHandlerError: () => undefined, ...options });
    t.after(() => server.close());
    return server;
}
/** A client (no reconnection) closed at the end of the test; not yet awaited for connection. */
export function openClient(t, server, transport, options = {}) {
    const { namespace = '/', ...rest } = options;
    const client = io(`${server.url}${namespace}`, {
        transports: [transport],
        forceNew: true,
        reconnection: false,
        ...rest,
    });
    t.after(() => {
        client.close();
    });
    return client;
}
/** A connected client; rejects with the CONNECT_ERROR if refused. */
export async function connectClient(t, server, transport, options = {}) {
    const client = openClient(t, server, transport, options);
    await new Promise((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('connect_error', reject);
    });
    return client;
}
/** The CONNECT_ERROR a client gets (message and data); rejects if it connects instead. */
export function connectError(client) {
    return withTimeout(new Promise((resolve, reject) => {
        client.once('connect', () => reject(new Error('connected, but a CONNECT_ERROR was expected')));
        client.once('connect_error', (error) => resolve({ message: error.message, data: error.data }));
    }), 'connect_error');
}
/** The arguments of the next `event` on the client (an ack function, if any, is left out). */
export function nextEvent(client, event) {
    return withTimeout(new Promise((resolve) => client.once(event, (...args) => resolve(args.filter((a) => typeof a !== 'function')))), event);
}
/**
 * Records every event the clients receive, by client label, until a `fence` event arrives at all of them:
 * Socket.IO keeps per-client order, so after the fence nothing emitted before it is still on the way.
 */
export async function collectUntilFence(clients, emitEverything, emitFence) {
    const received = {};
    const fences = [];
    for (const [label, client] of Object.entries(clients)) {
        const events = [];
        received[label] = events;
        const record = (event, ...args) => {
            if (event !== 'fence')
                events.push(`${event}:${JSON.stringify(args)}`);
        };
        client.onAny(record);
        fences.push(withTimeout(new Promise((resolve) => client.once('fence', () => {
            client.offAny(record);
            resolve();
        })), `fence at ${label}`));
    }
    emitEverything();
    emitFence();
    await Promise.all(fences);
    return received;
}
/** `promise`, or a rejection naming `what` after eventTimeoutMs. */
export function withTimeout(promise, what, timeoutMs = eventTimeoutMs) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
//# sourceMappingURL=socket-test-kit.js.map