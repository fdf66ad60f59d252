import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UserError } from '../../../loadgen/user-error.js';
import { midRunTailSuffix, serveFlagsFor, startBuiltinServer, type BuiltinServerOptions } from '../../../loadgen/target/builtin-server.js';
import { describeServeConfig } from '../../../server/cli-options.js';
import { resolveServerOptions } from '../../../server/server-options.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ESRCH') return false;
    throw error;
  }
}

const everyOption: BuiltinServerOptions = {
  path: '/bench.io/',
  app: 'seed-chat',
  transports: 'websocket',
  parser: 'msgpack',
  compression: { perMessageDeflate: true, httpCompression: false, thresholdBytes: 2048 },
  cors: { origin: ['http://a.test', 'http://b.test'], credentials: true, methods: ['GET'] },
  pingIntervalMs: 1500,
  pingTimeoutMs: 1200,
  connectTimeoutMs: 3000,
  maxHttpBufferSizeBytes: 5000,
  faults: { replyDelayFraction: 0.25, replyDelayMs: { minMs: 2, maxMs: 8 }, stallEveryMs: 0, stallForMs: 0, dropBroadcastFraction: 0.5, seed: 42 },
};

describe('serveFlagsFor', () => {
  it('binds 127.0.0.1 on a free port and passes nothing else by default', () => {
    assert.deepEqual(serveFlagsFor({}), ['--host=127.0.0.1', '--port=0']);
  });
  it('turns every option into its serve flag', () => {
    assert.deepEqual(serveFlagsFor({ ...everyOption, workers: 3 }), [
      '--host=127.0.0.1',
      '--port=0',
      '--path=/bench.io/',
      '--app=seed-chat',
      '--transports=websocket',
      '--parser=msgpack',
      '--per-message-deflate',
      '--no-http-compression',
      '--compression-threshold-bytes=2048',
      '--cors=http://a.test,http://b.test',
      '--cors-credentials',
      '--cors-methods=GET',
      '--ping-interval-ms=1500',
      '--ping-timeout-ms=1200',
      '--connect-timeout-ms=3000',
      '--max-http-buffer-size-bytes=5000',
      '--fault-reply-delay-fraction=0.25',
      '--fault-reply-delay-ms=2-8',
      '--fault-stall-every-ms=0',
      '--fault-stall-for-ms=0',
      '--fault-drop-fraction=0.5',
      '--fault-seed=42',
      '--workers=3',
    ]);
  });
});

describe('midRunTailSuffix', () => {
  it('keeps the last 5 lines of the stderr tail on one line', () => {
    assert.equal(midRunTailSuffix('one\ntwo\nthree\nfour\nfive\nsix\n'), '; its stderr ends with: two | three | four | five | six');
    assert.equal(midRunTailSuffix('  Error: boom  '), '; its stderr ends with: Error: boom');
  });

  it('says nothing when the child wrote nothing', () => {
    assert.equal(midRunTailSuffix(''), '');
    assert.equal(midRunTailSuffix(' \n'), '');
    assert.equal(midRunTailSuffix(undefined), '');
  });
});

describe('startBuiltinServer', () => {
  it('starts serve in a child with exactly the options asked for, serves metrics, and stops on SIGTERM', async () => {
    const server = await startBuiltinServer(everyOption);
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(server.metricsUrl, `${server.url}/metrics.json`);
      assert.notEqual(server.pid, process.pid);
      // The child prints its effective configuration: it must be what these options resolve to.
      const port = Number(new URL(server.url).port);
      assert.equal(server.config, describeServeConfig(resolveServerOptions({ ...everyOption, port })));
      const response = await fetch(server.metricsUrl);
      assert.equal(response.status, 200);
      const metrics = (await response.json()) as { schemaVersion: number; connectedClients: number };
      assert.equal(metrics.schemaVersion, 1);
      assert.equal(metrics.connectedClients, 0);
    } finally {
      await server.stop();
    }
    assert.deepEqual(await server.exited, { code: 0, signal: null });
    assert.equal(isAlive(server.pid), false);
    await server.stop(); // a second stop is harmless
  });

  it('rejects with serve\'s own message and exit code 2 when an option is bad', async () => {
    await assert.rejects(startBuiltinServer({ pingIntervalMs: -5 }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.kind, 'badInput');
      assert.equal(
        error.message,
        'the built-in server exited with code 2 before it listened; its stderr ends with:\nsio-bench: --ping-interval-ms must be an integer >= 1 (got "-5")',
      );
      return true;
    });
  });

  it('lets the caller notice a death mid-run through exited', async () => {
    const server = await startBuiltinServer({});
    process.kill(server.pid, 'SIGKILL');
    assert.deepEqual(await server.exited, { code: null, signal: 'SIGKILL' });
    await server.stop();
  });

  it('kills a server that does not end within the grace period', async () => {
    const server = await startBuiltinServer({ stopGraceMs: 100 });
    // A stopped process cannot act on SIGTERM; only SIGKILL ends it.
    process.kill(server.pid, 'SIGSTOP');
    await server.stop();
    assert.deepEqual(await server.exited, { code: null, signal: 'SIGKILL' });
  });

  it('gives up, and kills the child, when it does not listen in time', async () => {
    await assert.rejects(startBuiltinServer({ startTimeoutMs: 1 }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.kind, 'runFailed');
      assert.match(error.message, /^the built-in server did not listen within 1 ms/);
      return true;
    });
  });
});
