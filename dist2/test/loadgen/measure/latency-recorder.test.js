import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyRecorder } from '../../../loadgen/measure/latency-recorder.js';
import { HISTOGRAM_HIGHEST_US, summarizeEncoded } from '../../../loadgen/measure/histogram-factory.js';
test('records pairs into both histograms and resets on takeInterval', () => {
    const recorder = new LatencyRecorder();
    assert.equal(recorder.takeInterval(), undefined);
    recorder.record(1500, 200);
    recorder.record(900, 100);
    recorder.record(300, 300);
    assert.equal(recorder.count, 3);
    const encoded = recorder.takeInterval();
    assert.ok(encoded !== undefined);
    const corrected = summarizeEncoded(encoded.corrected);
    const uncorrected = summarizeEncoded(encoded.uncorrected);
    assert.deepEqual([corrected.count, corrected.minUs, corrected.p50Us, corrected.maxUs], [3, 300, 900, 1500]);
    assert.deepEqual([uncorrected.count, uncorrected.minUs, uncorrected.p50Us, uncorrected.maxUs], [3, 100, 200, 300]);
    assert.equal(recorder.count, 0);
    assert.equal(recorder.takeInterval(), undefined);
});
test('invalid pairs are counted and recorded in neither histogram; clamped pairs are recorded and counted', () => {
    const recorder = new LatencyRecorder();
    recorder.record(-1, 5);
    recorder.record(5, Number.NaN);
    recorder.record(Number.POSITIVE_INFINITY, 5);
    recorder.record(HISTOGRAM_HIGHEST_US * 2, 10);
    recorder.record(20, 10);
    assert.equal(recorder.count, 2);
    assert.deepEqual(recorder.takeAnomalies(), { invalid: 3, clamped: 1 });
    assert.deepEqual(recorder.takeAnomalies(), { invalid: 0, clamped: 0 });
    const encoded = recorder.takeInterval();
    assert.ok(encoded !== undefined);
    assert.equal(summarizeEncoded(encoded.corrected).count, 2);
    assert.equal(summarizeEncoded(encoded.uncorrected).count, 2);
    assert.equal(summarizeEncoded(encoded.uncorrected).maxUs, 10);
});
//# sourceMappingURL=latency-recorder.test.js.map