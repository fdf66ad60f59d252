/**
 * `createReferenceServer`: the python-socketio style facade over a socket.io Server, with its HTTP server,
 * metrics (`GET /metrics`, `GET /metrics.json`, the live `stats` event) and orderly close.
 *
 * ```ts
 * const server = await createReferenceServer({ transports: 'websocket' });
 * server.on('connect', (sid, handshake, auth) => auth.token === 'secret');
 * server.on('echo', (sid, payload) => payload);          // the return value is the ack
 * server.on('join', (sid, { room }) => server.enterRoom(sid, room));
 * server.emit('news', { text: 'hi' }, { to: 'lobby', skipSid: someSid });
 * await server.close();
 * ```
 */
import { createServer } from 'node:http';
import { Server as SocketIoServer } from 'socket.io';
import { installConfiguredApp } from './apps/index.js';
import { authTokenMiddleware } from './limits/auth-token.js';
import { installConnectionRateLimit } from './limits/connection-rate-limit.js';
import { RoomLimit } from './limits/room-limit.js';
import { effectiveLimits } from './limits/limit-options.js';
import { withPacketOrderCheck } from './limits/packet-order-check.js';
import { createCountingParser } from './counting-parser.js';
import { emitToTargets, resolveEmitTargets } from './emit-targeting.js';
import { instrumentEngine } from './metrics/engine-instrumentation.js';
import { handleMetricsRequest } from './metrics/metrics-http.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { StatsBroadcaster } from './metrics/stats-broadcaster.js';
import { NamespaceHandlers } from './namespace-handlers.js';
import { resolveServerOptions, ServerOptionsError } from './server-options.js';
import { toSocketIoOptions } from './socket-io-options.js';
/** Default `call` timeout, ms (python-socketio's). */
export const defaultCallTimeoutMs = 60_000;
/**
 * Starts a reference server (binds 127.0.0.1 on a free port unless told otherwise) and resolves once it
 * listens. Rejects with ServerOptionsError, before binding anything, for bad options (every problem named by
 * its option path), and with the listen error (e.g. EADDRINUSE) if the address cannot be bound.
 */
