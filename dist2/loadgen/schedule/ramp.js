/**
 * Ramp schedules: when each client of a ramp connects, computed from the ramp's start (never by chaining
 * timers), so connecting late does not shift the rest of the ramp.
 */
/** Connect time of client k (0-based) of a ramp: startUs + k / ratePerSec seconds, floored to integer µs. */
export function rampConnectTimeUs(k, ratePerSec, startUs) {
    return Math.floor(startUs + (k * 1_000_000) / ratePerSec);
}
/** Connect times of clients 0..clients-1, integer µs, non-decreasing. */
export function rampConnectTimes(options) {
    const { clients, ratePerSec, startUs } = options;
    if (!Number.isSafeInteger(clients) || clients < 0)
        throw new RangeError(`clients must be a non-negative integer, got ${clients}`);
    if (!(ratePerSec > 0) || !Number.isFinite(ratePerSec)) {
        throw new RangeError(`ratePerSec must be a positive number, got ${ratePerSec}`);
    }
    const times = new Float64Array(clients);
    for (let k = 0; k < clients; k++)
        times[k] = rampConnectTimeUs(k, ratePerSec, startUs);
    return times;
}
//# sourceMappingURL=ramp.js.map