/** Wire bytes per interval: sums of hand-set client counters, and the clamp when a reconnect restarts one. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VirtualClient } from '../../../loadgen/client/virtual-client.js';
import { createSimClient, type SimClient } from '../../../loadgen/engine/sim-client.js';
import { WireByteDeltas } from '../../../loadgen/engine/wire-byte-deltas.js';

function withBytes(sim: SimClient, bytesSent: number, bytesReceived: number): void {
  sim.client = { bytesSent, bytesReceived } as VirtualClient;
}

test('the first interval counts the sums, each later one the growth; clients without a connection count nothing', () => {
  const sims = [createSimClient(0, [], []), createSimClient(1, [], []), createSimClient(2, [], [])];
  const deltas = new WireByteDeltas();
  withBytes(sims[0]!, 100, 1000);
  withBytes(sims[1]!, 50, 500);
  assert.deepEqual(deltas.take(sims), { sentBytes: 150, receivedBytes: 1500 });
  withBytes(sims[0]!, 130, 1200);
  assert.deepEqual(deltas.take(sims), { sentBytes: 30, receivedBytes: 200 });
  assert.deepEqual(deltas.take(sims), { sentBytes: 0, receivedBytes: 0 });
});

test('a client replaced by a reconnect restarts at 0: the fall is clamped to 0 and growth counts from the new sum', () => {
  const sims = [createSimClient(0, [], []), createSimClient(1, [], [])];
  const deltas = new WireByteDeltas();
  withBytes(sims[0]!, 100, 100);
  withBytes(sims[1]!, 100, 100);
  deltas.take(sims);
  withBytes(sims[1]!, 10, 20);
  assert.deepEqual(deltas.take(sims), { sentBytes: 0, receivedBytes: 0 });
  withBytes(sims[1]!, 15, 30);
  assert.deepEqual(deltas.take(sims), { sentBytes: 5, receivedBytes: 10 });
});
