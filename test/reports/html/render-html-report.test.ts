import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReportData, phaseMarkers } from '../../../reports/html/chart-data.js';
import { renderHtmlReport } from '../../../reports/html/render-html-report.js';
import { formatLatencyUs } from '../../../reports/format.js';
import { makeRunResult, stretchRunResult } from '../../fixtures/make-run-result.js';
import { hostileResult } from './hostile-result.js';

const result = makeRunResult();

test('the report is one file: no external scripts, styles, images or fetches', () => {
  const html = renderHtmlReport(result);
  assert.doesNotMatch(html, /<link\b/i);
  assert.doesNotMatch(html, /<(script|img|iframe)\b[^>]*\bsrc=/i);
  assert.doesNotMatch(html, /@import|url\(\s*['"]?https?:/i);
  assert.equal((html.match(/<script\b/g) ?? []).length, 3, 'data, uPlot and the page script');
  assert.match(html, /uPlot/);
});

test('the header names the verdict, the failed threshold and the context', () => {
  const html = renderHtmlReport(result);
  assert.match(html, /<div class="verdict failed" id="verdict"><strong>FAILED<\/strong> completed in [^;<]+; 1 of 3 thresholds failed/);
  assert.match(html, /<li>broadcast\.latency p\(99\) &lt; 15ms: actual 17\.15 ms, limit 15 ms \(breached since 50s\)<\/li>/);
  for (const item of ['<dt>target</dt><dd>builtin http://127.0.0.1:40123</dd>', '<dt>client</dt><dd>lean</dd>', '<dt>transport</dt><dd>websocket</dd>', '<dt>duration</dt><dd>1m00s</dd>', '<dt>cpu</dt><dd>2 × AMD EPYC 7B13</dd>']) {
    assert.ok(html.includes(item), item);
  }
  const broadcast = result.totals.latency.broadcast;
  assert.ok(broadcast !== undefined);
  assert.ok(html.includes(`<td>broadcast</td><td>24,000</td><td>${formatLatencyUs(broadcast.corrected.minUs)}</td>`));
  assert.ok(html.includes('<td>connect_error</td><td>3</td><td class="text">connect_error: websocket error &lt;ECONNRESET&gt;</td>'));
  assert.ok(html.includes('<td>io server disconnect</td><td>2</td>'));
});

test('every chart the data describes has its container, and the expected charts are there', () => {
  const data = buildReportData(result);
  const ids = data.charts.map((chart) => chart.id);
  assert.deepEqual(ids, [
    'connections',
    'rates',
    'latency-connect',
    'latency-join',
    'latency-echo',
    'latency-direct',
    'latency-broadcast',
    'fanout',
    'distribution-connect',
    'distribution-join',
    'distribution-echo',
    'distribution-direct',
    'distribution-broadcast',
    'distribution-fanoutCompletion',
    'server-cpu',
    'server-memory',
    'server-loop',
  ]);
  const html = renderHtmlReport(result);
  for (const id of ids) assert.ok(html.includes(`<div class="chart" id="chart-${id}"></div>`), id);
  for (const chart of data.charts) {
    const length = chart.x === 'time' ? data.timeSec.length : chart.x.length;
    for (const series of chart.series) assert.equal(series.values.length, length, `${chart.id} ${series.label}`);
  }
});

test('without server samples the server section says so instead of drawing empty charts', () => {
  const html = renderHtmlReport({ ...result, server: [] });
  assert.match(html, /<h2>Server beside client<\/h2>\n<p class="muted">Server metrics were not sampled in this run\.<\/p>/);
  assert.doesNotMatch(html, /id="chart-server-/);
});

test('nothing from the result reaches the page as markup', () => {
  const hostile = hostileResult();
  const html = renderHtmlReport(hostile);
  assert.doesNotMatch(html, /<img src=x/i);
  assert.doesNotMatch(html, /<script>window\.pwned/);
  assert.equal((html.match(/<script\b/g) ?? []).length, 3);
  assert.equal((html.match(/<\/script>/g) ?? []).length, 3);
  assert.ok(html.includes('<pre class="scenario" id="scenario-text"># &lt;/pre&gt;&lt;/script&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt;'));
  assert.ok(html.includes('<title>sio-bench &lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;: failed</title>'));
});

test('a one-hour run stays within a few hundred KB', () => {
  const hour = stretchRunResult(result, 3600);
  const html = renderHtmlReport(hour);
  const data = buildReportData(hour);
  assert.equal(data.timeSec.length, 600);
  assert.equal(data.secondsPerPoint, 6);
  assert.equal(data.timeSec.at(-1), 3600);
  assert.match(html, /each point of the time charts covers 6 s/);
  const sizeBytes = Buffer.byteLength(html);
  assert.ok(sizeBytes < 400 * 1024, `one-hour report is ${sizeBytes} bytes`);
});

test('time charts carry the phase boundaries, and the drain after the last phase when the series runs past it', () => {
  assert.deepEqual(phaseMarkers(result), [
    { x: 0, label: 'ramp-up' },
    { x: 6, label: 'steady' },
    { x: 48, label: 'spike' },
  ]);
  const short = { ...result, phases: result.phases.map((phase) => (phase.name === 'spike' ? { ...phase, durationMs: 9_000 } : phase)) };
  assert.deepEqual(phaseMarkers(short).slice(-2), [
    { x: 48, label: 'spike' },
    { x: 57, label: 'drain' },
  ]);
  assert.deepEqual(buildReportData(result).phaseMarkers, phaseMarkers(result));
});

test('a metric measured in fewer than 5 seconds gets a line, not a chart over time', () => {
  // Leaves in seconds 58 and 59 only, 40 and 2 of them.
  const leave = (count: number) => ({ corrected: { count, minUs: 1, meanUs: 1, p50Us: 1, p90Us: 1, p99Us: 1, p999Us: 1, maxUs: 1 }, uncorrected: { count, minUs: 1, meanUs: 1, p50Us: 1, p90Us: 1, p99Us: 1, p999Us: 1, maxUs: 1 } });
  const withLeaves = structuredClone(result);
  withLeaves.totals.latency.leave = leave(42);
  withLeaves.series[57]!.latency.leave = leave(40);
  withLeaves.series[58]!.latency.leave = leave(2);
  const data = buildReportData(withLeaves);
  assert.deepEqual(data.sparseMetrics, [{ metric: 'leave', count: 42, seconds: 2, firstSec: 58, lastSec: 59 }]);
  assert.equal(data.charts.some((chart) => chart.id === 'latency-leave'), false);
  assert.ok(data.charts.some((chart) => chart.id === 'latency-broadcast'));
  assert.ok(
    renderHtmlReport(withLeaves).includes(
      '<li id="sparse-leave">leave: 42 samples in 2 seconds, 58–59 s since start, too few seconds for a chart over time; its distribution below shows every sample.</li>',
    ),
  );
});
