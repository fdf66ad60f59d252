/**
 * The facade's python-socketio semantics with the official socket.io-client, over websocket and polling:
 * tuples as several arguments (acks, emit, call), call's undefined for an empty ack, and auth undefined when
 * the CONNECT packet carried no payload, sessions, transport, getEnviron, class-based namespaces.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Namespace } from '../../server/class-namespace.js';
import type { Sid } from '../../server/ids.js';
import { tuple, Tuple } from '../../server/tuple.js';
import type { Handshake } from '../../server/types.js';
import { clientTransports, connectClient, nextEvent, startServer, withTimeout } from './support/socket-test-kit.js';

describe('tuple', () => {
  test('lists its values in order, is iterable, and copies what it is given', () => {
    const values = [1, 'two'];
    const pair = tuple(...values);
    values.push('three');
    assert.deepEqual(pair.values, [1, 'two']);
    assert.deepEqual([...pair], [1, 'two']);
    assert.equal(pair.length, 2);
    assert.ok(pair instanceof Tuple);
  });
});

for (const transport of clientTransports) {
  describe(`python-socketio parity over ${transport}`, { timeout: 30_000 }, () => {
    test('a handler returning tuple(a, b) acks with two arguments; an array stays one argument', async (t) => {
      const server = await startServer(t);
      server.on('pair', (_sid, x) => tuple(x, 'ok'));
      server.on('list', () => [1, 2]);
      server.on('async-pair', async () => tuple(Buffer.from([1, 2]), null));
      const client = await connectClient(t, server, transport);
      const ackOf = (event: string, ...args: unknown[]): Promise<unknown[]> =>
        withTimeout(new Promise((resolve) => client.emit(event, ...args, (...reply: unknown[]) => resolve(reply))), event);
      assert.deepEqual(await ackOf('pair', 7), [7, 'ok']);
      assert.deepEqual(await ackOf('list'), [[1, 2]]);
      const [bytes, nothing] = await ackOf('async-pair');
      assert.deepEqual([...(bytes as Buffer)], [1, 2]);
      assert.equal(nothing, null);
    });

    test('emit and call send a tuple as several arguments; call resolves to undefined, the one value, or a Tuple', async (t) => {
      const server = await startServer(t);
      const client = await connectClient(t, server, transport);
      const sid = client.id ?? '';
      const pushed = nextEvent(client, 'pair');
      server.emit('pair', tuple('a', ['b']), { to: sid });
      assert.deepEqual(await pushed, ['a', ['b']]);
      client.on('sum', (x: number, y: number, ack: (...reply: unknown[]) => void) => ack(x + y));
      client.on('both', (x: number, y: number, ack: (...reply: unknown[]) => void) => ack(y, x));
      client.on('empty', (ack: () => void) => ack());
      client.on('one-list', (ack: (list: number[]) => void) => ack([1, 2]));
      assert.equal(await server.call('sum', tuple(2, 3), { to: sid }), 5);
      assert.deepEqual(await server.call('both', tuple(2, 3), { to: sid }), tuple(3, 2));
      assert.equal(await server.call('empty', undefined, { to: sid }), undefined);
      assert.deepEqual(await server.call('one-list', undefined, { to: sid }), [1, 2]);
    });

    test('the connect handler gets auth undefined without a CONNECT payload, the object otherwise', async (t) => {
      const server = await startServer(t);
      const seen: unknown[] = [];
      server.on('connect', (_sid, _environ, auth) => {
        seen.push(auth);
      });
      await connectClient(t, server, transport);
      await connectClient(t, server, transport, { auth: {} });
      await connectClient(t, server, transport, { auth: { token: 'x' } });
      assert.deepEqual(seen, [undefined, {}, { token: 'x' }]);
    });

    test('a two-parameter connect handler (python connect(sid, environ)) accepts clients with and without auth', async (t) => {
      const server = await startServer(t);
      const sids: string[] = [];
      server.on('connect', (sid, environ) => {
        sids.push(`${sid}:${typeof environ.headers}`);
      });
      const plain = await connectClient(t, server, transport);
      const withAuth = await connectClient(t, server, transport, { auth: { token: 'x' } });
      assert.deepEqual(sids, [`${plain.id}:object`, `${withAuth.id}:object`]);
    });
  });
}

/** A class-based namespace as python-socketio's documentation writes one. */
class CounterNamespace extends Namespace {
  readonly left: string[] = [];

  on_connect(sid: Sid, environ: Handshake, auth: Record<string, unknown> | undefined): boolean {
    if (auth?.refuse === true) return false;
    this.saveSession(sid, { count: 0, ua: typeof environ.headers['user-agent'] });
    this.enterRoom(sid, 'counters');
    return true;
  }

  on_disconnect(sid: Sid): void {
    this.left.push(sid);
  }

  async on_count(sid: Sid, step: unknown): Promise<unknown> {
    return this.session(sid, (session) => {
      session.count = (session.count as number) + (step as number);
      return tuple(session.count, this.rooms(sid).includes('counters'));
    });
  }

  'on_tell others'(sid: Sid, text: unknown): void {
    this.emit('told', text, { skipSid: sid });
  }
}

