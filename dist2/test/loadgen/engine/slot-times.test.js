import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSlotMs, slotSchedule } from '../../../loadgen/engine/slot-times.js';
test('per-client slots are period apart from the window start plus the client offset', () => {
    const schedule = slotSchedule({ kind: 'perClient', perSec: 4 }, 7, 100, 0.5, [[1000, 3000]]);
    assert.equal(schedule.periodMs, 250);
    assert.equal(schedule.offsetMs, 125);
    const slots = [];
    let at = nextSlotMs(schedule, 0, 0, Infinity, true);
    while (at !== undefined) {
        slots.push(at);
        at = nextSlotMs(schedule, at, 0, Infinity);
    }
    assert.deepEqual(slots, [1125, 1375, 1625, 1875, 2125, 2375, 2625, 2875]);
});
test('a total rate is shared out so the population slots are evenly spread', () => {
    // 10 per second over 4 clients: the global sequence is every 100 ms, client i takes slots i, i+4, ...
    const times = [];
    for (let client = 0; client < 4; client += 1) {
        const schedule = slotSchedule({ kind: 'total', perSec: 10 }, client, 4, 0.99, [[0, 1000]]);
        let at = nextSlotMs(schedule, 0, 0, Infinity, true);
        while (at !== undefined) {
            times.push(at);
            at = nextSlotMs(schedule, at, 0, Infinity);
        }
    }
    assert.deepEqual(times.sort((a, b) => a - b), [0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
});
test('slots skip to the next window and respect the client lifetime', () => {
    const schedule = slotSchedule({ kind: 'perClient', perSec: 1 }, 0, 1, 0, [[0, 2000], [5000, 8000]]);
    assert.equal(nextSlotMs(schedule, 1000, 0, Infinity), 5000);
    assert.equal(nextSlotMs(schedule, 1000, 0, 6500), 5000);
    assert.equal(nextSlotMs(schedule, 6000, 0, 6500), undefined);
    // A client connecting at 5500 gets its first slot at 6000, not before its lifetime.
    assert.equal(nextSlotMs(schedule, 5500, 5500, Infinity, true), 6000);
    assert.equal(nextSlotMs(schedule, 7000, 0, Infinity), undefined);
});
test('the next slot after a slot rounded to whole microseconds is the following slot, not the same one', () => {
    const schedule = slotSchedule({ kind: 'perClient', perSec: 3 }, 0, 1, 0.123456789, [[0, 10_000]]);
    let at = nextSlotMs(schedule, 0, 0, Infinity, true);
    for (let i = 0; i < 20; i += 1) {
        const roundedMs = Math.round(at * 1000) / 1000;
        const next = nextSlotMs(schedule, roundedMs, 0, Infinity);
        assert.ok(Math.abs(next - at - schedule.periodMs) < 1e-9, `slot ${i}: ${next} follows ${at}`);
        at = next;
    }
});
//# sourceMappingURL=slot-times.test.js.map