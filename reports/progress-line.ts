/**
 * One plain progress line per interval, for stderr when it is not a terminal (CI logs, pipes): no ANSI, no
 * carriage returns, fixed field order so that logs can be grepped, e.g.
 * `[ 12s/60s] steady (48s left)  conns 2000/2000  sent 1.2k/s recv 48k/s  broadcast p99 3.1ms  errors 0`.
 */
import type { LatencyMetric } from '../loadgen/metric-names.js';
import type { SeriesPoint } from '../loadgen/run-result.js';
import { formatCompact, formatLatencyUs } from './format.js';

/** What the line needs besides the interval itself; all durations in milliseconds. */
export interface ProgressContext {
  /** The running phase's name. */
  phase: string;
  /** Time left in the running phase, ms. */
  phaseRemainingMs: number;
  /** Time since the run start, ms. */
  elapsedMs: number;
  /** Planned length of the whole run, ms. */
  totalMs: number;
  /** Clients the schedule wants connected now. */
  connectionsTarget: number;
  /** Messages known lost so far (delivery accounting); omitted from the line when undefined. */
  lost?: number;
  /** Errors of every kind so far (running total); omitted from the line when undefined. */
  errorsTotal?: number;
}

/**
 * The metrics whose p99 the line shows, in order of preference: the first one with samples in this interval.
 * Broadcast and direct come first because they are what a room scenario is about; connect last but one because it
 * only has samples while clients connect.
 */
export const PROGRESS_METRIC_PREFERENCE: readonly LatencyMetric[] = [
  'broadcast',
  'direct',
  'echo',
  'customReply',
  'customAck',
  'push',
  'join',
  'leave',
  'reconnect',
  'http',
  'connect',
  'fanoutCompletion',
];

/** Width the phase name is padded to, so the fields after it line up from one line to the next. */
const PHASE_COLUMN_CHARS = 8;

/** Renders one progress line (without a newline) for `point` in `context`. */
export function renderProgressLine(point: SeriesPoint, context: ProgressContext): string {
  const totalLabel = `${Math.round(context.totalMs / 1000)}s`;
  const elapsedLabel = `${Math.round(context.elapsedMs / 1000)}s`.padStart(Math.max(4, totalLabel.length));
  const remainingLabel = `(${Math.max(0, Math.round(context.phaseRemainingMs / 1000))}s left)`;
  const fields: string[] = [
    `[${elapsedLabel}/${totalLabel}] ${context.phase.padEnd(PHASE_COLUMN_CHARS)} ${remainingLabel}`,
    `conns ${point.connections.open}/${context.connectionsTarget}` +
      (point.connections.failed > 0 ? ` (${point.connections.failed} failed)` : ''),
    `sent ${formatCompact(point.sendRatePerSec)}/s recv ${formatCompact(point.receiveRatePerSec)}/s`,
  ];
  const headline = PROGRESS_METRIC_PREFERENCE.find((metric) => (point.latency[metric]?.corrected.count ?? 0) > 0);
  const headlineLatency = headline === undefined ? undefined : point.latency[headline];
  if (headline !== undefined && headlineLatency !== undefined) {
    fields.push(`${headline} p99 ${formatLatencyUs(headlineLatency.corrected.p99Us)}`);
  }
  if (point.counters.droppedSlots > 0) fields.push(`dropped ${point.counters.droppedSlots}`);
  if (context.lost !== undefined) fields.push(`lost ${context.lost}`);
  if (context.errorsTotal !== undefined) fields.push(`errors ${context.errorsTotal}`);
  return fields.join('  ');
}
