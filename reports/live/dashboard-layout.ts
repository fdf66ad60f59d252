/**
 * How many rows each panel of the dashboard gets on a terminal of a given height. The frame must stay shorter
 * than the terminal: a taller one scrolls its own top (title, status) away and Ink can no longer redraw it in
 * place. Laid out for 80×24 first; a taller terminal gives the panels their full height, in priority order.
 * Pure: counts in, counts out.
 */

/** Rows the fixed lines take: the two header lines, the three traffic lines and the status line. */
export const FIXED_ROWS = 6;

/** What each panel would show at full height, in rows. */
export interface PanelWants {
  /** Running and pending phases. */
  phases: number;
  /** Metrics with samples (the table adds its header row). */
  latencyMetrics: number;
  thresholds: number;
  /** Error kinds (at least the one 'errors none' row is always shown). */
  errorKinds: number;
  server: boolean;
  /** Trend lines (throughput, and the headline metric's p99 when there is one). */
  trends: number;
}

/** Rows given to each panel. */
export interface PanelRows {
  phases: number;
  /** Metric rows of the latency table, below its header row. */
  latencyMetrics: number;
  /** Threshold rows below the thresholds header row (0: no threshold panel). */
  thresholds: number;
  /** Error rows: kinds listed; one more row counts the rest when not all fit. */
  errorRows: number;
  server: boolean;
  trends: number;
}

/**
 * Shares `rows` (the terminal's height) out: every panel first gets its least useful size (the running phase, one
 * latency row, the thresholds header, one error row), then, in this order, thresholds (a breach is the first
 * thing to see), latency metrics, phases, the server line, error kinds and the trend lines take what is left.
 * One row stays free below the frame for the cursor.
 */
export function layoutPanels(wants: PanelWants, rows: number): PanelRows {
  let free = Math.max(0, rows - 1 - FIXED_ROWS);
  const take = (wanted: number): number => {
    const given = Math.max(0, Math.min(wanted, free));
    free -= given;
    return given;
  };
  const laid: PanelRows = {
    phases: take(Math.min(1, wants.phases)),
    // The header row, and one metric row (or 'no samples yet').
    latencyMetrics: take(2) > 1 ? 1 : 0,
    thresholds: 0,
    errorRows: take(1),
    server: false,
    trends: 0,
  };
  const thresholdHeader = wants.thresholds > 0 ? take(1) : 0;
  if (thresholdHeader > 0) laid.thresholds = take(wants.thresholds);
  laid.latencyMetrics += take(Math.max(0, wants.latencyMetrics - laid.latencyMetrics));
  laid.phases += take(Math.max(0, wants.phases - laid.phases));
  laid.server = wants.server && take(1) === 1;
  laid.errorRows += take(Math.max(0, Math.min(wants.errorKinds, 5) - laid.errorRows));
  laid.trends = take(wants.trends);
  return laid;
}
