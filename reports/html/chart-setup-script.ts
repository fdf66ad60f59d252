/**
 * The uPlot set-up shared by the run report's and the capacity report's pages (browser JavaScript, as text,
 * inlined before each page's own script): tick and legend formatting by axis unit, y axes from zero, the series
 * styles, a legend that shows each series' latest value while the cursor is off the chart (uPlot shows "-"),
 * vertical markers with names (the phase boundaries on time charts), and redrawing on resize. It defines one
 * global, `sioCharts`; it computes nothing but labels and writes text with textContent (or canvas) only.
 */
export const CHART_SETUP_SCRIPT = String.raw`
var sioCharts = (function () {
  'use strict';
  var UNIT_SUFFIX = { ms: ' ms', count: '', perSec: '/s', percent: '%', MiB: ' MiB' };
  var drawn = [];

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
  function clock(sec) {
    var total = Math.round(sec);
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var mm = (h > 0 && m < 10 ? '0' : '') + m;
    return (h > 0 ? h + ':' : '') + mm + ':' + (s < 10 ? '0' : '') + s;
  }
  function zeroBased(u, min, max) {
    return [Math.min(0, min), max > 0 ? max * 1.08 : 1];
  }
  function lastDefined(values) {
    for (var i = values.length - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return values[i];
    return null;
  }
  function definedCount(values) {
    return values.filter(function (v) { return v !== null && v !== undefined; }).length;
  }

  // Vertical lines at markers[i].x with markers[i].label beside them at the top, drawn over the plot.
  // Markers must be in ascending x.
  function markerPlugin(markers) {
    return {
      hooks: {
        draw: function (u) {
          var ctx = u.ctx, ratio = window.devicePixelRatio || 1;
          var top = u.bbox.top, bottom = u.bbox.top + u.bbox.height, left = u.bbox.left, right = u.bbox.left + u.bbox.width;
          ctx.save();
          ctx.font = (11 * ratio) + 'px system-ui, sans-serif';
          ctx.textBaseline = 'top';
          ctx.textAlign = 'left';
          // A phase that began before the first point (the first phase, at 0 s) is named at the left edge.
          var shown = [];
          markers.forEach(function (marker) {
            var x = Math.round(u.valToPos(marker.x, 'x', true));
            if (x > right + 1) return;
            if (x < left) {
              shown = [{ x: left, label: marker.label }];
              return;
            }
            shown.push({ x: x, label: marker.label });
          });
          // A label that would run into the one before it (phases seconds apart) goes one row lower.
          var rowEnds = [];
          shown.forEach(function (marker) {
            var x = marker.x;
            var width = ctx.measureText(marker.label).width;
            var row = 0;
            while (rowEnds[row] !== undefined && rowEnds[row] > x + 4 * ratio) row++;
            rowEnds[row] = x + 4 * ratio + width + 6 * ratio;
            if (x > left + 1) {
              ctx.strokeStyle = 'rgba(95, 107, 122, 0.7)';
              ctx.lineWidth = ratio;
              ctx.setLineDash([3 * ratio, 3 * ratio]);
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, bottom);
              ctx.stroke();
            }
            ctx.setLineDash([]);
            ctx.fillStyle = '#5f6b7a';
            ctx.fillText(marker.label, x + 4 * ratio, top + (2 + 13 * row) * ratio);
          });
          ctx.restore();
        },
      },
    };
  }

  /**
   * Draws one chart into el. spec: { axes: [{label, unit}], series: [{label, color, axis, dash, values}] };
   * x: the x values; how: { height, xLabel, xScale, xSplits, xFormat(v), xIdle (the x legend off the chart),
   * points ('always' or 'sparse': only for a series with fewer than 30 values), sync (a cursor sync key),
   * markers ([{x, label}]) }.
   */
  function draw(el, spec, x, how) {
    var axes = [{ label: how.xLabel, splits: how.xSplits, values: function (u, splits) { return splits.map(how.xFormat); } }];
    var scales = { x: how.xScale };
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
      label: how.xLabel,
      value: function (u, v, sidx, idx) { return idx === null || idx === undefined ? how.xIdle : v === null || v === undefined ? '-' : how.xFormat(v); },
    }];
    spec.series.forEach(function (s) {
      var latest = lastDefined(s.values);
      var unit = spec.axes[s.axis].unit;
      series.push({
        label: s.label,
        stroke: s.color,
        width: 1.5,
        scale: 'y' + s.axis,
        dash: s.dash ? [6, 4] : undefined,
        points: { show: how.points === 'always' || definedCount(s.values) < 30, size: 6 },
        // Off the chart the legend reads each series' latest value instead of uPlot's "-".
        value: function (u, v, sidx, idx) { return value(idx === null || idx === undefined ? latest : v, unit); },
      });
    });
    var opts = {
      width: Math.max(320, el.clientWidth),
      height: how.height,
      scales: scales,
      axes: axes,
      series: series,
      plugins: how.markers && how.markers.length > 0 ? [markerPlugin(how.markers)] : [],
      cursor: how.sync ? { sync: { key: how.sync } } : {},
    };
    var plot = new uPlot(opts, [x].concat(spec.series.map(function (s) { return s.values; })), el);
    el.setAttribute('data-drawn', 'true');
    drawn.push({ plot: plot, el: el, height: how.height });
    return plot;
  }

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      drawn.forEach(function (d) { d.plot.setSize({ width: Math.max(320, d.el.clientWidth), height: d.height }); });
    }, 100);
  });

  return { draw: draw, compact: compact, clock: clock };
})();
`;
