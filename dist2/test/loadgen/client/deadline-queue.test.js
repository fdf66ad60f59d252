/**
 * The shared deadline heap, driven by an injected clock: order, equal deadlines, and resilience to a throwing target.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeadlineQueue } from '../../../loadgen/client/deadline-queue.js';
function recorder() {
    const fired = [];
    return { fired, onDeadline: (tag, nowMs) => fired.push([tag, nowMs]) };
}
describe('DeadlineQueue', () => {
    it('fires expired entries in deadline order, and only those', () => {
        let nowMs = 1000;
        const queue = new DeadlineQueue(() => nowMs);
        const target = recorder();
        const deadlines = [1050, 1010, 1030, 1010, 1200, 1020, 1090, 1005];
        deadlines.forEach((deadlineMs, tag) => queue.schedule(deadlineMs, target, tag));
        nowMs = 1030;
        queue.runExpired();
        assert.deepEqual(target.fired.map(([tag]) => deadlines[tag]), [1005, 1010, 1010, 1020, 1030]);
        assert.equal(queue.pending, 3);
        nowMs = 5000;
        queue.runExpired();
        assert.deepEqual(target.fired.map(([tag]) => deadlines[tag]), [1005, 1010, 1010, 1020, 1030, 1050, 1090, 1200]);
        assert.equal(queue.pending, 0);
    });
    it('keeps order over many random entries (heap growth)', () => {
        let nowMs = 0;
        const queue = new DeadlineQueue(() => nowMs);
        const target = recorder();
        let seed = 7;
        const deadlines = [];
        for (let tag = 0; tag < 1000; tag++) {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            deadlines.push(seed % 10_000);
            queue.schedule(deadlines[tag], target, tag);
        }
        nowMs = 10_000;
        queue.runExpired();
        assert.deepEqual(target.fired.map(([tag]) => deadlines[tag]), [...deadlines].sort((a, b) => a - b));
    });
    it('still fires the remaining entries after a target throws', async () => {
        let nowMs = 0;
        const queue = new DeadlineQueue(() => nowMs);
        const target = recorder();
        queue.schedule(1, { onDeadline: () => { throw new Error('boom'); } }, 0);
        queue.schedule(2, target, 1);
        nowMs = 10;
        assert.throws(() => queue.runExpired(), /boom/);
        assert.equal(queue.pending, 1);
        queue.runExpired();
        assert.deepEqual(target.fired, [[1, 10]]);
    });
    it('fires on its own timer with the real clock', async () => {
        const queue = new DeadlineQueue();
        // The queue's timer is unref'd: this ref'd one keeps the process alive meanwhile and bounds the wait.
        let guard;
        const fired = await new Promise((resolve) => {
            guard = setTimeout(() => resolve(-1), 5000);
            queue.schedule(performance.now() + 5, { onDeadline: (tag) => resolve(tag) }, 42);
        });
        clearTimeout(guard);
        assert.equal(fired, 42);
    });
});
//# sourceMappingURL=deadline-queue.test.js.map