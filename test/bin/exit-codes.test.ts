import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExitCode, exitCodeOfCapacity, exitCodeOfComparison, exitCodeOfRun } from '../../bin/exit-codes.js';
import type { RunResult } from '../../loadgen/run-result.js';
import { counters, handBuiltResult } from '../reports/fixtures/hand-built-result.js';

function passedWith(droppedSlots: number, thresholds: RunResult['thresholds'] = []): RunResult {
  const result = handBuiltResult();
  return { ...result, verdict: 'passed', thresholds, totals: { ...result.totals, counters: counters({ droppedSlots, scheduledSlots: 1_000 }) } };
}

test('a pass on the whole schedule exits 0; a pass that dropped more than 1% of its slots exits 4, not 0', () => {
  assert.equal(exitCodeOfRun(passedWith(0)), ExitCode.ok);
  // 10 of 1,000 is a scheduler hiccup (the summary still counts them); 11 is a shortfall.
  assert.equal(exitCodeOfRun(passedWith(10)), ExitCode.ok);
  assert.equal(exitCodeOfRun(passedWith(11)), 4);
  assert.equal(ExitCode.loadShortfall, 4);
});

test('a threshold on slots.dropped decides alone: within it the run exits 0', () => {
  const threshold = { expression: 'slots.dropped < 10', passed: true, actual: 3, limit: 10, unit: 'count' };
  assert.equal(exitCodeOfRun(passedWith(3, [threshold])), ExitCode.ok);
});

test('failed thresholds, failed and interrupted runs keep their codes; a --shard slice judges its outcome only', () => {
  const short = passedWith(50);
  assert.equal(exitCodeOfRun({ ...short, verdict: 'failed' }), ExitCode.thresholdsFailed);
  assert.equal(exitCodeOfRun({ ...short, status: 'failed', verdict: 'failed' }), ExitCode.runFailed);
  assert.equal(exitCodeOfRun({ ...short, status: 'interrupted', verdict: 'failed' }), ExitCode.interrupted);
  assert.equal(exitCodeOfRun(short, { slice: true }), ExitCode.ok);
});

test('a comparison exits 1 only on a regression; a capacity search by what it found', () => {
  assert.equal(exitCodeOfComparison({ regressions: [] }), ExitCode.ok);
  assert.equal(exitCodeOfComparison({ regressions: ['echo.latency.p50'] }), ExitCode.thresholdsFailed);
  const found = { stopReason: { kind: 'objective-broken' }, analysis: { sustainableStepIndex: 2 } } as unknown as Parameters<typeof exitCodeOfCapacity>[0];
  assert.equal(exitCodeOfCapacity(found), ExitCode.ok);
  assert.equal(exitCodeOfCapacity({ ...found, analysis: { ...found.analysis, sustainableStepIndex: undefined } }), ExitCode.thresholdsFailed);
  assert.equal(exitCodeOfCapacity({ ...found, stopReason: { kind: 'run-failed' } as never, analysis: { ...found.analysis, sustainableStepIndex: undefined } }), ExitCode.runFailed);
  assert.equal(exitCodeOfCapacity({ ...found, stopReason: { kind: 'interrupted' } as never }), ExitCode.interrupted);
});
