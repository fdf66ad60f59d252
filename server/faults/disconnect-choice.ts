/**
 * The pure decision of the disconnect fault: how many of the connected clients to disconnect and which ones,
 * drawn from the seeded generator so that a run repeats. No timers and no sockets here (client-disconnector.ts
 * carries the decision out).
 */
import type { RandomSource } from '../seeded-random.js';

/** How many of `connected` clients a disconnect round takes: round(fraction × connected). */
export function disconnectCount(connected: number, fraction: number): number {
  return Math.min(connected, Math.round(fraction * connected));
}

/**
 * Chooses `count` distinct indices of 0..`size`-1 (a partial Fisher–Yates shuffle: `count` draws), in the order
 * drawn. Throws a RangeError when `count` is not an integer from 0 to `size`.
 */
export function chooseIndices(size: number, count: number, random: RandomSource): number[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be a non-negative integer (got ${size})`);
  if (!Number.isSafeInteger(count) || count < 0 || count > size) throw new RangeError(`count must be an integer from 0 to ${size} (got ${count})`);
  const pool = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (size - i));
    const picked = pool[j] as number;
    pool[j] = pool[i] as number;
    pool[i] = picked;
  }
  return pool.slice(0, count);
}
