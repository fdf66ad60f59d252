/** What a connect attempt counts: the calls on the metrics written out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientConnectError } from '../../../loadgen/client/virtual-client.js';
import { countConnected, countConnectFailure, type ConnectMetrics } from '../../../loadgen/engine/connect-metrics.js';

function recording(): { metrics: ConnectMetrics; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const metrics = {
    count: (name: string, n = 1) => calls.push(['count', name, n]),
    latency: (metric: string) => ({ record: (correctedUs: number, uncorrectedUs: number) => calls.push(['latency', metric, correctedUs, uncorrectedUs]) }),
    error: (kind: string, message: string) => calls.push(['error', kind, message]),
  } as unknown as ConnectMetrics;
  return { metrics, calls };
}

test('a planned connect counts its latency from the intended time, beside the one from the attempt start', () => {
  const { metrics, calls } = recording();
  // Intended at 1000 µs, attempted at 1200 µs (the worker was late), connected at 1700 µs.
  countConnected(metrics, 1_700, 1_000, 1_200);
  assert.deepEqual(calls, [
    ['count', 'connectSuccesses', 1],
    ['latency', 'connect', 700, 500],
  ]);
});

test('a reconnect counts from its start (or the loss), and as a reconnect', () => {
  const { metrics, calls } = recording();
  countConnected(metrics, 9_000, 8_000, 8_500, 6_000);
  assert.deepEqual(calls, [
    ['count', 'connectSuccesses', 1],
    ['count', 'reconnects', 1],
    ['latency', 'reconnect', 3_000, 3_000],
  ]);
});

test('a failed attempt counts as an error of its kind; an error of no kind is a transport one', () => {
  const { metrics, calls } = recording();
  countConnectFailure(metrics, new ClientConnectError('timeout', 'no CONNECT within 10000 ms'));
  countConnectFailure(metrics, new Error('ECONNREFUSED'));
  countConnectFailure(metrics, 'closed');
  assert.deepEqual(calls, [
    ['count', 'connectFailures', 1],
    ['error', 'connect_timeout', 'no CONNECT within 10000 ms'],
    ['count', 'connectFailures', 1],
    ['error', 'connect_transport', 'ECONNREFUSED'],
    ['count', 'connectFailures', 1],
    ['error', 'connect_transport', 'closed'],
  ]);
});
