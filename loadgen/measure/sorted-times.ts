/**
 * A growable array of times (µs) that counts values in a range by binary search. Appends are cheap; when an
 * append breaks the order the array is sorted once, lazily, before the next count.
 */
export class SortedTimes {
  private values = new Float64Array(16);
  private size = 0;
  private sorted = true;

  /** Number of values held. */
  get length(): number {
    return this.size;
  }

  /** Appends `timesUs` (any order; ascending input keeps the array sorted without a sort). */
  append(timesUs: ArrayLike<number>): void {
    const needed = this.size + timesUs.length;
    if (needed > this.values.length) {
      const grown = new Float64Array(Math.max(needed, this.values.length * 2));
      grown.set(this.values.subarray(0, this.size));
      this.values = grown;
    }
    let previous = this.size > 0 ? (this.values[this.size - 1] as number) : -Infinity;
    for (let i = 0; i < timesUs.length; i++) {
      const t = timesUs[i] as number;
      if (t < previous) this.sorted = false;
      this.values[this.size++] = t;
      previous = t;
    }
  }

  /** How many values v satisfy fromUs <= v <= toUs (0 when toUs < fromUs). */
  countInRange(fromUs: number, toUs: number): number {
    if (toUs < fromUs || this.size === 0) return 0;
    this.ensureSorted();
    return this.upperBound(toUs) - this.lowerBound(fromUs);
  }

  /** How many values v satisfy fromUs < v <= toUs (0 when toUs <= fromUs): a range open at its start. */
  countAboveUpTo(fromUs: number, toUs: number): number {
    if (toUs <= fromUs || this.size === 0) return 0;
    this.ensureSorted();
    return this.upperBound(toUs) - this.upperBound(fromUs);
  }

  /** The values v with fromUs < v <= toUs, ascending. */
  valuesAboveUpTo(fromUs: number, toUs: number): number[] {
    if (toUs <= fromUs || this.size === 0) return [];
    this.ensureSorted();
    return Array.from(this.values.subarray(this.upperBound(fromUs), this.upperBound(toUs)));
  }

  /** The values v with fromUs <= v <= toUs, ascending: a view, valid until the next append. */
  valuesInRange(fromUs: number, toUs: number): Float64Array {
    if (toUs < fromUs || this.size === 0) return new Float64Array(0);
    this.ensureSorted();
    return this.values.subarray(this.lowerBound(fromUs), this.upperBound(toUs));
  }

  /** How many values are below `t` (v < t). */
  countBelow(t: number): number {
    this.ensureSorted();
    return this.lowerBound(t);
  }

  /** How many values are at or below `t` (v <= t). */
  countUpTo(t: number): number {
    this.ensureSorted();
    return this.upperBound(t);
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    this.values.subarray(0, this.size).sort();
    this.sorted = true;
  }

  /** First index whose value is >= t. */
  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.values[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose value is > t. */
  private upperBound(t: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.values[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
