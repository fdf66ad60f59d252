/**
 * A counter split by one label (an event name, a refusal kind) with a cap on distinct labels: clients choose
 * event names, so an unbounded map would let one client grow the server's memory and the metrics page.
 */

/** Label under which counts beyond the cap are summed. */
export const overflowLabel = '(other)';

export class LabeledCounter {
  private readonly counts = new Map<string, number>();
  private totalCount = 0;

  /** @param maxLabels distinct labels kept before new ones count as '(other)'. Default 1000. */
  constructor(private readonly maxLabels = 1_000) {}

  /** Adds `by` (default 1) to `label`. */
  increment(label: string, by = 1): void {
    this.totalCount += by;
    const current = this.counts.get(label);
    if (current !== undefined) {
      this.counts.set(label, current + by);
    } else if (this.counts.size < this.maxLabels) {
      this.counts.set(label, by);
    } else {
      this.counts.set(overflowLabel, (this.counts.get(overflowLabel) ?? 0) + by);
    }
  }

  get total(): number {
    return this.totalCount;
  }

  /** The counts by label, labels sorted so that output is stable. */
  toRecord(): Record<string, number> {
    const record: Record<string, number> = {};
    for (const label of [...this.counts.keys()].sort()) record[label] = this.counts.get(label) ?? 0;
    return record;
  }
}
