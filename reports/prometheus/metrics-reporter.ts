/**
 * A live reporter that also keeps the run's Prometheus figures (`run --metrics-listen`): every snapshot goes to
 * the dashboard (or the plain progress lines) and to the LiveMetrics registry; the result sets the final figures.
 */
import type { RunResult } from '../../loadgen/run-result.js';
import type { LiveReporter, LiveState } from '../../loadgen/live-state.js';
import type { LiveMetrics } from './live-metrics.js';

/** `inner` as it was, with each snapshot and the result also given to `metrics` (first, so a scrape sees them at once). */
export function withLiveMetrics(inner: LiveReporter, metrics: LiveMetrics): LiveReporter {
  return {
    update(state: LiveState): void {
      metrics.update(state);
      inner.update(state);
    },
    finish(result: RunResult): Promise<void> {
      metrics.finish(result);
      return inner.finish(result);
    },
    onStopRequest(callback: () => void): void {
      inner.onStopRequest(callback);
    },
  };
}
