/**
 * A counter split by one label (an event name, a refusal kind) with a cap on distinct labels: clients choose
 * event names, so an unbounded map would let one client grow the server's memory and the metrics page.
 */
/** Label under which counts beyond the cap are summed. */
export const overflowLabel = '(other)';
export class LabeledCounter {
    maxLabels;
    counts = new Map();
    totalCount = 0;
    /** @param maxLabels distinct labels kept before new ones count as '(other)'. Default 1000. */
    constructor(maxLabels = 1_000) {
        this.maxLabels = maxLabels;
    }
    /** Adds `by` (default 1) to `label`. */
    increment(label, by = 1) {
        this.totalCount += by;
        const current = this.counts.get(label);
        if (current !== undefined) {
            this.counts.set(label, current + by);
        }
        else if (this.counts.size < this.maxLabels) {
            this.counts.set(label, by);
        }
        else {
            this.counts.set(overflowLabel, (this.counts.get(overflowLabel) ?? 0) + by);
        }
    }
    get total() {
        return this.totalCount;
    }
    /** The counts by label, labels sorted so that output is stable. */
    toRecord() {
        const record = {};
        for (const label of [...this.counts.keys()].sort())
            record[label] = this.counts.get(label) ?? 0;
        return record;
    }
}
//# sourceMappingURL=labeled-counter.js.map