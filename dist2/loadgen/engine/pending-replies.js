/**
 * Request/reply over a one-way message channel: each request gets an id, and resolves once the expected number
 * of replies carrying that id has arrived; it rejects when they do not all arrive in time or when the channel
 * ends first. Used for a benchmark's memory readings of worker threads and load processes.
 */
export class PendingReplies {
    nextRequestId = 1;
    pending = new Map();
    /**
     * Opens a request for `expected` replies (at least 1), to be sent with the returned requestId; `what` names
     * them in the error of a request that times out after `timeoutMs`.
     */
    open(expected, timeoutMs, what) {
        if (!Number.isInteger(expected) || expected < 1)
            throw new RangeError(`expected must be a positive integer (got ${expected})`);
        const requestId = this.nextRequestId++;
        const replies = new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                const entry = this.pending.get(requestId);
                this.pending.delete(requestId);
                reject(new Error(`${what}: ${entry?.replies.length ?? 0} of ${expected} replies after ${timeoutMs} ms`));
            }, timeoutMs);
            timer.unref();
            this.pending.set(requestId, { expected, replies: [], what, resolve, reject, timer });
        });
        return { requestId, replies };
    }
    /** Records one reply; a reply to a request that has timed out or ended is dropped. */
    reply(requestId, value) {
        const entry = this.pending.get(requestId);
        if (entry === undefined)
            return;
        entry.replies.push(value);
        if (entry.replies.length < entry.expected)
            return;
        clearTimeout(entry.timer);
        this.pending.delete(requestId);
        entry.resolve(entry.replies);
    }
    /** Rejects one open request: its other side could not answer (`message` says why). */
    fail(requestId, message) {
        const entry = this.pending.get(requestId);
        if (entry === undefined)
            return;
        clearTimeout(entry.timer);
        this.pending.delete(requestId);
        entry.reject(new Error(`${entry.what}: ${message}`));
    }
    /** Rejects every open request: the channel has ended (`reason` says how). */
    failAll(reason) {
        for (const [requestId, entry] of this.pending) {
            clearTimeout(entry.timer);
            this.pending.delete(requestId);
            entry.reject(new Error(`${entry.what}: ${reason}`));
        }
    }
}
//# sourceMappingURL=pending-replies.js.map