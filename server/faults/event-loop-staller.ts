/**
 * Blocks the event loop on a schedule, to imitate a server that stalls (a long GC pause, a synchronous task):
 * every client's replies are held back for the stall, which the load generator must then report.
 */

/** A running staller; `stop()` ends it. */
export interface EventLoopStaller {
  /** How many stalls have run so far. */
  readonly stallCount: number;
  stop(): void;
}

/**
 * Every `stallEveryMs` milliseconds, busy-waits for `stallForMs` milliseconds (measured with the monotonic
 * `performance.now()`). The timer is unref'd so that a staller never keeps a process alive on its own.
 */
export function startEventLoopStaller(stallEveryMs: number, stallForMs: number, now: () => number = () => performance.now()): EventLoopStaller {
  let stallCount = 0;
  const timer = setInterval(() => {
    stallCount += 1;
    const untilMs = now() + stallForMs;
    // A busy wait on purpose: the point is to block the loop, which no timer or await would do.
    while (now() < untilMs);
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
