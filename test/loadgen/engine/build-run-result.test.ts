import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunTotals } from '../../../loadgen/measure/run-accumulator.js';
import type { RunResult, SeriesPoint, ServerSample, ThresholdResult } from '../../../loadgen/run-result.js';
import type { Scenario } from '../../../loadgen/scenario/schema.js';
import { buildRunResult, targetInfo, type RunResultInputs } from '../../../loadgen/engine/build-run-result.js';

const scenario = { name: 'chat', client: 'lean', transport: 'websocket', target: { kind: 'url', url: 'http://10.0.0.5:3000' } } as Scenario;
const environment = { toolVersion: '1.0.0' } as RunResult['environment'];
const totals = { peakConnections: 40 } as RunTotals;
const series = [{ tSec: 1 }, { tSec: 2 }] as SeriesPoint[];
const server = [{ tSec: 1, process: 'total' }] as ServerSample[];
const passed = { expression: 'errors < 5', passed: true, actual: 2, limit: 5, unit: 'count' } as ThresholdResult;
const breached = { expression: 'errors < 1', passed: false, actual: 2, limit: 1, unit: 'count' } as ThresholdResult;

function inputs(overrides: Partial<RunResultInputs>): RunResultInputs {
  return {
    loaded: { scenario, file: 'chat.yaml', text: 'name: chat\n', overrides: ['duration=3s'] },
    target: { kind: 'url', url: 'http://10.0.0.5:3000' },
    environment,
    startedAt: new Date('2026-01-02T03:04:05.000Z'),
    endedAt: new Date('2026-01-02T03:04:08.500Z'),
    durationMs: 3000.4,
    // Three phases of 1 s each: 0-1000, 1000-2000, 2000-3000 ms.
    phases: [
      { name: 'ramp', startMs: 0, durationMs: 1000 },
      { name: 'hold', startMs: 1000, durationMs: 1000 },
      { name: 'down', startMs: 2000, durationMs: 1000 },
    ],
    lastClosedSec: 3,
    totals,
    series,
    server,
    thresholds: [passed],
    warnings: ['ramp-up kept at its floor'],
    fanoutJudgements: [{ metric: 'broadcast', complete: 9, incomplete: 1, lateReceipts: 0 }],
    saturationWarning: 'saturated in 1 of 3 seconds',
    failure: undefined,
    interrupted: false,
    ...overrides,
  };
}

test('a completed run with every threshold passed: passed, every phase completed, the warnings in order', () => {
  assert.deepEqual(buildRunResult(inputs({})), {
    version: 1,
    status: 'completed',
    verdict: 'passed',
    scenario: { name: 'chat', file: 'chat.yaml', text: 'name: chat\n', overrides: ['duration=3s'], effective: scenario },
    target: { kind: 'url', url: 'http://10.0.0.5:3000' },
    client: 'lean',
    transport: 'websocket',
    environment,
    startedAt: '2026-01-02T03:04:05.000Z',
    endedAt: '2026-01-02T03:04:08.500Z',
    durationMs: 3000,
    phases: [
      { name: 'ramp', startMs: 0, durationMs: 1000, status: 'completed' },
      { name: 'hold', startMs: 1000, durationMs: 1000, status: 'completed' },
      { name: 'down', startMs: 2000, durationMs: 1000, status: 'completed' },
    ],
    totals,
    series,
    server,
    thresholds: [passed],
    warnings: [
      'ramp-up kept at its floor',
      '1 broadcasts did not reach every expected member in time to be judged (see broadcast.delivery.lost)',
      'saturated in 1 of 3 seconds',
    ],
  });
});

test('a breached threshold fails a completed run', () => {
  const result = buildRunResult(inputs({ thresholds: [passed, breached] }));
  assert.equal(result.status, 'completed');
  assert.equal(result.verdict, 'failed');
  assert.equal(result.failure, undefined);
});

test('an interrupted run keeps the phases begun before its last second, the one under way cut', () => {
  // Stopped at 1500 ms with seconds 1 and 2 merged: 'down' (from 2000 ms) never began, 'hold' ran past 1500 ms.
  const result = buildRunResult(inputs({ interrupted: true, durationMs: 1500, lastClosedSec: 2, saturationWarning: undefined, fanoutJudgements: [] }));
  assert.equal(result.status, 'interrupted');
  assert.equal(result.verdict, 'failed');
  assert.deepEqual(result.phases, [
    { name: 'ramp', startMs: 0, durationMs: 1000, status: 'completed' },
    { name: 'hold', startMs: 1000, durationMs: 1000, status: 'cut' },
  ]);
  assert.deepEqual(result.failure, { kind: 'interrupted', message: 'the run was stopped before its phases ended' });
  assert.deepEqual(result.warnings, ['ramp-up kept at its floor']);
});

test('a failure outranks an interruption; a run that never started has no phase', () => {
  const failure = { kind: 'workers_not_ready', message: 'only 1 of 2 workers were ready after 30000 ms' };
  const result = buildRunResult(inputs({ failure, interrupted: true, durationMs: 0, lastClosedSec: 0 }));
  assert.equal(result.status, 'failed');
  assert.deepEqual(result.failure, failure);
  assert.deepEqual(result.phases, []);
  assert.equal(result.durationMs, 0);
});

test('targetInfo: a URL target is its URL, the built-in server where it listened', () => {
  assert.deepEqual(targetInfo(scenario.target, 'http://127.0.0.1:4000'), { kind: 'url', url: 'http://10.0.0.5:3000' });
  const builtin = { kind: 'builtin', server: {} } as Scenario['target'];
  assert.deepEqual(targetInfo(builtin, 'http://127.0.0.1:4000'), { kind: 'builtin', url: 'http://127.0.0.1:4000' });
  assert.deepEqual(targetInfo(builtin, ''), { kind: 'builtin', url: '' });
});
