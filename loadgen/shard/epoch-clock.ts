/**
 * The clock of a sharded run. Shards may run on several machines whose monotonic clocks have unrelated
 * origins, yet a receiver in one shard subtracts a sender's t0 stamped in another, and `sio-bench merge` lays
 * every shard's sends and membership windows on one time line. So a sharded run counts in epoch microseconds:
 * the monotonic clock plus one fixed offset measured once per load-generator run and handed to every worker
 * (threads and child processes alike), so that inside a run the clock stays monotonic and exact. Across
 * machines it is as good as their wall clocks' sync (NTP: about a millisecond; on one machine: a few µs, the
 * precision of the measurement below).
 */
import type { Clock } from '../measure/clock.js';

/** Millisecond boundaries of the wall clock the offset is measured at; the tightest reading is kept. */
const BOUNDARIES = 5;
/** Longest the measurement waits for the wall clock to move, µs. */
const MAX_WAIT_US = 50_000;

function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * The offset, µs, from the monotonic clock (`process.hrtime`) to epoch µs. The wall clock is read where its
 * millisecond changes: the new millisecond began after the monotonic read before the last Date.now() that
 * still returned the old one, and before the read after the first that returned the new one. Its start is
 * taken as the middle of that bracket, from the tightest bracket of BOUNDARIES (a turn the scheduler
 * interrupted widens its bracket and loses). It takes about BOUNDARIES ms. performance.timeOrigin, used
 * before, is off by up to a millisecond per process, so two processes on one machine disagreed by as much and
 * a receiver could compute a negative latency for a message sent from the other.
 */
export function measureEpochOffsetUs(): number {
  let best = { bracketUs: Number.POSITIVE_INFINITY, offsetUs: 0 };
  let prevBeforeUs = monotonicUs();
  let lastMs = Date.now();
  const giveUpUs = prevBeforeUs + MAX_WAIT_US;
  for (let found = 0; found < BOUNDARIES; ) {
    const beforeUs = monotonicUs();
    const ms = Date.now();
    if (ms === lastMs) {
      // A wall clock that does not move (a faked Date): its own reading is all there is.
      if (beforeUs > giveUpUs) return found > 0 ? best.offsetUs : ms * 1000 - beforeUs;
      prevBeforeUs = beforeUs;
      continue;
    }
    const afterUs = monotonicUs();
    const bracketUs = afterUs - prevBeforeUs;
    if (bracketUs < best.bracketUs) best = { bracketUs, offsetUs: ms * 1000 - Math.round((prevBeforeUs + afterUs) / 2) };
    lastMs = ms;
    prevBeforeUs = afterUs;
    found += 1;
  }
  return best.offsetUs;
}

/** `base` moved by `offsetUs` (an integer), e.g. the monotonic clock made an epoch-µs clock. */
export function shiftedClock(base: Clock, offsetUs: number): Clock {
  if (!Number.isSafeInteger(offsetUs)) throw new RangeError(`offsetUs must be an integer of microseconds, got ${offsetUs}`);
  return { nowUs: () => base.nowUs() + offsetUs };
}
