/**
 * The Engine.IO sessions the primary knows of, learnt from @socket.io/sticky's own IPC messages (a worker sends
 * `sticky:connection` with the sid when it opens a session and `sticky:disconnection` when it closes it).
 *
 * Why the front door needs it: a worker writes the handshake answer (the open packet with the sid) straight to
 * the client's TCP socket and only then tells the primary over IPC which worker holds the session. The client's
 * next requests (the GET and the POST of Socket.IO's CONNECT, sent at once on a new connection) could therefore
 * reach the primary before that message did; sticky then routed them as a new session (least connection), i.e.
 * to the other worker half of the time, which answered `400 Session ID unknown` and the client's connect failed.
 * The front door holds a request for a sid that is neither live nor closed here until sticky has learnt it.
 */
/** Is `message` (anything from a worker over IPC) one of sticky's session messages? */
export function isStickySessionMessage(message) {
    if (typeof message !== 'object' || message === null)
        return false;
    const { type, data } = message;
    return (type === 'sticky:connection' || type === 'sticky:disconnection') && typeof data === 'string';
}
/** The sessions sticky has been told about, on the primary. */
export class SessionRegistry {
    live = new Set();
    /** Insertion-ordered, bounded by `closedMemory`. */
    closed = new Set();
    waiters = new Map();
    closedMemory;
    constructor(options = {}) {
        this.closedMemory = options.closedMemory ?? 10_000;
        if (!Number.isSafeInteger(this.closedMemory) || this.closedMemory < 0) {
            throw new RangeError(`options.closedMemory must be a non-negative integer (got ${this.closedMemory})`);
        }
    }
    /** Takes any IPC message from a worker; sticky's session messages update the registry, others are ignored. */
    observe(message) {
        if (!isStickySessionMessage(message))
            return;
        const sid = message.data;
        switch (message.type) {
            case 'sticky:connection':
                this.closed.delete(sid);
                this.live.add(sid);
                this.settle(sid, 'live');
                return;
            case 'sticky:disconnection':
                this.live.delete(sid);
                this.closed.add(sid);
                if (this.closed.size > this.closedMemory) {
                    const oldest = this.closed.values().next();
                    if (oldest.done !== true)
                        this.closed.delete(oldest.value);
                }
                this.settle(sid, 'closed');
                return;
            default:
                throw new RangeError(`unknown message ${JSON.stringify(message)}`);
        }
    }
    status(sid) {
        if (this.live.has(sid))
            return 'live';
        return this.closed.has(sid) ? 'closed' : 'unknown';
    }
    waitFor(sid, timeoutMs, done) {
        let waiters = this.waiters.get(sid);
        if (waiters === undefined) {
            waiters = new Set();
            this.waiters.set(sid, waiters);
        }
        const waitersOfSid = waiters;
        const remove = () => {
            clearTimeout(timer);
            waitersOfSid.delete(waiter);
            if (waitersOfSid.size === 0 && this.waiters.get(sid) === waitersOfSid)
                this.waiters.delete(sid);
        };
        const waiter = (outcome) => {
            remove();
            done(outcome);
        };
        const timer = setTimeout(() => waiter('timeout'), timeoutMs);
        waiters.add(waiter);
        return remove;
    }
    /** Sids with a request waiting for them (for tests and diagnostics). */
    get waitingSids() {
        return this.waiters.size;
    }
    settle(sid, outcome) {
        const waiters = this.waiters.get(sid);
        if (waiters === undefined)
            return;
        this.waiters.delete(sid);
        // Next tick: the front door hands the request to sticky, whose own listener of this message must have run.
        process.nextTick(() => {
            for (const waiter of waiters)
                waiter(outcome);
        });
    }
}
//# sourceMappingURL=session-registry.js.map