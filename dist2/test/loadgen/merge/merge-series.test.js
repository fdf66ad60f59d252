import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSeries } from '../../../loadgen/merge/merge-series.js';
import { summarizeEncoded } from '../../../loadgen/measure/histogram-factory.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';
function shifted(series, byMs) {
    return series.map((point) => ({ ...point, epochMs: point.epochMs + byMs }));
}
test('slices started 300 ms apart merge second by second: counters and gauges summed, histograms added', () => {
    const a = makeRunResult({ durationSec: 10, seed: 1 });
    const b = makeRunResult({ durationSec: 10, seed: 2 });
    const startA = a.series[0].epochMs - 1000;
    const merged = mergeSeries([
        { runStartEpochMs: startA, series: a.series },
        { runStartEpochMs: startA + 300, series: shifted(b.series, 300) },
    ], ['fanoutCompletion']);
    assert.equal(merged.length, 10);
    merged.forEach((point, i) => {
        const pa = a.series[i];
        const pb = b.series[i];
        assert.equal(point.tSec, i + 1);
        assert.equal(point.epochMs, startA + (i + 1) * 1000);
        assert.equal(point.counters.eventsSent, pa.counters.eventsSent + pb.counters.eventsSent);
        assert.equal(point.connections.open, pa.connections.open + pb.connections.open);
        assert.equal(point.delivery.broadcast?.received, (pa.delivery.broadcast?.received ?? 0) + (pb.delivery.broadcast?.received ?? 0));
        const count = (p) => (p.histograms.broadcast ? summarizeEncoded(p.histograms.broadcast.corrected).count : 0);
        assert.equal(point.latency.broadcast?.corrected.count, count(pa) + count(pb));
        assert.equal(count(point), count(pa) + count(pb));
        assert.equal(point.histograms.fanoutCompletion, undefined, 'a slice\'s partial fan-out completion is left out');
    });
});
test('a slice that started 1.6 s later lands two seconds later on the merged time line', () => {
    const a = makeRunResult({ durationSec: 3, seed: 1 });
    const startA = a.series[0].epochMs - 1000;
    const merged = mergeSeries([
        { runStartEpochMs: startA, series: a.series },
        { runStartEpochMs: startA + 1600, series: shifted(a.series, 1600) },
    ], []);
    assert.deepEqual(merged.map((point) => point.tSec), [1, 2, 3, 4, 5]);
    assert.deepEqual(merged.map((point) => point.counters.eventsSent), [a.series[0].counters.eventsSent, a.series[1].counters.eventsSent, a.series[2].counters.eventsSent + a.series[0].counters.eventsSent, a.series[1].counters.eventsSent, a.series[2].counters.eventsSent]);
});
//# sourceMappingURL=merge-series.test.js.map