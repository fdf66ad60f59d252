/**
 * The official client kind: socket.io-client behind the VirtualClient interface, for fidelity (what real
 * applications run). One io() Manager per client (forceNew, no multiplexing, no reconnection), so each
 * virtual client is one connection like the lean kind. Byte counters stay 0: socket.io-client does not expose
 * its transports' wire bytes.
 */
import http from 'node:http';
import { io } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import { ClientConnectError, } from './virtual-client.js';
/** One keep-alive agent per source address: engine.io-client hands `agent` to xmlhttprequest-ssl and to ws. */
const agentsByLocalAddress = new Map();
function agentFor(localAddress) {
    let agent = agentsByLocalAddress.get(localAddress);
    if (agent === undefined) {
        // Agent options reach net.connect, so localAddress binds every socket the agent opens.
        agent = new http.Agent({ keepAlive: true, localAddress });
        agentsByLocalAddress.set(localAddress, agent);
    }
    return agent;
}
function transportsFor(transport) {
    switch (transport) {
        case 'websocket':
            return ['websocket'];
        case 'polling':
            return ['polling'];
        case 'polling-upgrade':
            return ['polling', 'websocket'];
    }
}
function namespaceUrl(options) {
    const base = options.url.endsWith('/') ? options.url.slice(0, -1) : options.url;
    const nsp = options.namespace.length === 0 ? '/' : options.namespace;
    return nsp === '/' ? base : base + nsp;
}
export class OfficialClient {
    options;
    handlers;
    bytesSent = 0;
    bytesReceived = 0;
    socket;
    clientClosed = false;
    constructor(options, handlers) {
        this.options = options;
        this.handlers = handlers;
    }
    get connected() {
        return this.socket?.connected ?? false;
    }
    get id() {
        return this.socket?.id;
    }
    connect() {
        if (this.socket !== undefined)
            return Promise.reject(new Error('connect() can be called once per client'));
        const { options } = this;
        const socket = io(namespaceUrl(options), {
            forceNew: true,
            multiplex: false,
            reconnection: false,
            path: options.path,
            transports: transportsFor(options.transport),
            upgrade: options.transport === 'polling-upgrade',
            // No auth: socket.io-client then sends a CONNECT without payload, as the lean client does.
            ...(options.auth === undefined ? {} : { auth: options.auth }),
            query: options.query ?? {},
            extraHeaders: options.headers ?? {},
            timeout: options.connectTimeoutMs,
            ...(options.parser === 'msgpack' ? { parser: msgpackParser } : {}),
            ...(options.localAddress === undefined ? {} : { agent: options.localPorts?.agent ?? agentFor(options.localAddress), localAddress: options.localAddress }),
        });
        this.socket = socket;
        return new Promise((resolve, reject) => {
            const onConnectError = (error) => {
                socket.off('connect', onConnect);
                socket.disconnect();
                reject(toConnectError(error));
            };
            const onConnect = () => {
                socket.off('connect_error', onConnectError);
                socket.on('disconnect', (reason, description) => {
                    if (this.clientClosed)
                        return;
                    this.handlers.onDisconnect(reason, describeDisconnect(description));
                });
                resolve();
            };
            socket.once('connect', onConnect);
            socket.once('connect_error', onConnectError);
            socket.onAny((event, ...args) => this.onAny(event, args));
        });
    }
    onAny(event, args) {
        // socket.io-client passes the server's ack request as a trailing function; handlers get data only.
        const last = args[args.length - 1];
        if (typeof last !== 'function')
            return this.handlers.onEvent(event, args);
        args.pop();
        const ack = last;
        if (this.handlers.onEventWithAck === undefined)
            return this.handlers.onEvent(event, args);
        let replied = false;
        this.handlers.onEventWithAck(event, args, (reply) => {
            if (replied)
                return;
            replied = true;
            ack(...reply);
        });
    }
    emit(event, args) {
        if (this.socket?.connected !== true)
            return;
        this.socket.emit(event, ...args);
    }
    emitWithAck(event, args, timeoutMs, callback) {
        const socket = this.socket;
        if (socket?.connected !== true) {
            process.nextTick(callback, new Error('not connected'), []);
            return;
        }
        socket.timeout(timeoutMs).emit(event, ...args, (error, ...reply) => {
            callback(error ?? null, error ? [] : reply);
        });
    }
    disconnect() {
        this.clientClosed = true;
        this.socket?.disconnect();
    }
}
/** socket.io-client's connect_error: a CONNECT_ERROR from the server carries `data`; transport failures have a type. */
function toConnectError(error) {
    if (error.message === 'timeout')
        return new ClientConnectError('timeout', 'timeout');
    if (error.type === 'TransportError' || error.message.startsWith('websocket error') || error.message.startsWith('xhr poll error')) {
        return new ClientConnectError('transport', `${error.message}${error.description === undefined ? '' : `: ${describeDisconnect(error.description)}`}`);
    }
    return new ClientConnectError('connect_error', error.message, error.data);
}
function describeDisconnect(description) {
    if (description === undefined)
        return undefined;
    if (description instanceof Error)
        return description.message;
    if (typeof description === 'object' && description !== null && 'description' in description) {
        const inner = description.description;
        return inner instanceof Error ? inner.message : String(inner);
    }
    return String(description);
}
//# sourceMappingURL=official-client.js.map