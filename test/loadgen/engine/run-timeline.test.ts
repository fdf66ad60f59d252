/** Run time against the clock: conversions worked out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunTimeline } from '../../../loadgen/engine/run-timeline.js';

test('before the start the run counts from 0 on the clock', () => {
  const timeline = new RunTimeline();
  assert.equal(timeline.startUs, 0);
  assert.equal(timeline.atUs(1.5), 1_500);
  assert.equal(timeline.msAt(2_000), 2);
});

test('run ms map to the clock from the start, rounded to whole µs, and back', () => {
  const timeline = new RunTimeline();
  timeline.startAt(5_000_000);
  assert.equal(timeline.startUs, 5_000_000);
  assert.equal(timeline.atUs(0), 5_000_000);
  assert.equal(timeline.atUs(250), 5_250_000);
  assert.equal(timeline.atUs(0.0004), 5_000_000);
  assert.equal(timeline.atUs(0.0006), 5_000_001);
  assert.equal(timeline.msAt(5_250_000), 250);
  assert.equal(timeline.msAt(4_999_500), -0.5);
});
