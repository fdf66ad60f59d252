/**
 * The one place latency histograms are created, encoded and decoded (STYLE 5), so every histogram of a run has
 * the same range and precision and merges exactly.
 *
 * Implementation: hdr-histogram-js's WebAssembly histogram with 64-bit counts. Measured with
 * `node dist/bench/measure-histogram.js` on the 2-core dev machine: record() costs about 45 ns in WASM vs
 * 240 ns in JS (per received broadcast that is a large share of the worker's budget of a few µs), the
 * footprint is 24 KB vs 190 KB, and encoded sizes are identical (same V2 format). The WASM module is
 * instantiated synchronously on first use in each thread, so callers need no async init. WASM memory is not
 * garbage collected: every histogram made here must be handed to `releaseHistogram` when done (the recorder,
 * worker metrics and accumulator do this; `addEncoded` and `summarizeEncoded` release their temporaries).
 * Where WebAssembly cannot be instantiated the thread falls back to JS histograms (see `histogramBackend`);
 * all histograms of one thread are then of one kind, so they still add.
 */
import hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { LatencySummary } from '../run-result.js';
import { scanEncodedHistogram } from './histogram-scan.js';

/** Lowest discernible value: 1 µs. */
export const HISTOGRAM_LOWEST_US = 1;
/** Highest trackable value: one hour in µs. Larger values are clamped to it and counted (see recordLatencyUs). */
export const HISTOGRAM_HIGHEST_US = 3_600_000_000;
/** Significant decimal digits kept: 3, so any value is reported within 0.1% (relative). */
export const HISTOGRAM_SIGNIFICANT_DIGITS = 3;
/** Bits per count bucket: 64 (stored as doubles), so whole-run totals cannot overflow a bucket. */
const BIT_BUCKET_SIZE = 64;

/** The histogram type of hdr-histogram-js (JS or WASM behind one interface). */
export type { Histogram };

/** Which implementation this thread's histograms use, and why JS when it is JS. */
export type HistogramBackend = { kind: 'wasm' } | { kind: 'js'; reason: string };

let backend: HistogramBackend | undefined;

/** This thread's histogram implementation, decided on first use: WASM unless it cannot be instantiated. */
export function histogramBackend(): HistogramBackend {
  if (backend === undefined) {
    try {
      hdr.initWebAssemblySync();
      backend = { kind: 'wasm' };
    } catch (error) {
      // Not fatal: JS histograms measure the same, only slower per record.
      backend = { kind: 'js', reason: error instanceof Error ? error.message : String(error) };
    }
  }
  return backend;
}

function useWasm(): boolean {
  return histogramBackend().kind === 'wasm';
}

/** A new empty latency histogram in integer µs: range [1 µs, 1 h], 3 significant digits, no auto-resize. Release it. */
export function createLatencyHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: HISTOGRAM_LOWEST_US,
    highestTrackableValue: HISTOGRAM_HIGHEST_US,
    numberOfSignificantValueDigits: HISTOGRAM_SIGNIFICANT_DIGITS,
    bitBucketSize: BIT_BUCKET_SIZE,
    autoResize: false,
    useWebAssembly: useWasm(),
  });
}

/** Frees a histogram made by this module (WASM memory is not garbage collected). Use it once, then drop it. */
export function releaseHistogram(histogram: Histogram): void {
  histogram.destroy();
}

/** What happened to one value given to `recordLatencyUs`. */
export type RecordOutcome = 'recorded' | 'clamped' | 'invalid';

/**
 * Records one latency (µs, rounded to an integer). Negative, NaN and infinite values are not recorded
 * ('invalid'); values above HISTOGRAM_HIGHEST_US are recorded as HISTOGRAM_HIGHEST_US ('clamped'), so the
 * count stays right and the caller counts the clamp: nothing is dropped silently.
 */
export function recordLatencyUs(histogram: Histogram, latencyUs: number): RecordOutcome {
  if (!Number.isFinite(latencyUs) || latencyUs < 0) return 'invalid';
  if (latencyUs > HISTOGRAM_HIGHEST_US) {
    histogram.recordValue(HISTOGRAM_HIGHEST_US);
    return 'clamped';
  }
  histogram.recordValue(Math.round(latencyUs));
  return 'recorded';
}

/** Encodes a histogram as compressed base64 (HdrHistogram V2 format, readable by every HdrHistogram port). */
export function encodeHistogram(histogram: Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

/**
 * Decodes what `encodeHistogram` produced into a new histogram with this module's range (release it when
 * done). Throws on text that is not an encoded histogram: a corrupt result file is bad input.
 */
export function decodeHistogram(encoded: string): Histogram {
  return hdr.decodeFromCompressedBase64(encoded, BIT_BUCKET_SIZE, useWasm(), HISTOGRAM_HIGHEST_US);
}

/**
 * Adds every encoded histogram of `encoded` into `target` (exact merge: counts are added bucket by bucket,
 * percentiles are never averaged).
 */
export function addEncoded(target: Histogram, encoded: string): void {
  const decoded = decodeHistogram(encoded);
  try {
    target.add(decoded);
  } finally {
    releaseHistogram(decoded);
  }
}

/** The percentiles of a LatencySummary, ascending: min (0), p50, p90, p99, p99.9, max (100). */
const SUMMARY_PERCENTILES = [0, 50, 90, 99, 99.9, 100] as const;

/**
 * Count, min, mean, p50, p90, p99, p99.9 and max of a histogram, integer µs. Percentiles are the highest value
 * equivalent to the exact sample quantile (within 0.1% above it); an empty histogram gives count 0 and zeros.
 * The figures are hdr's own (getValueAtPercentile, mean), computed in one pass over the counts
 * (histogram-scan.ts) instead of one scan per getter (WebAssembly histograms; JS ones answer their getters).
 */
export function summarizeHistogram(histogram: Histogram): LatencySummary {
  const count = histogram.totalCount;
  if (count === 0) {
    return { count: 0, minUs: 0, meanUs: 0, p50Us: 0, p90Us: 0, p99Us: 0, p999Us: 0, maxUs: 0 };
  }
  // Only the WebAssembly histogram has encode() (its V2 bytes, uncompressed); a JS one is asked directly.
  const encode = (histogram as Partial<{ encode(): Uint8Array }>).encode;
  const scan = typeof encode === 'function' ? scanEncodedHistogram(encode.call(histogram), count, SUMMARY_PERCENTILES) : undefined;
  // Percentile 0 is the lowest equivalent value of the smallest sample, including a recorded 0; percentile 100,
  // like the others, the highest value equivalent to the largest sample, so a decoded copy agrees.
  const [min, p50, p90, p99, p999, max] = scan?.valuesAtPercentiles ?? SUMMARY_PERCENTILES.map((p) => histogram.getValueAtPercentile(p));
  return {
    count,
    minUs: Math.round(min!),
    meanUs: Math.round(scan?.mean ?? histogram.mean),
    p50Us: Math.round(p50!),
    p90Us: Math.round(p90!),
    p99Us: Math.round(p99!),
    p999Us: Math.round(p999!),
    maxUs: Math.round(max!),
  };
}

/** Summary of an encoded histogram (decoded, summarized, released). */
export function summarizeEncoded(encoded: string): LatencySummary {
  const decoded = decodeHistogram(encoded);
  try {
    return summarizeHistogram(decoded);
  } finally {
    releaseHistogram(decoded);
  }
}
