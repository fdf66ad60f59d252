/**
 * The script of the capacity report page (browser JavaScript, as text): reads the embedded charts and hands each
 * to uPlot with the load on a numeric x axis. It computes nothing but tick labels.
 */
export const CAPACITY_PAGE_SCRIPT = String.raw `
(function () {
  'use strict';
  var charts = JSON.parse(document.getElementById('capacity-data').textContent);
  var UNIT_SUFFIX = { ms: ' ms', count: '', perSec: '/s', percent: '%', MiB: ' MiB' };
  function compact(v) {
    var a = Math.abs(v);
    if (a >= 1e9) return +(v / 1e9).toFixed(1) + 'G';
    if (a >= 1e6) return +(v / 1e6).toFixed(1) + 'M';
    if (a >= 1e3) return +(v / 1e3).toFixed(1) + 'k';
    return String(+v.toPrecision(3));
  }
  function value(v, unit) {
    if (v === null || v === undefined) return '-';
    return compact(v) + UNIT_SUFFIX[unit];
  }
  function zeroBased(u, min, max) {
    return [Math.min(0, min), max > 0 ? max * 1.08 : 1];
  }
  var plots = [];
  charts.forEach(function (spec) {
    var el = document.getElementById('chart-' + spec.id);
    var scales = { x: { time: false } };
    var axes = [{ label: spec.xLabel, values: function (u, splits) { return splits.map(compact); } }];
    spec.axes.forEach(function (axis, i) {
      scales['y' + i] = { range: zeroBased };
      axes.push({
        scale: 'y' + i,
        label: axis.label,
        side: i === 0 ? 3 : 1,
        grid: { show: i === 0 },
        size: 64,
        values: function (u, splits) { return splits.map(function (v) { return value(v, axis.unit); }); },
      });
    });
    var series = [{ label: spec.xLabel, value: function (u, v) { return v === null || v === undefined ? '-' : compact(v); } }];
    spec.series.forEach(function (s) {
      series.push({
        label: s.label,
        stroke: s.color,
        width: 1.5,
        scale: 'y' + s.axis,
        dash: s.dash ? [6, 4] : undefined,
        points: { show: true, size: 6 },
        value: function (u, v) { return value(v, spec.axes[s.axis].unit); },
      });
    });
    var plot = new uPlot({ width: Math.max(320, el.clientWidth), height: 260, scales: scales, axes: axes, series: series },
      [spec.x].concat(spec.series.map(function (s) { return s.values; })), el);
    el.setAttribute('data-drawn', 'true');
    plots.push({ plot: plot, el: el });
  });
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      plots.forEach(function (p) { p.plot.setSize({ width: Math.max(320, p.el.clientWidth), height: 260 }); });
    }, 100);
  });
})();
`;
//# sourceMappingURL=capacity-page-script.js.map