/** How long receipts are remembered by send time, µs, for tails that arrive after them. */
export const REACHED_RETENTION_US = 30_000_000;
export class SenderTails {
    /** Recent messages that reached someone: by send second, then sender. */
    recent = new Map();
    tails = [];
    tailsBySender = new Map();
    /** Receipts are forgotten a whole send second at a time: the second of the last forgetting. */
    forgotAtSec = Number.NEGATIVE_INFINITY;
    /** One message (`sender`'s `seq`-th on `channel`, sent at `sentUs`) reached at least one receiver. */
    reached(channel, sender, sentUs, seq) {
        for (const tail of this.tailsBySender.get(sender) ?? []) {
            if (sentUs > tail.fromUs && sentUs <= tail.toUs)
                markReached(tail.reached, channel, sentUs, seq);
        }
        const sec = Math.floor(sentUs / 1_000_000);
        let bySender = this.recent.get(sec);
        if (bySender === undefined) {
            bySender = new Map();
            this.recent.set(sec, bySender);
        }
        let byChannel = bySender.get(sender);
        if (byChannel === undefined) {
            byChannel = new Map();
            bySender.set(sender, byChannel);
        }
        markReached(byChannel, channel, sentUs, seq);
        if (sec > this.forgotAtSec) {
            this.forgotAtSec = sec;
            this.forgetBefore(sentUs - REACHED_RETENTION_US);
        }
    }
    /** A sender's connection ended abruptly: remember what of its range already reached someone. */
    add(tail) {
        const open = { ...tail, reached: new Map() };
        for (let sec = Math.floor(tail.fromUs / 1_000_000); sec <= Math.floor(tail.toUs / 1_000_000); sec += 1) {
            for (const [channel, times] of this.recent.get(sec)?.get(tail.sender) ?? []) {
                for (const [sentUs, seqs] of times) {
                    if (sentUs > tail.fromUs && sentUs <= tail.toUs)
                        for (const seq of seqs)
                            markReached(open.reached, channel, sentUs, seq);
                }
            }
        }
        this.tails.push(open);
        let list = this.tailsBySender.get(tail.sender);
        if (list === undefined) {
            list = [];
            this.tailsBySender.set(tail.sender, list);
        }
        list.push(open);
    }
    /**
     * The expected deliveries of `ledger` that are undeliverable on the sender's side: of each tail's sends in its
     * range (by the ledger's own sends), those that reached nobody, at every member not already counted by its tail.
     */
    undeliverable(ledger) {
        let count = 0;
        for (const tail of this.tails) {
            // Sends at one time on one channel are told apart by how many of them reached someone.
            const seen = new Map();
            for (const { channel, sentUs } of ledger.sendsOf(tail.sender, tail.fromUs, tail.toUs)) {
                const key = `${channel}:${sentUs}`;
                const earlier = seen.get(key) ?? 0;
                seen.set(key, earlier + 1);
                if (earlier < (tail.reached.get(channel)?.get(sentUs)?.size ?? 0))
                    continue;
                count += ledger.membersAt(channel, tail.sender, sentUs, { outsideTails: true });
            }
        }
        return count;
    }
    forgetBefore(sentUs) {
        const limitSec = Math.floor(sentUs / 1_000_000);
        for (const sec of this.recent.keys())
            if (sec < limitSec)
                this.recent.delete(sec);
    }
}
function markReached(reached, channel, sentUs, seq) {
    let byTime = reached.get(channel);
    if (byTime === undefined) {
        byTime = new Map();
        reached.set(channel, byTime);
    }
    let seqs = byTime.get(sentUs);
    if (seqs === undefined) {
        seqs = new Set();
        byTime.set(sentUs, seqs);
    }
    seqs.add(seq);
}
//# sourceMappingURL=sender-tails.js.map