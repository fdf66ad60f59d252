/**
 * docs/server-api.md, row by row, with python-socketio's own client (Debian python3-socketio) over websocket and
 * polling: server_api_client.py drives test/interop/server-api-app.ts, which uses every facade call once, and
 * prints what the client observed under each row's key, compared here exactly. A second test checks the CORS row.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createReferenceServer } from '../../server/reference-server.js';
import { CORS_ORIGIN_REFUSAL } from '../../server/cors-origin-check.js';
import { installServerApiApp } from './server-api-app.js';
import { pythonSocketIoAvailable, runPython } from './python-runner.js';
import { skipUnlessAvailable } from '../helpers/require-service.js';

const skip = skipUnlessAvailable(pythonSocketIoAvailable(), "python-socketio's client (with websocket support)", 'apt-get install python3-socketio python3-websocket');

/** The session the connect handler saves, as whoami returns it. */
const session = (name: string | null, probe: string | null) => ({ name, authWasNone: false, probe });

for (const transport of ['websocket', 'polling'] as const) {
  test(`every row of docs/server-api.md with python-socketio's client over ${transport}`, { skip, timeout: 60_000 }, async (t) => {
    const server = await createReferenceServer({ onHandlerError: (error) => assert.fail(String(error)) });
    t.after(() => server.close());
    const { disconnected } = installServerApiApp(server);
    const stdout = await runPython('server_api_client.py', [server.url, transport]);
    const observed: unknown = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
    assert.deepEqual(observed, {
      connectRefusedError: [[{ message: 'refused', data: { why: 'asked' } }]],
      connectReturnsFalse: [[{ message: 'Connection rejected by server' }]],
      // python-socketio's client sends `{}` when given no auth (`auth or {}`), so its server sees {} too; the
      // payload-less CONNECT (auth None) is checked with socket.io-client and raw packets in test/server/.
      connectAuthNone: { tuple: [session(null, null), ['everyone']] },
      connectAuth: { tuple: [session('bo', '42'), ['everyone']] },
      session: ['ana', { tuple: [session('ana', null), ['everyone']] }],
      saveSession: { fresh: true },
      getEnviron: { probe: '42', header: 'yes', address: '127.0.0.1' },
      transport,
      ackTuple: { tuple: [1, 'two'] },
      ackList: [1, 'two'],
      ackNone: null,
      catchAll: { tuple: ['caught', 'no such handler', 1, { $bytes: '02' }] },
      enterRoom: [
        ['everyone', 'red'],
        ['everyone', 'red'],
      ],
      emitRoomSkipSid: ['told', ['to red']],
      emitToSid: ['told', [{ x: { $bytes: '01' } }]],
      emitAll: ['told', [[[1, 2]], [[1, 2]]]],
      emitTuple: ['told', ['a', 2]],
      leaveRoom: ['everyone'],
      closeRoom: [['everyone', 'red'], ['everyone']],
      send: ['sent', ['via send']],
      messageHandler: [{ hello: 'server' }],
      call: [{ tuple: ['answer', 2] }, ['q', 2]],
      callEmptyAck: { one: null },
      emitCallback: ['asked', ['cb', 1], [['answer', 2]]],
      registerNamespace: [
        { n: 1 },
        { tuple: [{ via: 'class', auth: { who: 'c' } }, ['ns-room'], transport] },
        { tuple: [{ via: 'class', auth: {} }, ['ns-room'], transport] },
        null,
        [['d', 'hey']],
      ],
      disconnect: 'bye',
      // a got nothing it was skipped from ('news'), and nobody got anything else unasked.
      leftovers: { a: [], b: [] },
    });
    // The two refused clients never connected; a (server.disconnect), b, c, d (/ns) did, then left.
    await waitUntil(() => disconnected.length === 2, 'both main-namespace clients to be gone');
    assert.equal(disconnected.length, 2);
  });

  test(`--cors ORIGINS: python-socketio's client from another Origin is refused with 400 over ${transport}`, { skip, timeout: 60_000 }, async (t) => {
    const server = await createReferenceServer({ cors: { origin: ['http://a.example'] } });
    t.after(() => server.close());
    const stdout = await runPython('cors_client.py', [server.url, transport]);
    const observed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    // python-engineio's client reports a refused polling handshake with its body, a refused upgrade as 'Connection
    // error'. Over websocket, python's websocket-client sends its own Origin (the server's URL) before the one it was
    // given, so the server sees both joined, which is no accepted origin: python-socketio's server refuses that too.
    const refused = { connected: false, error: transport === 'polling' ? 'Not an accepted origin.' : 'Connection error' };
    assert.deepEqual(observed, { otherOrigin: refused, allowedOrigin: transport === 'polling' ? { connected: true } : refused });
    assert.equal(server.metrics.snapshot().refusedByKind[CORS_ORIGIN_REFUSAL], transport === 'polling' ? 1 : 2);
  });
}

async function waitUntil(done: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
