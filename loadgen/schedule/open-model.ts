/**
 * Open-model slot times: when each client intends to act, computed from the run's origin (STYLE 6), never by
 * chaining timers, so a late client does not shift its later slots and missed slots can be counted.
 *
 * Client k of N at rate r per second has period P = 1e6 / r µs and slots at
 *   originUs + offset_k + j·P   (j = 0, 1, 2, ...)
 * where offset_k = ((π(k) + u) / N)·P, π a seeded bijection of 0..N-1 and u ∈ [0, 1) a seeded fraction. The
 * offsets of the N clients are N distinct points spaced exactly P/N apart, so the population's slots are
 * evenly spread at N·r per second, in an order that does not follow client index (nor shards or rooms).
 */
import { hash32, mulberry32 } from '../membership/prng.js';

/** Inputs of one client's slot sequence. */
export interface PerClientSlotsOptions {
  /** This client's rate, actions per second (> 0). See `perClientRate` to split a total rate. */
  ratePerSec: number;
  /** The client's index in the population, 0 <= clientIndex < clients. */
  clientIndex: number;
  /** Population size N over which offsets are spread (default 1). */
  clients?: number;
  /** Seed of the offsets; the same seed gives the same slots in every worker and shard. */
  seed: number;
  /** Time the slot grid is anchored to, µs (default 0: the run start on the schedule's clock). */
  originUs?: number;
  /** First time a slot may have, µs inclusive. */
  fromUs: number;
  /** End of the slots, µs exclusive. */
  untilUs: number;
}

/** A client's remaining slots, in increasing time order. */
export interface SlotIterator extends Iterable<number> {
  /** The next slot time (integer µs), or undefined when the slots are over. */
  next(): number | undefined;
  /** The next slot time without consuming it. */
  peek(): number | undefined;
  /** Skips every slot before `nowUs` and returns how many were skipped (dropped slots, when the caller was late). */
  skipBefore(nowUs: number): number;
  /** The client's period, µs (not rounded). */
  readonly periodUs: number;
  /** The client's phase offset in [0, periodUs), µs (not rounded). */
  readonly offsetUs: number;
}

/** Splits a total rate over `clients` clients: each gets ratePerSec / clients. */
export function perClientRate(totalRatePerSec: number, clients: number): number {
  if (!Number.isSafeInteger(clients) || clients < 1) throw new RangeError(`clients must be a positive integer, got ${clients}`);
  return totalRatePerSec / clients;
}

/** Phase offset of client `clientIndex` of `clients`, µs in [0, periodUs). Pure function of its inputs. */
export function slotOffsetUs(periodUs: number, clientIndex: number, clients: number, seed: number): number {
  const random = mulberry32(hash32(seed, 0x5107));
  const shift = random();
  const position = (permuteIndex(clientIndex, clients, random) + shift) / clients;
  return position * periodUs;
}

/** The intended slot times of one client. */
export function perClientSlots(options: PerClientSlotsOptions): SlotIterator {
  const { ratePerSec, clientIndex, seed, fromUs, untilUs } = options;
  const clients = options.clients ?? 1;
  const originUs = options.originUs ?? 0;
  if (!(ratePerSec > 0) || !Number.isFinite(ratePerSec)) {
    throw new RangeError(`ratePerSec must be a positive number, got ${ratePerSec}`);
  }
  if (!Number.isSafeInteger(clients) || clients < 1) throw new RangeError(`clients must be a positive integer, got ${clients}`);
  if (!Number.isSafeInteger(clientIndex) || clientIndex < 0 || clientIndex >= clients) {
    throw new RangeError(`clientIndex must be an integer in [0, ${clients}), got ${clientIndex}`);
  }
  const periodUs = 1_000_000 / ratePerSec;
  const offsetUs = slotOffsetUs(periodUs, clientIndex, clients, seed);
  const slotAt = (j: number): number => Math.floor(originUs + offsetUs + j * periodUs);
  // Each slot is computed from its index, never by adding periods, so no rounding error accumulates.
  const firstIndexAtOrAfter = (t: number): number => {
    let index = Math.max(0, Math.ceil((t - originUs - offsetUs) / periodUs));
    while (index > 0 && slotAt(index - 1) >= t) index--;
    while (slotAt(index) < t) index++;
    return index;
  };
  const endIndex = firstIndexAtOrAfter(untilUs);
  let j = firstIndexAtOrAfter(fromUs);

  const peek = (): number | undefined => (j < endIndex ? slotAt(j) : undefined);
  const iterator: SlotIterator = {
    periodUs,
    offsetUs,
    peek,
    next() {
      const t = peek();
      if (t !== undefined) j++;
      return t;
    },
    skipBefore(nowUs: number): number {
      const target = Math.max(j, firstIndexAtOrAfter(nowUs));
      const skipped = Math.max(0, Math.min(target, endIndex) - j);
      j = target;
      return skipped;
    },
    *[Symbol.iterator]() {
      for (let t = iterator.next(); t !== undefined; t = iterator.next()) yield t;
    },
  };
  return iterator;
}

/**
 * A seeded bijection of [0, n): k -> (a·k + b) mod n with a coprime to n. Cheap and O(1) per index, which
 * matters because every worker computes offsets only for its own clients.
 */
function permuteIndex(k: number, n: number, random: () => number): number {
  if (n === 1) return 0;
  let a = 1 + Math.floor(random() * (n - 1));
  while (gcd(a, n) !== 1) a = a + 1 === n ? 1 : a + 1;
  const b = Math.floor(random() * n);
  // a·k may exceed 2^53 for huge n; BigInt keeps the bijection exact there.
  const product = a * k;
  if (Number.isSafeInteger(product)) return (product + b) % n;
  return Number((BigInt(a) * BigInt(k) + BigInt(b)) % BigInt(n));
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
