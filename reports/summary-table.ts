/**
 * The text summary printed at the end of `sio-bench run`: the verdict first, then latency per metric (corrected,
 * with the uncorrected p99 beside it), delivery accounting, errors, thresholds, connections, throughput and the
 * server's own figures. Pure: a RunResult in, a string out (no ANSI, so it reads the same in a CI log).
 */
import { orderMetrics } from '../loadgen/metric-names.js';
import type { LatencySummary, RunResult, ServerSample, ThresholdResult } from '../loadgen/run-result.js';
import { scheduleShortfall } from '../loadgen/schedule/schedule-shortfall.js';
import { describeShortfall } from './shortfall-text.js';
import { machineConditionsItems } from './machine-conditions-text.js';
import {
  formatBytes,
  formatCompact,
  formatInteger,
  formatLatencyMs,
  formatLatencyUs,
  formatSignificant,
} from './format.js';
import { fitLine, layoutColumns, wrapItems, wrapText, wrapWords } from './text-layout.js';
import { breachWords, measuredNothing, runVerdictWords, THRESHOLD_STATE_LABELS, thresholdState } from './threshold-state.js';

export interface SummaryTableOptions {
  /** Longest line, in characters; longer lines (long error messages) are cut with '…'. Default 100. */
  width?: number;
}


/** Renders the end-of-run summary of `result`, lines joined with '\n' and ending with one. */
export function renderSummaryTable(result: RunResult, options: SummaryTableOptions = {}): string {
  const width = options.width ?? 100;
  // A run that measured nothing has no figures to show: the failure and what to check are the whole summary.
  if (result.status === 'failed' && measuredNothing(result)) return `${renderHeader(result, width).map((line) => fitLine(line, width)).join('\n')}\n`;
  const sections: string[][] = [
    renderHeader(result, width),
    renderLatency(result),
    renderDelivery(result),
    renderErrors(result),
    renderThresholds(result.thresholds, width),
    renderTotals(result, width),
    renderWarnings(result.warnings, width),
  ].filter((lines) => lines.length > 0);
  const lines = sections.flatMap((section, index) => (index === 0 ? section : ['', ...section]));
  return `${lines.map((line) => fitLine(line, width)).join('\n')}\n`;
}

function renderHeader(result: RunResult, width: number): string[] {
  const { label, outcome } = runVerdictWords(result);
  const lines = wrapText(`${label}  ${result.scenario.name}: ${outcome}`, width, '');
  if (result.failure !== undefined && result.status !== 'interrupted') lines.push(`  ${result.failure.kind}: ${result.failure.message}`);
  if (result.status === 'failed' && measuredNothing(result)) lines.push(...wrapText(`check: ${whatToCheck(result)}`, width, '  '));
  const shortfall = result.status === 'completed' && result.verdict === 'passed' ? scheduleShortfall(result) : undefined;
  if (shortfall !== undefined) {
    lines.push(...wrapWords(`  but ${describeShortfall(shortfall)} (exit code 4; a slots.dropped threshold sets how many are acceptable)`, width, '  '));
  }
  const environment = result.environment;
  const targetUrl = result.target.url === '' ? '(not started)' : result.target.url;
  lines.push(
    ...wrapItems('target', [`${result.target.kind} ${targetUrl}`, `client ${result.client}`, `transport ${result.transport}`], width),
    ...wrapItems(
      'measured on',
      [`sio-bench ${environment.toolVersion}`, `Node ${environment.nodeVersion}`, `${environment.cpuCount} x ${environment.cpuModel}`],
      width,
    ),
  );
  if (result.conditions !== undefined) lines.push(...wrapItems('machine', machineConditionsItems(result.conditions), width));
  return lines;
}

