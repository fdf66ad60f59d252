/**
 * The offset, µs, from the monotonic clock (`process.hrtime`) to epoch µs, read now: performance.timeOrigin is
 * the epoch ms of performance.now()'s zero, whose own clock is the monotonic one, so one read of each suffices.
 */
export function measureEpochOffsetUs() {
    const monotonicUs = Number(process.hrtime.bigint() / 1000n);
    const epochUs = Math.round((performance.timeOrigin + performance.now()) * 1000);
    return epochUs - monotonicUs;
}
/** `base` moved by `offsetUs` (an integer), e.g. the monotonic clock made an epoch-µs clock. */
export function shiftedClock(base, offsetUs) {
    if (!Number.isSafeInteger(offsetUs))
        throw new RangeError(`offsetUs must be an integer of microseconds, got ${offsetUs}`);
    return { nowUs: () => base.nowUs() + offsetUs };
}
//# sourceMappingURL=epoch-clock.js.map