/**
 * A small seeded pseudo-random generator (mulberry32), so that a fault-injection run makes the same decisions
 * every time it is repeated with the same seed. Not for anything that needs cryptographic quality.
 */
/** Creates a mulberry32 generator from a 32-bit integer seed (other numbers are truncated to 32 bits). */
export function createSeededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
//# sourceMappingURL=seeded-random.js.map