import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ScheduleQueue } from '../../../loadgen/schedule/schedule-queue.js';

test('pops due entries earliest first, ties in push order', () => {
  const queue = new ScheduleQueue();
  assert.equal(queue.peekDueUs(), undefined);
  queue.push(30, 1, 0);
  queue.push(10, 2, 0);
  queue.push(20, 3, 1);
  queue.push(10, 4, 2);
  assert.equal(queue.peekDueUs(), 10);
  const seen: [number, number, number][] = [];
  assert.equal(queue.popDue(20, (d, c, a) => seen.push([d, c, a])), 3);
  assert.deepEqual(seen, [[10, 2, 0], [10, 4, 2], [20, 3, 1]]);
  assert.equal(queue.length, 1);
  assert.equal(queue.peekDueUs(), 30);
});

test('entries pushed while visiting are popped when due, within maxCount', () => {
  const queue = new ScheduleQueue();
  queue.push(0, 0, 0);
  const visited: number[] = [];
  const popped = queue.popDue(100, (dueUs, client, action) => {
    visited.push(dueUs);
    queue.push(dueUs + 40, client, action);
  });
  assert.equal(popped, 3);
  assert.deepEqual(visited, [0, 40, 80]);
  assert.equal(queue.peekDueUs(), 120);
  const endless = new ScheduleQueue();
  endless.push(0, 0, 0);
  assert.equal(endless.popDue(10, (d, c, a) => endless.push(d, c, a), 5), 5);
});

test('any pushes come out sorted by (due, push order)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), (dues, nowUs) => {
      const queue = new ScheduleQueue();
      dues.forEach((d, i) => queue.push(d, i, i % 3));
      const out: [number, number][] = [];
      queue.popDue(nowUs, (d, c) => out.push([d, c]));
      const expected = dues
        .map((d, i) => [d, i] as [number, number])
        .filter(([d]) => d <= nowUs)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      assert.deepEqual(out, expected);
      assert.equal(queue.length, dues.length - expected.length);
    }),
    { numRuns: 100 },
  );
});
