/**
 * `run --metrics-listen`: one call that starts the endpoint, wraps the live reporter so the endpoint sees every
 * snapshot, and at the end waits (bounded) for a scraper to read the final figures before closing.
 */
import type { LiveReporter } from '../../loadgen/live-state.js';
import { LiveMetrics, type RunLabels } from './live-metrics.js';
import { withLiveMetrics } from './metrics-reporter.js';
import { startMetricsListener, type ListenAddress } from './metrics-listener.js';

/** Longest wait after the run for a scrape of the final figures, ms (a scraper at a 1 s to 5 s interval gets them). */
export const FINAL_SCRAPE_WAIT_MS = 5_000;

export interface LiveMetricsEndpoint {
  /** The reporter to run with: `inner`, feeding the endpoint too. */
  wrap(inner: LiveReporter): LiveReporter;
  /** The scrape URL. */
  url: string;
  /**
   * Closes the endpoint. With `awaitFinalScrape`, first waits for one scrape (at most FINAL_SCRAPE_WAIT_MS) so
   * the final figures, set by the reporter's finish, reach the scraper; resolves whether one came.
   */
  close(options: { awaitFinalScrape: boolean }): Promise<boolean>;
}

/** Starts serving; rejects when the address cannot be bound (in use, not a local address). */
export async function serveLiveMetrics(address: ListenAddress, labels: RunLabels): Promise<LiveMetricsEndpoint> {
  const metrics = new LiveMetrics(labels);
  const listener = await startMetricsListener(address, metrics.registry);
  return {
    wrap: (inner) => withLiveMetrics(inner, metrics),
    url: listener.url,
    async close({ awaitFinalScrape }): Promise<boolean> {
      const scraped = awaitFinalScrape ? await listener.nextScrape(FINAL_SCRAPE_WAIT_MS) : false;
      await listener.close();
      return scraped;
    },
  };
}
