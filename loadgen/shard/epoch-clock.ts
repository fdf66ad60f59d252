/**
 * The clock of a sharded run. Shards may run on several machines whose monotonic clocks have unrelated
 * origins, yet a receiver in one shard subtracts a sender's t0 stamped in another, and `sio-bench merge` lays
 * every shard's sends and membership windows on one time line. So a sharded run counts in epoch microseconds:
 * the monotonic clock plus one fixed offset measured once per load-generator run and handed to every worker
 * (threads and child processes alike), so that inside a run the clock stays monotonic and exact. Across
 * machines it is as good as their wall clocks' sync (NTP: about a millisecond; on one machine: a few µs).
 */
import type { Clock } from '../measure/clock.js';

/**
 * The offset, µs, from the monotonic clock (`process.hrtime`) to epoch µs, read now: performance.timeOrigin is
 * the epoch ms of performance.now()'s zero, whose own clock is the monotonic one, so one read of each suffices.
 */
export function measureEpochOffsetUs(): number {
  const monotonicUs = Number(process.hrtime.bigint() / 1000n);
  const epochUs = Math.round((performance.timeOrigin + performance.now()) * 1000);
  return epochUs - monotonicUs;
}

/** `base` moved by `offsetUs` (an integer), e.g. the monotonic clock made an epoch-µs clock. */
export function shiftedClock(base: Clock, offsetUs: number): Clock {
  if (!Number.isSafeInteger(offsetUs)) throw new RangeError(`offsetUs must be an integer of microseconds, got ${offsetUs}`);
  return { nowUs: () => base.nowUs() + offsetUs };
}
