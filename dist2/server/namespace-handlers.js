import { authOf, toHandshake } from './handshake.js';
import { statsEvents } from './metrics/stats-broadcaster.js';
import { ConnectionRefusedError } from './types.js';
/** The handlers and socket.io objects of one namespace. */
export class NamespaceHandlers {
    nsp;
    context;
    connect;
    disconnect;
    catchAll;
    events = new Map();
    /** Clients whose connect handler is running, by sid. */
    pending = new Map();
    constructor(nsp, context) {
        this.nsp = nsp;
        this.context = context;
        nsp.use((socket, next) => this.runConnectHandler(socket, next));
        nsp.on('connection', (socket) => this.onConnection(socket));
    }
    get name() {
        return this.nsp.name;
    }
    /** A connected or pending client of this namespace (this process only). */
    localSocket(sid) {
        return this.nsp.sockets.get(sid) ?? this.pending.get(sid)?.socket;
    }
    runConnectHandler(socket, next) {
        const handler = this.connect;
        if (handler === undefined) {
            next();
            return;
        }
        // python-socketio lets the connect handler emit to the sid and enter rooms: join the personal room now
        // (socket.io would only do it after the middleware) and queue what is emitted to this client meanwhile.
        void socket.join(socket.id);
        this.pending.set(socket.id, { socket, queued: [] });
        const refuse = (error) => {
            this.pending.delete(socket.id);
            this.context.metrics.countRefused('connect-refused');
            next(error);
        };
        const settle = (result) => {
            if (result === false) {
                refuse(new Error('Connection rejected by server'));
                return;
            }
            next();
            // socket.io connects the client on the tick after next(); ours runs after it, so the client is
            // connected now, unless it left meanwhile, in which case its queue is dropped with it.
            process.nextTick(() => this.pending.delete(socket.id));
        };
        const fail = (error) => {
            if (error instanceof ConnectionRefusedError) {
                refuse(Object.assign(new Error(error.message), { data: error.data }));
                return;
            }
            this.context.onHandlerError(error, { namespace: this.name, event: 'connect', sid: socket.id });
            refuse(new Error('Connection rejected by server'));
        };
        let result;
        try {
            result = handler(socket.id, toHandshake(socket), authOf(socket));
        }
        catch (error) {
            fail(error);
            return;
        }
        if (isPromiseLike(result))
            result.then(settle, fail);
        else
            settle(result);
    }
    onConnection(socket) {
        const pending = this.pending.get(socket.id);
        if (pending !== undefined) {
            this.pending.delete(socket.id);
            for (const send of pending.queued)
                send();
        }
        socket.onAny((event, ...args) => this.dispatch(socket, event, args));
        socket.on('disconnect', (reason) => {
            const handler = this.disconnect;
            if (handler === undefined)
                return;
            try {
                this.guard(handler(socket.id, reason), 'disconnect', socket.id);
            }
            catch (error) {
                this.reportError(error, 'disconnect', socket.id);
            }
        });
        // socket.io prints a decoding error to stderr when nobody listens; it is counted by the parser instead.
        socket.on('error', () => undefined);
    }
    dispatch(socket, event, args) {
        const last = args[args.length - 1];
        const ack = typeof last === 'function' ? args.pop() : undefined;
        this.context.metrics.countEventReceived(event);
        if (event === statsEvents.subscribe) {
            this.context.stats.subscribe(socket);
            ack?.(this.context.metrics.snapshot());
            return;
        }
        if (event === statsEvents.unsubscribe) {
            this.context.stats.unsubscribe(socket);
            ack?.();
            return;
        }
        const handler = this.events.get(event);
        const catchAll = handler === undefined ? this.catchAll : undefined;
        if (handler === undefined && catchAll === undefined)
            return;
        let result;
        try {
            result = handler !== undefined ? handler(socket.id, ...args) : catchAll?.(event, socket.id, ...args);
        }
        catch (error) {
            this.reportError(error, event, socket.id);
            return;
        }
        if (ack === undefined) {
            this.guard(result, event, socket.id);
        }
        else if (isPromiseLike(result)) {
            result.then((value) => sendAck(ack, value), (error) => this.reportError(error, event, socket.id));
        }
        else {
            sendAck(ack, result);
        }
    }
    /** Reports a rejected promise returned by a handler whose value nobody waits for. */
    guard(result, event, sid) {
        if (isPromiseLike(result))
            result.then(undefined, (error) => this.reportError(error, event, sid));
    }
    reportError(error, event, sid) {
        this.context.metrics.countRefused('handler-error');
        this.context.onHandlerError(error, { namespace: this.name, event, sid });
    }
}
/** A handler's return value as the ack: undefined sends an empty ack, anything else one argument. */
function sendAck(ack, value) {
    if (value === undefined)
        ack();
    else
        ack(value);
}
function isPromiseLike(value) {
    return typeof value === 'object' && value !== null && typeof value.then === 'function';
}
//# sourceMappingURL=namespace-handlers.js.map