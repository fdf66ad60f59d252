/**
 * Shared pieces of the client tests: a bare socket.io server on port 0, a handler recorder whose waits are
 * bounded, and default client options.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
/** A socket.io server on 127.0.0.1, port 0. */
export async function startSocketIoServer(options = {}) {
    const http = createServer();
    const io = new Server(http, options);
    await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address();
    return {
        io,
        http,
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((resolve) => {
            io.close(() => resolve());
        }),
    };
}
/** Client options for a test. */
export function clientOptions(url, transport, extra = {}) {
    return { url, path: '/socket.io/', namespace: '/', transport, parser: 'default', connectTimeoutMs: 5000, ...extra };
}
/** A value some callback will deliver, awaited with a bound. */
export function waitFor(what, register, timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
        register((value) => {
            clearTimeout(timer);
            resolve(value);
        });
    });
}
/** Records what a client's handlers receive; next*() resolve with the next one (queued if already there). */
export class HandlerRecorder {
    events = [];
    disconnects = [];
    eventWaiters = [];
    disconnectWaiters = [];
    eventsTaken = 0;
    disconnectsTaken = 0;
    /** How onEventWithAck answers (echoes the arguments with 'answered' appended). */
    handlers = {
        onEventWithAck: (event, args, reply) => {
            this.handlers.onEvent(event, args);
            reply([...args, 'answered']);
        },
        onEvent: (event, args) => {
            this.events.push({ event, args });
            this.eventWaiters.shift()?.(this.events[this.eventsTaken++]);
        },
        onDisconnect: (reason, description) => {
            this.disconnects.push({ reason, description });
            this.disconnectWaiters.shift()?.(this.disconnects[this.disconnectsTaken++]);
        },
    };
    nextEvent() {
        if (this.eventsTaken < this.events.length)
            return Promise.resolve(this.events[this.eventsTaken++]);
        return waitFor('a server event', (resolve) => this.eventWaiters.push(resolve));
    }
    nextDisconnect() {
        if (this.disconnectsTaken < this.disconnects.length)
            return Promise.resolve(this.disconnects[this.disconnectsTaken++]);
        return waitFor('onDisconnect', (resolve) => this.disconnectWaiters.push(resolve));
    }
}
//# sourceMappingURL=client-fixtures.js.map