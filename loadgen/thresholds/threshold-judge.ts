/**
 * Judges a run's thresholds while it is live (about once a second) and once at its end, remembering when each
 * was breached (breach-times.ts). Live, a threshold with nothing measured yet holds; at the end it fails for
 * that reason, with no breach time.
 */
import type { ThresholdResult } from '../run-result.js';
import { BreachTimes } from './breach-times.js';
import { evaluateThresholds, thresholdResultOf, type RunTotals } from './evaluate-thresholds.js';
import type { Threshold } from './threshold.js';

export class ThresholdJudge {
  private readonly breaches = new BreachTimes();

  constructor(private readonly thresholds: ReadonlyArray<string | Threshold>) {}

  /**
   * The thresholds on `totals` after `elapsedMs` of the run (at least 1 ms, for throughput), each with the
   * span of seconds in which it was seen breached so far; `live` while the run goes on, false at its end.
   */
  judge(totals: RunTotals, elapsedMs: number, live: boolean): ThresholdResult[] {
    return evaluateThresholds(this.thresholds, totals, Math.max(1, elapsedMs)).map((evaluation) => {
      const result = thresholdResultOf(evaluation);
      if (evaluation.noSamples) {
        if (live) {
          result.passed = true;
          delete result.noSamplesReason;
        }
      } else if (!evaluation.passed) {
        this.breaches.record(evaluation.expression, Math.round(elapsedMs / 1000));
      }
      const breach = this.breaches.of(evaluation.expression);
      if (breach !== undefined) {
        result.firstBreachedAtSec = breach.firstSec;
        result.lastBreachedAtSec = breach.lastSec;
      }
      return result;
    });
  }
}
