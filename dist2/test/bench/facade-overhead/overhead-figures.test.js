import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costPercentFromCpuRatio, costPercentFromThroughputRatio, median, overheadFigures, serverFigures } from '../../../bench/facade-overhead/overhead-figures.js';
test('serverFigures: throughput over the summed time, CPU over the summed acks', () => {
    assert.deepEqual(serverFigures([
        { acks: 1000, elapsedMs: 500, serverCpuUs: 20_000 },
        { acks: 3000, elapsedMs: 1500, serverCpuUs: 40_000 },
    ]), { acks: 4000, acksPerSec: 2000, cpuUsPerMessage: 15 });
    assert.deepEqual(serverFigures([]), { acks: 0, acksPerSec: 0, cpuUsPerMessage: 0 });
});
test('overheadFigures: totals, ratios, per-round ratios and their medians', () => {
    const figures = overheadFigures([
        { acks: 900, elapsedMs: 1000, serverCpuUs: 9900 },
        { acks: 1100, elapsedMs: 1000, serverCpuUs: 11_000 },
        { acks: 1000, elapsedMs: 1000, serverCpuUs: 10_500 },
    ], [
        { acks: 1000, elapsedMs: 1000, serverCpuUs: 10_000 },
        { acks: 1000, elapsedMs: 1000, serverCpuUs: 10_000 },
        { acks: 1000, elapsedMs: 1000, serverCpuUs: 10_000 },
    ]);
    assert.deepEqual(figures.reference, { acks: 3000, acksPerSec: 1000, cpuUsPerMessage: 31_400 / 3000 });
    assert.deepEqual(figures.bare, { acks: 3000, acksPerSec: 1000, cpuUsPerMessage: 10 });
    assert.equal(figures.throughputRatio, 1);
    assert.equal(figures.cpuPerMessageRatio, 31_400 / 30_000);
    assert.deepEqual(figures.throughputRatioByRound, [0.9, 1.1, 1]);
    assert.deepEqual(figures.cpuPerMessageRatioByRound, [1.1, 1, 1.05]);
    assert.equal(figures.throughputRatioMedian, 1);
    assert.equal(figures.cpuPerMessageRatioMedian, 1.05);
    assert.throws(() => overheadFigures([], []), /same non-zero number of rounds/);
});
test('median and the cost percentages', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]), RangeError);
    assert.equal(costPercentFromCpuRatio(1.25), 25);
    assert.equal(costPercentFromThroughputRatio(0.8), 25);
});
//# sourceMappingURL=overhead-figures.test.js.map