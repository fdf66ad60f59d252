/**
 * `serve --app engine-echo`'s server with a client no one here wrote: python-engineio's (Debian python3-engineio),
 * over websocket and polling. Text comes back as text and binary as the same bytes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEngineEchoServer } from '../../server/engine-echo-server.js';
import { skipUnlessAvailable } from '../helpers/require-service.js';
import { pythonSocketIoAvailable, runPython } from './python-runner.js';

const skip = skipUnlessAvailable(pythonSocketIoAvailable(), "python-socketio's client (with websocket support)", 'apt-get install python3-socketio python3-websocket');

for (const transport of ['websocket', 'polling'] as const) {
  test(`python-engineio's client gets text and binary back from the engine-echo server over ${transport}`, { skip, timeout: 60_000 }, async (t) => {
    const server = await startEngineEchoServer();
    t.after(() => server.close());
    // python-engineio 4.3's polling client posts its payload as a str, which Python's http.client encodes as
    // Latin-1, not UTF-8; so only the websocket run sends non-ASCII text.
    const text = transport === 'websocket' ? 'héllo' : 'hello';
    const stdout = await runPython('engine_echo_client.py', [server.url, transport, text]);
    assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''), {
      transport,
      received: [text, { $bytes: '0001feff' }],
    });
  });
}
