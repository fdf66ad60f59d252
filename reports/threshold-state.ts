/**
 * How a threshold and a run's verdict read, in one place for the summary, the dashboard, Markdown, JUnit and
 * HTML: a threshold held, recovered (held at the end after a breach), failed, or had no samples; a run passed,
 * failed its thresholds, was interrupted (judged over the part that ran), or could not be carried out.
 */
import type { RunResult, ThresholdResult } from '../loadgen/run-result.js';
import { formatDurationMs } from './format.js';
import { scheduleShortfall } from '../loadgen/schedule/schedule-shortfall.js';

/** The state of one threshold. */
export type ThresholdState = 'held' | 'recovered' | 'failed' | 'noSamples';

/** `threshold`'s state: no samples first (nothing to judge), then the end figure, then whether it ever broke. */
export function thresholdState(threshold: ThresholdResult): ThresholdState {
  if (threshold.noSamplesReason !== undefined) return 'noSamples';
  if (!threshold.passed) return 'failed';
  return threshold.firstBreachedAtSec === undefined ? 'held' : 'recovered';
}

/** The short label of a state in text tables: only a failure shouts. */
export const THRESHOLD_STATE_LABELS: Readonly<Record<ThresholdState, string>> = {
  held: 'pass',
  recovered: 'recovered',
  failed: 'FAIL',
  noSamples: 'no samples',
};

/**
 * When `threshold` was breached, in words: "breached 10s–14s" (or "breached at 10s") for one that recovered,
 * "breached since 10s" for one still breached at the end; undefined when it never was.
 */
export function breachWords(threshold: ThresholdResult): string | undefined {
  const first = threshold.firstBreachedAtSec;
  if (first === undefined) return undefined;
  const last = threshold.lastBreachedAtSec ?? first;
  if (!threshold.passed) return `breached since ${first}s`;
  return last > first ? `breached ${first}s–${last}s` : `breached at ${first}s`;
}

/** What `threshold` amounts to in one phrase, for lists: "held", "held at the end; breached 10s–14s", "no samples: …". */
export function thresholdOutcomeWords(threshold: ThresholdResult): string {
  const breach = breachWords(threshold);
  switch (thresholdState(threshold)) {
    case 'held':
      return 'held';
    case 'recovered':
      return `held at the end; ${breach ?? 'breached before'}`;
    case 'failed':
      return breach === undefined ? 'failed' : `failed; ${breach}`;
    case 'noSamples':
      return `no samples: ${threshold.noSamplesReason ?? 'nothing was measured'}`;
  }
}

/** How many thresholds ended in each state. */
export function countThresholdStates(thresholds: readonly ThresholdResult[]): Record<ThresholdState, number> {
  const counts: Record<ThresholdState, number> = { held: 0, recovered: 0, failed: 0, noSamples: 0 };
  for (const threshold of thresholds) counts[thresholdState(threshold)] += 1;
  return counts;
}

/**
 * The thresholds in one clause: "6 of 6 thresholds held", "2 of 6 thresholds failed (1 with no samples)",
 * "no thresholds"; a recovered threshold held (the end figure is what counts) and is counted apart:
 * "6 of 6 thresholds held (1 recovered from a breach)".
 */
export function thresholdTally(thresholds: readonly ThresholdResult[]): string {
  const total = thresholds.length;
  if (total === 0) return 'no thresholds';
  const counts = countThresholdStates(thresholds);
  const failed = counts.failed + counts.noSamples;
  const notes = [
    ...(failed > 0 && counts.noSamples > 0 ? [`${counts.noSamples} with no samples`] : []),
    ...(counts.recovered > 0 ? [`${counts.recovered} recovered from a breach`] : []),
  ];
  const tally = failed === 0 ? `${total} of ${total} thresholds held` : `${failed} of ${total} thresholds failed`;
  return notes.length === 0 ? tally : `${tally} (${notes.join(', ')})`;
}

/** The one-word verdict of a run. */
export type RunVerdictLabel = 'PASSED' | 'PASSED, on less load than asked' | 'FAILED' | 'INTERRUPTED' | 'RUN FAILED';

/** The run's verdict: its label, and what happened in one clause (duration and thresholds). */
export interface RunVerdictWords {
  label: RunVerdictLabel;
  /** e.g. "completed in 8.07s; 6 of 6 thresholds held", "stopped after 6.91s, before its phases ended; …". */
  outcome: string;
}

/** The verdict of `result` in words. */
export function runVerdictWords(result: RunResult): RunVerdictWords {
  const duration = formatDurationMs(result.durationMs);
  switch (result.status) {
    case 'completed': {
      // A pass on less load than asked says so in its label: the thresholds held, but not under the load the scenario set.
      const passed = result.verdict === 'passed' ? (scheduleShortfall(result) === undefined ? 'PASSED' : 'PASSED, on less load than asked') : 'FAILED';
      return { label: passed, outcome: `completed in ${duration}; ${thresholdTally(result.thresholds)}` };
    }
    case 'interrupted': {
      const judged = result.thresholds.length === 0 ? '' : `; over the part that ran, ${thresholdTally(result.thresholds)}`;
      return { label: 'INTERRUPTED', outcome: `stopped after ${duration}, before its phases ended${judged}` };
    }
    case 'failed': {
      if (measuredNothing(result)) return { label: 'RUN FAILED', outcome: 'could not be carried out: nothing was measured' };
      const judged = result.thresholds.length === 0 ? '' : `; over the part that ran, ${thresholdTally(result.thresholds)}`;
      return { label: 'RUN FAILED', outcome: `failed after ${duration}${judged}` };
    }
  }
}

/** True when the run measured nothing at all: no connection was attempted and no second was recorded. */
export function measuredNothing(result: RunResult): boolean {
  return result.totals.counters.connectAttempts === 0 && result.totals.counters.eventsSent === 0 && result.series.length === 0;
}
