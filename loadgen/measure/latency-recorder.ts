/**
 * The corrected and uncorrected histograms of one latency metric in one worker, for one interval at a time.
 */
import type { EncodedMetricHistograms } from '../run-result.js';
import {
  createLatencyHistogram,
  encodeHistogram,
  recordLatencyUs,
  releaseHistogram,
  type Histogram,
} from './histogram-factory.js';

/** Samples that could not be recorded as given, over one interval. */
export interface RecorderAnomalies {
  /** Pairs with a negative, NaN or infinite value: not recorded at all. */
  invalid: number;
  /** Pairs with a value above one hour: recorded as one hour. */
  clamped: number;
}

/**
 * Records (corrected, uncorrected) latency pairs in integer µs. Corrected counts from the intended send time
 * of the open-model slot, uncorrected from the actual send time (equal for closed-loop actions). A pair is
 * recorded in both histograms or in neither, so both always hold the same count.
 */
export class LatencyRecorder {
  private readonly corrected: Histogram = createLatencyHistogram();
  private readonly uncorrected: Histogram = createLatencyHistogram();
  private invalid = 0;
  private clamped = 0;

  /** Records one sample pair (µs, rounded to integers). Invalid pairs are counted, never recorded. */
  record(correctedUs: number, uncorrectedUs: number): void {
    if (!isValidLatency(correctedUs) || !isValidLatency(uncorrectedUs)) {
      this.invalid++;
      return;
    }
    const a = recordLatencyUs(this.corrected, correctedUs);
    const b = recordLatencyUs(this.uncorrected, uncorrectedUs);
    if (a === 'clamped' || b === 'clamped') this.clamped++;
  }

  /** Samples recorded since the last `takeInterval`. */
  get count(): number {
    return this.corrected.totalCount;
  }

  /** Encodes this interval's histograms and resets them; undefined when nothing was recorded. */
  takeInterval(): EncodedMetricHistograms | undefined {
    if (this.corrected.totalCount === 0) return undefined;
    const encoded = { corrected: encodeHistogram(this.corrected), uncorrected: encodeHistogram(this.uncorrected) };
    this.corrected.reset();
    this.uncorrected.reset();
    return encoded;
  }

  /** Invalid and clamped counts since the last call, then zeroes them. */
  takeAnomalies(): RecorderAnomalies {
    const anomalies = { invalid: this.invalid, clamped: this.clamped };
    this.invalid = 0;
    this.clamped = 0;
    return anomalies;
  }

  /** Frees the histograms; the recorder must not be used afterwards. */
  destroy(): void {
    releaseHistogram(this.corrected);
    releaseHistogram(this.uncorrected);
  }
}

function isValidLatency(us: number): boolean {
  return Number.isFinite(us) && us >= 0;
}
