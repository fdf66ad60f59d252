// The one-pass summary against hdr-histogram-js itself: for any histogram, every figure of summarizeHistogram
// (which scans the encoded counts of a WebAssembly histogram once) equals what hdr's own getters give on a JS
// histogram of the same samples (getValueAtPercentile, mean), and the percentiles equal the WebAssembly one's.
// The oracle for the mean is the JS histogram: the WebAssembly one sums in 64-bit integers, which wrap beyond
// 2^64 (a mean of 0 for 10^12 samples of 17 s), where both the JS histogram and the scan sum in doubles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import hdr from 'hdr-histogram-js';
import {
  HISTOGRAM_HIGHEST_US, HISTOGRAM_LOWEST_US, HISTOGRAM_SIGNIFICANT_DIGITS, createLatencyHistogram, releaseHistogram, summarizeHistogram,
} from '../../../loadgen/measure/histogram-factory.js';
import { scanEncodedHistogram } from '../../../loadgen/measure/histogram-scan.js';
import type { Histogram } from 'hdr-histogram-js';

/** The oracle: a JS hdr histogram of the same range and precision. */
function jsHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: HISTOGRAM_LOWEST_US,
    highestTrackableValue: HISTOGRAM_HIGHEST_US,
    numberOfSignificantValueDigits: HISTOGRAM_SIGNIFICANT_DIGITS,
    bitBucketSize: 64,
    autoResize: false,
    useWebAssembly: false,
  });
}

const PERCENTILES = [0, 50, 90, 99, 99.9, 100];

/** What summarizeHistogram must equal: hdr's getters, one call each. */
function hdrSummary(histogram: Histogram): ReturnType<typeof summarizeHistogram> {
  const at = (p: number): number => Math.round(histogram.getValueAtPercentile(p));
  return {
    count: histogram.totalCount,
    minUs: at(0),
    meanUs: Math.round(histogram.mean),
    p50Us: at(50),
    p90Us: at(90),
    p99Us: at(99),
    p999Us: at(99.9),
    maxUs: at(100),
  };
}

/** A value and how many times it is recorded; values span every bucket from 0 to the histogram's top. */
const recording = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: HISTOGRAM_HIGHEST_US })),
  fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 40 })),
);

test('summarizeHistogram equals hdr getters on any histogram (values 0 to 1 h, counts up to 2^40 per value)', () => {
  fc.assert(
    fc.property(fc.array(recording, { minLength: 1, maxLength: 300 }), (recordings) => {
      const histogram = createLatencyHistogram();
      const oracle = jsHistogram();
      try {
        for (const [value, count] of recordings) {
          histogram.recordValueWithCount(value, count);
          oracle.recordValueWithCount(value, count);
        }
        assert.deepEqual(summarizeHistogram(histogram), hdrSummary(oracle));
        const scan = scanEncodedHistogram((histogram as unknown as { encode(): Uint8Array }).encode(), histogram.totalCount, PERCENTILES);
        assert.ok(scan !== undefined);
        // The mean exactly, before rounding: both sum the same products in the same order.
        assert.equal(scan.mean, oracle.mean);
        assert.deepEqual(scan.valuesAtPercentiles, PERCENTILES.map((p) => histogram.getValueAtPercentile(p)));
      } finally {
        releaseHistogram(histogram);
      }
    }),
    { numRuns: 300 },
  );
});

test('summarizeHistogram equals hdr getters on a realistic latency histogram (20,000 samples, 10-130 ms)', () => {
  const histogram = createLatencyHistogram();
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 20_000; i++) histogram.recordValue(Math.round(10_000 + random() * 120_000));
  // Far below 2^64, so the WebAssembly histogram's own mean is right here too.
  assert.deepEqual(summarizeHistogram(histogram), hdrSummary(histogram));
  releaseHistogram(histogram);
});

test('a percentile that falls exactly on a bucket boundary picks the bucket hdr picks', () => {
  const histogram = createLatencyHistogram();
  // 1,000 samples in ten buckets of 100: p90 is reached exactly at the end of the ninth.
  for (let i = 0; i < 10; i++) histogram.recordValueWithCount(1000 * (i + 1), 100);
  assert.deepEqual(summarizeHistogram(histogram), hdrSummary(histogram));
  assert.equal(summarizeHistogram(histogram).p90Us, 9000 + 7); // 9000 is in a bucket of 8 values (2048-4095 ×4)
  releaseHistogram(histogram);
});

test('bytes of another shape are not scanned (the caller asks hdr instead)', () => {
  assert.equal(scanEncodedHistogram(new Uint8Array(10), 1, [50]), undefined);
  const histogram = createLatencyHistogram();
  histogram.recordValue(5);
  const bytes = (histogram as unknown as { encode(): Uint8Array }).encode().slice();
  bytes[23] = 2; // lowest discernible value 2
  assert.equal(scanEncodedHistogram(bytes, 1, [50]), undefined);
  // A count that disagrees with the bytes is not trusted either.
  assert.equal(scanEncodedHistogram((histogram as unknown as { encode(): Uint8Array }).encode(), 2, [50]), undefined);
  releaseHistogram(histogram);
});
