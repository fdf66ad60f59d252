/**
 * Open-model slot times of one (client, action) pair, computed from the run start in closed form, never by
 * chaining timers (STYLE 6): slot k of a window [a, b) is at a + offset + k * period. Pure.
 */
/**
 * Slot times are converted to integer µs and back, so "strictly after" allows this much rounding, ms. Smaller than
 * any period a schedule may have (rates are capped well below 1e6 per second per client).
 */
export const SLOT_TOLERANCE_MS = 0.001;
/**
 * Per-client schedule. `perClient`: every client at `ratePerSec`, with a random phase from `fraction` (0..1).
 * `total`: the population shares `ratePerSec`, client i of n taking every n-th slot of the global sequence, so
 * the whole population's slots are evenly spread.
 */
export function slotSchedule(rate, clientIndex, populationSize, fraction, windows) {
    if (rate.kind === 'perClient') {
        const periodMs = 1000 / rate.perSec;
        return { periodMs, offsetMs: fraction * periodMs, windows };
    }
    const globalPeriodMs = 1000 / rate.perSec;
    const periodMs = globalPeriodMs * populationSize;
    return { periodMs, offsetMs: (clientIndex % populationSize) * globalPeriodMs, windows };
}
/**
 * The first slot strictly after `afterMs` (or at/after it when `inclusive`) that lies in a window and in
 * [fromMs, untilMs); undefined when there is none.
 */
export function nextSlotMs(schedule, afterMs, fromMs, untilMs, inclusive = false) {
    const { periodMs, offsetMs } = schedule;
    for (const [startMs, endMs] of schedule.windows) {
        const lowMs = Math.max(afterMs, fromMs, startMs);
        const highMs = Math.min(endMs, untilMs);
        if (lowMs >= highMs)
            continue;
        const firstMs = startMs + offsetMs;
        let k = Math.max(0, Math.ceil((lowMs - firstMs) / periodMs));
        let slotMs = firstMs + k * periodMs;
        if (!inclusive && slotMs <= afterMs + SLOT_TOLERANCE_MS) {
            k += 1;
            slotMs = firstMs + k * periodMs;
        }
        if (slotMs < fromMs)
            slotMs = firstMs + Math.ceil((fromMs - firstMs) / periodMs) * periodMs;
        if (slotMs < highMs)
            return slotMs;
    }
    return undefined;
}
//# sourceMappingURL=slot-times.js.map