/** What a user checks when a run measured nothing: for a URL target, the server, the URL and path, the protocol. */
function whatToCheck(result: RunResult): string {
  if (result.target.kind === 'builtin') return "the built-in server's messages above, and that this machine can run it (ports, memory)";
  const effective = result.scenario.effective;
  const scenarioPath = typeof effective === 'object' && effective !== null && 'path' in effective && typeof effective.path === 'string' ? effective.path : '/socket.io/';
  return (
    `is the server up and listening at ${result.target.url || 'the target URL'}? are the URL (scheme, host, port) and the Socket.IO path ` +
    `right (the scenario's path: ${scenarioPath})? is it a Socket.IO server (v3 or later, which speaks Engine.IO v4)?`
  );
}

function renderLatency(result: RunResult): string[] {
  const rows: string[][] = [];
  for (const metric of orderMetrics(Object.keys(result.totals.latency))) {
    const latency = result.totals.latency[metric];
    if (latency === undefined) continue;
    const c = latency.corrected;
    rows.push([
      metric,
      formatInteger(c.count),
      ...[c.p50Us, c.p90Us, c.p99Us, c.p999Us, c.maxUs].map((us) => latencyCell(c, us)),
      latencyCell(latency.uncorrected, latency.uncorrected.p99Us),
    ]);
  }
  if (rows.length === 0) return [];
  return [
    'latency (corrected for coordinated omission; uncorrected p99 beside)',
    ...layoutColumns(['metric', 'count', 'p50', 'p90', 'p99', 'p99.9', 'max', 'p99 uncorr.'], rows, [false, true, true, true, true, true, true, true]),
  ];
}

/** An empty histogram has no percentiles: show '-', not a misleading 0µs. */
function latencyCell(summary: LatencySummary, latencyUs: number): string {
  return summary.count === 0 ? '-' : formatLatencyUs(latencyUs);
}

function renderDelivery(result: RunResult): string[] {
  const rows: string[][] = [];
  for (const metric of orderMetrics(Object.keys(result.totals.delivery))) {
    const counts = result.totals.delivery[metric];
    if (counts === undefined) continue;
    const causes = [counts.inFlightAtStop ?? 0, counts.undeliverable ?? 0];
    rows.push([metric, ...[counts.expected, counts.received, counts.lost, ...causes, counts.duplicated, counts.outOfOrder, counts.unexpected].map(formatInteger)]);
  }
  if (rows.length === 0) return [];
  return [
    'delivery',
    ...layoutColumns(
      ['metric', 'expected', 'received', 'lost', 'in flight', 'undeliverable', 'duplicated', 'reordered', 'unexpected'],
      rows,
      [false, true, true, true, true, true, true, true, true],
    ),
    'lost: never arrived, though it had its drain · in flight: still in flight when the run was stopped',
    "undeliverable: in flight when the receiver's (or, reaching no one, the sender's) connection closed",
  ];
}

function renderErrors(result: RunResult): string[] {
  const entries = Object.entries(result.totals.errors).sort(([kindA, a], [kindB, b]) => b.count - a.count || kindA.localeCompare(kindB));
  if (entries.length === 0) return ['errors: none'];
  const rows = entries.map(([kind, error]) => [kind, formatInteger(error.count), error.lastMessage]);
  return ['errors', ...layoutColumns(['kind', 'count', 'latest message'], rows, [false, true, false])];
}

function renderThresholds(thresholds: readonly ThresholdResult[], width: number): string[] {
  if (thresholds.length === 0) return [];
  const breaches = thresholds.map(breachWords);
  const anyBreach = breaches.some((words) => words !== undefined);
  const rows = thresholds.map((threshold, index) => {
    const noSamples = threshold.noSamplesReason !== undefined;
    const row = [
      THRESHOLD_STATE_LABELS[thresholdState(threshold)],
      threshold.expression,
      // Nothing was measured: a 0 here would read as a measurement.
      noSamples ? '-' : formatThresholdValue(threshold.actual, threshold.unit),
      formatThresholdValue(threshold.limit, threshold.unit),
    ];
    if (anyBreach) row.push(breaches[index] ?? '');
    return row;
  });
  const header = ['', 'expression', 'actual', 'limit', ...(anyBreach ? ['breaches'] : [])];
  const notes = thresholds
    .filter((threshold) => threshold.noSamplesReason !== undefined)
    .flatMap((threshold) => wrapText(`no samples for ${threshold.expression}: ${threshold.noSamplesReason ?? ''}`, width, ''));
  return ['thresholds', ...layoutColumns(header, rows, [false, false, true, true, false]), ...notes];
}

