import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InjectedDelayRecord, MAX_RECORDED_DELAYS } from '../../../server/faults/injected-delays.js';
test('every recorded delay is kept exactly, in order, with its count', () => {
    const record = new InjectedDelayRecord();
    for (const delayUs of [20_000, 59_999, 0, 37_457])
        record.record(delayUs);
    assert.deepEqual(record.toJson(), { count: 4, valuesUs: [20_000, 59_999, 0, 37_457] });
});
test('past the capacity the count goes on and the first values are kept', () => {
    const record = new InjectedDelayRecord(3);
    for (let i = 1; i <= 5; i += 1)
        record.record(i * 1000);
    assert.deepEqual(record.toJson(), { count: 5, valuesUs: [1000, 2000, 3000] });
    assert.equal(new InjectedDelayRecord().toJson().valuesUs.length, 0);
    assert.equal(MAX_RECORDED_DELAYS, 10_000);
});
test('a delay that is not whole non-negative microseconds is refused', () => {
    const record = new InjectedDelayRecord();
    assert.throws(() => record.record(1.5), /delayUs must be an integer/);
    assert.throws(() => record.record(-1), /delayUs must be an integer/);
    assert.deepEqual(record.toJson(), { count: 0, valuesUs: [] });
});
//# sourceMappingURL=injected-delays.test.js.map