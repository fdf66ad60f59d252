/**
 * The clock that measurement code is given instead of reading time itself (STYLE 5). Integer microseconds of
 * one monotonic clock: every worker thread and every process on one machine reads the same clock, so a
 * receiver's `nowUs() - t0` is a true end-to-end latency when the sender stamped t0 with the same clock.
 */
export interface Clock {
  /** Integer monotonic microseconds since an arbitrary origin shared by all processes of the machine. */
  nowUs(): number;
}

/** The machine's monotonic clock (`process.hrtime.bigint()`, CLOCK_MONOTONIC), truncated to whole µs. */
export const monotonicClock: Clock = {
  nowUs: () => Number(process.hrtime.bigint() / 1000n),
};

/** A clock that moves only when told to: for tests. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `deltaUs` (must be a non-negative integer). */
  advanceUs(deltaUs: number): void;
  /** Sets the clock to `us` (a non-negative integer, not before the current time: the clock is monotonic). */
  setUs(us: number): void;
}

/** A manual clock starting at `startUs` (integer µs, default 0). Misuse (going back, fractions) throws. */
export function manualClock(startUs = 0): ManualClock {
  assertWholeUs('startUs', startUs);
  let currentUs = startUs;
  return {
    nowUs: () => currentUs,
    advanceUs(deltaUs: number): void {
      assertWholeUs('deltaUs', deltaUs);
      currentUs += deltaUs;
    },
    setUs(us: number): void {
      assertWholeUs('us', us);
      if (us < currentUs) throw new RangeError(`us must not go back in time (now ${currentUs}, got ${us})`);
      currentUs = us;
    },
  };
}

function assertWholeUs(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer of microseconds, got ${value}`);
  }
}