/** A threshold's value in its own unit: 'ms' as a latency, '%' and 'count' as such, anything else with its unit. */
function formatThresholdValue(value: number, unit: string): string {
  switch (unit) {
    case 'ms':
      return formatLatencyMs(value);
    case 'us':
    case 'µs':
      return formatLatencyUs(value);
    case '%':
      return `${formatSignificant(value)}%`;
    case 'count':
    case '':
      return Number.isInteger(value) ? formatInteger(value) : formatSignificant(value);
    default:
      return `${formatSignificant(value)} ${unit}`;
  }
}

function renderTotals(result: RunResult, width: number): string[] {
  const counters = result.totals.counters;
  const seconds = result.durationMs / 1000;
  const perSecond = (count: number): string => (seconds > 0 ? ` (${formatCompact(count / seconds)}/s)` : '');
  const reasons = Object.entries(result.totals.disconnectReasons)
    .sort(([reasonA, a], [reasonB, b]) => b - a || reasonA.localeCompare(reasonB))
    .map(([reason, count]) => `${reason} ${formatInteger(count)}`);
  return [
    ...wrapItems(
      'connections',
      [
        `peak ${formatInteger(result.totals.peakConnections)}`,
        `attempts ${formatInteger(counters.connectAttempts)}`,
        `failed ${formatInteger(counters.connectFailures)}`,
        `disconnects ${formatInteger(counters.disconnects)}` + (reasons.length > 0 ? ` (${reasons.join(', ')})` : ''),
        `reconnects ${formatInteger(counters.reconnects)}`,
      ],
      width,
    ),
    ...wrapItems(
      'throughput',
      [
        `sent ${formatInteger(counters.eventsSent)}${perSecond(counters.eventsSent)}`,
        `received ${formatInteger(counters.eventsReceived)}${perSecond(counters.eventsReceived)}`,
        `${formatBytes(counters.bytesSent)} out`,
        `${formatBytes(counters.bytesReceived)} in`,
      ],
      width,
    ),
    ...wrapItems('schedule', [`dropped slots ${formatInteger(counters.droppedSlots)}`, `acks timed out ${formatInteger(counters.acksTimedOut)}`], width),
    ...renderServer(result.server, width),
  ];
}

/** Peaks of the server's own samples ('total' rows when the server reports several processes). */
function renderServer(samples: readonly ServerSample[], width: number): string[] {
  const totals = samples.some((sample) => sample.process === 'total') ? samples.filter((sample) => sample.process === 'total') : samples;
  if (totals.length === 0) return [];
  const peak = (pick: (sample: ServerSample) => number): number => Math.max(...totals.map(pick));
  return wrapItems(
    'server',
    [
      `cpu peak ${formatSignificant(peak((s) => s.cpuPercent))}%`,
      `rss peak ${formatBytes(peak((s) => s.rssBytes))}`,
      `event loop delay p99 peak ${formatLatencyUs(peak((s) => s.eventLoopDelayP99Us))}`,
      `clients peak ${formatInteger(peak((s) => s.connectedClients))}`,
    ],
    width,
  );
}

/** Prefix of a warning's first line; its continuation lines are indented past it. */
const WARNING_PREFIX = 'warning: ';

/** Each warning whole, wrapped at word boundaries: its remedy is at its end, so cutting it would lose the remedy. */
function renderWarnings(warnings: readonly string[], width: number): string[] {
  return warnings.flatMap((warning) => wrapWords(`${WARNING_PREFIX}${warning}`, width, ' '.repeat(WARNING_PREFIX.length)));
}
