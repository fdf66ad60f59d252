/**
 * The facade's python-socketio semantics with the official socket.io-client, over websocket and polling:
 * tuples as several arguments (acks, emit, call), call's undefined for an empty ack, and auth undefined when
 * the CONNECT packet carried no payload.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tuple, Tuple } from '../../server/tuple.js';
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
