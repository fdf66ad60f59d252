/**
 * A binary min-heap of due actions (dueUs, clientSlot, actionIndex) for one worker: the worker pops what is
 * due and pushes each client's next slot. Stored in parallel typed arrays (no object per entry) since a
 * worker holds one entry per client and action. Equal due times pop in push order, so runs are repeatable.
 */
/** Min-heap of due actions ordered by (dueUs, push order). */
export class ScheduleQueue {
    due = new Float64Array(64);
    /** Push order, to break ties of equal due times deterministically. */
    order = new Float64Array(64);
    client = new Int32Array(64);
    action = new Int32Array(64);
    size = 0;
    pushes = 0;
    /** Entries queued. */
    get length() {
        return this.size;
    }
    /** Queues an entry due at `dueUs` (µs) for client slot `clientSlot` (int32) and action `actionIndex` (int32). */
    push(dueUs, clientSlot, actionIndex) {
        if (this.size === this.due.length)
            this.grow();
        let i = this.size++;
        const order = this.pushes++;
        // Sift up: move parents down until the new entry's place is found.
        while (i > 0) {
            const parent = (i - 1) >>> 1;
            if (!this.less(dueUs, order, parent))
                break;
            this.move(parent, i);
            i = parent;
        }
        this.set(i, dueUs, order, clientSlot, actionIndex);
    }
    /** The earliest due time, µs, or undefined when empty. */
    peekDueUs() {
        return this.size > 0 ? this.due[0] : undefined;
    }
    /**
     * Pops every entry due at or before `nowUs`, earliest first, and calls `visit` with each. Entries pushed by
     * `visit` that are already due are popped in the same call, up to `maxCount` pops in all (default: no
     * limit; give one when a visitor may push due entries without end). Returns how many were popped.
     */
    popDue(nowUs, visit, maxCount = Number.POSITIVE_INFINITY) {
        let popped = 0;
        while (popped < maxCount && this.size > 0 && this.due[0] <= nowUs) {
            const dueUs = this.due[0];
            const clientSlot = this.client[0];
            const actionIndex = this.action[0];
            this.removeTop();
            popped++;
            visit(dueUs, clientSlot, actionIndex);
        }
        return popped;
    }
    removeTop() {
        const last = --this.size;
        if (last === 0)
            return;
        const dueUs = this.due[last];
        const order = this.order[last];
        const clientSlot = this.client[last];
        const actionIndex = this.action[last];
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            if (left >= last)
                break;
            const right = left + 1;
            const child = right < last && this.lessAt(right, left) ? right : left;
            if (!this.lessThanEntry(child, dueUs, order))
                break;
            this.move(child, i);
            i = child;
        }
        this.set(i, dueUs, order, clientSlot, actionIndex);
    }
    /** Whether (dueUs, order) sorts before the entry at index i. */
    less(dueUs, order, i) {
        const other = this.due[i];
        return dueUs < other || (dueUs === other && order < this.order[i]);
    }
    lessAt(a, b) {
        return this.less(this.due[a], this.order[a], b);
    }
    /** Whether the entry at index i sorts before (dueUs, order). */
    lessThanEntry(i, dueUs, order) {
        const mine = this.due[i];
        return mine < dueUs || (mine === dueUs && this.order[i] < order);
    }
    move(from, to) {
        this.due[to] = this.due[from];
        this.order[to] = this.order[from];
        this.client[to] = this.client[from];
        this.action[to] = this.action[from];
    }
    set(i, dueUs, order, clientSlot, actionIndex) {
        this.due[i] = dueUs;
        this.order[i] = order;
        this.client[i] = clientSlot;
        this.action[i] = actionIndex;
    }
    grow() {
        const capacity = this.due.length * 2;
        const due = new Float64Array(capacity);
        due.set(this.due);
        const order = new Float64Array(capacity);
        order.set(this.order);
        const client = new Int32Array(capacity);
        client.set(this.client);
        const action = new Int32Array(capacity);
        action.set(this.action);
        this.due = due;
        this.order = order;
        this.client = client;
        this.action = action;
    }
}
//# sourceMappingURL=schedule-queue.js.map