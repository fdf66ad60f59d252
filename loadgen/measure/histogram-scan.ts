/**
 * A histogram's summary (count, min, mean, percentiles, max) in one pass over its counts, with hdr-histogram-js's
 * own arithmetic. hdr's `mean` walks its recorded-values iterator, which in the WebAssembly histogram costs about
 * 0.55 ms per call on a histogram of broadcast latencies (and each getValueAtPercentile scans the counts again);
 * the coordinator summarizes several histograms every second. Here the counts come from `encode()` (HdrHistogram
 * V2 bytes, uncompressed: a 40-byte header, then ZigZag LEB128 counts where a negative number is a run of empty
 * buckets), and one walk over them gives every figure, as hdr computes it:
 *
 * - a bucket at counts index i starts at value v(i) and spans 2^b values (b its bucket index, unit 1 µs);
 * - mean: Σ count × (v + ⌊2^b / 2⌋) / totalCount, summed in index order (hdr's median-equivalent values);
 * - percentile p: the first index whose running count reaches max(⌈p/100 × total − ulp⌉, 1); its highest
 *   equivalent value v + 2^b − 1, or its lowest (v) for p = 0.
 *
 * Only for histograms of this shape: lowest discernible value 1 (checked: anything else, or bytes whose counts do
 * not add up to the histogram's total, gives undefined and the caller asks hdr), counts never shifted (this
 * project never shifts a histogram; the encoding's normalizing offset is not read).
 */

/** Sub-buckets in half a bucket for a histogram with lowest discernible value 1 (1024 for 3 significant digits). */
function halfBucketCount(significantDigits: number): number {
  const subBucketCountMagnitude = Math.ceil(Math.log2(2 * 10 ** significantDigits));
  return 2 ** (Math.max(subBucketCountMagnitude, 1) - 1);
}

const HEADER_BYTES = 40;
/** 2^0 .. 2^63: `2 ** bucket` with a variable exponent cost ~80 ns per bucket (Math.pow), most of a scan. */
const POWERS_OF_TWO = Array.from({ length: 64 }, (_, exponent) => 2 ** exponent);

function readInt32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function readInt64(bytes: Uint8Array, at: number): number {
  return readInt32(bytes, at) * 2 ** 32 + readInt32(bytes, at + 4);
}

/** hdr-histogram-js's ulp (ulp.ts). */
function ulp(x: number): number {
  return 2 ** (Math.floor(Math.log2(x)) - 52);
}

/** The running count that percentile `percentile` of `total` samples must reach (hdr's getValueAtPercentile). */
function countAtPercentile(percentile: number, total: number): number {
  const fp = (Math.min(percentile, 100) / 100) * total;
  return Math.max(Math.ceil(fp - ulp(fp)), 1);
}

/** Count, mean and the values at the requested percentiles, as hdr's own getters would give them. */
export interface HistogramScan {
  totalCount: number;
  mean: number;
  /** One per requested percentile, in the order requested. */
  valuesAtPercentiles: number[];
}

/** Where readZigZag stopped. */
let position = 0;

/** One ZigZag LEB128-64b9B number at `position` (hdr's ZigZagEncoding.decode), advancing `position`. */
function readZigZag(bytes: Uint8Array): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[position++]!;
    if (scale === 2 ** 56) {
      value += byte * scale; // the ninth byte carries 8 bits
      break;
    }
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) break;
    scale *= 128;
  }
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

/**
 * Scans V2-encoded bytes (`histogram.encode()`) of a histogram of `totalCount` samples once. `percentiles` must
 * be ascending. Undefined when the bytes are of a shape this scan does not handle (the caller then asks hdr).
 */
export function scanEncodedHistogram(bytes: Uint8Array, totalCount: number, percentiles: readonly number[]): HistogramScan | undefined {
  if (bytes.length < HEADER_BYTES) return undefined;
  const payloadBytes = readInt32(bytes, 4);
  const significantDigits = readInt32(bytes, 12);
  const lowest = readInt64(bytes, 16);
  if (lowest !== 1 || significantDigits < 1 || significantDigits > 5 || HEADER_BYTES + payloadBytes > bytes.length) return undefined;
  const halfCount = halfBucketCount(significantDigits);
  const valuesAtPercentiles = new Array<number>(percentiles.length).fill(0);
  if (totalCount === 0) return { totalCount: 0, mean: 0, valuesAtPercentiles };
  const targets = percentiles.map((p) => countAtPercentile(p, totalCount));
  const end = HEADER_BYTES + payloadBytes;
  let index = 0;
  let running = 0;
  let weighted = 0;
  let next = 0;
  position = HEADER_BYTES;
  while (position < end) {
    const count = readZigZag(bytes);
    if (count < 0) {
      index -= count; // a run of empty buckets
      continue;
    }
    if (count > 0) {
      let bucket = Math.floor(index / halfCount) - 1;
      let subBucket = (index & (halfCount - 1)) + halfCount;
      if (bucket < 0) {
        subBucket -= halfCount;
        bucket = 0;
      }
      const span = POWERS_OF_TWO[bucket]!;
      const bucketStart = subBucket * span;
      weighted += (bucketStart + Math.floor(span / 2)) * count;
      running += count;
      while (next < targets.length && running >= targets[next]!) {
        valuesAtPercentiles[next] = percentiles[next] === 0 ? bucketStart : bucketStart + span - 1;
        next += 1;
      }
    }
    index += 1;
  }
  if (running !== totalCount) return undefined;
  return { totalCount, mean: weighted / totalCount, valuesAtPercentiles };
}
