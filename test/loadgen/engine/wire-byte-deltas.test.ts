/** Wire bytes per interval: the growth of one counter, set by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WireByteCounter } from '../../../loadgen/client/wire-bytes.js';
import { WireByteDeltas } from '../../../loadgen/engine/wire-byte-deltas.js';

test('the first interval counts what the counter holds, each later one its growth', () => {
  const counter = new WireByteCounter();
  const deltas = new WireByteDeltas(counter);
  counter.sentBytes = 150;
  counter.receivedBytes = 1500;
  assert.deepEqual(deltas.take(), { sentBytes: 150, receivedBytes: 1500 });
  counter.sentBytes += 30;
  counter.receivedBytes += 200;
  assert.deepEqual(deltas.take(), { sentBytes: 30, receivedBytes: 200 });
  assert.deepEqual(deltas.take(), { sentBytes: 0, receivedBytes: 0 });
});
