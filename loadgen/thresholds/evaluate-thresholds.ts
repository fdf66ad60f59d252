/**
 * Evaluates thresholds against a run's totals. A threshold on something that was never measured (no latency
 * samples, no messages expected, no events sent) fails with a 'no samples' message: a run that measured
 * nothing must not pass its gates.
 */
import hdr from 'hdr-histogram-js';
import type { DeliveryCounts, LatencySummary, RunResult, ThresholdResult } from '../run-result.js';
import { isThresholdParseError, parseThreshold } from './parse-threshold.js';
import type { Threshold, ThresholdOperator, ThresholdSubject, ThresholdUnit } from './threshold.js';

/** The run totals that thresholds read. */
export type RunTotals = RunResult['totals'];

/** A threshold's outcome, with a one-line explanation for summaries. */
export interface ThresholdEvaluation extends ThresholdResult {
  /** e.g. `broadcast.latency p(99) = 12.3ms (limit < 50ms)` or `no samples: no broadcast latency was recorded`. */
  message: string;
  /** True when nothing was measured that the threshold could be checked against (it then fails). */
  noSamples: boolean;
}

/** Microseconds per unit of a latency threshold. */
const US_PER_TIME_UNIT: Partial<Record<ThresholdUnit, number>> = { us: 1, ms: 1_000, s: 1_000_000 };

/** Summary fields that hold a percentile, so common percentiles need no histogram decoding. */
const SUMMARY_PERCENTILES: ReadonlyMap<number, keyof LatencySummary> = new Map<number, keyof LatencySummary>([
  [50, 'p50Us'],
  [90, 'p90Us'],
  [99, 'p99Us'],
  [99.9, 'p999Us'],
  [100, 'maxUs'],
]);

/**
 * The error rate of a run, as a fraction: the sum of every error kind's count (connect errors, transport
 * errors, ack timeouts, ... as `totals.errors` records them) divided by the operations that could fail:
 * Socket.IO events sent plus connect attempts. Undefined when there were no operations at all.
 */
export function errorRate(totals: RunTotals): number | undefined {
  const operations = totals.counters.eventsSent + totals.counters.connectAttempts;
  if (operations === 0) return undefined;
  return errorCount(totals) / operations;
}

/** The sum of every error kind's count. */
export function errorCount(totals: RunTotals): number {
  return Object.values(totals.errors).reduce((sum, error) => sum + error.count, 0);
}

function compare(actual: number, operator: ThresholdOperator, limit: number): boolean {
  switch (operator) {
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
    case '==':
      return actual === limit;
    case '!=':
      return actual !== limit;
  }
}

type Measured = { value: number } | { noSamples: string };

/** `part` as a percentage of `whole`, to 12 significant digits so that 3 of 1000 reads 0.3, not 0.30000000000000004. */
function percentOf(part: number, whole: number): number {
  return Number(((part / whole) * 100).toPrecision(12));
}

/** A percentile the summary does not carry: decoded from the run's encoded histogram. */
function percentileFromHistogram(encoded: string | undefined, percentile: number): number | undefined {
  if (encoded === undefined) return undefined;
  const histogram = hdr.decodeFromCompressedBase64(encoded);
  try {
    return histogram.getValueAtPercentile(percentile);
  } finally {
    histogram.destroy();
  }
}

function measureLatency(subject: Extract<ThresholdSubject, { kind: 'latency' }>, unit: ThresholdUnit, totals: RunTotals): Measured {
  const which = subject.corrected ? 'corrected' : 'uncorrected';
  const summary = totals.latency[subject.metric]?.[which];
  const { aggregation } = subject;
  if (aggregation.kind === 'count') return { value: summary?.count ?? 0 };
  if (summary === undefined || summary.count === 0) {
    // Say why, as far as the totals know: a delivering metric that nobody was expected to receive, or nothing at all.
    const delivery = totals.delivery[subject.metric];
    const why =
      delivery !== undefined && delivery.expected === 0
        ? `no receiver was expected to get a ${subject.metric} message`
        : 'nothing in the run produced one (its action did not run, or the run was too short for it)';
    return { noSamples: `no ${subject.metric} latency was recorded: ${why}` };
  }
  const usPerUnit = US_PER_TIME_UNIT[unit] ?? 1;
  switch (aggregation.kind) {
    case 'min':
      return { value: summary.minUs / usPerUnit };
    case 'max':
      return { value: summary.maxUs / usPerUnit };
    case 'mean':
      return { value: summary.meanUs / usPerUnit };
    case 'percentile': {
      const field = SUMMARY_PERCENTILES.get(aggregation.percentile);
      const valueUs =
        field !== undefined
          ? summary[field]
          : percentileFromHistogram(totals.histograms[subject.metric]?.[which], aggregation.percentile);
      if (valueUs === undefined) {
        return { noSamples: `p(${aggregation.percentile}) needs the ${subject.metric} histogram, which the result does not carry` };
      }
      return { value: valueUs / usPerUnit };
    }
  }
}

