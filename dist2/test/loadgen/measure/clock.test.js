import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock, monotonicClock } from '../../../loadgen/measure/clock.js';
test('monotonicClock gives non-decreasing integer microseconds', () => {
    let previous = monotonicClock.nowUs();
    for (let i = 0; i < 1000; i++) {
        const now = monotonicClock.nowUs();
        assert.ok(Number.isSafeInteger(now));
        assert.ok(now >= previous);
        previous = now;
    }
});
test('monotonicClock matches process.hrtime in microseconds', () => {
    const beforeUs = Number(process.hrtime.bigint() / 1000n);
    const nowUs = monotonicClock.nowUs();
    const afterUs = Number(process.hrtime.bigint() / 1000n);
    assert.ok(nowUs >= beforeUs && nowUs <= afterUs);
});
test('manualClock moves only when told and refuses to go back', () => {
    const clock = manualClock(1_000);
    assert.equal(clock.nowUs(), 1_000);
    clock.advanceUs(250);
    assert.equal(clock.nowUs(), 1_250);
    clock.setUs(5_000);
    assert.equal(clock.nowUs(), 5_000);
    assert.throws(() => clock.setUs(4_999), /must not go back/);
    assert.throws(() => clock.advanceUs(-1), /non-negative integer/);
    assert.throws(() => clock.advanceUs(0.5), /non-negative integer/);
    assert.throws(() => manualClock(-3), /startUs/);
    assert.equal(manualClock().nowUs(), 0);
});
//# sourceMappingURL=clock.test.js.map