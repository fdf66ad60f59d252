import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cell, clip, formatClockMs, progressBar, sparkline } from '../../../reports/live/text-cells.js';
test('cell pads to the width and cuts with an ellipsis', () => {
    assert.equal(cell('ab', 4), 'ab  ');
    assert.equal(cell('ab', 4, 'right'), '  ab');
    assert.equal(cell('abcdef', 4), 'abc…');
    assert.equal(cell('abcd', 4), 'abcd');
    assert.equal(cell('abc', 0), '');
});
test('clip cuts without padding', () => {
    assert.equal(clip('abcdef', 3), 'ab…');
    assert.equal(clip('ab', 3), 'ab');
    assert.equal(clip('ab', 0), '');
});
test('progressBar fills in proportion and clamps', () => {
    assert.equal(progressBar(0.5, 4), '██░░');
    assert.equal(progressBar(0, 3), '░░░');
    assert.equal(progressBar(1.7, 3), '███');
    assert.equal(progressBar(-1, 2), '░░');
    assert.equal(progressBar(Number.NaN, 2), '░░');
});
test('sparkline scales from zero to the largest value shown and keeps the last values', () => {
    assert.equal(sparkline([0, 5, 10], 3), '▁▅█');
    assert.equal(sparkline([100, 0, 5, 10], 3), '▁▅█');
    assert.equal(sparkline([0, 0], 5), '▁▁');
    assert.equal(sparkline([], 5), '');
    assert.equal(sparkline([Number.NaN, 8], 2), '▁█');
});
test('formatClockMs shows minutes and seconds, hours when needed', () => {
    assert.equal(formatClockMs(0), '0:00');
    assert.equal(formatClockMs(65_000), '1:05');
    assert.equal(formatClockMs(3_725_000), '1:02:05');
    assert.equal(formatClockMs(-5), '0:00');
});
//# sourceMappingURL=text-cells.test.js.map