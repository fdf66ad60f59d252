/**
 * Token buckets keyed by a string (an IP address): each key may take `burst` tokens at once and gets
 * `ratePerSec` back per second. Pure: the clock is injected, in milliseconds. Buckets that have refilled
 * completely are forgotten, so memory is bounded by the keys active within the last `burst / ratePerSec` seconds.
 */
export class TokenBuckets {
    ratePerSec;
    burst;
    nowMs;
    buckets = new Map();
    lastSweepMs;
    /**
     * @param ratePerSec tokens a key gets back per second (> 0)
     * @param burst most tokens a key holds (>= 1)
     */
    constructor(ratePerSec, burst, nowMs) {
        this.ratePerSec = ratePerSec;
        this.burst = burst;
        this.nowMs = nowMs;
        if (!(ratePerSec > 0))
            throw new RangeError(`ratePerSec must be > 0 (got ${ratePerSec})`);
        if (!(Number.isSafeInteger(burst) && burst >= 1))
            throw new RangeError(`burst must be a positive integer (got ${burst})`);
        this.lastSweepMs = nowMs();
    }
    /** Takes one token for `key`; false (nothing taken) when its bucket is empty. */
    take(key) {
        const now = this.nowMs();
        this.sweep(now);
        const bucket = this.buckets.get(key);
        const tokens = bucket === undefined ? this.burst : Math.min(this.burst, bucket.tokens + ((now - bucket.atMs) * this.ratePerSec) / 1000);
        if (tokens < 1) {
            this.buckets.set(key, { tokens, atMs: now });
            return false;
        }
        this.buckets.set(key, { tokens: tokens - 1, atMs: now });
        return true;
    }
    /** Keys currently remembered (for tests of the memory bound). */
    get size() {
        return this.buckets.size;
    }
    /** Forgets buckets that are full again, at most once per refill time of a whole bucket. */
    sweep(now) {
        const refillMs = (this.burst / this.ratePerSec) * 1000;
        if (now - this.lastSweepMs < refillMs)
            return;
        this.lastSweepMs = now;
        for (const [key, bucket] of this.buckets) {
            if (bucket.tokens + ((now - bucket.atMs) * this.ratePerSec) / 1000 >= this.burst)
                this.buckets.delete(key);
        }
    }
}
//# sourceMappingURL=token-bucket.js.map