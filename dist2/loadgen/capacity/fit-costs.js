import { fitLine } from './least-squares.js';
/** Microseconds of CPU per (percent of a core × second): 1% of a core for 1 s is 10,000 µs of CPU. */
const CPU_US_PER_PERCENT_SECOND = 10_000;
/** Fits memory per client and CPU per delivery from the steps that ran to completion. */
export function fitCosts(steps) {
    const measured = steps.filter((step) => step.status === 'completed');
    const memoryFit = fitLine(measured.flatMap((step) => step.serverPoints.map((point) => ({ x: point.connectedClients, y: point.rssBytes }))));
    const cpuFit = fitLine(measured.filter((step) => step.deliveriesPerSec > 0).flatMap((step) => step.serverPoints.map((point) => ({ x: step.deliveriesPerSec, y: point.cpuPercent }))));
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
//# sourceMappingURL=fit-costs.js.map