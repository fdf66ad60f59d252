/**
 * Interoperability with a client no one here wrote: python-socketio's client (Debian's python3-socketio, with
 * python3-websocket for its websocket transport) against the reference server's bench app, over websocket and
 * over long-polling. The Python side is test/interop/python/bench_client.py; it prints what it observed as
 * one JSON line, compared here exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceServer } from '../../server/reference-server.js';
import { benchRefusalKind } from '../../server/apps/bench-app.js';
import { skipUnlessAvailable } from '../helpers/require-service.js';
import { pythonSocketIoAvailable, runPython } from './python-runner.js';

const skip = skipUnlessAvailable(pythonSocketIoAvailable(), "python-socketio's client (with websocket support)", 'apt-get install python3-socketio python3-websocket');

const streamFields = (from: number, t0Us: number) => ({ from, seq: 0, t0Us, sentUs: t0Us + 1 });

for (const transport of ['websocket', 'polling'] as const) {
  test(`python-socketio client over ${transport}: join, ack, broadcast, direct, binary both ways`, { skip }, async (t) => {
    const server = await createReferenceServer({ app: 'bench' });
    t.after(() => server.close());
    const stdout = await runPython('bench_client.py', [server.url, transport]);
    const observed: unknown = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
    assert.deepEqual(observed, {
      transportA: transport,
      transportB: transport,
      joinA: { room: 'interop', members: 1 },
      joinB: { room: 'interop', members: 2 },
      echoText: { text: 'héllo', n: [1, 2.5, null, true] },
      echoBinary: { blob: { $bytes: '0001feff' }, nested: [{ $bytes: '616263' }] },
      badJoin: { error: 'join: room must be a non-empty string' },
      received: [
        ['broadcast', 0, { room: 'interop', ...streamFields(1, 5), payload: 'to the room' }],
        ['direct', 1, { to: 'client:1', ...streamFields(0, 7), payload: { $bytes: '1020' } }],
      ],
      leaveA: { room: 'interop', members: 1 },
    });
    const { [benchRefusalKind('join')]: badJoins, ...otherRefusals } = server.metrics.snapshot().refusedByKind;
    assert.equal(badJoins, 1);
    // python-socketio's polling client may have one request in flight when it closes its session; the server
    // then refuses that request as an unknown session. Whether it does is a race, so only its kind is checked.
    for (const kind of Object.keys(otherRefusals)) assert.equal(kind, 'engine-unknown-session');
  });
}

for (const transport of ['websocket', 'polling'] as const) {
  test(`the seed chat example with three python-socketio clients over ${transport}`, { skip }, async (t) => {
    const server = await createReferenceServer({ app: 'seed-chat' });
    t.after(() => server.close());
    const stdout = await runPython('seed_chat_clients.py', [server.url, transport]);
    const observed: unknown = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
    // Sids are shown by client name; 'my reply' skips its sender and reaches only members of 'my room'.
    assert.deepEqual(observed, {
      a: [
        ['addChat', 'a'],
        ['addChat', 'b'],
        ['addChat', 'c'],
        ['my reply', { text: 'from outside', bytes: '0102' }],
        ['my reply', 'after leave'],
      ],
      b: [
        ['addChat', 'b'],
        ['addChat', 'c'],
      ],
      c: [
        ['addChat', 'c'],
        ['reply', 'psst, c'],
        ['my reply', { text: 'from outside', bytes: '0102' }],
        ['my reply', 'from a'],
      ],
      barriersSeenByA: ['a', 'b', 'c', 'b', 'a', 'c', 'b', 'a', 'c', 'b'],
    });
    // As above: a polling client's last request may race its own disconnect; nothing else may be refused.
    for (const kind of Object.keys(server.metrics.snapshot().refusedByKind)) assert.equal(kind, 'engine-unknown-session');
  });
}
