/**
 * The HTML report of a run: ONE self-contained file (uPlot, styles, script and data inline; no network) with
 * the verdict and context, charts of traffic, latency over time, latency distributions, fan-out completion and
 * the server beside the client, the tables, and the scenario text as it ran.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildReportData, DEFAULT_MAX_CHART_POINTS } from './chart-data.js';
import { escapeHtml, jsonForScript, scriptForInline } from './html-escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { renderCountersTable, renderDeliveryTable, renderErrorTables, renderHeader, renderLatencyTable, renderPhaseTable, renderThresholdTable, } from './report-tables.js';
let uplotAssets;
/** uPlot's minified browser build and stylesheet from node_modules, read once per process (the capacity report inlines them too). */
export function loadUplot() {
    if (uplotAssets === undefined) {
        const require = createRequire(import.meta.url);
        uplotAssets = {
            script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
            style: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
        };
    }
    return uplotAssets;
}
function figure(chart) {
    const note = chart.note === undefined ? '' : `<small>${escapeHtml(chart.note)}</small>`;
    return `<figure><figcaption>${escapeHtml(chart.title)}${note}</figcaption><div class="chart" id="chart-${escapeHtml(chart.id)}"></div></figure>`;
}
function chartSection(title, charts, emptyText, intro = '') {
    const body = charts.length === 0 ? `<p class="muted">${escapeHtml(emptyText)}</p>` : `<div class="grid">${charts.map(figure).join('\n')}</div>`;
    return `<h2>${escapeHtml(title)}</h2>\n${intro}${body}`;
}
/** Renders the report of `result` as one HTML document. */
export function renderHtmlReport(result, options = {}) {
    const data = buildReportData(result, options.maxChartPoints ?? DEFAULT_MAX_CHART_POINTS);
    const uplot = loadUplot();
    const of = (section) => data.charts.filter((chart) => chart.section === section);
    const downsampled = data.secondsPerPoint > 1
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
${chartSection('Latency over time', of('latency'), 'No latency samples were recorded.')}
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
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
//# sourceMappingURL=render-html-report.js.map