import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStartAt, plannedRunStart } from '../../../loadgen/shard/planned-start.js';
test('without --start-at the run starts one lead after now, on both clocks', () => {
    assert.deepEqual(plannedRunStart({ nowUs: 5_000_000, nowEpochMs: 1_000_000, epochClock: false, leadMs: 300, startAtEpochMs: undefined }), {
        runStartUs: 5_300_000,
        runStartEpochMs: 1_000_300,
        lateMs: 0,
    });
});
test('on the epoch clock of a sharded run, --start-at is taken exactly, so slices share one time zero', () => {
    const a = plannedRunStart({ nowUs: 1_000_000_123_456, nowEpochMs: 1_000_000_123, epochClock: true, leadMs: 300, startAtEpochMs: 1_000_005_000 });
    const b = plannedRunStart({ nowUs: 1_000_002_000_789, nowEpochMs: 1_000_002_000, epochClock: true, leadMs: 300, startAtEpochMs: 1_000_005_000 });
    assert.deepEqual(a, { runStartUs: 1_000_005_000_000, runStartEpochMs: 1_000_005_000, lateMs: 0 });
    assert.deepEqual(b, a);
});
test('on the monotonic clock, --start-at is reached through the wall clock', () => {
    assert.deepEqual(plannedRunStart({ nowUs: 7_000, nowEpochMs: 50_000, epochClock: false, leadMs: 300, startAtEpochMs: 52_000 }), {
        runStartUs: 2_007_000,
        runStartEpochMs: 52_000,
        lateMs: 0,
    });
});
test('a --start-at already past (or inside the lead) starts one lead after now and says how late', () => {
    assert.deepEqual(plannedRunStart({ nowUs: 9_000_000_000, nowEpochMs: 9_000_000, epochClock: true, leadMs: 300, startAtEpochMs: 8_999_000 }), {
        runStartUs: 9_000_300_000,
        runStartEpochMs: 9_000_300,
        lateMs: 1300,
    });
});
test('parseStartAt reads epoch ms and ISO timestamps, and refuses anything else', () => {
    assert.equal(parseStartAt('1795694599241'), 1_795_694_599_241);
    assert.equal(parseStartAt('2026-11-26T12:00:00Z'), Date.UTC(2026, 10, 26, 12, 0, 0));
    for (const bad of ['soon', '12:00', '-5', '1.5', '2026-13-45T99:00:00Z'])
        assert.throws(() => parseStartAt(bad), /--start-at must be/, bad);
});
//# sourceMappingURL=planned-start.test.js.map