function measureDelivery(subject: Extract<ThresholdSubject, { kind: 'delivery' }>, unit: ThresholdUnit, totals: RunTotals): Measured {
  const metrics = subject.metric === 'all' ? Object.keys(totals.delivery) : [subject.metric];
  const present = metrics.map((metric) => totals.delivery[metric]).filter((counts): counts is DeliveryCounts => counts !== undefined);
  const expected = present.reduce((sum, counts) => sum + counts.expected, 0);
  if (expected === 0) {
    return { noSamples: `no ${subject.metric === 'all' ? metrics.join(' or ') || 'delivered' : subject.metric} messages were expected` };
  }
  const count = present.reduce((sum, counts) => sum + counts[subject.field], 0);
  return { value: unit === '%' ? percentOf(count, expected) : count };
}

function measure(threshold: Threshold, totals: RunTotals, durationMs: number): Measured {
  const { subject, unit } = threshold;
  const { counters } = totals;
  switch (subject.kind) {
    case 'latency':
      return measureLatency(subject, unit, totals);
    case 'errorRate': {
      const rate = errorRate(totals);
      if (rate === undefined) return { noSamples: 'no events were sent and no connections attempted' };
      return { value: unit === '%' ? Number((rate * 100).toPrecision(12)) : rate };
    }
    case 'errorCount':
      if (counters.eventsSent + counters.connectAttempts === 0) return { noSamples: 'no events were sent and no connections attempted' };
      return { value: errorCount(totals) };
    case 'delivery':
      return measureDelivery(subject, unit, totals);
    case 'counter': {
      const count = counters[subject.counter];
      const base = subject.counter === 'acksTimedOut' || subject.counter === 'droppedSlots' ? counters.eventsSent : counters.connectAttempts;
      if (base === 0) return { noSamples: subject.counter === 'acksTimedOut' || subject.counter === 'droppedSlots' ? 'no events were sent' : 'no connections were attempted' };
      return { value: unit === '%' ? percentOf(count, base) : count };
    }
    case 'throughput': {
      if (durationMs <= 0) return { noSamples: 'the run has no duration' };
      const events = subject.direction === 'send' ? counters.eventsSent : counters.eventsReceived;
      return { value: events / (durationMs / 1000) };
    }
    case 'peakConnections':
      if (counters.connectAttempts === 0) return { noSamples: 'no connections were attempted' };
      return { value: totals.peakConnections };
  }
}

/** How a value reads in a message: '12.345ms', '0.1%', '1500/s', '3'. */
function formatValue(value: number, unit: ThresholdUnit): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return unit === 'count' || unit === 'ratio' ? text : `${text}${unit}`;
}

/** The subject and aggregation part of an expression (everything before the operator). */
function describeSubject(threshold: Threshold): string {
  const operatorAt = threshold.expression.search(/[<>=!]/);
  return (operatorAt > 0 ? threshold.expression.slice(0, operatorAt) : threshold.expression).trim();
}

/** The part of an evaluation that a RunResult keeps (the message is rebuilt by each report in its own words). */
export function thresholdResultOf(evaluation: ThresholdEvaluation): ThresholdResult {
  const { expression, passed, actual, limit, unit } = evaluation;
  const result: ThresholdResult = { expression, passed, actual, limit, unit };
  if (evaluation.noSamplesReason !== undefined) result.noSamplesReason = evaluation.noSamplesReason;
  return result;
}

/**
 * Evaluates each threshold (text as in the scenario, or already parsed) on the run's totals. `durationMs` is the
 * measured run duration, used for throughput. Text that does not parse fails with the parse error as message
 * (scenarios are validated before a run, so this only happens to hand-made input).
 */
export function evaluateThresholds(
  thresholds: ReadonlyArray<string | Threshold>,
  totals: RunTotals,
  durationMs: number,
): ThresholdEvaluation[] {
  return thresholds.map((input): ThresholdEvaluation => {
    const parsed = typeof input === 'string' ? parseThreshold(input) : input;
    if (isThresholdParseError(parsed)) {
      return {
        expression: String(input),
        passed: false,
        actual: 0,
        limit: 0,
        unit: 'count',
        message: `does not parse at column ${parsed.column}: ${parsed.error}`,
        noSamples: true,
        noSamplesReason: `the threshold does not parse at column ${parsed.column}`,
      };
    }
    const measured = measure(parsed, totals, durationMs);
    const base = { expression: parsed.expression, limit: parsed.limit, unit: parsed.unit };
    if ('noSamples' in measured) {
      return { ...base, passed: false, actual: 0, message: `no samples: ${measured.noSamples}`, noSamples: true, noSamplesReason: measured.noSamples };
    }
    const passed = compare(measured.value, parsed.operator, parsed.limit);
    const limitText = `${parsed.operator} ${formatValue(parsed.limit, parsed.unit)}`;
    return {
      ...base,
      passed,
      actual: measured.value,
      message: `${describeSubject(parsed)} = ${formatValue(measured.value, parsed.unit)} (limit ${limitText})`,
      noSamples: false,
    };
  });
}
