import assert from 'node:assert/strict';
import { test } from 'node:test';
import { microsecondsToMilliseconds, microsecondsToSeconds, millisecondsToMicroseconds, millisecondsToSeconds, monotonicNowUs, nanosecondsToMicroseconds, } from '../../../server/metrics/units.js';
test('nanoseconds round to the nearest microsecond', () => {
    assert.deepEqual([0, 499, 500, 1_000, 10_485_759].map(nanosecondsToMicroseconds), [0, 0, 1, 1, 10_486]);
});
test('microseconds and milliseconds to seconds', () => {
    assert.equal(microsecondsToSeconds(1_500_000), 1.5);
    assert.equal(microsecondsToSeconds(31_250), 0.03125);
    assert.equal(millisecondsToSeconds(250), 0.25);
});
test('milliseconds to whole microseconds and back', () => {
    assert.deepEqual([0, 20, 20.0004, 20.0006, 37.4567891].map(millisecondsToMicroseconds), [0, 20_000, 20_000, 20_001, 37_457]);
    assert.equal(microsecondsToMilliseconds(37_457), 37.457);
});
test('the monotonic clock is whole microseconds of process.hrtime', () => {
    const beforeUs = Number(process.hrtime.bigint() / 1000n);
    const nowUs = monotonicNowUs();
    const afterUs = Number(process.hrtime.bigint() / 1000n);
    assert.ok(Number.isSafeInteger(nowUs) && nowUs >= beforeUs && nowUs <= afterUs, `${beforeUs} <= ${nowUs} <= ${afterUs}`);
});
//# sourceMappingURL=units.test.js.map