import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HISTOGRAM_HIGHEST_US, addEncoded, createLatencyHistogram, decodeHistogram, encodeHistogram, histogramBackend, recordLatencyUs, releaseHistogram, summarizeEncoded, summarizeHistogram, } from '../../../loadgen/measure/histogram-factory.js';
import { exactQuantile, withinPrecision } from './exact-quantile.js';
const latencyUs = fc.integer({ min: 0, max: 60_000_000 });
test('histograms are WebAssembly ones on Node 20 (the measured choice)', () => {
    assert.deepEqual(histogramBackend(), { kind: 'wasm' });
    const h = createLatencyHistogram();
    recordLatencyUs(h, 5);
    assert.equal(h.totalCount, 1);
    releaseHistogram(h);
});
test('an empty histogram summarizes to count 0 and zeros', () => {
    assert.deepEqual(summarizeHistogram(createLatencyHistogram()), {
        count: 0, minUs: 0, meanUs: 0, p50Us: 0, p90Us: 0, p99Us: 0, p999Us: 0, maxUs: 0,
    });
});
test('small values are exact: 1..1000 µs', () => {
    const h = createLatencyHistogram();
    for (let v = 1; v <= 1000; v++)
        recordLatencyUs(h, v);
    assert.deepEqual(summarizeHistogram(h), {
        count: 1000, minUs: 1, meanUs: 501, p50Us: 500, p90Us: 900, p99Us: 990, p999Us: 999, maxUs: 1000,
    });
});
test('a recorded 0 is the minimum', () => {
    const h = createLatencyHistogram();
    recordLatencyUs(h, 0);
    recordLatencyUs(h, 7);
    const summary = summarizeHistogram(h);
    assert.equal(summary.minUs, 0);
    assert.equal(summary.maxUs, 7);
    assert.equal(summary.count, 2);
});
test('percentiles match exact quantiles within 0.1%', () => {
    fc.assert(fc.property(fc.array(latencyUs, { minLength: 1, maxLength: 400 }), (samples) => {
        const h = createLatencyHistogram();
        for (const v of samples)
            assert.equal(recordLatencyUs(h, v), 'recorded');
        const sorted = [...samples].sort((a, b) => a - b);
        const s = summarizeHistogram(h);
        assert.equal(s.count, samples.length);
        for (const [p, reported] of [[50, s.p50Us], [90, s.p90Us], [99, s.p99Us], [99.9, s.p999Us], [100, s.maxUs]]) {
            const exact = exactQuantile(sorted, p);
            assert.ok(withinPrecision(reported, exact), `p${p}: reported ${reported}, exact ${exact}`);
        }
        const min = sorted[0];
        assert.ok(s.minUs <= min && min - s.minUs <= min / 1000, `min ${s.minUs} vs ${min}`);
        const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
        assert.ok(Math.abs(s.meanUs - mean) <= mean / 1000 + 1, `mean ${s.meanUs} vs ${mean}`);
    }), { numRuns: 60 });
});
test('encode/decode round trip keeps the summary and the encoding', () => {
    fc.assert(fc.property(fc.array(latencyUs, { minLength: 0, maxLength: 300 }), (samples) => {
        const h = createLatencyHistogram();
        for (const v of samples)
            recordLatencyUs(h, v);
        const encoded = encodeHistogram(h);
        const decoded = decodeHistogram(encoded);
        assert.deepEqual(summarizeHistogram(decoded), summarizeHistogram(h));
        assert.deepEqual(summarizeEncoded(encoded), summarizeHistogram(h));
        assert.equal(encodeHistogram(decoded), encoded);
        assert.equal(decoded.highestTrackableValue >= HISTOGRAM_HIGHEST_US, true);
    }), { numRuns: 40 });
});
test('adding encoded parts equals one histogram of all samples', () => {
    fc.assert(fc.property(fc.array(fc.array(latencyUs, { maxLength: 100 }), { minLength: 1, maxLength: 6 }), (parts) => {
        const whole = createLatencyHistogram();
        const merged = createLatencyHistogram();
        for (const part of parts) {
            const h = createLatencyHistogram();
            for (const v of part) {
                recordLatencyUs(h, v);
                recordLatencyUs(whole, v);
            }
            addEncoded(merged, encodeHistogram(h));
        }
        assert.deepEqual(summarizeHistogram(merged), summarizeHistogram(whole));
        assert.equal(encodeHistogram(merged), encodeHistogram(whole));
    }), { numRuns: 30 });
});
test('values above one hour are clamped and say so; invalid values are not recorded', () => {
    const h = createLatencyHistogram();
    assert.equal(recordLatencyUs(h, HISTOGRAM_HIGHEST_US), 'recorded');
    assert.equal(recordLatencyUs(h, HISTOGRAM_HIGHEST_US + 1), 'clamped');
    assert.equal(recordLatencyUs(h, 1e15), 'clamped');
    assert.equal(recordLatencyUs(h, -1), 'invalid');
    assert.equal(recordLatencyUs(h, Number.NaN), 'invalid');
    assert.equal(recordLatencyUs(h, Number.POSITIVE_INFINITY), 'invalid');
    const s = summarizeHistogram(h);
    assert.equal(s.count, 3);
    assert.ok(withinPrecision(s.maxUs, HISTOGRAM_HIGHEST_US));
    assert.equal(s.minUs, HISTOGRAM_HIGHEST_US - (HISTOGRAM_HIGHEST_US % 2 ** 21));
});
test('fractional microseconds are rounded to integers', () => {
    const h = createLatencyHistogram();
    recordLatencyUs(h, 10.4);
    recordLatencyUs(h, 10.6);
    const s = summarizeHistogram(h);
    assert.equal(s.minUs, 10);
    assert.equal(s.maxUs, 11);
});
test('decodeHistogram rejects text that is not a histogram', () => {
    assert.throws(() => decodeHistogram('bm90IGEgaGlzdG9ncmFt'));
});
//# sourceMappingURL=histogram-factory.test.js.map