/**
 * The figures of the cluster-scaling benchmark, from its measured steps: saturation throughput (the most
 * broadcast deliveries per second any offered rate achieved), the server's CPU per delivery at that step, and
 * the comparison of two servers. Pure, so it is tested exactly.
 */
/** Deliveries per second of a step. */
export function deliveriesPerSec(step) {
    return step.elapsedMs > 0 ? (step.deliveries * 1000) / step.elapsedMs : 0;
}
/** Server CPU per delivered message, µs; NaN when nothing was delivered. */
export function cpuUsPerDelivery(step) {
    return step.deliveries > 0 ? step.serverCpuUs / step.deliveries : Number.NaN;
}
/** A step is sustained when it delivered at least this share of what it offered. */
export const SUSTAINED_SHARE = 0.9;
/** Did the server keep up with the step's offered rate? */
export function isSustained(step) {
    return deliveriesPerSec(step) >= SUSTAINED_SHARE * step.offeredDeliveriesPerSec;
}
/**
 * The saturation point: the sustained step with the most deliveries per second. Steps the server fell behind
 * on are left out because their window also drains the backlog of the step before, which can make a
 * saturated step look faster than it was. With no sustained step, the step with the most deliveries.
 */
export function saturationStep(steps) {
    const sustained = steps.filter(isSustained);
    let best;
    for (const step of sustained.length > 0 ? sustained : steps)
        if (best === undefined || deliveriesPerSec(step) > deliveriesPerSec(best))
            best = step;
    return best;
}
/** Compares the saturation steps of one process and of the cluster. Throws when either has no step. */
export function compareScaling(single, cluster) {
    const one = saturationStep(single);
    const many = saturationStep(cluster);
    if (one === undefined || many === undefined)
        throw new RangeError('compareScaling needs at least one step of each server');
    const singleDeliveriesPerSec = deliveriesPerSec(one);
    const clusterDeliveriesPerSec = deliveriesPerSec(many);
    const singleCpuUsPerDelivery = cpuUsPerDelivery(one);
    const clusterCpuUsPerDelivery = cpuUsPerDelivery(many);
    return {
        singleDeliveriesPerSec,
        clusterDeliveriesPerSec,
        ratio: singleDeliveriesPerSec > 0 ? clusterDeliveriesPerSec / singleDeliveriesPerSec : Number.NaN,
        singleCpuUsPerDelivery,
        clusterCpuUsPerDelivery,
        adapterCpuUsPerDelivery: clusterCpuUsPerDelivery - singleCpuUsPerDelivery,
    };
}
/** Offered deliveries per second, stepped: the same steps whatever the room size. */
export const OFFERED_DELIVERIES_PER_SEC = [8000, 16_000, 24_000, 32_000, 40_000, 48_000, 64_000, 80_000, 96_000, 128_000, 160_000, 192_000, 256_000];
/**
 * Offered broadcast rates, per second, for `recipients` per broadcast: the offered deliveries' steps, so that
 * large rooms (where the adapter's cost per broadcast is shared by many deliveries) are stepped alike.
 */
export function offeredRates(recipients) {
    return [...new Set(OFFERED_DELIVERIES_PER_SEC.map((deliveries) => Math.max(1, Math.round(deliveries / Math.max(1, recipients)))))];
}
/**
 * The highest offered rate at which both servers gave a whole CPU figure, with each one's CPU per delivery (µs).
 * At saturation a cluster worker may answer /metrics.json too late to be counted; a lower rate still shows what
 * the adapter and the primary cost per message.
 */
export function highestWholeCpuStep(single, cluster) {
    return single
        .filter((step) => cpuUsPerDelivery(step) >= 0)
        .flatMap((step) => {
        const match = cluster.find((other) => other.offeredBroadcastsPerSec === step.offeredBroadcastsPerSec && cpuUsPerDelivery(other) >= 0);
        return match ? [{ rate: step.offeredBroadcastsPerSec, single: cpuUsPerDelivery(step), cluster: cpuUsPerDelivery(match) }] : [];
    })
        .at(-1);
}
//# sourceMappingURL=broadcast-figures.js.map