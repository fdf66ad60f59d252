/**
 * The one small seeded pseudo-random generator (mulberry32) of the project: fault injection makes the same
 * decisions every time it is repeated with the same seed, and the load generator (loadgen/membership/prng.ts) draws
 * the same membership in every worker. It lives on the server's side because the server never imports the load
 * generator. Not for anything that needs cryptographic quality.
 */

/** Returns uniformly distributed numbers in [0, 1); the same `seed` always gives the same sequence. */
export type RandomSource = () => number;

/** Creates a mulberry32 generator from a 32-bit integer seed (other numbers are truncated to 32 bits). */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
