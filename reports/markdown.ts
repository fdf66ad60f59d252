/**
 * A short Markdown summary of a run for CI step summaries and pull-request comments: the verdict and the
 * failed thresholds, the run's context, delivery and errors in a few lines, and one table of latencies.
 */
import { orderMetrics } from '../loadgen/metric-names.js';
import type { DeliveryCounts, RunResult } from '../loadgen/run-result.js';
import { sumDeliveryCounts } from '../loadgen/measure/tallies.js';
import { formatDurationMs, formatInteger, formatLatencyUs, formatPercent } from './format.js';
import { thresholdFailureMessage } from './junit.js';
import { runVerdictWords, thresholdOutcomeWords, thresholdState } from './threshold-state.js';
import { scheduleShortfall } from '../loadgen/schedule/schedule-shortfall.js';
import { describeShortfall } from './shortfall-text.js';

/**
 * `text` safe inline in Markdown: the characters that start emphasis, code, links, inline HTML or table cells
 * are backslash-escaped and line breaks become spaces (text here never starts a line, so block syntax is moot).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}

function sumDelivery(result: RunResult): DeliveryCounts | undefined {
  return sumDeliveryCounts(Object.values(result.totals.delivery).filter((counts) => counts !== undefined));
}

function verdictLines(result: RunResult): string[] {
  const unmet = result.thresholds.filter((threshold) => !threshold.passed);
  const { label, outcome } = runVerdictWords(result);
  const icon = result.verdict === 'passed' ? '✅' : result.status === 'interrupted' ? '⏹️' : '❌';
  const lines = [`### ${icon} sio-bench ${escapeMarkdown(result.scenario.name)}: ${label.toLowerCase()}`, ''];
  if (result.status === 'failed' && result.failure !== undefined) lines.push(`**Run failed**: ${escapeMarkdown(result.failure.message)}`, '');
  const sentence = escapeMarkdown(outcome.charAt(0).toUpperCase() + outcome.slice(1));
  const shortfall = result.status === 'completed' && result.verdict === 'passed' ? scheduleShortfall(result) : undefined;
  if (shortfall !== undefined) lines.push(`**Passed on less load than asked**: ${escapeMarkdown(describeShortfall(shortfall))}.`, '');
  lines.push(`${sentence}${unmet.length > 0 ? ':' : '.'}`);
  for (const threshold of unmet) lines.push(`- ${escapeMarkdown(threshold.expression)}: ${escapeMarkdown(thresholdFailureMessage(threshold))}`);
  const recovered = result.thresholds.filter((threshold) => thresholdState(threshold) === 'recovered');
  if (recovered.length > 0) {
    lines.push('');
    for (const threshold of recovered) lines.push(`- ${escapeMarkdown(threshold.expression)}: ${escapeMarkdown(thresholdOutcomeWords(threshold))}`);
  }
  return lines;
}

/** Renders the Markdown summary of `result` (ends with a newline). */
export function renderMarkdownSummary(result: RunResult): string {
  const lines = verdictLines(result);
  lines.push(
    '',
    `${escapeMarkdown(result.target.kind)} target ${escapeMarkdown(result.target.url)} · ${escapeMarkdown(result.client)} client · ` +
      `${escapeMarkdown(result.transport)} · ${formatDurationMs(result.durationMs)} · ` +
      `peak ${formatInteger(result.totals.peakConnections)} connections · ${escapeMarkdown(result.environment.toolVersion)} on Node ${escapeMarkdown(result.environment.nodeVersion)}`,
  );
  const delivery = sumDelivery(result);
  if (delivery !== undefined) {
    const lostShare = delivery.expected === 0 ? '' : ` (${formatPercent(delivery.lost / delivery.expected)})`;
    lines.push(
      '',
      `**Delivery**: ${formatInteger(delivery.expected)} expected, ${formatInteger(delivery.received)} received, ` +
        `${formatInteger(delivery.lost)} lost${lostShare}, ${formatInteger(delivery.inFlightAtStop)} in flight at stop, ` +
        `${formatInteger(delivery.undeliverable)} undeliverable, ${formatInteger(delivery.duplicated)} duplicated, ${formatInteger(delivery.outOfOrder)} out of order`,
    );
  }
  const errors = Object.entries(result.totals.errors).sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  lines.push(
    '',
    errors.length === 0
      ? '**Errors**: none'
      : `**Errors**: ${errors.map(([kind, error]) => `${escapeMarkdown(kind)} ${formatInteger(error.count)}`).join(', ')}`,
  );
  const metrics = orderMetrics(Object.keys(result.totals.latency)).filter((metric) => (result.totals.latency[metric]?.corrected.count ?? 0) > 0);
  if (metrics.length > 0) {
    lines.push('', '| metric | samples | p50 | p90 | p99 | p99.9 | max | p99 uncorrected |', '|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const metric of metrics) {
      const latency = result.totals.latency[metric];
      if (latency === undefined) continue;
      const { corrected, uncorrected } = latency;
      const values = [corrected.p50Us, corrected.p90Us, corrected.p99Us, corrected.p999Us, corrected.maxUs, uncorrected.p99Us].map(formatLatencyUs);
      lines.push(`| ${metric} | ${formatInteger(corrected.count)} | ${values.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
