/** Unit conversions of the server metrics, in one place so that each is tested once. */
/** Nanoseconds (perf_hooks histograms) to whole microseconds, rounded to nearest. */
export function nanosecondsToMicroseconds(valueNs) {
    return Math.round(valueNs / 1_000);
}
/** Microseconds to seconds (Prometheus base unit), exact to the microsecond. */
export function microsecondsToSeconds(valueUs) {
    return valueUs / 1_000_000;
}
/** Milliseconds to seconds. */
export function millisecondsToSeconds(valueMs) {
    return valueMs / 1_000;
}
/** Milliseconds (possibly fractional, e.g. a drawn fault delay) to whole microseconds, rounded to nearest. */
export function millisecondsToMicroseconds(valueMs) {
    return Math.round(valueMs * 1_000);
}
/** Microseconds to milliseconds (what setTimeout takes). */
export function microsecondsToMilliseconds(valueUs) {
    return valueUs / 1_000;
}
/** The machine's monotonic clock (`process.hrtime.bigint()`, CLOCK_MONOTONIC) in whole microseconds: the clock of the bench protocol's `t0Us`/`sentUs`. */
export function monotonicNowUs() {
    return Number(process.hrtime.bigint() / 1000n);
}
//# sourceMappingURL=units.js.map