/**
 * One timer for every deadline of every lean client in this thread (ack timeouts, connect timeouts, ping
 * checks): a binary min-heap in parallel arrays and a single unref'd setTimeout armed for the earliest entry.
 * With 10,000 clients and a few acks per second each, a setTimeout per ack would allocate a Timeout object and a
 * closure per ack; here an entry is three array slots and no allocation once the arrays have grown.
 * Entries cannot be cancelled: the target checks on expiry whether the deadline still matters (the ack may have
 * arrived), which costs one cheap call per entry instead of bookkeeping on every ack.
 */
import { performance } from 'node:perf_hooks';
/** setTimeout's largest delay, ms. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** The monotonic clock all deadlines use, ms. */
export function monotonicNowMs() {
    return performance.now();
}
/** A min-heap of deadlines with one timer. Exported as a class for tests; clients use `sharedDeadlines`. */
export class DeadlineQueue {
    nowMs;
    deadlinesMs = new Float64Array(64);
    targets = [];
    tags = new Float64Array(64);
    size = 0;
    timer;
    timerAtMs = Infinity;
    constructor(nowMs = monotonicNowMs) {
        this.nowMs = nowMs;
    }
    /** Entries waiting, expired or not. */
    get pending() {
        return this.size;
    }
    /** Calls `target.onDeadline(tag)` once `deadlineMs` (on the monotonic clock) has passed. */
    schedule(deadlineMs, target, tag) {
        if (this.size === this.deadlinesMs.length)
            this.grow();
        let i = this.size++;
        // sift up
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (this.deadlinesMs[parent] <= deadlineMs)
                break;
            this.move(parent, i);
            i = parent;
        }
        this.deadlinesMs[i] = deadlineMs;
        this.targets[i] = target;
        this.tags[i] = tag;
        if (deadlineMs < this.timerAtMs)
            this.arm();
    }
    /** Runs every expired entry now (the timer calls this; tests may too). */
    runExpired() {
        const now = this.nowMs();
        try {
            while (this.size > 0 && this.deadlinesMs[0] <= now) {
                const target = this.targets[0];
                const tag = this.tags[0];
                this.removeTop();
                target.onDeadline(tag, now);
            }
        }
        finally {
            // Re-arm even when a callback threw, so the remaining deadlines still fire.
            this.timerAtMs = Infinity;
            if (this.timer !== undefined)
                clearTimeout(this.timer);
            this.timer = undefined;
            if (this.size > 0)
                this.arm();
        }
    }
    arm() {
        if (this.timer !== undefined)
            clearTimeout(this.timer);
        const atMs = this.deadlinesMs[0];
        this.timerAtMs = atMs;
        // +1: setTimeout may fire a fraction of a ms early against performance.now(). The cap: Node turns a longer
        // delay into 1 ms (a hostile pingInterval would otherwise make the timer spin); an early wake-up just re-arms.
        const delayMs = Math.min(MAX_TIMER_DELAY_MS, Math.max(0, Math.ceil(atMs - this.nowMs()) + 1));
        this.timer = setTimeout(runQueue, delayMs, this);
        this.timer.unref();
    }
    removeTop() {
        const last = --this.size;
        const deadlineMs = this.deadlinesMs[last];
        const target = this.targets[last];
        const tag = this.tags[last];
        this.targets[last] = undefined;
        if (last === 0)
            return;
        // sift down the last entry from the root
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            if (left >= last)
                break;
            const right = left + 1;
            const child = right < last && this.deadlinesMs[right] < this.deadlinesMs[left] ? right : left;
            if (this.deadlinesMs[child] >= deadlineMs)
                break;
            this.move(child, i);
            i = child;
        }
        this.deadlinesMs[i] = deadlineMs;
        this.targets[i] = target;
        this.tags[i] = tag;
    }
    move(from, to) {
        this.deadlinesMs[to] = this.deadlinesMs[from];
        this.targets[to] = this.targets[from];
        this.tags[to] = this.tags[from];
    }
    grow() {
        const deadlinesMs = new Float64Array(this.deadlinesMs.length * 2);
        deadlinesMs.set(this.deadlinesMs);
        this.deadlinesMs = deadlinesMs;
        const tags = new Float64Array(this.tags.length * 2);
        tags.set(this.tags);
        this.tags = tags;
    }
}
function runQueue(queue) {
    queue.runExpired();
}
/** The queue every lean client of this thread shares (module state is per worker thread). */
export const sharedDeadlines = new DeadlineQueue();
//# sourceMappingURL=deadline-queue.js.map