import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sliceProblems } from '../../../loadgen/merge/load-slices.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';
function slice(position, count, source = `s${position}/result.json`) {
    const result = makeRunResult({ durationSec: 2 });
    result.shard = { position, count, ledgerFile: 'ledger.bin.gz', runStartEpochMs: 0 };
    return {
        source,
        result,
        ledger: { shard: { index: position - 1, count }, rooms: 1, receipts: {}, sends: new Float64Array(), windows: new Float64Array(), tails: new Float64Array(), messages: new Float64Array(), senderTails: new Float64Array() },
    };
}
test('every slice of one run, in any order, has no problem', () => {
    assert.deepEqual(sliceProblems([slice(2, 3), slice(1, 3), slice(3, 3)]), []);
});
test('a missing slice, a slice given twice, another count and another scenario are all reported at once', () => {
    const other = slice(3, 4, 'other/result.json');
    other.result.scenario.text += '\n# changed';
    const problems = sliceProblems([slice(1, 3), slice(1, 3, 'again/result.json'), other]);
    assert.deepEqual(problems, [
        'again/result.json: slice 1/3 is given twice (also s1/result.json)',
        'other/result.json: is slice 3/4, but s1/result.json is one of 3',
        'other/result.json: ran a different scenario text than s1/result.json',
        'missing slices 2/3, 3/3: every slice\'s result is needed for exact delivery accounting',
    ]);
});
test('a ledger of another slice than its result is reported', () => {
    const odd = slice(2, 2);
    odd.ledger.shard = { index: 0, count: 2 };
    assert.deepEqual(sliceProblems([slice(1, 2), odd]), ['s2/result.json: its ledger is of slice 1/2, the result of 2/2']);
});
//# sourceMappingURL=load-slices.test.js.map