import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StreamTracker } from '../../../loadgen/measure/stream-tracker.js';

test('in-order, gap filled late, duplicates', () => {
  const tracker = new StreamTracker();
  assert.equal(tracker.record(1, 0), 'new');
  assert.equal(tracker.record(1, 1), 'new');
  assert.equal(tracker.record(1, 4), 'new');
  assert.equal(tracker.record(1, 2), 'outOfOrder');
  assert.equal(tracker.record(1, 2), 'duplicate');
  assert.equal(tracker.record(1, 4), 'duplicate');
  assert.equal(tracker.record(1, 0), 'duplicate');
  assert.equal(tracker.record(1, 3), 'outOfOrder');
  // Streams are independent.
  assert.equal(tracker.record(2, 3), 'new');
  assert.equal(tracker.record(2, 4), 'new');
  assert.equal(tracker.streamCount, 2);
});

test('the first seq of a stream is its floor: earlier seqs arriving later are out of order', () => {
  const tracker = new StreamTracker();
  assert.equal(tracker.record(7, 10), 'new');
  assert.equal(tracker.record(7, 9), 'outOfOrder');
});

test('the gap cap forgets the lowest gaps and reports arrivals below the floor as out of order', () => {
  const tracker = new StreamTracker({ maxGapsPerStream: 3 });
  tracker.record(0, 0);
  tracker.record(0, 3); // gaps 1, 2
  tracker.record(0, 6); // gaps 1, 2, 4, 5 -> cap 3 keeps 2, 4, 5
  assert.equal(tracker.record(0, 1), 'outOfOrder');
  assert.equal(tracker.record(0, 2), 'outOfOrder');
  assert.equal(tracker.record(0, 3), 'duplicate');
  assert.equal(tracker.record(0, 4), 'outOfOrder');
  // A jump larger than the cap keeps only the highest `cap` skipped seqs: 97, 98, 99.
  assert.equal(tracker.record(0, 100), 'new');
  assert.equal(tracker.record(0, 98), 'outOfOrder');
  assert.equal(tracker.record(0, 96), 'outOfOrder');
  assert.throws(() => new StreamTracker({ maxGapsPerStream: 0 }), /maxGapsPerStream/);
});

test('any arrival order of distinct seqs: each is received once, copies are duplicates', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 300 }),
      (arrivals) => {
        const tracker = new StreamTracker();
        const first = arrivals[0] as number;
        const seen = new Set<number>();
        let maxSeq = -1;
        for (const seq of arrivals) {
          const outcome = tracker.record(9, seq);
          if (seen.has(seq) && seq >= first) assert.equal(outcome, 'duplicate');
          else if (!seen.has(seq) && seq > maxSeq) assert.equal(outcome, 'new');
          else if (!seen.has(seq)) assert.equal(outcome, 'outOfOrder');
          seen.add(seq);
          maxSeq = Math.max(maxSeq, seq);
        }
      },
    ),
    { numRuns: 200 },
  );
});
