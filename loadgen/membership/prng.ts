/**
 * Seeded pseudo-random numbers for everything that must come out the same in every worker, process and shard
 * (room membership, direct targets, schedule phases). Pure functions of their integer inputs; never
 * Math.random.
 */

import { createSeededRandom } from '../../server/seeded-random.js';

/** A generator of floats uniform in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a small, fast 32-bit generator with a full 2^32 period, good enough for load shaping
 * (not for cryptography). `seed` is any integer; only its low 32 bits are used. The same generator as the fault
 * injection's (server/seeded-random.ts).
 */
export const mulberry32: (seed: number) => Random = createSeededRandom;

/**
 * Mixes integers into one well-spread unsigned 32-bit hash (murmur3's finalizer over a running state), so that
 * `mulberry32(hash32(seed, clientIndex))` gives every client its own independent stream without iterating
 * over the others. Non-integers are truncated; only the low 32 bits of each part count.
 */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A uniform integer in [0, n) from `random`. `n` must be a positive integer. */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher-Yates shuffle of `items` in place with `random`; returns the same array. */
export function shuffleInPlace<T extends { [index: number]: number; length: number }>(items: T, random: Random): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const tmp = items[i] as number;
    items[i] = items[j] as number;
    items[j] = tmp;
  }
  return items;
}

/** A seeded permutation of 0..n-1 as an Int32Array. */
export function seededPermutation(n: number, seed: number): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  return shuffleInPlace(perm, mulberry32(seed));
}
