import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LiveDelivery } from '../../../loadgen/live-state.js';
import type { RunTotals } from '../../../loadgen/measure/run-accumulator.js';
import type { ConnectionGauges, ServerSample, SeriesPoint, ThresholdResult } from '../../../loadgen/run-result.js';
import { buildLiveState, type LiveStateInputs } from '../../../loadgen/engine/build-live-state.js';

const connections = { open: 40, target: 50, failed: 1 } as ConnectionGauges;

function second(tSec: number): SeriesPoint {
  return { tSec, connections, counters: { connectSuccesses: 7 } } as SeriesPoint;
}

const series = Array.from({ length: 70 }, (_, index) => second(index + 1));
const point = series[series.length - 1] as SeriesPoint;
const totals = { errors: { connect_timeout: { count: 2, lastMessage: 'timed out' } }, latency: { broadcast: { count: 3 } } } as unknown as RunTotals;
const delivery: LiveDelivery = { expected: 10, received: 9, lost: 1, undeliverable: 0, duplicated: 0 };
const server = { tSec: 69, process: 'total', cpuPercent: 12 } as ServerSample;
const thresholds = [{ expression: 'errors < 5', passed: true, actual: 2, limit: 5, unit: 'count' }] as ThresholdResult[];

function inputs(overrides: Partial<LiveStateInputs>): LiveStateInputs {
  return {
    scenario: { name: 'chat', client: 'lean', transport: 'websocket' },
    target: { kind: 'url', url: 'http://127.0.0.1:3000' },
    phases: [
      { name: 'ramp', kind: 'ramp-up', startMs: 0, durationMs: 1000 },
      { name: 'hold', kind: 'hold', startMs: 1000, durationMs: 1000 },
      { name: 'down', kind: 'ramp-down', startMs: 2000, durationMs: 1000 },
    ],
    totalMs: 3500,
    elapsedMs: 1500,
    point,
    series,
    totals,
    delivery,
    server,
    thresholds,
    stopping: false,
    interrupted: false,
    notice: undefined,
    ...overrides,
  };
}

test('a running snapshot: the phase under way runs, the last 60 seconds are the history, no message', () => {
  const state = buildLiveState(inputs({}));
  assert.deepEqual(state, {
    scenarioName: 'chat',
    target: { kind: 'url', url: 'http://127.0.0.1:3000' },
    client: 'lean',
    transport: 'websocket',
    phases: [
      { name: 'ramp', kind: 'ramp-up', startMs: 0, durationMs: 1000, status: 'done' },
      { name: 'hold', kind: 'hold', startMs: 1000, durationMs: 1000, status: 'running' },
      { name: 'down', kind: 'ramp-down', startMs: 2000, durationMs: 1000, status: 'pending' },
    ],
    elapsedMs: 1500,
    totalMs: 3500,
    latest: point,
    history: series.slice(10),
    connections,
    connectRatePerSec: 7,
    delivery,
    errors: totals.errors,
    server,
    thresholds,
    latencySoFar: totals.latency,
    status: 'running',
  });
  assert.equal(state.history[0]?.tSec, 11);
  assert.equal('message' in state, false);
});

test('stopping cuts the phase under way; a phase ends exactly at its end', () => {
  const state = buildLiveState(inputs({ stopping: true, elapsedMs: 2000, notice: 'stopping: ending the phases' }));
  assert.deepEqual(
    state.phases.map((phase) => phase.status),
    ['done', 'done', 'cut'],
  );
  assert.equal(state.status, 'stopping');
  assert.equal(state.message, 'stopping: ending the phases');
});

test('an interrupted run says so, and a phase not yet started stays pending', () => {
  const state = buildLiveState(inputs({ stopping: true, interrupted: true, elapsedMs: 999 }));
  assert.deepEqual(
    state.phases.map((phase) => phase.status),
    ['cut', 'pending', 'pending'],
  );
  assert.equal(state.status, 'interrupted');
});

test('fewer than 60 seconds: the whole series is the history', () => {
  const short = series.slice(0, 3);
  assert.deepEqual(buildLiveState(inputs({ series: short, point: short[2] })).history, short);
});
