import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrateMs, combineConditions, MachineConditionsSampler, parseProcStatCpu } from '../../loadgen/machine-conditions.js';
import type { MachineConditions } from '../../loadgen/run-result.js';

test('/proc/stat: total, idle (idle + iowait) and steal jiffies of the aggregate cpu line', () => {
  const text = 'cpu  100 5 50 800 20 1 2 22 0 0\ncpu0 50 2 25 400 10 0 1 11 0 0\nintr 1 2 3\n';
  assert.deepEqual(parseProcStatCpu(text), { total: 100 + 5 + 50 + 800 + 20 + 1 + 2 + 22, idle: 820, steal: 22 });
  assert.equal(parseProcStatCpu('intr 1 2\n'), undefined);
  assert.equal(parseProcStatCpu('cpu  a b c d\n'), undefined);
});

test('the repetitions of a side combine: median calibrations, mean load, highest load, summed saturation', () => {
  const one = (calibrationBeforeMs: number, loadAverageMean: number, saturatedSeconds: number): MachineConditions => ({
    calibrationBeforeMs,
    calibrationAfterMs: calibrationBeforeMs + 1,
    loadAverageMean,
    loadAverageMax: loadAverageMean + 1,
    cpuCount: 2,
    saturatedSeconds,
    stealFraction: 0.01,
  });
  assert.deepEqual(combineConditions([one(10, 1, 0), one(30, 2, 1), undefined, one(12, 3, 2)]), {
    calibrationBeforeMs: 12,
    calibrationAfterMs: 13,
    loadAverageMean: 2,
    loadAverageMax: 4,
    cpuCount: 2,
    saturatedSeconds: 3,
    stealFraction: 0.01,
  });
  assert.equal(combineConditions([undefined]), undefined);
});

test('calibration takes longer when the task is larger, and a sampled run records plausible readings', async () => {
  // The fastest of 5 rounds of 4x the work takes longer than that of 1x (by far more than timer noise).
  assert.ok(calibrateMs(5, 8_000_000) > calibrateMs(5, 2_000_000));
  const sampler = new MachineConditionsSampler();
  await sampler.begin();
  // /proc/stat counts in jiffies (10 ms): a run lasts long enough for its deltas to count.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const conditions = await sampler.end(4);
  assert.equal(conditions.saturatedSeconds, 4);
  assert.ok(conditions.calibrationBeforeMs > 0 && conditions.calibrationAfterMs > 0);
  assert.ok(conditions.loadAverageMean >= 0 && conditions.loadAverageMax >= conditions.loadAverageMean);
  if (process.platform === 'linux') {
    assert.ok(conditions.stealFraction !== undefined && conditions.stealFraction >= 0 && conditions.stealFraction <= 1);
    assert.ok(conditions.busyFraction !== undefined && conditions.busyFraction >= 0 && conditions.busyFraction <= 1);
  }
});
