/**
 * Coordinator-side exact expected-delivery accounting. A channel is a room id, or a client's personal
 * channel for direct messages. Senders report the actual send times of what they sent on each channel;
 * receivers report their membership windows on each channel, one per connection (membership-window.ts holds
 * the rule: a message is expected through a window when its send time is in [startUs, endUs]). A receiver
 * does not expect its own messages unless the channel includes the sender.
 *
 * The worker decides its receipts with the very same bounds (it reports what it uses itself), so the two
 * counts agree exactly when nothing is lost. Windows that ended without a drain carry a tail (WindowTail):
 * their missing messages in the tail are counted by cause, not as lost.
 *
 * Cost: sends are kept in sorted Float64 arrays per channel and per (channel, sender); `account` is
 * O(windows × log sends) (about 100k × 20 steps for 100k windows and 1M sends), plus one sort of a channel
 * whose sends arrived out of order since the last call.
 */
import { OPEN_END_US, windowHolds } from './membership-window.js';
import { SortedTimes } from './sorted-times.js';
/** Expected deliveries from sends and membership windows; one per delivering kind and run on the coordinator. */
export class DeliveryLedger {
    includeSelf;
    channels = new Map();
    windows = [];
    windowsByChannel = new Map();
    /** The open window per channel and connection. */
    open = new Map();
    /** Every window per channel and connection, open or closed (a connection may leave and join again). */
    byConnection = new Map();
    /** The channels each sender sent on. */
    channelsBySender = new Map();
    sendCount = 0;
    constructor(includeSelf) {
        this.includeSelf = includeSelf;
    }
    /** Records that `sender` sent messages on `channel` at `sentUs` (actual send times, µs). */
    addSends(channel, sender, sentUs) {
        if (sentUs.length === 0)
            return;
        const sends = this.channelSends(channel);
        sends.all.append(sentUs);
        let mine = sends.bySender.get(sender);
        if (mine === undefined) {
            mine = new SortedTimes();
            sends.bySender.set(sender, mine);
        }
        mine.append(sentUs);
        let channels = this.channelsBySender.get(sender);
        if (channels === undefined) {
            channels = new Set();
            this.channelsBySender.set(sender, channels);
        }
        channels.add(channel);
        this.sendCount += sentUs.length;
    }
    /** Opens `connection`'s window on `channel` at `startUs`; `receiver` is its client. Throws if one is open. */
    openWindow(channel, receiver, connection, startUs) {
        const byConnection = mapOf(this.open, channel);
        if (byConnection.has(connection)) {
            throw new RangeError(`connection ${connection} already has an open window on channel ${channel}`);
        }
        const window = { channel, receiver, connection, sends: this.channelSends(channel), startUs, endUs: OPEN_END_US, tail: undefined };
        byConnection.set(connection, window);
        this.windows.push(window);
        listOf(this.windowsByChannel, channel).push(window);
        listOf(mapOf(this.byConnection, channel), connection).push(window);
    }
    /** Closes `connection`'s open window on `channel` at `endUs` (>= its start). Throws if none is open. */
    closeWindow(channel, connection, endUs) {
        const window = this.open.get(channel)?.get(connection);
        if (window === undefined)
            throw new RangeError(`connection ${connection} has no open window on channel ${channel}`);
        if (endUs < window.startUs) {
            throw new RangeError(`endUs ${endUs} is before the window's startUs ${window.startUs}`);
        }
        window.endUs = endUs;
        this.open.get(channel)?.delete(connection);
    }
    /**
     * Records that a connection ended without a drain: the window of `tail.connection` on `tail.channel` that
     * holds tail.toUs (its end) gets the tail. Throws if there is no such closed window, or it has a tail already.
     */
    addTail(tail) {
        const window = this.byConnection.get(tail.channel)?.get(tail.connection)?.find((w) => w.endUs === tail.toUs);
        if (window === undefined)
            throw new RangeError(`connection ${tail.connection} has no window on channel ${tail.channel} ending at ${tail.toUs}`);
        if (window.tail !== undefined)
            throw new RangeError(`the window of connection ${tail.connection} on channel ${tail.channel} has a tail already`);
        window.tail = { fromUs: tail.fromUs, received: tail.received, cause: tail.cause };
    }
    /**
     * Deliveries expected from sends with sentUs <= cutoffUs: the sum over windows of the channel's sends in
     * [startUs, min(endUs, cutoffUs)], less the receiver's own sends unless includeSelf(channel); and, of the
     * windows whose tail ends by the cutoff, the expected messages of the tail that did not arrive, by cause.
     */
    account(cutoffUs) {
        const result = { expected: 0, inFlightAtStop: 0, undeliverable: 0 };
        const includeSelfByChannel = new Map();
        for (const window of this.windows) {
            if (window.sends.all.length === 0)
                continue;
            let includeSelf = includeSelfByChannel.get(window.channel);
            if (includeSelf === undefined) {
                includeSelf = this.includeSelf(window.channel);
                includeSelfByChannel.set(window.channel, includeSelf);
            }
            const toUs = Math.min(window.endUs, cutoffUs);
            result.expected += this.countExpected(window, includeSelf, toUs);
            const tail = window.tail;
            if (tail === undefined || window.endUs > cutoffUs)
                continue;
            const expectedInTail = this.countExpected(window, includeSelf, window.endUs, tail.fromUs);
            result[tail.cause] += Math.max(0, expectedInTail - tail.received);
        }
        return result;
    }
    /**
     * How many members should get a message sent on `channel` at `sentUs` by `sender` (fan-out completion). With
     * `outsideTails`, only those whose window's tail does not cover it (their miss is counted there already).
     */
    membersAt(channel, sender, sentUs, options = {}) {
        const list = this.windowsByChannel.get(channel);
        if (list === undefined)
            return 0;
        const self = this.includeSelf(channel);
        let count = 0;
        for (const window of list) {
            if (!windowHolds(window.startUs, window.endUs, sentUs) || (!self && window.receiver === sender))
                continue;
            if (options.outsideTails === true && window.tail !== undefined && sentUs > window.tail.fromUs)
                continue;
            count += 1;
        }
        return count;
    }
    /** `sender`'s sends with a send time in (fromUs, toUs], on every channel. */
    sendsOf(sender, fromUs, toUs) {
        const sends = [];
        for (const channel of this.channelsBySender.get(sender) ?? []) {
            for (const sentUs of this.channels.get(channel)?.bySender.get(sender)?.valuesAboveUpTo(fromUs, toUs) ?? [])
                sends.push({ channel, sentUs });
        }
        return sends;
    }
    /**
     * Sends of the window's channel in [startUs, toUs], or in (afterUs, toUs] when afterUs is at or past the
     * window's start; less the receiver's own unless includeSelf.
     */
    countExpected(window, includeSelf, toUs, afterUs = Number.NEGATIVE_INFINITY) {
        const count = (times) => afterUs < window.startUs ? times.countInRange(window.startUs, toUs) : times.countAboveUpTo(afterUs, toUs);
        let expected = count(window.sends.all);
        if (!includeSelf) {
            const own = window.sends.bySender.get(window.receiver);
            if (own !== undefined)
                expected -= count(own);
        }
        return expected;
    }
    channelSends(channel) {
        let sends = this.channels.get(channel);
        if (sends === undefined) {
            sends = { all: new SortedTimes(), bySender: new Map() };
            this.channels.set(channel, sends);
        }
        return sends;
    }
    /** Sends recorded so far, over all channels. */
    get sends() {
        return this.sendCount;
    }
    /** Windows recorded so far, open and closed. */
    get windowCount() {
        return this.windows.length;
    }
}
function mapOf(map, key) {
    let inner = map.get(key);
    if (inner === undefined) {
        inner = new Map();
        map.set(key, inner);
    }
    return inner;
}
function listOf(map, key) {
    let list = map.get(key);
    if (list === undefined) {
        list = [];
        map.set(key, list);
    }
    return list;
}
//# sourceMappingURL=delivery-ledger.js.map