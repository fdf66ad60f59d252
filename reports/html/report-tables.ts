/**
 * The HTML of the report's header and tables: verdict, context, per-metric latency, delivery, counters,
 * errors, disconnect reasons, thresholds and phases. Every value from the result is escaped here.
 */
import type { RunResult } from '../../loadgen/run-result.js';
import { orderMetrics } from '../../loadgen/metric-names.js';
import { formatBytes, formatDurationMs, formatInteger, formatLatencyUs, formatPercent } from '../format.js';
import { formatThresholdFigure, thresholdFailureMessage } from '../junit.js';
import { breachWords, runVerdictWords, thresholdState, type ThresholdState } from '../threshold-state.js';
import { measuredMetrics } from './measured-metrics.js';
import { scheduleShortfall } from '../../loadgen/schedule/schedule-shortfall.js';
import { machineConditionsItems } from '../machine-conditions-text.js';
import { describeShortfall } from '../shortfall-text.js';
import { escapeHtml } from './html-escape.js';

/** A table: header cells, then rows of cells; cells are escaped text unless given as `{ html }`. */
type Cell = string | { html: string } | { text: string; className: string };

function renderCell(tag: 'td' | 'th', cell: Cell): string {
  if (typeof cell === 'string') return `<${tag}>${escapeHtml(cell)}</${tag}>`;
  if ('html' in cell) return `<${tag}>${cell.html}</${tag}>`;
  return `<${tag} class="${cell.className}">${escapeHtml(cell.text)}</${tag}>`;
}

function table(id: string, header: Cell[], rows: Cell[][]): string {
  const head = `<tr>${header.map((cell) => renderCell('th', cell)).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => renderCell('td', cell)).join('')}</tr>`).join('\n');
  return `<table id="${id}">\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function metaItem(label: string, value: string): string {
  return `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

/** The page header: title, verdict with the failed thresholds, and the run's context. */
export function renderHeader(result: RunResult): string {
  const unmet = result.thresholds.filter((threshold) => !threshold.passed);
  const reasons: string[] = [];
  if (result.status === 'failed' && result.failure !== undefined) reasons.push(`${result.failure.kind}: ${result.failure.message}`);
  for (const threshold of unmet) reasons.push(`${threshold.expression}: ${thresholdFailureMessage(threshold)}`);
  const shortfall = result.status === 'completed' && result.verdict === 'passed' ? scheduleShortfall(result) : undefined;
  if (shortfall !== undefined) reasons.push(`but ${describeShortfall(shortfall)} (exit code 4)`);
  const { label, outcome } = runVerdictWords(result);
  const verdictClass = result.status === 'interrupted' ? 'interrupted' : result.verdict;
  const env = result.environment;
  const items = [
    metaItem('scenario', `${result.scenario.name} (${result.scenario.file})`),
    metaItem('target', `${result.target.kind} ${result.target.url}`),
    metaItem('client', result.client),
    metaItem('transport', result.transport),
    metaItem('duration', formatDurationMs(result.durationMs)),
    metaItem('status', result.status),
    metaItem('started', result.startedAt),
    metaItem('ended', result.endedAt),
    metaItem('peak connections', formatInteger(result.totals.peakConnections)),
    metaItem('sio-bench', env.toolVersion),
    metaItem('node', env.nodeVersion),
    metaItem('platform', `${env.platform} ${env.arch}`),
    metaItem('cpu', `${env.cpuCount} × ${env.cpuModel}`),
    metaItem('memory', formatBytes(env.totalMemoryBytes)),
    metaItem('host', env.hostname),
    ...(env.gitCommit === undefined ? [] : [metaItem('git commit', env.gitCommit)]),
    ...(env.serverVersion === undefined ? [] : [metaItem('server', env.serverVersion)]),
    ...(result.scenario.overrides.length === 0 ? [] : [metaItem('overrides', result.scenario.overrides.join(' '))]),
    ...(result.conditions === undefined ? [] : [metaItem('machine', machineConditionsItems(result.conditions).join(' · '))]),
  ];
  const warnings =
    result.warnings.length === 0
      ? ''
      : `<ul class="warnings">${result.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join('')}</ul>`;
  return [
    `<h1>sio-bench: ${escapeHtml(result.scenario.name)}</h1>`,
    `<div class="verdict ${verdictClass}" id="verdict"><strong>${label}</strong> ${escapeHtml(outcome)}`,
    reasons.length === 0 ? '' : `<ul>${reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>`,
    '</div>',
    `<dl class="meta">${items.join('')}</dl>`,
    warnings,
  ].join('\n');
}

/** Per-metric latency: corrected percentiles with the uncorrected p99 and max beside them. */
export function renderLatencyTable(result: RunResult): string {
  const rows: Cell[][] = [];
  for (const metric of measuredMetrics(result)) {
    const latency = result.totals.latency[metric];
    if (latency === undefined) continue;
    const { corrected, uncorrected } = latency;
    rows.push([
      metric,
      formatInteger(corrected.count),
      ...[corrected.minUs, corrected.meanUs, corrected.p50Us, corrected.p90Us, corrected.p99Us, corrected.p999Us, corrected.maxUs].map(formatLatencyUs),
      { text: formatLatencyUs(uncorrected.p99Us), className: 'muted' },
      { text: formatLatencyUs(uncorrected.maxUs), className: 'muted' },
    ]);
  }
  return table('latency-table', ['metric', 'samples', 'min', 'mean', 'p50', 'p90', 'p99', 'p99.9', 'max', 'p99 uncorr.', 'max uncorr.'], rows);
}

