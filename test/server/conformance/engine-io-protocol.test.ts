/**
 * The Engine.IO protocol suite's 24 behaviours against `serve --app engine-echo`'s server (startEngineEchoServer),
 * started as the suite expects (ping interval 300 ms, ping timeout 200 ms), and the CLI itself once.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startEngineEchoServer } from '../../../server/engine-echo-server.js';
import { describeEngineIoCases, echoRoundTrip, PING_INTERVAL_MS, PING_TIMEOUT_MS } from './engine-io-cases.js';
import { RawPolling, RawWebSocket, wsUrl } from './raw-protocol-client.js';
import { withTimeout } from '../support/socket-test-kit.js';

describeEngineIoCases('Engine.IO protocol against the engine-echo server', {
  path: '/engine.io/',
  start: () => startEngineEchoServer({ pingIntervalMs: PING_INTERVAL_MS, pingTimeoutMs: PING_TIMEOUT_MS }),
  roundTrip: echoRoundTrip,
  echo: true,
});

const CLI = fileURLToPath(new URL('../../../../bin/sio-bench.js', import.meta.url));

test('sio-bench serve --app engine-echo listens at /engine.io/ with the ping options and echoes', { timeout: 30_000 }, async (t) => {
  const child = spawn(process.execPath, [CLI, 'serve', '--app', 'engine-echo', '--port', '0', '--ping-interval-ms', '300', '--ping-timeout-ms', '200'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  const url = await withTimeout(
    new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^listening (\S+)\n/.exec(stdout);
        if (match?.[1] !== undefined && stdout.includes('\nconfig ')) resolve(match[1]);
      }),
    ),
    'the listening line',
    15_000,
  );
  assert.match(stdout, /config app=engine-echo transports=polling-upgrade path=\/engine.io\/ pingIntervalMs=300 pingTimeoutMs=200/);
  const { handshake } = await new RawPolling(url, '/engine.io/').open();
  assert.equal(handshake.pingInterval, 300);
  const socket = new RawWebSocket(wsUrl(url, '/engine.io/', 'EIO=4&transport=websocket'));
  t.after(() => socket.close());
  await socket.next('the OPEN packet');
  await echoRoundTrip(socket);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await withTimeout(exited, 'serve to exit'), 0);
});

test('serve --app engine-echo refuses flags it has no use for', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, [CLI, 'serve', '--app', 'engine-echo', '--port', '0', '--parser', 'msgpack', '--workers', '2'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await withTimeout(new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode))), 'serve to exit', 15_000);
  assert.notEqual(code, 0);
  assert.match(stderr, /--parser has no meaning with --app engine-echo/);
});
