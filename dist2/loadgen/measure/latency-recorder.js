import { createLatencyHistogram, encodeHistogram, recordLatencyUs, releaseHistogram, } from './histogram-factory.js';
/**
 * Records (corrected, uncorrected) latency pairs in integer µs. Corrected counts from the intended send time
 * of the open-model slot, uncorrected from the actual send time (equal for closed-loop actions). A pair is
 * recorded in both histograms or in neither, so both always hold the same count.
 */
export class LatencyRecorder {
    corrected = createLatencyHistogram();
    uncorrected = createLatencyHistogram();
    invalid = 0;
    clamped = 0;
    /** Records one sample pair (µs, rounded to integers). Invalid pairs are counted, never recorded. */
    record(correctedUs, uncorrectedUs) {
        if (!isValidLatency(correctedUs) || !isValidLatency(uncorrectedUs)) {
            this.invalid++;
            return;
        }
        const a = recordLatencyUs(this.corrected, correctedUs);
        const b = recordLatencyUs(this.uncorrected, uncorrectedUs);
        if (a === 'clamped' || b === 'clamped')
            this.clamped++;
    }
    /** Samples recorded since the last `takeInterval`. */
    get count() {
        return this.corrected.totalCount;
    }
    /** Encodes this interval's histograms and resets them; undefined when nothing was recorded. */
    takeInterval() {
        if (this.corrected.totalCount === 0)
            return undefined;
        const encoded = { corrected: encodeHistogram(this.corrected), uncorrected: encodeHistogram(this.uncorrected) };
        this.corrected.reset();
        this.uncorrected.reset();
        return encoded;
    }
    /** Invalid and clamped counts since the last call, then zeroes them. */
    takeAnomalies() {
        const anomalies = { invalid: this.invalid, clamped: this.clamped };
        this.invalid = 0;
        this.clamped = 0;
        return anomalies;
    }
    /** Frees the histograms; the recorder must not be used afterwards. */
    destroy() {
        releaseHistogram(this.corrected);
        releaseHistogram(this.uncorrected);
    }
}
function isValidLatency(us) {
    return Number.isFinite(us) && us >= 0;
}
//# sourceMappingURL=latency-recorder.js.map