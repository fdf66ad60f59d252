/**
 * Both client kinds, over each transport, against a bare socket.io server: the VirtualClient contract.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, afterEach, before, describe, it } from 'node:test';
import { createClient } from '../../../loadgen/client/create-client.js';
import { ClientConnectError } from '../../../loadgen/client/virtual-client.js';
import { HandlerRecorder, clientOptions, startSocketIoServer, waitFor } from './client-fixtures.js';
const kinds = ['lean', 'official'];
const transports = ['websocket', 'polling', 'polling-upgrade'];
for (const kind of kinds) {
    for (const transport of transports) {
        describe(`${kind} client over ${transport}`, { timeout: 30_000 }, () => {
            let server;
            let clients = [];
            const create = createClient(kind);
            before(async () => {
                server = await startSocketIoServer();
                server.io.on('connection', (socket) => {
                    socket.on('echo', (...args) => {
                        const ack = args.pop();
                        ack(...args);
                    });
                });
            });
            after(() => server.close());
            afterEach(() => {
                for (const client of clients)
                    client.disconnect();
                clients = [];
            });
            async function connected(recorder = new HandlerRecorder(), extra = {}) {
                const client = create(clientOptions(server.url, transport, extra), recorder.handlers);
                clients.push(client);
                const connection = waitFor('the server connection', (resolve) => server.io.once('connection', resolve));
                await client.connect();
                const socket = await connection;
                if (transport === 'polling-upgrade') {
                    // Exercise the upgraded websocket, not the polling it started on.
                    if (socket.conn.transport.name !== 'websocket')
                        await once(socket.conn, 'upgrade');
                }
                return { client, socket, recorder };
            }
            it('connects and reports the namespace sid', async () => {
                const { client, socket } = await connected();
                assert.equal(client.connected, true);
                assert.equal(client.id, socket.id);
                assert.equal(socket.conn.transport.name, transport === 'polling' ? 'polling' : 'websocket');
            });
            it('emits events the server receives with exact arguments', async () => {
                const { client, socket } = await connected();
                const received = waitFor('hello', (resolve) => socket.on('hello', (...args) => resolve(args)));
                client.emit('hello', [1, 'two', { three: [3, null, true] }, 'é✓']);
                assert.deepEqual(await received, [1, 'two', { three: [3, null, true] }, 'é✓']);
            });
            it('receives server events', async () => {
                const { socket, recorder } = await connected();
                socket.emit('push', { a: 1 }, [2, 'x']);
                assert.deepEqual(await recorder.nextEvent(), { event: 'push', args: [{ a: 1 }, [2, 'x']] });
            });
            it('gets acks for emitWithAck', async () => {
                const { client } = await connected();
                const reply = await waitFor('ack', (resolve) => client.emitWithAck('echo', ['x', 42], 5000, (error, args) => resolve([error, args])));
                assert.deepEqual(reply, [null, ['x', 42]]);
            });
            it('answers server-to-client acks through onEventWithAck', async () => {
                const { socket, recorder } = await connected();
                const answer = await waitFor('answer', (resolve) => socket.emit('question', 7, { q: 'x' }, (...reply) => resolve(reply)));
                assert.deepEqual(answer, [7, { q: 'x' }, 'answered']);
                assert.deepEqual(await recorder.nextEvent(), { event: 'question', args: [7, { q: 'x' }] });
            });
            it('calls an ack callback once, with an Error, on timeout', async () => {
                const { client, socket } = await connected();
                let lateAck;
                socket.on('slow', (ack) => {
                    lateAck = ack;
                });
                const calls = [];
                await waitFor('ack timeout', (resolve) => client.emitWithAck('slow', [], 50, (error, args) => {
                    calls.push([error, args]);
                    resolve();
                }));
                assert.equal(calls.length, 1);
                assert.ok(calls[0][0] instanceof Error);
                assert.deepEqual(calls[0][1], []);
                // The answer arriving after the timeout must not call the callback again.
                assert.ok(lateAck !== undefined);
                lateAck('late');
                await waitFor('echo round trip', (resolve) => client.emitWithAck('echo', [1], 5000, () => resolve(undefined)));
                assert.equal(calls.length, 1);
            });
            it('carries nested binary both ways, in events and acks', async () => {
                const { client, socket, recorder } = await connected();
                const received = waitFor('bin', (resolve) => socket.on('bin', (...args) => resolve(args)));
                client.emit('bin', [{ a: Buffer.from([1, 2, 3]), nested: [Buffer.from('xy'), 'text'] }, Buffer.alloc(0)]);
                assert.deepEqual(await received, [{ a: Buffer.from([1, 2, 3]), nested: [Buffer.from('xy'), 'text'] }, Buffer.alloc(0)]);
                socket.emit('binpush', { deep: { b: Buffer.from([255, 0, 7]) } }, [Buffer.from('z')]);
                const pushed = await recorder.nextEvent();
                assert.equal(pushed.event, 'binpush');
                assert.deepEqual(pushed.args.map(toPlain), [{ deep: { b: [255, 0, 7] } }, [[122]]]);
                const reply = await waitFor('binary ack', (resolve) => client.emitWithAck('echo', [{ data: Buffer.from([9, 8]) }], 5000, (_error, args) => resolve(args)));
                assert.deepEqual(reply.map(toPlain), [{ data: [9, 8] }]);
            });
            it('joins a namespace with auth, and rejects on CONNECT_ERROR with its data', async () => {
                const admin = server.io.of('/admin');
                admin.use((socket, next) => {
                    if (socket.handshake.auth.token === 'secret')
                        return next();
                    next(Object.assign(new Error('not allowed'), { data: { code: 42 } }));
                });
                const auths = [];
                admin.on('connection', (socket) => auths.push(socket.handshake.auth));
                const client = create(clientOptions(server.url, transport, { namespace: '/admin', auth: { token: 'secret' } }), new HandlerRecorder().handlers);
                clients.push(client);
                await client.connect();
                assert.equal(client.connected, true);
                assert.deepEqual(auths, [{ token: 'secret' }]);
                const refused = create(clientOptions(server.url, transport, { namespace: '/admin', auth: { token: 'wrong' } }), new HandlerRecorder().handlers);
                clients.push(refused);
                await assert.rejects(refused.connect(), (error) => {
                    assert.ok(error instanceof ClientConnectError);
                    assert.equal(error.kind, 'connect_error');
                    assert.equal(error.message, 'not allowed');
                    assert.deepEqual(error.data, { code: 42 });
                    return true;
                });
                assert.equal(refused.connected, false);
            });
            it("reports 'io server disconnect' when the server disconnects the socket", async () => {
                const { client, socket, recorder } = await connected();
                socket.disconnect();
                assert.equal((await recorder.nextDisconnect()).reason, 'io server disconnect');
                assert.equal(client.connected, false);
            });
            it('does not call onDisconnect for its own disconnect()', async () => {
                const { client, socket, recorder } = await connected();
                const serverReason = waitFor('server disconnect', (resolve) => socket.on('disconnect', resolve));
                const pending = waitFor('pending ack', (resolve) => client.emitWithAck('never-answered', [], 5000, (error) => resolve(error)));
                client.disconnect();
                assert.ok((await pending) instanceof Error);
                assert.equal(await serverReason, 'client namespace disconnect');
                assert.equal(client.connected, false);
                assert.deepEqual(recorder.disconnects, []);
            });
            it('sends extra headers and query parameters with the handshake', async () => {
                const { socket } = await connected(new HandlerRecorder(), { headers: { 'x-bench': 'yes' }, query: { room: 'a b', n: '1' } });
                assert.equal(socket.handshake.headers['x-bench'], 'yes');
                assert.equal(socket.handshake.query.room, 'a b');
                assert.equal(socket.handshake.query.n, '1');
            });
            it('binds localAddress 127.0.0.2', async () => {
                const { socket } = await connected(new HandlerRecorder(), { localAddress: '127.0.0.2' });
                assert.equal(socket.handshake.address, '127.0.0.2');
                assert.equal(socket.conn.remoteAddress, '127.0.0.2');
            });
            it("reports 'transport close' when the server shuts down", async () => {
                const own = await startSocketIoServer();
                try {
                    const recorder = new HandlerRecorder();
                    const client = create(clientOptions(own.url, transport), recorder.handlers);
                    clients.push(client);
                    const connection = waitFor('connection', (resolve) => own.io.once('connection', resolve));
                    await client.connect();
                    const socket = await connection;
                    if (transport === 'polling-upgrade' && socket.conn.transport.name !== 'websocket')
                        await once(socket.conn, 'upgrade');
                    // Over polling the server can only send its close packet on a waiting GET; without one it drops the
                    // connection and both client kinds see 'transport error'.
                    if (transport === 'polling' && !socket.conn.transport.writable)
                        await once(socket.conn.transport, 'ready');
                    own.io.close();
                    assert.equal((await recorder.nextDisconnect()).reason, 'transport close');
                }
                finally {
                    await own.close();
                }
            });
        });
    }
}
/** Buffers as byte arrays, so deepEqual compares content whatever Buffer subclass or view arrived. */
function toPlain(value) {
    if (Buffer.isBuffer(value) || value instanceof Uint8Array)
        return [...value];
    if (value instanceof ArrayBuffer)
        return [...new Uint8Array(value)];
    if (Array.isArray(value))
        return value.map(toPlain);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
    }
    return value;
}
//# sourceMappingURL=client-kinds.test.js.map