export async function createReferenceServer(input = {}) {
    const { adapter, onHandlerError, statsIntervalMs, eventLoopWindowMs, listen, ...optionsInput } = input;
    const options = resolveServerOptions(optionsInput);
    for (const [name, value] of Object.entries({ statsIntervalMs, eventLoopWindowMs })) {
        if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
            throw new ServerOptionsError([`options.${name} must be a positive integer (got ${String(value)})`]);
        }
    }
    const server = new ReferenceServerFacade(options, {
        adapter,
        onHandlerError: onHandlerError ?? printHandlerError,
        statsIntervalMs: statsIntervalMs ?? 1_000,
        eventLoopWindowMs: eventLoopWindowMs ?? 1_000,
    });
    installConfiguredApp(server);
    try {
        await server.listen(listen ?? true);
    }
    catch (error) {
        // Release what was set up (engine, app timers) so that a failed start leaves nothing running.
        await server.close();
        throw error;
    }
    return server;
}
function printHandlerError(error, context) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`sio-bench server: handler '${context.event}' of namespace '${context.namespace}' failed for ${context.sid}: ${detail}\n`);
}
class ReferenceServerFacade {
    options;
    io;
    metrics;
    httpServer;
    stats;
    handlers = new Map();
    context;
    boundAddress;
    closing;
    roomLimit;
    constructor(options, extras) {
        this.options = options;
        this.metrics = new ServerMetrics({ namespaces: () => this.namespaceMetrics(), eventLoopWindowMs: extras.eventLoopWindowMs });
        this.roomLimit = new RoomLimit(effectiveLimits(options).maxRoomsPerClient, this.metrics);
        this.stats = new StatsBroadcaster(this.metrics, extras.statsIntervalMs);
        this.context = { metrics: this.metrics, stats: this.stats, onHandlerError: extras.onHandlerError };
        this.httpServer = createServer((req, res) => handleMetricsRequest(this.metrics, req, res));
        const parser = withPacketOrderCheck(createCountingParser(options.parser, () => this.metrics.countRefused('parse-error')), (kind) => this.metrics.countRefused(kind));
        this.io = new SocketIoServer(this.httpServer, toSocketIoOptions(options, parser, extras.adapter));
        instrumentEngine(this.io.engine, this.httpServer, options.path, this.metrics);
        const limits = effectiveLimits(options);
        if (limits.connectionsPerSecPerIp > 0) {
            installConnectionRateLimit(this.io.engine, this.metrics, { ratePerSec: limits.connectionsPerSecPerIp, burst: limits.connectionBurstPerIp });
        }
        // A CONNECT to a namespace nobody registered: refuse it as socket.io would ('Invalid namespace'), counted.
        this.io.of((_name, _auth, next) => {
            this.metrics.countRefused('unknown-namespace');
            next(null, false);
        });
        this.namespace('/');
    }
    get address() {
        if (this.boundAddress === undefined)
            throw new Error('the reference server is not listening');
        return this.boundAddress;
    }
    get url() {
        const { host, port } = this.address;
        return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    }
    async listen(bind) {
        if (!bind) {
            this.metrics.start();
            return;
        }
        await new Promise((resolve, reject) => {
            const onError = (error) => reject(error);
            this.httpServer.once('error', onError);
            this.httpServer.listen({ port: this.options.port, host: this.options.host, backlog: this.options.listenBacklog }, () => {
                this.httpServer.off('error', onError);
                resolve();
            });
        });
        const bound = this.httpServer.address();
        this.boundAddress = { host: this.options.host, port: bound.port };
        this.metrics.start();
    }
    on(event, handler, namespace = '/') {
        if (typeof event !== 'string' || event.length === 0)
            throw new TypeError('on: event must be a non-empty string');
        if (typeof handler !== 'function')
            throw new TypeError(`on('${event}'): handler must be a function`);
        const handlers = this.namespace(namespace);
        if (event === 'connect')
            handlers.connect = handler;
        else if (event === 'disconnect')
            handlers.disconnect = handler;
        // A client's joins go through the room limit first (see limits/room-limit.ts).
        else if (event === 'join')
            handlers.events.set(event, this.roomLimit.guard((sid) => handlers.localSocket(sid), handler));
        else
            handlers.events.set(event, handler);
    }
    onAny(handler, namespace = '/') {
        if (typeof handler !== 'function')
            throw new TypeError('onAny: handler must be a function');
        this.namespace(namespace).catchAll = handler;
    }
    emit(event, data, options = {}) {
        this.emitArgs(event, data === undefined ? [] : [data], options);
    }
    emitArgs(event, args, options = {}) {
        const targets = resolveEmitTargets(options);
        this.metrics.countEventEmitted(event);
        const handlers = this.handlers.get(options.namespace ?? '/');
        if (handlers === undefined) {
            // A namespace without handlers has no clients: a collecting callback learns that at once.
            const callback = options.callback;
            if (callback !== undefined && options.timeoutMs !== undefined)
                queueMicrotask(() => callback(null, []));
            return;
        }
        emitToTargets(handlers, event, args, targets, options);
    }
    send(data, options = {}) {
        this.emit('message', data, options);
    }
    call(event, data, options) {
        const namespace = options.namespace ?? '/';
        const socket = this.handlers.get(namespace)?.nsp.sockets.get(options.to);
        if (socket === undefined)
            return Promise.reject(new Error(`call: no client '${options.to}' connected to namespace '${namespace}'`));
        this.metrics.countEventEmitted(event);
        return new Promise((resolve, reject) => {
            socket.timeout(options.timeoutMs ?? defaultCallTimeoutMs).emit(event, data, (error, ...ack) => {
                if (error !== null)
                    reject(error);
                else
                    resolve(ack.length === 1 ? ack[0] : ack);
            });
        });
    }
    enterRoom(sid, room, namespace = '/') {
        const handlers = this.handlers.get(namespace);
        const socket = handlers?.localSocket(sid);
        // A sid on another server of the adapter is reached through the adapter.
        if (socket !== undefined)
            void socket.join(room);
        else
            handlers?.nsp.in(sid).socketsJoin(room);
    }
    leaveRoom(sid, room, namespace = '/') {
        const handlers = this.handlers.get(namespace);
        const socket = handlers?.localSocket(sid);
        if (socket !== undefined)
            void socket.leave(room);
        else
            handlers?.nsp.in(sid).socketsLeave(room);
    }
    closeRoom(room, namespace = '/') {
        this.handlers.get(namespace)?.nsp.in(room).socketsLeave(room);
    }
    rooms(sid, namespace = '/') {
        const socket = this.handlers.get(namespace)?.localSocket(sid);
        return socket === undefined ? [] : [...socket.rooms];
    }
    disconnect(sid, namespace = '/') {
        const handlers = this.handlers.get(namespace);
        const socket = handlers?.nsp.sockets.get(sid);
        if (socket !== undefined)
            socket.disconnect();
        else
            handlers?.nsp.in(sid).disconnectSockets();
    }
    namespaces() {
        return [...this.handlers.keys()];
    }
    close() {
        this.closing ??= this.shutDown();
        return this.closing;
    }
    async shutDown() {
        this.stats.stop();
        this.metrics.stop();
        await new Promise((resolve, reject) => {
            // io.close() disconnects every client, closes the engine and then the HTTP server.
            void this.io.close((error) => (error === undefined || isNotRunning(error) ? resolve() : reject(error)));
            // Keep-alive connections (e.g. of a metrics scraper) would hold httpServer.close() open.
            this.httpServer.closeIdleConnections();
        });
    }
    /** The handlers of `name`, creating the socket.io namespace on first use. */
    namespace(name) {
        const existing = this.handlers.get(name);
        if (existing !== undefined)
            return existing;
        if (typeof name !== 'string' || !name.startsWith('/'))
            throw new TypeError(`namespace must be a string starting with '/' (got ${String(name)})`);
        const nsp = this.io.of(name);
        // Limits first: the auth middleware runs before the connect handler, the room limit before any event handler.
        if (this.options.authToken !== undefined)
            nsp.use(authTokenMiddleware(this.options.authToken, this.metrics));
        nsp.on('connection', (socket) => this.roomLimit.track(socket));
        const created = new NamespaceHandlers(nsp, this.context);
        this.handlers.set(name, created);
        return created;
    }
    namespaceMetrics() {
        const result = [];
        for (const [namespace, { nsp }] of this.handlers) {
            const { rooms, sids } = nsp.adapter;
            let roomCount = 0;
            for (const room of rooms.keys())
                if (!sids.has(room))
                    roomCount += 1;
            result.push({ namespace, connectedClients: nsp.sockets.size, rooms: roomCount });
        }
        return result;
    }
}
function isNotRunning(error) {
    return error.code === 'ERR_SERVER_NOT_RUNNING';
}
//# sourceMappingURL=reference-server.js.map