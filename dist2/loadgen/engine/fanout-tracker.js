export class FanoutTracker {
    recorder;
    ledger;
    pending = new Map();
    /** Broadcasts whose fan-out did not reach every expected member (their losses are in the delivery counts). */
    incomplete = 0;
    /** Broadcasts whose fan-out completed. */
    complete = 0;
    /** Receipts that arrived after their broadcast had been settled (judged with the receipts known then). */
    lateReceipts = 0;
    /** The longest send-to-last-receipt span seen so far, µs: settling waits a multiple of it. */
    longestSpanUs = 0;
    /** Messages sent before this time have been settled. */
    settledBeforeUs = Number.NEGATIVE_INFINITY;
    constructor(recorder, 
    /** The broadcasts' ledger: its windows say who is a member when. */
    ledger) {
        this.recorder = recorder;
        this.ledger = ledger;
    }
    partial(part) {
        if (part.lastReceiveUs - part.sentUs > this.longestSpanUs)
            this.longestSpanUs = part.lastReceiveUs - part.sentUs;
        if (part.sentUs < this.settledBeforeUs) {
            this.lateReceipts += part.received;
            return;
        }
        const key = `${part.channel}:${part.sender}:${part.seq}`;
        const entry = this.pending.get(key);
        if (entry) {
            entry.received += part.received;
            if (part.lastReceiveUs > entry.lastReceiveUs)
                entry.lastReceiveUs = part.lastReceiveUs;
            return;
        }
        this.pending.set(key, {
            channel: part.channel,
            sender: part.sender,
            t0Us: part.t0Us,
            sentUs: part.sentUs,
            received: part.received,
            lastReceiveUs: part.lastReceiveUs,
        });
    }
    /**
     * The time before which messages can be settled at `nowUs`: at least `minimumUs` ago, and at least three times
     * the longest fan-out seen so far, so that a slow server does not make complete fan-outs look incomplete.
     */
    settleCutoffUs(nowUs, minimumUs) {
        return nowUs - Math.max(minimumUs, 3 * this.longestSpanUs);
    }
    /** Records the completion of every message sent before `settledBeforeUs` and forgets it. */
    settle(settledBeforeUs) {
        if (settledBeforeUs > this.settledBeforeUs)
            this.settledBeforeUs = settledBeforeUs;
        for (const [key, entry] of this.pending) {
            if (entry.sentUs >= settledBeforeUs)
                continue;
            this.pending.delete(key);
            const expected = this.ledger.membersAt(entry.channel, entry.sender, entry.sentUs);
            if (expected > 0 && entry.received === expected) {
                this.complete += 1;
                this.recorder.record(entry.lastReceiveUs - entry.t0Us, entry.lastReceiveUs - entry.sentUs);
            }
            else {
                this.incomplete += 1;
            }
        }
    }
}
//# sourceMappingURL=fanout-tracker.js.map