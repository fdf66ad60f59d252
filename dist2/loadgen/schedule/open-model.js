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
/** Splits a total rate over `clients` clients: each gets ratePerSec / clients. */
export function perClientRate(totalRatePerSec, clients) {
    if (!Number.isSafeInteger(clients) || clients < 1)
        throw new RangeError(`clients must be a positive integer, got ${clients}`);
    return totalRatePerSec / clients;
}
/** Phase offset of client `clientIndex` of `clients`, µs in [0, periodUs). Pure function of its inputs. */
export function slotOffsetUs(periodUs, clientIndex, clients, seed) {
    const random = mulberry32(hash32(seed, 0x5107));
    const shift = random();
    const position = (permuteIndex(clientIndex, clients, random) + shift) / clients;
    return position * periodUs;
}
/** The intended slot times of one client. */
export function perClientSlots(options) {
    const { ratePerSec, clientIndex, seed, fromUs, untilUs } = options;
    const clients = options.clients ?? 1;
    const originUs = options.originUs ?? 0;
    if (!(ratePerSec > 0) || !Number.isFinite(ratePerSec)) {
        throw new RangeError(`ratePerSec must be a positive number, got ${ratePerSec}`);
    }
    if (!Number.isSafeInteger(clients) || clients < 1)
        throw new RangeError(`clients must be a positive integer, got ${clients}`);
    if (!Number.isSafeInteger(clientIndex) || clientIndex < 0 || clientIndex >= clients) {
        throw new RangeError(`clientIndex must be an integer in [0, ${clients}), got ${clientIndex}`);
    }
    const periodUs = 1_000_000 / ratePerSec;
    const offsetUs = slotOffsetUs(periodUs, clientIndex, clients, seed);
    const slotAt = (j) => Math.floor(originUs + offsetUs + j * periodUs);
    // Each slot is computed from its index, never by adding periods, so no rounding error accumulates.
    const firstIndexAtOrAfter = (t) => {
        let index = Math.max(0, Math.ceil((t - originUs - offsetUs) / periodUs));
        while (index > 0 && slotAt(index - 1) >= t)
            index--;
        while (slotAt(index) < t)
            index++;
        return index;
    };
    const endIndex = firstIndexAtOrAfter(untilUs);
    let j = firstIndexAtOrAfter(fromUs);
    const peek = () => (j < endIndex ? slotAt(j) : undefined);
    const iterator = {
        periodUs,
        offsetUs,
        peek,
        next() {
            const t = peek();
            if (t !== undefined)
                j++;
            return t;
        },
        skipBefore(nowUs) {
            const target = Math.max(j, firstIndexAtOrAfter(nowUs));
            const skipped = Math.max(0, Math.min(target, endIndex) - j);
            j = target;
            return skipped;
        },
        *[Symbol.iterator]() {
            for (let t = iterator.next(); t !== undefined; t = iterator.next())
                yield t;
        },
    };
    return iterator;
}
/**
 * A seeded bijection of [0, n): k -> (a·k + b) mod n with a coprime to n. Cheap and O(1) per index, which
 * matters because every worker computes offsets only for its own clients.
 */
function permuteIndex(k, n, random) {
    if (n === 1)
        return 0;
    let a = 1 + Math.floor(random() * (n - 1));
    while (gcd(a, n) !== 1)
        a = a + 1 === n ? 1 : a + 1;
    const b = Math.floor(random() * n);
    // a·k may exceed 2^53 for huge n; BigInt keeps the bijection exact there.
    const product = a * k;
    if (Number.isSafeInteger(product))
        return (product + b) % n;
    return Number((BigInt(a) * BigInt(k) + BigInt(b)) % BigInt(n));
}
function gcd(x, y) {
    while (y !== 0)
        [x, y] = [y, x % y];
    return x;
}
//# sourceMappingURL=open-model.js.map