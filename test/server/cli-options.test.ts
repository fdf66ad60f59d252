import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeServeConfig, messageWithFlagName, parseServeFlags } from '../../server/cli-options.js';
import { resolveServerOptions } from '../../server/server-options.js';

test('no flags: serve defaults (port 3000, bench app), everything else left to the server', () => {
  const parsed = parseServeFlags({});
  assert.ok(parsed.ok);
  const options = resolveServerOptions(parsed.input);
  assert.equal(options.port, 3000);
  assert.equal(options.app, 'bench');
  assert.equal(options.host, '127.0.0.1');
  assert.deepEqual(options.compression, { perMessageDeflate: false, httpCompression: true, thresholdBytes: 1024 });
  assert.equal(options.cors, undefined);
});

test('every flag lands on its option', () => {
  const parsed = parseServeFlags({
    host: '::1',
    port: '0',
    path: '/io/',
    app: 'seed-chat',
    transports: 'websocket',
    parser: 'msgpack',
    compression: 'all',
    httpCompression: false,
    compressionThresholdBytes: '0',
    cors: 'http://a.example, http://b.example',
    corsCredentials: true,
    corsMethods: 'get,post,put',
    pingIntervalMs: '1000',
    pingTimeoutMs: '2000',
    connectTimeoutMs: '3000',
    maxHttpBufferSizeBytes: '4096',
    listenBacklog: '8192',
    faultReplyDelayFraction: '0.25',
    faultReplyDelayMs: '5-50',
    faultStallEveryMs: '1000',
    faultStallForMs: '100',
    faultDropFraction: '0.1',
    faultDisconnectFraction: '0.2',
    faultDisconnectAtMs: '1500',
    faultDisconnectEveryMs: '3000',
    faultClientDrainMs: '2000',
    faultSeed: '42',
  });
  assert.ok(parsed.ok, JSON.stringify(parsed));
  const options = resolveServerOptions(parsed.input);
  assert.deepEqual(options, {
    host: '::1',
    port: 0,
    path: '/io/',
    app: 'seed-chat',
    transports: 'websocket',
    parser: 'msgpack',
    compression: { perMessageDeflate: true, httpCompression: false, thresholdBytes: 0 },
    cors: { origin: ['http://a.example', 'http://b.example'], credentials: true, methods: ['GET', 'POST', 'PUT'] },
    pingIntervalMs: 1000,
    pingTimeoutMs: 2000,
    connectTimeoutMs: 3000,
    maxHttpBufferSizeBytes: 4096,
    listenBacklog: 8192,
    faults: {
      replyDelayFraction: 0.25,
      replyDelayMs: { minMs: 5, maxMs: 50 },
      stallEveryMs: 1000,
      stallForMs: 100,
      dropBroadcastFraction: 0.1,
      disconnectFraction: 0.2,
      disconnectAtMs: 1500,
      disconnectEveryMs: 3000,
      clientDrainMs: 2000,
      seed: 42,
    },
  });
  assert.equal(
    describeServeConfig(options),
    'app=seed-chat transports=websocket parser=msgpack path=/io/ perMessageDeflate=on httpCompression=off compressionThresholdBytes=0 ' +
      'cors=http://a.example,http://b.example+credentials pingIntervalMs=1000 pingTimeoutMs=2000 connectTimeoutMs=3000 ' +
      'maxHttpBufferSizeBytes=4096 listenBacklog=8192 faults=delay 0.25@5-50ms,drop 0.1 clientDrain 2000ms,stall 100ms/1000ms,disconnect 0.2@1500ms every 3000ms seed=42',
  );
});

test('every bad flag is reported at once, each naming its flag', () => {
  const parsed = parseServeFlags({
    port: '70000',
    app: 'chat',
    compression: 'zip',
    pingIntervalMs: '1.5',
    faultReplyDelayFraction: 'half',
    faultReplyDelayMs: '50-5',
    faultDisconnectFraction: '2',
    faultDisconnectAtMs: 'soon',
    faultDisconnectEveryMs: '-5',
    faultClientDrainMs: '2.5',
    corsCredentials: true,
  });
  assert.deepEqual(parsed, {
    ok: false,
    problems: [
      '--port must be an integer from 0 to 65535 (got "70000")',
      '--app must be one of bench, seed-chat, none, engine-echo (got "chat")',
      '--compression must be one of none, http, per-message-deflate, all (got "zip")',
      '--cors-credentials and --cors-methods need --cors ORIGINS',
      '--ping-interval-ms must be an integer >= 1 (got "1.5")',
      '--fault-reply-delay-fraction must be a number from 0 to 1 (got "half")',
      '--fault-reply-delay-ms must be MIN-MAX with MAX >= MIN (got "50-5")',
      '--fault-disconnect-fraction must be a number from 0 to 1 (got "2")',
      '--fault-disconnect-at-ms must be an integer >= 0 (got "soon")',
      '--fault-disconnect-every-ms must be an integer >= 0 (got "-5")',
      '--fault-client-drain-ms must be an integer >= 0 (got "2.5")',
    ],
  });
});

test("the server's option paths are rewritten as flag names", () => {
  assert.equal(messageWithFlagName('options.faults.replyDelayMs.maxMs must be a number >= minMs (got 1)'), '--fault-reply-delay-ms must be a number >= minMs (got 1)');
  assert.equal(messageWithFlagName('options.cors.credentials cannot be true'), '--cors-credentials cannot be true');
  assert.equal(
    messageWithFlagName('options.faults.disconnectFraction must be above 0 when disconnectAtMs or disconnectEveryMs is set (got 0)'),
    '--fault-disconnect-fraction must be above 0 when disconnectAtMs or disconnectEveryMs is set (got 0)',
  );
  assert.equal(messageWithFlagName('options.faults.clientDrainMs must be a non-negative integer (got 1.5)'), '--fault-client-drain-ms must be a non-negative integer (got 1.5)');
  assert.equal(messageWithFlagName('options.unknown is odd'), 'options.unknown is odd');
});
