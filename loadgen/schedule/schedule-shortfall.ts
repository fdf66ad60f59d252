/**
 * Whether a run's load generator kept the schedule it was asked to keep (k6's dropped_iterations): a run whose
 * thresholds passed on fewer actions than scheduled proved less than it seems, so it says so and exits apart
 * (bin/exit-codes.ts). A scenario that states its own limit on dropped slots (`slots.dropped ...`) has judged
 * them already: its threshold decides, and no shortfall is reported beside it. A few slots dropped in a
 * scheduler hiccup (at most SHORTFALL_SHARE of those scheduled) do not change what the run proved: the summary's
 * schedule line still counts them, but the verdict and the exit code do not turn on them.
 */
import { isThresholdParseError, parseThreshold } from '../thresholds/parse-threshold.js';
import type { RunResult } from '../run-result.js';

/** Largest share of the scheduled slots that may be dropped before the run counts as short of its load: 1%. */
export const SHORTFALL_SHARE = 0.01;

/** Scheduled actions the load generator could not serve. */
export interface ScheduleShortfall {
  droppedSlots: number;
  /** Slots that came due, served or dropped; undefined in results written before they were counted. */
  scheduledSlots: number | undefined;
}

/**
 * The shortfall of a completed run that dropped more than SHORTFALL_SHARE of its schedule slots (any, when a result
 * from before slots were counted does not say how many were scheduled) without a threshold on them, else undefined.
 */
export function scheduleShortfall(result: Pick<RunResult, 'status' | 'totals' | 'thresholds'>): ScheduleShortfall | undefined {
  const { droppedSlots, scheduledSlots } = result.totals.counters;
  if (result.status !== 'completed' || droppedSlots === 0) return undefined;
  if (scheduledSlots !== undefined && scheduledSlots > 0 && droppedSlots <= SHORTFALL_SHARE * scheduledSlots) return undefined;
  if (result.thresholds.some((threshold) => limitsDroppedSlots(threshold.expression))) return undefined;
  return { droppedSlots, scheduledSlots };
}

function limitsDroppedSlots(expression: string): boolean {
  const parsed = parseThreshold(expression);
  return !isThresholdParseError(parsed) && parsed.subject.kind === 'counter' && parsed.subject.counter === 'droppedSlots';
}
