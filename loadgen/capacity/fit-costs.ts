/**
 * The server's costs fitted from the steps: memory per connected client (rss against connected clients over
 * every server sample of every measured window) and CPU per delivered message (CPU % of a core against the
 * step's deliveries per second, one point per sample). A fit needs spread in x: steps of rate hold the clients
 * still, so they fit CPU but not memory, and steps of clients without deliveries fit memory but not CPU.
 */
import type { CapacityStep } from './capacity-step.js';
import { fitLine, type LineFit } from './least-squares.js';

/** Microseconds of CPU per (percent of a core × second): 1% of a core for 1 s is 10,000 µs of CPU. */
const CPU_US_PER_PERCENT_SECOND = 10_000;

/** The fitted costs of one server process of this kind. */
export interface FittedCosts {
  /** rssBytes ≈ baseRssBytes + bytesPerClient × connectedClients. */
  memory?: { bytesPerClient: number; baseRssBytes: number; fit: LineFit };
  /** cpuPercent ≈ baseCpuPercent + cpuPercentPerDeliveryPerSec × deliveriesPerSec (CPU % of one core). */
  cpu?: { cpuUsPerDelivery: number; baseCpuPercent: number; cpuPercentPerDeliveryPerSec: number; fit: LineFit };
}

/** Fits memory per client and CPU per delivery from the steps that ran to completion. */
export function fitCosts(steps: readonly CapacityStep[]): FittedCosts {
  const measured = steps.filter((step) => step.status === 'completed');
  const memoryFit = fitLine(measured.flatMap((step) => step.serverPoints.map((point) => ({ x: point.connectedClients, y: point.rssBytes }))));
  const cpuFit = fitLine(
    measured.filter((step) => step.deliveriesPerSec > 0).flatMap((step) => step.serverPoints.map((point) => ({ x: step.deliveriesPerSec, y: point.cpuPercent }))),
  );
  return {
    ...(memoryFit !== undefined ? { memory: { bytesPerClient: memoryFit.slope, baseRssBytes: memoryFit.intercept, fit: memoryFit } } : {}),
    ...(cpuFit !== undefined
      ? {
          cpu: {
            cpuUsPerDelivery: cpuFit.slope * CPU_US_PER_PERCENT_SECOND,
            baseCpuPercent: cpuFit.intercept,
            cpuPercentPerDeliveryPerSec: cpuFit.slope,
            fit: cpuFit,
          },
        }
      : {}),
  };
}
