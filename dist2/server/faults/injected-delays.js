/** Most delay values one record keeps (each kind of reply has its own record). */
export const MAX_RECORDED_DELAYS = 10_000;
export class InjectedDelayRecord {
    valuesUs;
    length = 0;
    total = 0;
    /** @param capacity most values kept (default MAX_RECORDED_DELAYS); the count goes on beyond it. */
    constructor(capacity = MAX_RECORDED_DELAYS) {
        if (!Number.isSafeInteger(capacity) || capacity < 0)
            throw new RangeError(`capacity must be a non-negative integer (got ${capacity})`);
        this.valuesUs = new Uint32Array(capacity);
    }
    /** Records one injected delay, integer microseconds (what the timer was asked for). */
    record(delayUs) {
        if (!Number.isSafeInteger(delayUs) || delayUs < 0 || delayUs > 0xffff_ffff) {
            throw new RangeError(`delayUs must be an integer from 0 to 2^32-1 microseconds (got ${delayUs})`);
        }
        this.total += 1;
        if (this.length < this.valuesUs.length) {
            this.valuesUs[this.length] = delayUs;
            this.length += 1;
        }
    }
    /** How many delays were injected, kept or not. */
    get count() {
        return this.total;
    }
    /** The count and the kept values, in the order they were injected. */
    toJson() {
        return { count: this.total, valuesUs: Array.from(this.valuesUs.subarray(0, this.length)) };
    }
}
//# sourceMappingURL=injected-delays.js.map