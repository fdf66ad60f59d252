/** The machine's monotonic clock (`process.hrtime.bigint()`, CLOCK_MONOTONIC), truncated to whole µs. */
export const monotonicClock = {
    nowUs: () => Number(process.hrtime.bigint() / 1000n),
};
/** A manual clock starting at `startUs` (integer µs, default 0). Misuse (going back, fractions) throws. */
export function manualClock(startUs = 0) {
    assertWholeUs('startUs', startUs);
    let currentUs = startUs;
    return {
        nowUs: () => currentUs,
        advanceUs(deltaUs) {
            assertWholeUs('deltaUs', deltaUs);
            currentUs += deltaUs;
        },
        setUs(us) {
            assertWholeUs('us', us);
            if (us < currentUs)
                throw new RangeError(`us must not go back in time (now ${currentUs}, got ${us})`);
            currentUs = us;
        },
    };
}
function assertWholeUs(name, value) {
    if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`${name} must be a non-negative integer of microseconds, got ${value}`);
    }
}
//# sourceMappingURL=clock.js.map