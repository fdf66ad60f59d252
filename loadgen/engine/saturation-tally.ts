/**
 * Counts the merged seconds in which the load generator itself was saturated (loadgen-health.ts): their
 * latencies include its own queueing. Says so once, at the first such second, and again in the result.
 */
import type { SeriesPoint } from '../run-result.js';
import { describeHealth, isSaturated } from './loadgen-health.js';

export class SaturationTally {
  private saturatedSeconds = 0;
  private firstSec: number | undefined;

  /** How many of the seconds seen had a saturated worker. */
  get seconds(): number {
    return this.saturatedSeconds;
  }

  /** Takes one merged second; returns the notice to give at the first saturated one. */
  observe(point: SeriesPoint): string | undefined {
    const health = point.loadgen;
    if (health === undefined || !isSaturated(health)) return undefined;
    this.saturatedSeconds += 1;
    if (this.firstSec !== undefined) return undefined;
    this.firstSec = point.tSec;
    return `the load generator itself is saturated in second ${point.tSec} (${describeHealth(health)}): latencies of such seconds include its own queueing`;
  }

  /** The result's warning when any second was saturated, out of the run's `totalSeconds`. */
  warning(totalSeconds: number): string | undefined {
    if (this.firstSec === undefined) return undefined;
    return `the load generator itself was saturated in ${this.saturatedSeconds} of ${totalSeconds} seconds (first in second ${this.firstSec}; per second in series[].loadgen): latencies of those seconds include its own queueing and are not trustworthy as the server's; use more --workers, fewer clients per machine, or several machines (--shard)`;
  }
}
