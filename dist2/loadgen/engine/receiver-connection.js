/**
 * One connection of a simulated client as a receiver: its membership windows (membership-window.ts), its own
 * order and duplicate tracker, and the send times of what it received lately (for the tail of a window that
 * ends without a drain). A client that reconnects gets a new ReceiverConnection; what still arrives through the
 * old one is judged by the old one's windows, so a draining socket never feeds the new connection's count.
 */
import { OPEN_END_US, PENDING_START_US, windowHolds } from '../measure/membership-window.js';
import { StreamTracker } from '../measure/stream-tracker.js';
export class ReceiverConnection {
    id;
    clientIndex;
    /** The connection's windows per channel, oldest first (a connection may leave a room and join it again). */
    windows = new Map();
    tracker = new StreamTracker();
    /** When its first window opened (the connect, for its direct channel), µs; Infinity before. */
    openedUs = Number.POSITIVE_INFINITY;
    /** From when it sends nothing more (a planned close keeps it open to drain, but sends go through the next one), µs. */
    sendsUntilUs = Number.POSITIVE_INFINITY;
    constructor(
    /** Unique in the run (membership-window.ts connectionId). */
    id, 
    /** The client's global index. */
    clientIndex) {
        this.id = id;
        this.clientIndex = clientIndex;
    }
    /** Notes that a join of `channel` was sent: receipts on it are no longer unknown, but not yet counted. */
    expect(channel) {
        if (this.openWindowOn(channel) !== undefined)
            return;
        const list = this.windows.get(channel);
        if (list !== undefined && list.some((window) => window.startUs === PENDING_START_US))
            return;
        this.listOf(channel).push({ channel, startUs: PENDING_START_US, endUs: OPEN_END_US, recentSentUs: [] });
    }
    /** Opens the window on `channel` at `atUs` (the join ack, or the connect for the direct channel). */
    open(channel, atUs) {
        const list = this.listOf(channel);
        const pending = list.find((window) => window.startUs === PENDING_START_US);
        if (pending !== undefined)
            pending.startUs = atUs;
        else
            list.push({ channel, startUs: atUs, endUs: OPEN_END_US, recentSentUs: [] });
    }
    /** Closes the open window on `channel` at `atUs`; returns false when none was open. A pending join is dropped. */
    close(channel, atUs) {
        const list = this.windows.get(channel);
        if (list === undefined)
            return false;
        const at = list.findIndex((window) => window.startUs === PENDING_START_US);
        if (at >= 0)
            list.splice(at, 1);
        const window = this.openWindowOn(channel);
        if (window === undefined)
            return false;
        window.endUs = atUs;
        return true;
    }
    /** The open window on `channel`, if any. */
    openWindowOn(channel) {
        const list = this.windows.get(channel);
        if (list === undefined)
            return undefined;
        for (const window of list)
            if (window.startUs !== PENDING_START_US && window.endUs === OPEN_END_US)
                return window;
        return undefined;
    }
    /** Channels with an open window. */
    openChannels() {
        const channels = [];
        for (const [channel, list] of this.windows) {
            if (list.some((window) => window.startUs !== PENDING_START_US && window.endUs === OPEN_END_US))
                channels.push(channel);
        }
        return channels;
    }
    /** Every window that opened, open or closed. */
    *allWindows() {
        for (const list of this.windows.values())
            for (const window of list)
                if (window.startUs !== PENDING_START_US)
                    yield window;
    }
    /** Where a message on `channel` sent at `sentUs` falls (see ReceiptWindow). */
    windowFor(channel, sentUs) {
        const list = this.windows.get(channel);
        if (list === undefined)
            return 'unknown';
        for (const window of list)
            if (windowHolds(window.startUs, window.endUs, sentUs))
                return window;
        return 'outside';
    }
    /** Forgets recent receipts sent at or before `beforeUs` (they can no longer fall in a tail). */
    prune(beforeUs) {
        for (const list of this.windows.values()) {
            for (const window of list) {
                const recent = window.recentSentUs;
                if (recent.length === 0 || recent[0] > beforeUs)
                    continue;
                window.recentSentUs = recent.filter((sentUs) => sentUs > beforeUs);
            }
        }
    }
    listOf(channel) {
        let list = this.windows.get(channel);
        if (list === undefined) {
            list = [];
            this.windows.set(channel, list);
        }
        return list;
    }
}
//# sourceMappingURL=receiver-connection.js.map