/**
 * The script of the capacity report page (browser JavaScript, as text, after CHART_SETUP_SCRIPT): reads the
 * embedded charts and draws each with sioCharts, the load on a numeric x axis. It computes nothing but tick labels.
 */
export const CAPACITY_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var charts = JSON.parse(document.getElementById('capacity-data').textContent);
  charts.forEach(function (spec) {
    sioCharts.draw(document.getElementById('chart-' + spec.id), spec, spec.x,
      { height: 260, xLabel: spec.xLabel, xScale: { time: false }, xFormat: sioCharts.compact, xIdle: 'last step', points: 'always' });
  });
})();
`;