/** Delivery accounting of each delivering metric. */
export function renderDeliveryTable(result: RunResult): string {
  const rows: Cell[][] = [];
  for (const metric of orderMetrics(Object.keys(result.totals.delivery))) {
    const counts = result.totals.delivery[metric];
    if (counts === undefined) continue;
    const lostShare = counts.expected === 0 ? '' : ` (${formatPercent(counts.lost / counts.expected)})`;
    rows.push([
      metric,
      formatInteger(counts.expected),
      formatInteger(counts.received),
      { text: `${formatInteger(counts.lost)}${lostShare}`, className: counts.lost > 0 ? 'fail' : 'pass' },
      formatInteger(counts.inFlightAtStop ?? 0),
      formatInteger(counts.undeliverable ?? 0),
      formatInteger(counts.duplicated),
      formatInteger(counts.outOfOrder),
      formatInteger(counts.unexpected),
    ]);
  }
  if (rows.length === 0) return '<p class="muted">No delivering actions (direct, broadcast) ran.</p>';
  return table('delivery-table', ['metric', 'expected', 'received', 'lost', 'in flight at stop', 'undeliverable', 'duplicated', 'out of order', 'unexpected'], rows);
}

/** The client counters of the whole run. */
export function renderCountersTable(result: RunResult): string {
  const c = result.totals.counters;
  const rows: Cell[][] = [
    ['events sent', formatInteger(c.eventsSent)],
    ['events received', formatInteger(c.eventsReceived)],
    ['acks timed out', formatInteger(c.acksTimedOut)],
    ['dropped schedule slots', formatInteger(c.droppedSlots)],
    ['connect attempts', formatInteger(c.connectAttempts)],
    ['connect successes', formatInteger(c.connectSuccesses)],
    ['connect failures', formatInteger(c.connectFailures)],
    ['disconnects', formatInteger(c.disconnects)],
    ['reconnects', formatInteger(c.reconnects)],
    ['bytes sent', formatBytes(c.bytesSent)],
    ['bytes received', formatBytes(c.bytesReceived)],
  ];
  return table('counters-table', ['counter', 'total'], rows);
}

/** Errors by kind with the latest message, and disconnect reasons. */
export function renderErrorTables(result: RunResult): string {
  const errors = Object.entries(result.totals.errors).sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const reasons = Object.entries(result.totals.disconnectReasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    '<h3>errors by kind</h3>',
    errors.length === 0
      ? '<p class="pass" id="errors-table">No errors.</p>'
      : table('errors-table', ['kind', 'count', { text: 'latest message', className: 'text' }], errors.map(([kind, error]) => [kind, formatInteger(error.count), { text: error.lastMessage, className: 'text' }])),
    '<h3>disconnect reasons</h3>',
    reasons.length === 0
      ? '<p class="muted" id="disconnects-table">No disconnects.</p>'
      : table('disconnects-table', ['reason', 'count'], reasons.map(([reason, count]) => [reason, formatInteger(count)])),
  ].join('\n');
}

/** How each threshold state reads in the table's first column, and its class (colour). */
const STATE_CELLS: Readonly<Record<ThresholdState, { text: string; className: string }>> = {
  held: { text: '✓ pass', className: 'pass' },
  recovered: { text: '↺ recovered', className: 'recovered' },
  failed: { text: '✗ fail', className: 'fail' },
  noSamples: { text: '? no samples', className: 'fail' },
};

/** Each threshold with its state, actual figure (none without samples), limit, and when it was breached. */
export function renderThresholdTable(result: RunResult): string {
  if (result.thresholds.length === 0) return '<p class="muted" id="thresholds-table">The scenario set no thresholds.</p>';
  return table(
    'thresholds-table',
    ['', { text: 'threshold', className: 'text' }, 'actual', 'limit', { text: 'breaches', className: 'text' }],
    result.thresholds.map((threshold) => [
      STATE_CELLS[thresholdState(threshold)],
      { text: threshold.expression, className: 'text' },
      threshold.noSamplesReason === undefined ? formatThresholdFigure(threshold.actual, threshold.unit) : '-',
      formatThresholdFigure(threshold.limit, threshold.unit),
      { text: threshold.noSamplesReason === undefined ? (breachWords(threshold) ?? '-') : `no samples: ${threshold.noSamplesReason}`, className: 'text' },
    ]),
  );
}

/** The phases as they ran. */
export function renderPhaseTable(result: RunResult): string {
  return table(
    'phases-table',
    ['phase', 'start', 'duration', 'status'],
    result.phases.map((phase) => [phase.name, formatDurationMs(phase.startMs), formatDurationMs(phase.durationMs), phase.status]),
  );
}
