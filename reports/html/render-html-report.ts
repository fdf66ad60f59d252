/**
 * The HTML report of a run: ONE self-contained file (uPlot, styles, script and data inline; no network) with
 * the verdict and context, charts of traffic, latency over time, latency distributions, fan-out completion and
 * the server beside the client, the tables, and the scenario text as it ran.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RunResult } from '../../loadgen/run-result.js';
import { formatInteger } from '../format.js';
import { buildReportData, DEFAULT_MAX_CHART_POINTS, type SparseMetric } from './chart-data.js';
import type { ChartSpec } from './chart-spec.js';
import { escapeHtml, jsonForScript, scriptForInline } from './html-escape.js';
import { CHART_SETUP_SCRIPT } from './chart-setup-script.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import {
  renderCountersTable,
  renderDeliveryTable,
  renderErrorTables,
  renderHeader,
  renderLatencyTable,
  renderPhaseTable,
  renderThresholdTable,
} from './report-tables.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Most points per time chart; longer runs are downsampled. Default DEFAULT_MAX_CHART_POINTS (600). */
  maxChartPoints?: number;
}

/** uPlot's browser script and stylesheet, as text to inline. */
export interface UplotAssets {
  script: string;
  style: string;
}

let uplotAssets: UplotAssets | undefined;

/** uPlot's minified browser build and stylesheet from node_modules, read once per process (the capacity report inlines them too). */
export function loadUplot(): UplotAssets {
  if (uplotAssets === undefined) {
    const require = createRequire(import.meta.url);
    uplotAssets = {
      script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
      style: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
    };
  }
  return uplotAssets;
}

function figure(chart: ChartSpec): string {
  const note = chart.note === undefined ? '' : `<small>${escapeHtml(chart.note)}</small>`;
  return `<figure><figcaption>${escapeHtml(chart.title)}${note}</figcaption><div class="chart" id="chart-${escapeHtml(chart.id)}"></div></figure>`;
}

function chartSection(title: string, charts: ChartSpec[], emptyText: string, intro = ''): string {
  const body = charts.length === 0 ? `<p class="muted">${escapeHtml(emptyText)}</p>` : `<div class="grid">${charts.map(figure).join('\n')}</div>`;
  return `<h2>${escapeHtml(title)}</h2>\n${intro}${body}`;
}

/** One line per metric measured in too few seconds for a chart over time: where its samples are instead. */
function sparseNote(sparse: readonly SparseMetric[]): string {
  if (sparse.length === 0) return '';
  const lines = sparse.map((entry) => {
    const when = entry.seconds === 1 ? `all in second ${entry.lastSec}` : `in ${entry.seconds} seconds, ${entry.firstSec}–${entry.lastSec} s`;
    return `<li id="sparse-${escapeHtml(entry.metric)}">${escapeHtml(entry.metric)}: ${formatInteger(entry.count)} samples ${when} since start, too few seconds for a chart over time; its distribution below shows every sample.</li>`;
  });
  return `<ul class="muted sparse">${lines.join('')}</ul>\n`;
}

/** Renders the report of `result` as one HTML document. */
export function renderHtmlReport(result: RunResult, options: HtmlReportOptions = {}): string {
  const data = buildReportData(result, options.maxChartPoints ?? DEFAULT_MAX_CHART_POINTS);
  const uplot = loadUplot();
  const of = (section: ChartSpec['section']): ChartSpec[] => data.charts.filter((chart) => chart.section === section);
  const downsampled =
    data.secondsPerPoint > 1
      ? `<p class="muted">Long run: each point of the time charts covers ${data.secondsPerPoint} s (rates averaged; latency shows the worst second).</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sio-bench ${escapeHtml(result.environment.toolVersion)}">
<title>sio-bench ${escapeHtml(result.scenario.name)}: ${result.verdict}</title>
<style>${uplot.style}</style>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
${renderHeader(result)}
<h2>Thresholds</h2>
${renderThresholdTable(result)}
${chartSection('Connections and throughput', of('traffic'), 'No interval data was recorded.', downsampled)}
<h2>Latency</h2>
${renderLatencyTable(result)}
<p class="muted">Corrected figures count from the intended send time of the schedule (coordinated omission corrected); uncorrected from the actual send time.</p>
${chartSection('Latency over time', of('latency'), data.sparseMetrics.length > 0 ? 'No metric was measured over enough seconds for a chart over time.' : 'No latency samples were recorded.', sparseNote(data.sparseMetrics))}
${chartSection('Latency distribution', of('distribution'), 'No latency histograms were recorded.')}
${chartSection('Fan-out completion', of('fanout'), 'No broadcasts were measured.')}
${chartSection('Server beside client', of('server'), 'Server metrics were not sampled in this run.')}
<h2>Delivery, counters and errors</h2>
<div class="tables">
<section><h3>delivery</h3>${renderDeliveryTable(result)}<h3>phases</h3>${renderPhaseTable(result)}</section>
<section><h3>client counters</h3>${renderCountersTable(result)}</section>
<section>${renderErrorTables(result)}</section>
</div>
<h2>Scenario as it ran</h2>
<pre class="scenario" id="scenario-text">${escapeHtml(result.scenario.text)}</pre>
</main>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${scriptForInline(uplot.script)}</script>
<script>${CHART_SETUP_SCRIPT}${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
