/**
 * The disconnect fault over real sockets: the right number of clients is disconnected ('io server disconnect'),
 * and the server's certain/ambiguous undeliverable counts equal what a hand-derived sequence of sends implies.
 * The sends carry `sentUs` values chosen around the disconnect time D, which the test brackets on the server's
 * own clock (the server runs in this process): D is read just before each socket.disconnect(true), whose server
 * `disconnect` event follows synchronously, where the test reads the clock again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import { createReferenceServer } from '../../../server/reference-server.js';
import type { ServerMetricsJson } from '../../../server/metrics/metrics-json.js';
import { monotonicNowUs } from '../../../server/metrics/units.js';
import { call, connectClient, flush, WAIT_MS } from '../apps/app-test-clients.js';

const CLIENTS = 6;
// The set-up (6 connects and joins) must end before the fault: 3 s leaves room on a loaded 2-core machine.
const DISCONNECT_AT_MS = 3000;

test('the disconnect fault disconnects round(fraction × connected) clients and counts exactly what became undeliverable', async (t) => {
  const server = await createReferenceServer({
    app: 'bench',
    transports: 'websocket',
    faults: { disconnectFraction: 0.5, disconnectAtMs: DISCONNECT_AT_MS, seed: 3 },
  });
  const sockets: Socket[] = [];
  t.after(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
  });
  // The server side: the latest time at which a fault disconnect can have happened, per disconnected sid.
  const disconnectedBeforeUs = new Map<string, number>();
  server.io.of('/').on('connection', (socket) => {
    socket.on('disconnect', (reason) => {
      if (reason === 'server namespace disconnect') disconnectedBeforeUs.set(socket.id, monotonicNowUs());
    });
  });

  const startUs = monotonicNowUs();
  const clientDisconnects: Promise<{ index: number; reason: string }>[] = [];
  for (let index = 0; index < CLIENTS; index += 1) {
    const socket = await connectClient(server.url, 'websocket', { clientIndex: index });
    sockets.push(socket);
    clientDisconnects.push(new Promise((resolve) => socket.once('disconnect', (reason) => resolve({ index, reason }))));
    await call(socket, 'join', { room: 'r' });
  }
  const joinedByUs = monotonicNowUs();

  // Exactly round(0.5 × 6) = 3 clients are told 'io server disconnect'; the others stay.
  const disconnected = await Promise.race([
    Promise.all(clientDisconnects).then(() => 'all'),
    // Both ends: a client the server has dropped but that has not yet read its DISCONNECT still reads as connected,
    // and a round trip on it would never be answered.
    waitUntil(() => disconnectedBeforeUs.size >= 3 && sockets.filter((s) => !s.connected).length >= 3).then(async () => {
      // Let a wrongly chosen fourth disconnect arrive too, if there were one: a round trip on every socket still connected.
      await flush(...sockets.filter((s) => s.connected));
      return 'some';
    }),
  ]);
  assert.equal(disconnected, 'some');
  const gone = sockets.map((s, index) => ({ s, index })).filter(({ s }) => !s.connected);
  const survivors = sockets.filter((s) => s.connected);
  assert.equal(gone.length, 3);
  assert.equal(disconnectedBeforeUs.size, 3);
  for (const { index } of gone) assert.deepEqual(await clientDisconnects[index], { index, reason: 'io server disconnect' });

  const boundsUs = [...disconnectedBeforeUs.values()];
  const lastDisconnectUs = Math.max(...boundsUs);
  // The sends below assume the set-up finished well before D (it has 3 s; a precondition, not a timing claim).
  assert.ok(joinedByUs + 50_000 < Math.min(...boundsUs) - 50_000, 'clients connected and joined long before the disconnect');

  const sender = survivors[0] as Socket;
  const message = (seq: number, sentUs: number) => ({ from: 0, seq, t0Us: sentUs, sentUs, payload: 'x' });
  // Sent 50 ms after every join and before D: certain at each of the 3 disconnected members.
  const certainUs = joinedByUs + 50_000;
  // Just after the last D (so after every D) and within 50 ms of the first: ambiguous at each.
  const ambiguousUs = lastDisconnectUs + 1;
  // More than 50 ms after every D, or before any join: not counted.
  const tooLateUs = lastDisconnectUs + 60_000;
  const tooEarlyUs = startUs - 1;
  let seq = 0;
  for (const sentUs of [certainUs, certainUs, ambiguousUs, tooLateUs, tooEarlyUs]) sender.emit('broadcast', { ...message(seq++, sentUs), room: 'r' });
  sender.emit('broadcast', { ...message(seq++, certainUs), room: 'r', includeSelf: true });
  sender.emit('broadcast', { ...message(seq++, certainUs), room: 'elsewhere' });
  for (const { index } of gone) {
    for (const sentUs of [certainUs, ambiguousUs, tooLateUs]) sender.emit('direct', { ...message(seq++, sentUs), to: `client:${index}` });
  }
  const survivorIndex = sockets.indexOf(sender);
  sender.emit('direct', { ...message(seq++, certainUs), to: `client:${survivorIndex}` });
  await flush(sender);

  const metrics = (await (await fetch(`${server.url}/metrics.json`, { signal: AbortSignal.timeout(WAIT_MS) })).json()) as ServerMetricsJson;
  assert.equal(metrics.connectedClients, CLIENTS - 3);
  assert.deepEqual(metrics.faults?.disconnects, {
    disconnectedClients: 3,
    // 3 broadcasts at certainUs (two plain, one includeSelf) × 3 disconnected members of r.
    undeliverableBroadcastsCertain: 9,
    undeliverableBroadcastsAmbiguous: 3,
    // One direct of each kind to each disconnected client.
    undeliverableDirectsCertain: 3,
    undeliverableDirectsAmbiguous: 3,
  });
  assert.deepEqual(metrics.faults?.ackDelays, { count: 0, valuesUs: [] }, 'no reply fault, no delays');
});

test('with every fault off /metrics.json has no faults section', async (t) => {
  const server = await createReferenceServer({ app: 'bench', transports: 'websocket' });
  t.after(() => server.close());
  const metrics = (await (await fetch(`${server.url}/metrics.json`, { signal: AbortSignal.timeout(WAIT_MS) })).json()) as ServerMetricsJson;
  assert.equal(metrics.faults, undefined);
});

/** Resolves once `ready()` holds, polling every 10 ms; rejects after WAIT_MS + the disconnect delay. */
function waitUntil(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS + DISCONNECT_AT_MS;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (ready()) resolve();
      else if (Date.now() > deadline) reject(new Error('condition not reached in time'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}