for (const transport of clientTransports) {
  describe(`sessions, transport and environ over ${transport}`, { timeout: 30_000 }, () => {
    test('getSession returns the stored object, saveSession replaces it, session() saves after an async block', async (t) => {
      const server = await startServer(t);
      server.on('connect', (sid) => server.saveSession(sid, { user: 'ana' }));
      server.on('whoami', (sid) => server.getSession(sid).user);
      server.on('rename', (sid, name) => {
        server.getSession(sid).user = name;
      });
      server.on('visit', (sid) =>
        server.session(sid, async (session) => {
          await new Promise((resolve) => setImmediate(resolve));
          session.visits = ((session.visits as number | undefined) ?? 0) + 1;
          return session.visits;
        }),
      );
      const client = await connectClient(t, server, transport);
      const sid = client.id ?? '';
      assert.equal(await client.emitWithAck('whoami'), 'ana');
      await client.emitWithAck('rename', 'bo');
      assert.equal(await client.emitWithAck('whoami'), 'bo');
      assert.equal(await client.emitWithAck('visit'), 1);
      assert.equal(await client.emitWithAck('visit'), 2);
      assert.deepEqual(server.getSession(sid), { user: 'bo', visits: 2 });
      assert.throws(() => server.saveSession(sid, [] as unknown as Record<string, unknown>), /saveSession: session must be an object/);
      assert.throws(() => server.getSession('nobody'), /getSession: no client 'nobody' connected to namespace '\/'/);
      await assert.rejects(server.session('nobody', () => 1), /getSession: no client 'nobody'/);
    });

    test('a session is dropped after the disconnect handler ran, which can still read it', async (t) => {
      const server = await startServer(t);
      const readAtDisconnect: unknown[] = [];
      server.on('connect', (sid) => server.saveSession(sid, { n: 1 }));
      const gone = new Promise<Sid>((resolve) =>
        server.on('disconnect', (sid) => {
          readAtDisconnect.push(server.getSession(sid));
          resolve(sid);
        }),
      );
      const client = await connectClient(t, server, transport);
      client.disconnect();
      const sid = await withTimeout(gone, 'disconnect');
      assert.deepEqual(readAtDisconnect, [{ n: 1 }]);
      assert.throws(() => server.getSession(sid), /no client/);
    });

    test('transport names the transport in use and getEnviron returns the handshake', async (t) => {
      const server = await startServer(t);
      const client = await connectClient(t, server, transport, { query: { room: 'r1' }, extraHeaders: { 'x-probe': 'yes' } });
      const sid = client.id ?? '';
      assert.equal(server.transport(sid), transport);
      const environ = server.getEnviron(sid);
      assert.equal(environ?.query.room, 'r1');
      assert.equal(environ?.headers['x-probe'], 'yes');
      assert.equal(environ?.address, '127.0.0.1');
      assert.equal(server.getEnviron('nobody'), undefined);
      assert.throws(() => server.transport('nobody'), /transport: no client 'nobody'/);
    });

    test('a class-based namespace: on_<event> methods handle its events and its calls default to its namespace', async (t) => {
      const server = await startServer(t);
      const counters = new CounterNamespace('/counter');
      server.registerNamespace(counters);
      assert.deepEqual(server.namespaces(), ['/', '/counter']);
      const a = await connectClient(t, server, transport, { namespace: '/counter' });
      const b = await connectClient(t, server, transport, { namespace: '/counter' });
      const onRoot = await connectClient(t, server, transport);
      onRoot.on('told', () => assert.fail('the root namespace must not get /counter events'));
      assert.deepEqual(await a.emitWithAck('count', 2).then(() => new Promise((resolve) => a.emit('count', 3, (...args: unknown[]) => resolve(args)))), [5, true]);
      const told = nextEvent(b, 'told');
      a.emit('tell others', 'hi');
      assert.deepEqual(await told, ['hi']);
      const refused = connectClient(t, server, transport, { namespace: '/counter', auth: { refuse: true } });
      await assert.rejects(refused, /Connection rejected by server/);
      const sidA = a.id ?? '';
      a.disconnect();
      await withTimeout(
        (async () => {
          while (!counters.left.includes(sidA)) await new Promise((resolve) => setTimeout(resolve, 10));
        })(),
        'on_disconnect',
      );
      assert.throws(() => server.registerNamespace({} as Namespace), /instance of a Namespace subclass/);
      const other = await startServer(t);
      assert.throws(() => other.registerNamespace(counters), /already registered with another server/);
      assert.throws(() => new CounterNamespace('chat'), /must be a string starting with '\/'/);
      assert.throws(() => new Namespace('/x').emit('e'), /is not registered/);
    });

    test('a handler registered with on() takes precedence over the class method', async (t) => {
      const server = await startServer(t);
      const counters = new CounterNamespace('/counter');
      server.registerNamespace(counters);
      server.on('count', () => 'from on()', '/counter');
      const client = await connectClient(t, server, transport, { namespace: '/counter' });
      assert.equal(await client.emitWithAck('count', 1), 'from on()');
    });
  });
}
