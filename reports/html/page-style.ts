/** The stylesheet of the HTML report page (inlined; uPlot's own stylesheet is inlined beside it). */
export const PAGE_STYLE = `
:root { --fg: #1d232b; --muted: #5f6b7a; --line: #dde2e8; --bg: #f6f7f9; --pass: #1f8a4c; --fail: #c23b3b; --warn: #b7791f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.verdict { border-radius: 6px; padding: 12px 16px; margin: 12px 0 16px; color: #fff; }
.verdict.passed { background: var(--pass); }
.verdict.failed { background: var(--fail); }
.verdict.interrupted { background: #8a6d00; }
.verdict strong { font-size: 18px; }
.verdict ul { margin: 6px 0 0; padding-left: 20px; }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 4px 20px; margin: 0; }
.meta div { display: flex; gap: 8px; min-width: 0; }
.meta dt { color: var(--muted); flex: none; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 16px; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figcaption small { display: block; font-weight: 400; color: var(--muted); }
.chart { width: 100%; min-height: 240px; }
table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); margin: 0 0 12px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
td.text { white-space: normal; overflow-wrap: anywhere; max-width: 640px; }
th { background: #eef1f4; font-weight: 600; }
.pass { color: var(--pass); font-weight: 600; }
.fail { color: var(--fail); font-weight: 600; }
.recovered { color: #8a6d00; font-weight: 600; }
.muted { color: var(--muted); }
.warnings { color: var(--warn); }
pre.scenario { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px; overflow: auto; font-size: 13px; }
.tables { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-start; }
.tables > section { min-width: 0; }
h3 { font-size: 14px; margin: 8px 0 6px; }
.u-legend { font-size: 12px; }
/* A table wider than the page scrolls inside its box instead of running off the page. */
.table-scroll { max-width: 100%; overflow-x: auto; margin: 0 0 12px; }
.table-scroll > table { margin: 0; }
/* The capacity steps, one column per step: the row headers (an objective's expression) wrap. */
#steps tbody th { background: #f6f7f9; font-weight: 600; white-space: normal; min-width: 10em; max-width: 20em; overflow-wrap: anywhere; }
#steps td.text { white-space: nowrap; text-align: right; }
`;
