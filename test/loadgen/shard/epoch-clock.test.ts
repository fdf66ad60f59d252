/**
 * The epoch clock of sharded runs: separate processes on one machine must agree on epoch µs to within a few
 * tens of µs, or a receiver's latency for a message from another shard can come out negative and be dropped.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { measureEpochOffsetUs, shiftedClock } from '../../../loadgen/shard/epoch-clock.js';

const run = promisify(execFile);
const MODULE_URL = new URL('../../../loadgen/shard/epoch-clock.js', import.meta.url).href;

test('five processes measure the same epoch offset to within 100 µs', async () => {
  // Each child prints its offset; the monotonic clock is the machine's, so the offsets must match.
  const script = `import(${JSON.stringify(MODULE_URL)}).then((m) => console.log(m.measureEpochOffsetUs()))`;
  const offsets: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    offsets.push(Number(stdout.trim()));
  }
  const spreadUs = Math.max(...offsets) - Math.min(...offsets);
  assert.ok(spreadUs <= 100, `offsets ${offsets.join(', ')} spread ${spreadUs} µs`);
  // And it is the wall clock's epoch: within a few ms of Date.now().
  const offsetUs = measureEpochOffsetUs();
  const nowUs = Number(process.hrtime.bigint() / 1000n) + offsetUs;
  const apartMs = nowUs / 1000 - Date.now();
  assert.ok(Math.abs(apartMs) < 5, `epoch µs agree with Date.now(): ${apartMs} ms apart`);
});

test('a shifted clock adds its integer offset and refuses a fractional one', () => {
  const clock = shiftedClock({ nowUs: () => 10 }, 5);
  assert.equal(clock.nowUs(), 15);
  assert.throws(() => shiftedClock({ nowUs: () => 0 }, 0.5), RangeError);
});

test('a wall clock that does not move ends the measurement within its bound, at that clock', (t) => {
  t.mock.method(Date, 'now', () => 1_700_000_000_000);
  const startedUs = Number(process.hrtime.bigint() / 1000n);
  const offsetUs = measureEpochOffsetUs();
  const tookUs = Number(process.hrtime.bigint() / 1000n) - startedUs;
  assert.ok(tookUs < 1_000_000, `took ${tookUs} µs`);
  assert.ok(Math.abs(startedUs + offsetUs - 1_700_000_000_000_000) < 1_000_000, 'epoch µs of the frozen clock');
});
