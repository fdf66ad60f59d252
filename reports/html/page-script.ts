/**
 * The script of the HTML report page (browser JavaScript, as text, after CHART_SETUP_SCRIPT): it reads the
 * embedded ReportData and draws each chart with sioCharts, time charts with the phase boundaries and one
 * shared cursor. It computes nothing but tick labels.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function percentile(x) {
    return Number((100 * (1 - 1 / x)).toFixed(5)) + '%';
  }
  function decades(u, axisIdx, min, max) {
    var splits = [];
    for (var p = 1; p <= max * 1.0001; p *= 10) if (p >= min / 1.0001) splits.push(p);
    return splits;
  }

  data.charts.forEach(function (spec) {
    var el = document.getElementById('chart-' + spec.id);
    var isPercentile = spec.xKind === 'percentile';
    sioCharts.draw(el, spec, spec.x === 'time' ? data.timeSec : spec.x, isPercentile
      ? { height: 240, xLabel: 'percentile', xScale: { time: false, distr: 3, log: 10 }, xSplits: decades, xFormat: percentile, xIdle: 'max', points: 'sparse' }
      : { height: 240, xLabel: 'time since start', xScale: { time: false }, xFormat: sioCharts.clock, xIdle: 'latest', points: 'sparse', sync: 'sio-bench-time', markers: data.phaseMarkers });
  });
})();
`;
