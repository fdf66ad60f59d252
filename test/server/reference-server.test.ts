/**
 * The facade's API against real sockets with the official socket.io-client, over websocket and over polling:
 * handlers and acks, emit targeting, rooms, namespaces, connect refusal, broadcast acks, binary, disconnect.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConnectionRefusedError } from '../../server/types.js';
import { tuple } from '../../server/tuple.js';
import {
  clientTransports,
  collectUntilFence,
  connectClient,
  connectError,
  nextEvent,
  openClient,
  startServer,
  withTimeout,
} from './support/socket-test-kit.js';

for (const transport of clientTransports) {
  describe(`reference server over ${transport}`, { timeout: 30_000 }, () => {
    test('the return value of a handler is the ack, sync or async; an undefined return acks empty', async (t) => {
      const server = await startServer(t);
      server.on('double', (_sid, n) => (n as number) * 2);
      server.on('later', async (_sid, text) => `${String(text)}!`);
      server.on('nothing', () => undefined);
      const client = await connectClient(t, server, transport);
      assert.equal(await client.emitWithAck('double', 21), 42);
      assert.equal(await client.emitWithAck('later', 'hey'), 'hey!');
      const emptyAck = await withTimeout(new Promise<unknown[]>((resolve) => client.emit('nothing', (...args: unknown[]) => resolve(args))), 'ack');
      assert.deepEqual(emptyAck, []);
    });

    test('handlers receive the sid and every argument; a handler registered after connecting applies', async (t) => {
      const server = await startServer(t);
      const client = await connectClient(t, server, transport);
      server.on('args', (sid, ...args) => [sid, ...args]);
      assert.deepEqual(await client.emitWithAck('args', 1, 'two', { three: [3] }), [client.id, 1, 'two', { three: [3] }]);
    });

    test('the catch-all handler gets events that have no handler, with the event name first', async (t) => {
      const server = await startServer(t);
      server.on('known', () => 'known handler');
      server.onAny((event, sid, ...args) => ({ event, sid, args }));
      const client = await connectClient(t, server, transport);
      assert.equal(await client.emitWithAck('known'), 'known handler');
      assert.deepEqual(await client.emitWithAck('other', 5), { event: 'other', sid: client.id, args: [5] });
    });

    test('emit reaches a sid, a room, a list, the namespace, and skipSid leaves one or several out', async (t) => {
      const server = await startServer(t);
      const a = await connectClient(t, server, transport);
      const b = await connectClient(t, server, transport);
      const c = await connectClient(t, server, transport);
      const [sa, sb, sc] = [a.id ?? '', b.id ?? '', c.id ?? ''];
      server.enterRoom(sa, 'red');
      server.enterRoom(sb, 'red');
      server.enterRoom(sc, 'blue');
      const received = await collectUntilFence(
        { a, b, c },
        () => {
          server.emit('to-sid', 1, { to: sb });
          server.emit('to-room', 2, { room: 'red' });
          server.emit('to-list', 3, { to: ['blue', sa] });
          server.emit('to-all', 4);
          server.emit('skip-one', 5, { skipSid: sa });
          server.emit('skip-list', 6, { to: 'red', skipSid: [sa, sb] });
          server.emit('room-skip', 7, { to: ['red', 'blue'], skipSid: sc });
          server.emitArgs('several', [8, 'x', { y: true }], { to: sc });
          server.send('hello', { to: sa });
          server.emit('to-nobody', 9, { to: [] });
        },
        () => server.emit('fence'),
      );
      assert.deepEqual(received, {
        a: ['to-room:[2]', 'to-list:[3]', 'to-all:[4]', 'room-skip:[7]', 'message:["hello"]'],
        b: ['to-sid:[1]', 'to-room:[2]', 'to-all:[4]', 'skip-one:[5]', 'room-skip:[7]'],
        c: ['to-list:[3]', 'to-all:[4]', 'skip-one:[5]', 'several:[8,"x",{"y":true}]'],
      });
    });

    test('rooms() lists the own room first; leaveRoom and closeRoom take clients out', async (t) => {
      const server = await startServer(t);
      const a = await connectClient(t, server, transport);
      const b = await connectClient(t, server, transport);
      const [sa, sb] = [a.id ?? '', b.id ?? ''];
      assert.deepEqual(server.rooms(sa), [sa]);
      server.enterRoom(sa, 'r1');
      server.enterRoom(sa, 'r2');
      server.enterRoom(sb, 'r1');
      assert.deepEqual(server.rooms(sa), [sa, 'r1', 'r2']);
      server.leaveRoom(sa, 'r2');
      assert.deepEqual(server.rooms(sa), [sa, 'r1']);
      server.closeRoom('r1');
      assert.deepEqual(server.rooms(sa), [sa]);
      assert.deepEqual(server.rooms(sb), [sb]);
      assert.deepEqual(server.rooms('no-such-sid'), []);
      const received = await collectUntilFence({ a, b }, () => server.emit('to-closed', 1, { to: 'r1' }), () => server.emit('fence'));
      assert.deepEqual(received, { a: [], b: [] });
    });

    test('disconnect(sid) disconnects that client; the disconnect handler gets sid and reason', async (t) => {
      const server = await startServer(t);
      const reasons: Array<[string, string]> = [];
      const handlerCalled = new Promise<void>((resolve) =>
        server.on('disconnect', (sid, reason) => {
          reasons.push([sid, reason]);
          resolve();
        }),
      );
      const a = await connectClient(t, server, transport);
      const b = await connectClient(t, server, transport);
      const sa = a.id ?? '';
      const clientSide = nextEvent(a, 'disconnect');
      server.disconnect(sa);
      assert.equal((await clientSide)[0], 'io server disconnect');
      await withTimeout(handlerCalled, 'disconnect handler');
      assert.deepEqual(reasons, [[sa, 'server namespace disconnect']]);
      assert.equal(b.connected, true);
      server.on('still-here', () => 'yes');
      assert.equal(await b.emitWithAck('still-here'), 'yes');
    });

    test('namespaces keep their own handlers and clients; an unknown namespace gets Invalid namespace', async (t) => {
      const server = await startServer(t);
      server.on('who', () => 'root');
      server.on('who', () => 'chat', '/chat');
      const root = await connectClient(t, server, transport);
      const chat = await connectClient(t, server, transport, { namespace: '/chat' });
      assert.deepEqual(server.namespaces(), ['/', '/chat']);
      assert.equal(await root.emitWithAck('who'), 'root');
      assert.equal(await chat.emitWithAck('who'), 'chat');
      const received = await collectUntilFence(
        { root, chat },
        () => server.emit('news', 'for chat', { namespace: '/chat' }),
        () => {
          server.emit('fence');
          server.emit('fence', undefined, { namespace: '/chat' });
        },
      );
      assert.deepEqual(received, { root: [], chat: ['news:["for chat"]'] });
      const stranger = openClient(t, server, transport, { namespace: '/nowhere' });
      assert.deepEqual(await connectError(stranger), { message: 'Invalid namespace', data: undefined });
    });

    test('a connect handler refuses with false, or with ConnectionRefusedError carrying message and data', async (t) => {
      const server = await startServer(t);
      server.on('connect', async (_sid, handshake, auth) => {
        if (auth?.mode === 'false') return false;
        if (auth?.mode === 'throw') throw new ConnectionRefusedError('not today', { retryAfterMs: 500 });
        return handshake.query.ok === 'yes';
      });
      const refusedFalse = openClient(t, server, transport, { auth: { mode: 'false' } });
      assert.deepEqual(await connectError(refusedFalse), { message: 'Connection rejected by server', data: undefined });
      const refusedThrow = openClient(t, server, transport, { auth: { mode: 'throw' } });
      assert.deepEqual(await connectError(refusedThrow), { message: 'not today', data: { retryAfterMs: 500 } });
      const accepted = await connectClient(t, server, transport, { auth: { mode: 'ok' }, query: { ok: 'yes' } });
      assert.equal(accepted.connected, true);
      assert.equal(server.metrics.snapshot().refusedByKind['connect-refused'], 2);
    });

    test('the connect handler can enter rooms and emit to the new sid before it is connected', async (t) => {
      const server = await startServer(t);
      server.on('connect', (sid) => {
        server.enterRoom(sid, 'lobby');
        server.emit('welcome', { sid, rooms: server.rooms(sid) }, { to: sid });
      });
      const client = openClient(t, server, transport);
      const [welcome] = await nextEvent(client, 'welcome');
      assert.deepEqual(welcome, { sid: client.id, rooms: [client.id, 'lobby'] });
      assert.deepEqual(server.rooms(client.id ?? ''), [client.id, 'lobby']);
    });

    test('what the connect handler broadcasts reaches the new client too, unless skipped', async (t) => {
      const server = await startServer(t);
      server.on('connect', (sid) => {
        server.emit('arrived', sid);
        server.emit('others-only', sid, { skipSid: sid });
        server.emit('lobby-news', sid, { to: 'lobby' });
        server.enterRoom(sid, 'lobby');
        server.emit('lobby-welcome', sid, { to: 'lobby' });
      });
      const first = openClient(t, server, transport);
      const [arrivedFirst] = await nextEvent(first, 'arrived');
      assert.equal(arrivedFirst, first.id);
      const second = openClient(t, server, transport);
      const received = await collectUntilFence(
        { first, second },
        () => undefined,
        () => {
          // The fence goes out once the second client is connected, after everything its connect handler sent.
          second.once('connect', () => server.emit('fence'));
        },
      );
      const s2 = JSON.stringify(second.id);
      assert.deepEqual(received, {
        first: [`arrived:[${s2}]`, `others-only:[${s2}]`, `lobby-news:[${s2}]`, `lobby-welcome:[${s2}]`],
        second: [`arrived:[${s2}]`, `lobby-welcome:[${s2}]`],
      });
    });

    test('a callback without timeout gets each recipient its ack arguments (python-socketio)', async (t) => {
      const server = await startServer(t);
      const client = await connectClient(t, server, transport);
      client.on('question', (text: string, ack: (...args: unknown[]) => void) => ack(text.length, 'ok'));
      const answer = await withTimeout(
        new Promise<unknown[]>((resolve) => server.emit('question', 'four', { to: client.id ?? '', callback: (...args) => resolve(args) })),
        'callback',
      );
      assert.deepEqual(answer, [4, 'ok']);
      assert.deepEqual(await server.call('question', 'sixsix', { to: client.id ?? '' }), tuple(6, 'ok'));
      client.on('single', (n: number, ack: (reply: number) => void) => ack(n + 1));
      assert.equal(await server.call('single', 1, { to: client.id ?? '' }), 2);
      await assert.rejects(server.call('question', 'x', { to: 'nobody' }), /no client 'nobody'/);
    });

    test('a broadcast with timeoutMs collects every ack, or reports the timeout with the acks that came', async (t) => {
      const server = await startServer(t);
      const a = await connectClient(t, server, transport);
      const b = await connectClient(t, server, transport);
      a.on('poll', (ack: (answer: string) => void) => ack('a'));
      b.on('poll', (ack: (answer: string) => void) => ack('b'));
      const all = await withTimeout(
        new Promise<unknown[]>((resolve) => server.emit('poll', undefined, { timeoutMs: 4_000, callback: (...args) => resolve(args) })),
        'broadcast acks',
      );
      assert.equal(all[0], null);
      assert.deepEqual([...(all[1] as string[])].sort(), ['a', 'b']);
      b.off('poll');
      b.on('poll', () => undefined); // b now never acks
      const partial = await withTimeout(
        new Promise<unknown[]>((resolve) => server.emit('poll', undefined, { timeoutMs: 1_500, callback: (...args) => resolve(args) })),
        'broadcast timeout',
      );
      assert.ok(partial[0] instanceof Error);
      assert.match(partial[0].message, /timed out/);
      assert.deepEqual(partial[1], ['a']);
    });

    test('binary passes both ways unchanged, nested in objects and arrays', async (t) => {
      const server = await startServer(t);
      let seenByServer: unknown;
      server.on('upload', (_sid, payload) => {
        seenByServer = payload;
        return { echoed: payload, extra: [Buffer.from([9, 8, 7])] };
      });
      const client = await connectClient(t, server, transport);
      const upload = { name: 'blob', data: Buffer.from([0, 1, 2, 255]), parts: [new Uint8Array([5, 6]), { deep: Buffer.from('hi') }] };
      const reply = (await client.emitWithAck('upload', upload)) as {
        echoed: { name: string; data: Uint8Array; parts: [Uint8Array, { deep: Uint8Array }] };
        extra: Uint8Array[];
      };
      const server$ = seenByServer as { data: unknown; parts: [unknown, { deep: unknown }] };
      assert.ok(Buffer.isBuffer(server$.data));
      assert.deepEqual([...(server$.data as Buffer)], [0, 1, 2, 255]);
      assert.deepEqual([...(server$.parts[0] as Buffer)], [5, 6]);
      assert.equal(Buffer.from(server$.parts[1].deep as Buffer).toString(), 'hi');
      assert.equal(reply.echoed.name, 'blob');
      assert.deepEqual([...new Uint8Array(reply.echoed.data)], [0, 1, 2, 255]);
      assert.deepEqual([...new Uint8Array(reply.echoed.parts[0])], [5, 6]);
      assert.equal(Buffer.from(reply.echoed.parts[1].deep).toString(), 'hi');
      assert.deepEqual([...new Uint8Array(reply.extra[0] ?? new Uint8Array())], [9, 8, 7]);
    });

    test('a handler that throws is counted, acks nothing, and the server keeps serving', async (t) => {
      const errors: string[] = [];
      const server = await startServer(t, { onHandlerError: (error, context) => errors.push(`${context.event}:${(error as Error).message}`) });
      server.on('boom', () => {
        throw new Error('sync');
      });
      server.on('later-boom', async () => {
        throw new Error('async');
      });
      server.on('fine', () => 'fine');
      const client = await connectClient(t, server, transport);
      await assert.rejects(client.timeout(300).emitWithAck('boom'), /timed out/);
      await assert.rejects(client.timeout(300).emitWithAck('later-boom'), /timed out/);
      assert.equal(await client.emitWithAck('fine'), 'fine');
      assert.deepEqual(errors, ['boom:sync', 'later-boom:async']);
      assert.equal(server.metrics.snapshot().refusedByKind['handler-error'], 2);
    });
  });
}
