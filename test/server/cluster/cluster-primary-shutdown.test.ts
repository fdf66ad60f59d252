/**
 * The primary survives what @socket.io/sticky does while workers leave: a client socket whose request sticky
 * relays (a request with a body) closes after its worker released the IPC channel but before the worker exited,
 * so sticky's abort message goes to a closed channel. Node reports that as an 'error' on the Worker; unhandled, it
 * ended `serve --workers 2` with exit code 1 on SIGTERM. The workers are held-request-worker.ts, which keeps that
 * window open for 1.5 s; the primary and sticky are the production ones, in this process.
 */
import assert from 'node:assert/strict';
import cluster, { type Worker } from 'node:cluster';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startClusterPrimary } from '../../../server/cluster/cluster-primary.js';
import { REQUEST_HELD_MESSAGE } from './fixtures/held-request-worker.js';

const fixtureWorkerPath = fileURLToPath(new URL('./fixtures/held-request-worker.js', import.meta.url));

function once<T>(subscribe: (resolve: (value: T) => void) => void, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

test('a relayed request whose client leaves while its worker is between disconnect and exit does not end the primary', async () => {
  cluster.setupPrimary({ exec: fixtureWorkerPath, args: [] });
  const primary = await startClusterPrimary({ app: 'bench', port: 0, host: '127.0.0.1' }, { workers: 2, adapter: 'cluster', redisUrl: undefined }, { stopGraceMs: 5000 });
  let failure: string | undefined;
  void primary.failure.then((message) => (failure = message));
  const { port } = new URL(primary.url);

  // A POST with a body still to come: sticky keeps the socket in the primary and relays the bytes.
  const held = once<Worker>((resolve) => cluster.on('message', (worker, message: { type?: string }) => message.type === REQUEST_HELD_MESSAGE && resolve(worker)), 'held request');
  const client: Socket = connect(Number(port), '127.0.0.1');
  client.on('error', () => undefined);
  await once<void>((resolve) => client.once('connect', () => resolve()), 'client connect');
  client.write('POST /held HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc');
  const holder = await held;

  const released = once<void>((resolve) => holder.once('disconnect', () => resolve()), "the worker's disconnect");
  const closed = primary.close();
  await released;
  assert.equal(holder.isDead(), false, 'the worker is still alive: the window is open');
  client.destroy();

  await closed;
  assert.equal(failure, undefined);
  assert.equal(holder.isDead(), true);
});
