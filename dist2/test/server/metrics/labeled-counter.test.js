import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LabeledCounter, overflowLabel } from '../../../server/metrics/labeled-counter.js';
test('counts by label and in total, labels sorted', () => {
    const counter = new LabeledCounter();
    counter.increment('b');
    counter.increment('a', 3);
    counter.increment('b');
    assert.equal(counter.total, 5);
    assert.deepEqual(Object.entries(counter.toRecord()), [
        ['a', 3],
        ['b', 2],
    ]);
});
test('labels beyond the cap are summed under (other); known labels keep counting', () => {
    const counter = new LabeledCounter(2);
    for (const label of ['x', 'y', 'z', 'w', 'x'])
        counter.increment(label);
    assert.deepEqual(counter.toRecord(), { [overflowLabel]: 2, x: 2, y: 1 });
    assert.equal(counter.total, 5);
});
//# sourceMappingURL=labeled-counter.test.js.map