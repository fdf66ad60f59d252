/**
 * The worker-side delivery recorder: each connection's windows decide what counts, order/duplicate tracking
 * stays exact at the sizes sharded runs reach (a million clients: keys that once passed 2^53 and collided), and a
 * connection that ends without a drain reports the tail of each window with what it received there.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryRecorder } from '../../../loadgen/engine/delivery-recorder.js';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';
import { DeliveryChannels } from '../../../loadgen/measure/delivery-channels.js';

function broadcastTally(metrics: WorkerMetrics): unknown {
  const snapshot = metrics.takeSnapshot(0, 0, 1000, { target: 0, open: 0, connecting: 0, failed: 0 });
  return snapshot.delivery.broadcast;
}

test('a million clients: neighbouring streams of one receiver stay apart', () => {
  const metrics = new WorkerMetrics();
  const totalClients = 1_000_000;
  const roomCount = 10;
  const recorder = new DeliveryRecorder(metrics, new DeliveryChannels(roomCount, totalClients), 0);
  const receiver = recorder.connection(999_999, 0);
  const sender = 999_998;
  for (const room of [3, 4]) recorder.openWindow(receiver, room, 0);
  // Two rooms, the same sender and seq: two distinct messages, neither a duplicate.
  assert.equal(recorder.received('broadcast', receiver, 3, sender, 0, 10), 'new');
  assert.equal(recorder.received('broadcast', receiver, 4, sender, 0, 10), 'new');
  // And two receivers of the same stream are apart as well.
  const other = recorder.connection(999_997, 0);
  recorder.openWindow(other, 3, 0);
  assert.equal(recorder.received('broadcast', other, 3, sender, 0, 10), 'new');
  // The same message again is a duplicate; a later one after a gap is new, the gap's message out of order.
  assert.equal(recorder.received('broadcast', receiver, 3, sender, 0, 11), 'duplicate');
  assert.equal(recorder.received('broadcast', receiver, 3, sender, 2, 12), 'new');
  assert.equal(recorder.received('broadcast', receiver, 3, sender, 1, 12), 'outOfOrder');
  assert.deepEqual(broadcastTally(metrics), { expected: 0, received: 5, duplicated: 1, outOfOrder: 1, unexpected: 0 });
  metrics.destroy();
});

test('messages outside a window count neither way; on a channel never joined they are unexpected', () => {
  const metrics = new WorkerMetrics();
  const recorder = new DeliveryRecorder(metrics, new DeliveryChannels(2, 4), 0);
  const connection = recorder.connection(0, 0);
  connection.expect(1);
  assert.equal(recorder.received('broadcast', connection, 1, 2, 0, 50), undefined, 'routed after the join, before its ack');
  recorder.openWindow(connection, 1, 100);
  assert.equal(recorder.received('broadcast', connection, 1, 2, 0, 99), undefined, 'sent before the window opened');
  assert.equal(recorder.received('broadcast', connection, 1, 2, 1, 150), 'new');
  recorder.closeWindow(connection, 1, 200);
  assert.equal(recorder.received('broadcast', connection, 1, 2, 2, 201), undefined, 'sent after it closed');
  assert.equal(recorder.received('broadcast', connection, 1, 2, 3, 200), 'new', 'sent at the close (bounds included), arriving after it');
  assert.equal(recorder.received('broadcast', connection, 0, 2, 0, 150), undefined, 'never a member of room 0');
  assert.deepEqual(broadcastTally(metrics), { expected: 0, received: 2, duplicated: 0, outOfOrder: 0, unexpected: 1 });
  metrics.destroy();
});

test('a reconnected client: what the old, draining socket receives never counts for the new connection', () => {
  const metrics = new WorkerMetrics();
  const recorder = new DeliveryRecorder(metrics, new DeliveryChannels(1, 10), 0);
  const old = recorder.connection(3, 0);
  recorder.openWindow(old, 0, 0);
  recorder.closeAll(old, 1000); // churn: the window closes now, the socket drains
  const fresh = recorder.connection(3, 1);
  assert.notEqual(fresh.id, old.id);
  recorder.openWindow(fresh, 0, 1500);
  // The server still routes to the old socket during its drain: the same message reaches both sockets.
  assert.equal(recorder.received('broadcast', old, 0, 5, 7, 2000), undefined, 'sent after the old window closed');
  assert.equal(recorder.received('broadcast', fresh, 0, 5, 7, 2000), 'new');
  assert.equal(recorder.received('broadcast', old, 0, 5, 6, 900), 'new', 'in flight at the churn, drained');
  assert.deepEqual(broadcastTally(metrics), { expected: 0, received: 2, duplicated: 0, outOfOrder: 0, unexpected: 0 });
  const delta = recorder.takeDelta(3000);
  assert.deepEqual(
    delta.windows.map((w) => [w.connection, w.receiver, w.atUs, w.open]),
    [[old.id, 3, 0, true], [old.id, 3, 1000, false], [fresh.id, 3, 1500, true]],
  );
  metrics.destroy();
});

test('a connection that ends without a drain reports each window tail within the horizon with its receipts', () => {
  const metrics = new WorkerMetrics();
  const recorder = new DeliveryRecorder(metrics, new DeliveryChannels(2, 10), 1000);
  const connection = recorder.connection(4, 2);
  recorder.openWindow(connection, 0, 0);
  recorder.openWindow(connection, 1, 0);
  recorder.openWindow(connection, 2 + 4, 0); // its direct channel
  recorder.closeWindow(connection, 1, 500); // left room 1 long before the end: no tail there
  for (const [seq, sentUs] of [[0, 3000], [1, 4200], [2, 4600]] as const) recorder.received('broadcast', connection, 0, 1, seq, sentUs);
  recorder.received('broadcast', connection, 0, 1, 2, 4600); // a duplicate is not a second receipt
  recorder.endConnection(connection, 5000, 'undeliverable');
  recorder.endConnection(connection, 6000, 'inFlightAtStop'); // ended once only
  const delta = recorder.takeDelta(6000);
  assert.deepEqual(delta.tails, [
    { channel: 0, connection: connection.id, fromUs: 4000, toUs: 5000, received: 2, cause: 'undeliverable' },
    { channel: 6, connection: connection.id, fromUs: 4000, toUs: 5000, received: 0, cause: 'undeliverable' },
  ]);
  assert.deepEqual(
    delta.windows.filter((w) => !w.open).map((w) => [w.channel, w.atUs]),
    [[1, 500], [0, 5000], [6, 5000]],
  );
  // Its own sends of the last horizon may not have reached the server: a sender tail from its end less the horizon.
  assert.deepEqual(delta.senderTails, [{ sender: 4, fromUs: 4000, toUs: 5000 }]);
  // Message partials are only made by the receiving path (event-receiver), not by received().
  assert.deepEqual(delta.messages, []);
  assert.deepEqual(delta.receipts, [{ metric: 'broadcast', sendSec: 0, count: 3 }]);
  metrics.destroy();
});

test('receipts of interleaved messages and send seconds add to their own partial and second, across deltas', () => {
  const metrics = new WorkerMetrics();
  const recorder = new DeliveryRecorder(metrics, new DeliveryChannels(2, 10), 0, 0);
  // Message A (room 0, sender 1, seq 0, sent in second 0) and B (room 1, sender 1, seq 0, sent in second 2),
  // received as A A B A B: a receipt that follows one of another message must not add to the one before.
  const receipts: [channel: number, receiveUs: number][] = [[0, 10], [0, 20], [1, 2_000_030], [0, 40], [1, 2_000_050]];
  for (const [index, [channel, receiveUs]] of receipts.entries()) {
    const connection = recorder.connection(index + 2, 0);
    recorder.openWindow(connection, channel, 0);
    const sentUs = channel === 0 ? 5 : 2_000_005;
    assert.equal(recorder.received('broadcast', connection, channel, 1, 0, sentUs), 'new');
    recorder.messageReceived(channel, 1, 0, 1, sentUs, receiveUs);
  }
  const delta = recorder.takeDelta(3_000_000);
  const byChannel = new Map(delta.messages.map((part) => [part.channel, { received: part.received, lastReceiveUs: part.lastReceiveUs }]));
  assert.deepEqual(byChannel.get(0), { received: 3, lastReceiveUs: 40 });
  assert.deepEqual(byChannel.get(1), { received: 2, lastReceiveUs: 2_000_050 });
  assert.deepEqual(delta.receipts.map(({ sendSec, count }) => [sendSec, count]).sort(), [[0, 3], [2, 2]]);
  // After a delta, the same message starts a new partial: the old one was handed over.
  const late = recorder.connection(9, 0);
  recorder.openWindow(late, 0, 0);
  recorder.received('broadcast', late, 0, 1, 0, 5);
  recorder.messageReceived(0, 1, 0, 1, 5, 60);
  const next = recorder.takeDelta(4_000_000);
  assert.deepEqual(next.messages.map((part) => part.received), [1]);
  assert.deepEqual(next.receipts.map(({ sendSec, count }) => [sendSec, count]), [[0, 1]]);
  assert.equal(delta.messages.find((part) => part.channel === 0)!.received, 3, 'the handed-over partial is not changed afterwards');
  metrics.destroy();
});

test('a connect opens the own channel only when the scenario sends directs, and notes when the connection opened', () => {
  const withDirects = new DeliveryChannels(2, 4, false, [], { broadcast: true, direct: true });
  const broadcastOnly = new DeliveryChannels(2, 4, false, [], { broadcast: true, direct: false });
  for (const [channels, expected] of [[withDirects, [withDirects.personal(0, 1)]], [broadcastOnly, []]] as const) {
    const metrics = new WorkerMetrics();
    const recorder = new DeliveryRecorder(metrics, channels, 1000);
    const connection = recorder.connection(1, 0);
    recorder.connected(connection, 500);
    assert.equal(connection.openedUs, 500);
    assert.deepEqual(connection.openChannels(), expected);
    assert.deepEqual(recorder.takeDelta(600).windows.map((event) => event.channel), expected, 'only those windows reach the ledger');
    metrics.destroy();
  }
});
