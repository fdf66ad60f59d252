/**
 * The capacity report as ONE self-contained HTML file: the answers (sustainable load, knee and its evidence,
 * fitted costs, projection), charts against load, and the step table. Styles and uPlot are the run report's,
 * imported from reports/html/, so both reports look alike.
 */
import type { CapacityResult } from '../../loadgen/capacity/capacity-result.js';
import { escapeHtml, jsonForScript, scriptForInline } from '../html/html-escape.js';
import { CHART_SETUP_SCRIPT } from '../html/chart-setup-script.js';
import { PAGE_STYLE } from '../html/page-style.js';
import { loadUplot } from '../html/render-html-report.js';
import { buildCapacityCharts, type CapacityChartSpec } from './capacity-chart-data.js';
import { buildCapacityFindings, type TextTable } from './capacity-findings.js';
import { CAPACITY_PAGE_SCRIPT } from './capacity-page-script.js';

function table(text: TextTable, id: string): string {
  const cell = (tag: 'th' | 'td', value: string, index: number): string =>
    `<${tag}${text.numeric[index] === true ? '' : ' class="text"'}>${escapeHtml(value)}</${tag}>`;
  return `<table id="${id}"><thead><tr>${text.header.map((value, index) => cell('th', value, index)).join('')}</tr></thead><tbody>${text.rows
    .map((row) => `<tr>${row.map((value, index) => cell('td', value, index)).join('')}</tr>`)
    .join('\n')}</tbody></table>`;
}

/**
 * The steps table turned on its side: one column per step, one row per figure and per objective. A step has
 * twelve figures plus one per objective, which overflow a page as columns; steps are few (five for a doubling
 * plan), so as columns they fit. The first two figures (step, load) head each column.
 */
function stepsTable(text: TextTable, id: string): string {
  const head = text.rows.map((row) => `<th>step ${escapeHtml(row[0] ?? '')}<br>${escapeHtml(row[1] ?? '')}</th>`).join('');
  const body = text.header.slice(2).map((label, offset) => {
    const field = offset + 2;
    const cells = text.rows
      .map((row) => {
        const value = row[field] ?? '';
        const classes = [...(text.numeric[field] === true ? [] : ['text']), ...(value.startsWith('FAIL') ? ['fail'] : [])];
        return `<td${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}>${escapeHtml(value)}</td>`;
      })
      .join('');
    return `<tr><th class="text" scope="row">${escapeHtml(label)}</th>${cells}</tr>`;
  });
  const corner = `<th class="text">${escapeHtml(text.header[1] ?? '')}</th>`;
  return `<table id="${id}"><thead><tr>${corner}${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}

function list(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
}

function figure(chart: CapacityChartSpec): string {
  const note = chart.note === undefined ? '' : `<small>${escapeHtml(chart.note)}</small>`;
  return `<figure><figcaption>${escapeHtml(chart.title)}${note}</figcaption><div class="chart" id="chart-${escapeHtml(chart.id)}"></div></figure>`;
}

/** Renders the capacity report of `result` as one HTML document. */
export function renderCapacityHtml(result: CapacityResult): string {
  const findings = buildCapacityFindings(result);
  const charts = buildCapacityCharts(result);
  const uplot = loadUplot();
  const projection = findings.projection;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sio-bench ${escapeHtml(result.environment.toolVersion)}">
<title>${escapeHtml(findings.title)}</title>
<style>${uplot.style}</style>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(findings.title)}</h1>
<p class="muted">${escapeHtml(findings.context)}</p>
<div class="verdict ${findings.sustainableFound ? 'passed' : 'failed'}" id="verdict"><strong id="sustainable">${escapeHtml(findings.sustainable)}</strong><ul><li>${escapeHtml(findings.stop)}</li></ul></div>
<h2>Knee</h2>
<p id="knee">${escapeHtml(findings.knee)}</p>
${list(findings.kneeEvidence)}
<h2>Costs fitted from the steps</h2>
${list(findings.costs)}
${
  projection === undefined
    ? '<p class="muted">No projection: give --target-clients, --target-rate and --target-room-size.</p>'
    : `<h2>Projection</h2>\n<p id="projection">${escapeHtml(projection.summary)}</p>\n${table(projection.table, 'projection-table')}\n<h3>Assumptions</h3>\n${list(projection.assumptions)}`
}
<h2>Charts</h2>
<div class="grid">${charts.map(figure).join('\n')}</div>
<h2>Steps</h2>
<div class="table-scroll">${stepsTable(findings.steps, 'steps')}</div>
${findings.warnings.length > 0 ? `<h3>Warnings</h3><div class="warnings">${list(findings.warnings)}</div>` : ''}
<h2>Scenario</h2>
<pre class="scenario" id="scenario-text">${escapeHtml(result.scenario.text)}</pre>
</main>
<script type="application/json" id="capacity-data">${jsonForScript(charts)}</script>
<script>${scriptForInline(uplot.script)}</script>
<script>${CHART_SETUP_SCRIPT}${CAPACITY_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
