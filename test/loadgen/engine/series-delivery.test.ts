import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setDeliveryBySendSecond } from '../../../loadgen/engine/series-delivery.js';
import type { SeriesPoint } from '../../../loadgen/run-result.js';

function point(tSec: number, delivery: SeriesPoint['delivery']): SeriesPoint {
  return {
    tSec,
    epochMs: tSec * 1000,
    phase: 'steady',
    latency: {},
    histograms: {},
    counters: { eventsSent: 0, eventsReceived: 0, acksTimedOut: 0, droppedSlots: 0, connectAttempts: 0, connectSuccesses: 0, connectFailures: 0, disconnects: 0, reconnects: 0, bytesSent: 0, bytesReceived: 0 },
    delivery,
    connections: { target: 0, open: 0, connecting: 0, failed: 0 },
    sendRatePerSec: 0,
    receiveRatePerSec: 0,
  };
}

test('each point takes the expected and received of the second ending at its tSec; arrival counts stay', () => {
  const series = [
    point(1, { broadcast: { expected: 0, received: 7, duplicated: 1, outOfOrder: 2, unexpected: 3 } }),
    point(2, {}),
    point(3, { broadcast: { expected: 0, received: 4, duplicated: 0, outOfOrder: 0, unexpected: 0 } }),
  ];
  setDeliveryBySendSecond(series, [
    { metric: 'broadcast', expected: [19, 38, 0], received: [19, 37, 0] },
    { metric: 'direct', expected: [0, 5, 0], received: [0, 5, 0] },
  ]);
  assert.deepEqual(
    series.map((p) => p.delivery),
    [
      { broadcast: { expected: 19, received: 19, duplicated: 1, outOfOrder: 2, unexpected: 3 } },
      { broadcast: { expected: 38, received: 37, duplicated: 0, outOfOrder: 0, unexpected: 0 }, direct: { expected: 5, received: 5, duplicated: 0, outOfOrder: 0, unexpected: 0 } },
      { broadcast: { expected: 0, received: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 } },
    ],
  );
});
