/** The connection gauges as running counts: each step's gauges written out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConnectionCounts } from '../../../loadgen/engine/connection-counts.js';
import { ClientState, createSimClient } from '../../../loadgen/engine/sim-client.js';

test('each state change moves one client from one gauge to the next', () => {
  const counts = new ConnectionCounts();
  const a = createSimClient(0, [], []);
  const b = createSimClient(1, [], []);
  assert.deepEqual(counts.gauges(), { target: 0, open: 0, connecting: 0, failed: 0 });
  counts.setState(a, ClientState.connecting);
  counts.setState(b, ClientState.connecting);
  assert.deepEqual(counts.gauges(), { target: 0, open: 0, connecting: 2, failed: 0 });
  counts.setState(a, ClientState.open);
  counts.setState(b, ClientState.failed);
  assert.equal(a.state, ClientState.open);
  assert.deepEqual(counts.gauges(), { target: 0, open: 1, connecting: 0, failed: 1 });
  counts.setState(a, ClientState.closed);
  counts.setState(b, ClientState.connecting);
  assert.deepEqual(counts.gauges(), { target: 0, open: 0, connecting: 1, failed: 0 });
});

test('the target counts the clients the plan wants, and a client it no longer wants once', () => {
  const counts = new ConnectionCounts();
  const a = createSimClient(0, [], []);
  const b = createSimClient(1, [], []);
  counts.want(a);
  counts.want(b);
  assert.equal(a.wanted, true);
  assert.equal(counts.gauges().target, 2);
  counts.unwant(a);
  counts.unwant(a);
  assert.equal(a.wanted, false);
  assert.equal(counts.gauges().target, 1);
});
