/**
 * Blocks the event loop on a schedule, to imitate a server that stalls (a long GC pause, a synchronous task):
 * every client's replies are held back for the stall, which the load generator must then report.
 */
/**
 * Every `stallEveryMs` milliseconds, busy-waits for `stallForMs` milliseconds (measured with the monotonic
 * `performance.now()`). The timer is unref'd so that a staller never keeps a process alive on its own.
 */
export function startEventLoopStaller(stallEveryMs, stallForMs, now = () => performance.now()) {
    let stallCount = 0;
    const timer = setInterval(() => {
        stallCount += 1;
        const untilMs = now() + stallForMs;
        // A busy wait on purpose: the point is to block the loop, which no timer or await would do.
        while (now() < untilMs)
            ;
    }, stallEveryMs);
    timer.unref();
    return {
        get stallCount() {
            return stallCount;
        },
        stop() {
            clearInterval(timer);
        },
    };
}
//# sourceMappingURL=event-loop-staller.js.map