/** Numbers per send record: channel, sender, sentUs. */
export const SEND_FIELDS = 3;
/** Numbers per window record: channel, receiver, connection, atUs, open (1) or close (0). */
export const WINDOW_FIELDS = 5;
/** Numbers per tail record: channel, connection, fromUs, toUs, received, cause (TAIL_CAUSES index). */
export const TAIL_FIELDS = 6;
/** Tail causes by their number in a tail record. */
export const TAIL_CAUSES = ['inFlightAtStop', 'undeliverable'];
/** Numbers per message record (a broadcast's partial fan-out, a direct's receipt): channel, sender, seq, t0Us, sentUs, received, lastReceiveUs. */
export const MESSAGE_FIELDS = 7;
/** Numbers per sender tail: sender, fromUs, toUs. */
export const SENDER_TAIL_FIELDS = 3;
/** A Float64Array that grows by doubling; `view()` is the filled part. */
class GrowableFloat64 {
    data = new Float64Array(1024);
    length = 0;
    push(value) {
        if (this.length === this.data.length) {
            const bigger = new Float64Array(this.data.length * 2);
            bigger.set(this.data);
            this.data = bigger;
        }
        this.data[this.length] = value;
        this.length += 1;
    }
    view() {
        return this.data.subarray(0, this.length);
    }
}
/** Collects every LedgerDelta of a shard's workers (pass `add` as the coordinator's onLedger). */
export class LedgerLog {
    sends = new GrowableFloat64();
    windows = new GrowableFloat64();
    tails = new GrowableFloat64();
    messages = new GrowableFloat64();
    senderTails = new GrowableFloat64();
    /** Appends one worker's delta. */
    add = (delta) => {
        for (const batch of delta.sends) {
            for (const sentUs of batch.sentUs) {
                this.sends.push(batch.channel);
                this.sends.push(batch.sender);
                this.sends.push(sentUs);
            }
        }
        for (const event of delta.windows) {
            for (const value of [event.channel, event.receiver, event.connection, event.atUs, event.open ? 1 : 0])
                this.windows.push(value);
        }
        for (const tail of delta.tails) {
            for (const value of [tail.channel, tail.connection, tail.fromUs, tail.toUs, tail.received, TAIL_CAUSES.indexOf(tail.cause)])
                this.tails.push(value);
        }
        for (const part of delta.messages) {
            for (const value of [part.channel, part.sender, part.seq, part.t0Us, part.sentUs, part.received, part.lastReceiveUs])
                this.messages.push(value);
        }
        for (const tail of delta.senderTails)
            for (const value of [tail.sender, tail.fromUs, tail.toUs])
                this.senderTails.push(value);
    };
    /** The collected data as a ShardLedger. */
    finish(shard, rooms, receipts) {
        return { shard, rooms, receipts, sends: this.sends.view(), windows: this.windows.view(), tails: this.tails.view(), messages: this.messages.view(), senderTails: this.senderTails.view() };
    }
}
//# sourceMappingURL=ledger-log.js.map