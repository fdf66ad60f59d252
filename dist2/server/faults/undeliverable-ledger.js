/** The ambiguity window, µs: how long after a disconnect (or a join) a client may not yet know of it. */
export const UNDELIVERABLE_AMBIGUITY_US = 50_000;
/** How long a disconnected client is remembered, µs: the ambiguity window plus 10 s for messages in transit. */
export const UNDELIVERABLE_FORGET_AFTER_US = UNDELIVERABLE_AMBIGUITY_US + 10_000_000;
/**
 * Classifies a message sent at `sentUs` to a room that a client joined at `joinedUs` and was disconnected from at
 * `disconnectedUs` (the message handled after the disconnect). Sent before the join: not expected (the client's
 * window opened later). Within `joinAmbiguityUs` of the join, or within `ambiguityUs` after the disconnect:
 * ambiguous. Otherwise at or before the disconnect: certain; later: not expected.
 */
export function classifyUndeliverable(sentUs, joinedUs, disconnectedUs, ambiguityUs, joinAmbiguityUs) {
    if (sentUs < joinedUs || sentUs > disconnectedUs + ambiguityUs)
        return 'not-expected';
    if (sentUs > disconnectedUs || sentUs < joinedUs + joinAmbiguityUs)
        return 'ambiguous';
    return 'certain';
}
export class UndeliverableLedger {
    nowUs;
    ambiguityUs;
    joinAmbiguityUs;
    forgetAfterUs;
    /** Every remembered disconnect, oldest first. */
    records = [];
    /** Room → the remembered disconnects of its members, oldest first. */
    byRoom = new Map();
    totals = { broadcastsCertain: 0, broadcastsAmbiguous: 0, directsCertain: 0, directsAmbiguous: 0 };
    constructor(options) {
        this.nowUs = options.nowUs;
        this.ambiguityUs = options.ambiguityUs ?? UNDELIVERABLE_AMBIGUITY_US;
        this.joinAmbiguityUs = options.joinAmbiguityUs ?? this.ambiguityUs;
        this.forgetAfterUs = options.forgetAfterUs ?? UNDELIVERABLE_FORGET_AFTER_US;
    }
    /**
     * Records that `sid` was disconnected at `disconnectedUs` while in the rooms of `joinedUsByRoom` (room → join
     * time, µs). Disconnect times must not go back (a RangeError otherwise): the forgetting relies on their order.
     */
    recordDisconnect(sid, joinedUsByRoom, disconnectedUs) {
        const latest = this.records.at(-1);
        if (latest !== undefined && disconnectedUs < latest.disconnectedUs) {
            throw new RangeError(`disconnectedUs must not go back (latest ${latest.disconnectedUs}, got ${disconnectedUs})`);
        }
        this.forgetOld();
        const record = { sid, disconnectedUs, joinedUsByRoom: new Map(joinedUsByRoom) };
        this.records.push(record);
        for (const room of joinedUsByRoom.keys()) {
            const list = this.byRoom.get(room);
            if (list === undefined)
                this.byRoom.set(room, [record]);
            else
                list.push(record);
        }
    }
    /** Counts a bench broadcast to `room` handled now; the sender's own client is left out unless `includeSelf`. */
    countBroadcast(room, sentUs, senderSid, includeSelf) {
        this.forgetOld();
        for (const record of this.byRoom.get(room) ?? []) {
            if (!includeSelf && record.sid === senderSid)
                continue;
            const kind = this.classify(record, room, sentUs);
            if (kind === 'certain')
                this.totals.broadcastsCertain += 1;
            else if (kind === 'ambiguous')
                this.totals.broadcastsAmbiguous += 1;
        }
    }
    /** Counts a bench direct to `to` (a sid or a personal room) handled now. */
    countDirect(to, sentUs) {
        this.forgetOld();
        for (const record of this.byRoom.get(to) ?? []) {
            const kind = this.classify(record, to, sentUs);
            if (kind === 'certain')
                this.totals.directsCertain += 1;
            else if (kind === 'ambiguous')
                this.totals.directsAmbiguous += 1;
        }
    }
    /** The counts so far (a copy). */
    counts() {
        return { ...this.totals };
    }
    /** How many disconnects are remembered now (for tests of the bound). */
    get rememberedDisconnects() {
        return this.records.length;
    }
    classify(record, room, sentUs) {
        const joinedUs = record.joinedUsByRoom.get(room);
        return classifyUndeliverable(sentUs, joinedUs, record.disconnectedUs, this.ambiguityUs, this.joinAmbiguityUs);
    }
    forgetOld() {
        const oldestKeptUs = this.nowUs() - this.forgetAfterUs;
        while (this.records.length > 0 && this.records[0].disconnectedUs < oldestKeptUs) {
            const record = this.records.shift();
            for (const room of record.joinedUsByRoom.keys()) {
                const list = this.byRoom.get(room);
                // Records enter every list in disconnect order, so the oldest is at the front of each of its rooms.
                list?.shift();
                if (list !== undefined && list.length === 0)
                    this.byRoom.delete(room);
            }
        }
    }
}
//# sourceMappingURL=undeliverable-ledger.js.map