/**
 * The closing words of a run, for the dashboard's last frame and the plain reporter's last line: how the run ended
 * and its verdict (reports/threshold-state.ts words). Its own file so that the plain reporter does not load Ink.
 */
import type { RunResult } from '../../loadgen/run-result.js';
import { scheduleShortfall } from '../../loadgen/schedule/schedule-shortfall.js';
import { describeShortfall } from '../shortfall-text.js';
import { thresholdTally } from '../threshold-state.js';
import { formatDurationMs } from '../format.js';

/** How `result` ended, in one line. */
export function finishMessage(result: RunResult): string {
  const shortfall = result.status === 'completed' && result.verdict === 'passed' ? scheduleShortfall(result) : undefined;
  switch (result.status) {
    case 'completed':
      return `finished: ${result.verdict} (${thresholdTally(result.thresholds)})${shortfall === undefined ? '' : `, but ${describeShortfall(shortfall)}`}`;
    case 'interrupted':
      // Short enough for an 80-column dashboard, which cuts its last line rather than wrapping it.
      return `interrupted after ${formatDurationMs(result.durationMs)}: ${thresholdTally(result.thresholds)} over the part that ran`;
    case 'failed':
      return `run failed: ${result.failure?.message ?? 'see the result'}`;
  }
}
