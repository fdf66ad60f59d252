/**
 * The script of the HTML report page (browser JavaScript, as text): it reads the embedded ReportData and
 * hands each chart to uPlot. It computes nothing but tick labels; it writes text with textContent only.
 */
export const PAGE_SCRIPT = String.raw `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var plots = [];
  var syncKey = 'sio-bench-time';

  function clock(sec) {
    var total = Math.round(sec);
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var mm = (h > 0 && m < 10 ? '0' : '') + m;
    return (h > 0 ? h + ':' : '') + mm + ':' + (s < 10 ? '0' : '') + s;
  }
  function percentile(x) {
    return Number((100 * (1 - 1 / x)).toFixed(5)) + '%';
  }
  function compact(v) {
    var a = Math.abs(v);
    if (a >= 1e9) return +(v / 1e9).toFixed(1) + 'G';
    if (a >= 1e6) return +(v / 1e6).toFixed(1) + 'M';
    if (a >= 1e3) return +(v / 1e3).toFixed(1) + 'k';
    return String(+v.toPrecision(3));
  }
  var UNIT_SUFFIX = { ms: ' ms', count: '', perSec: '/s', percent: '%', MiB: ' MiB' };
  function value(v, unit) {
    if (v === null || v === undefined) return '-';
    return compact(v) + UNIT_SUFFIX[unit];
  }
  function decades(u, axisIdx, min, max) {
    var splits = [];
    for (var p = 1; p <= max * 1.0001; p *= 10) if (p >= min / 1.0001) splits.push(p);
    return splits;
  }
  function zeroBased(u, min, max) {
    return [Math.min(0, min), max > 0 ? max * 1.08 : 1];
  }

  function build(spec) {
    var el = document.getElementById('chart-' + spec.id);
    var xs = spec.x === 'time' ? data.timeSec : spec.x;
    var isPercentile = spec.xKind === 'percentile';
    var scales = { x: isPercentile ? { time: false, distr: 3, log: 10 } : { time: false } };
    var axes = [{
      label: isPercentile ? 'percentile' : 'time since start',
      splits: isPercentile ? decades : undefined,
      values: function (u, splits) { return splits.map(function (v) { return isPercentile ? percentile(v) : clock(v); }); },
    }];
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
    var series = [{
      label: isPercentile ? 'percentile' : 'time',
      value: function (u, v) { return v === null || v === undefined ? '-' : isPercentile ? percentile(v) : clock(v); },
    }];
    spec.series.forEach(function (s) {
      series.push({
        label: s.label,
        stroke: s.color,
        width: 1.5,
        scale: 'y' + s.axis,
        dash: s.dash ? [6, 4] : undefined,
        // A sparse series (e.g. leave latency, measured in one or two seconds) has no line to draw: show its points.
        points: { show: s.values.filter(function (v) { return v !== null && v !== undefined; }).length < 30, size: 5 },
        value: function (u, v) { return value(v, spec.axes[s.axis].unit); },
      });
    });
    var opts = {
      width: Math.max(320, el.clientWidth),
      height: 240,
      scales: scales,
      axes: axes,
      series: series,
      cursor: isPercentile ? {} : { sync: { key: syncKey } },
    };
    var plot = new uPlot(opts, [xs].concat(spec.series.map(function (s) { return s.values; })), el);
    el.setAttribute('data-drawn', 'true');
    plots.push({ plot: plot, el: el });
  }

  data.charts.forEach(build);
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      plots.forEach(function (p) { p.plot.setSize({ width: Math.max(320, p.el.clientWidth), height: 240 }); });
    }, 100);
  });
})();
`;
//# sourceMappingURL=page-script.js.map