import assert from 'node:assert/strict';
import { test } from 'node:test';
import { machineConditionsItems } from '../../reports/machine-conditions-text.js';
import { renderSummaryTable } from '../../reports/summary-table.js';
import { handBuiltResult } from './fixtures/hand-built-result.js';

const conditions = { calibrationBeforeMs: 5.12, calibrationAfterMs: 5.3, loadAverageMean: 1.854, loadAverageMax: 2.4, cpuCount: 2, saturatedSeconds: 0, stealFraction: 0.004 };

test("the machine's state in words, and in the summary under 'measured on'", () => {
  assert.deepEqual(machineConditionsItems(conditions), [
    'calibration 5.1 ms before, 5.3 ms after',
    'load average 1.85 (max 2.40)',
    'steal 0.4%',
    'load generator saturated 0 s',
  ]);
  const { stealFraction: _, ...withoutSteal } = conditions;
  assert.equal(machineConditionsItems(withoutSteal).length, 3);
  const text = renderSummaryTable({ ...handBuiltResult(), conditions }, { width: 200 });
  assert.match(text, /\nmachine {6}calibration 5\.1 ms before, 5\.3 ms after · load average 1\.85 \(max 2\.40\) · steal 0\.4% · load generator saturated 0 s\n/);
  assert.doesNotMatch(renderSummaryTable(handBuiltResult(), { width: 200 }), /\nmachine /);
});
