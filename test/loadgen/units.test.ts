import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatDurationMs, formatElapsedUs, msToSec, msToUs, parseByteSize, parseDurationMs, secToMs, usToMs } from '../../loadgen/units.js';

test('parseDurationMs reads every unit and combinations', () => {
  assert.equal(parseDurationMs('500ms'), 500);
  assert.equal(parseDurationMs('10s'), 10_000);
  assert.equal(parseDurationMs('2m'), 120_000);
  assert.equal(parseDurationMs('1h'), 3_600_000);
  assert.equal(parseDurationMs('1m30s'), 90_000);
  assert.equal(parseDurationMs('1h2m3s4ms'), 3_723_004);
  assert.equal(parseDurationMs('1.5s'), 1_500);
  assert.equal(parseDurationMs('0.1s'), 100);
  assert.equal(parseDurationMs('250us'), 0.25);
  assert.equal(parseDurationMs('250µs'), 0.25);
  assert.equal(parseDurationMs('0ms'), 0);
});

test('parseDurationMs refuses what is not a duration', () => {
  for (const text of ['', '10', 's', '10 s', '-1s', '10x', '1s ', 'ms10', '1.s']) assert.equal(parseDurationMs(text), undefined, text);
});

test('formatDurationMs gives the shortest exact string and round-trips', () => {
  assert.equal(formatDurationMs(0), '0ms');
  assert.equal(formatDurationMs(1500), '1500ms');
  assert.equal(formatDurationMs(2000), '2s');
  assert.equal(formatDurationMs(90_000), '1m30s');
  assert.equal(formatDurationMs(3_600_000), '1h');
  assert.equal(formatDurationMs(3_723_000), '1h2m3s');
  assert.equal(formatDurationMs(0.25), '250us');
  for (const ms of [1, 999, 1000, 61_000, 3_599_000, 7_200_000, 0.5]) assert.equal(parseDurationMs(formatDurationMs(ms)), ms);
  assert.throws(() => formatDurationMs(-1), RangeError);
  assert.throws(() => formatDurationMs(Number.NaN), RangeError);
});

test('microsecond, millisecond and second conversions', () => {
  assert.equal(usToMs(1500), 1.5);
  assert.equal(msToUs(1.5), 1500);
  assert.equal(msToUs(0.0004), 0);
  assert.equal(msToUs(2.0006), 2001);
  assert.equal(secToMs(2.5), 2500);
  assert.equal(msToSec(2500), 2.5);
});

test('parseByteSize reads SI and IEC units', () => {
  assert.equal(parseByteSize('512'), 512);
  assert.equal(parseByteSize('512B'), 512);
  assert.equal(parseByteSize('1KiB'), 1024);
  assert.equal(parseByteSize('1kB'), 1000);
  assert.equal(parseByteSize('1KB'), 1000);
  assert.equal(parseByteSize('1.5MiB'), 1_572_864);
  assert.equal(parseByteSize('2MB'), 2_000_000);
  assert.equal(parseByteSize('1GiB'), 1_073_741_824);
  assert.equal(parseByteSize('1 KiB'), 1024);
  assert.equal(parseByteSize('0.3B'), undefined);
  assert.equal(parseByteSize('1XB'), undefined);
  assert.equal(parseByteSize('-1'), undefined);
});

test('formatBytes', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(1_048_576), '1 MiB');
  assert.equal(formatBytes(5 * 1024 ** 3), '5 GiB');
});

test('formatElapsedUs: whole milliseconds below a second, tenths of a second from one second on', () => {
  assert.equal(formatElapsedUs(0), '0 ms');
  assert.equal(formatElapsedUs(499), '0 ms');
  assert.equal(formatElapsedUs(840_000), '840 ms');
  assert.equal(formatElapsedUs(999_499), '999 ms');
  // 999.5 ms rounds to 1000 ms: a second.
  assert.equal(formatElapsedUs(999_500), '1.0 s');
  assert.equal(formatElapsedUs(12_345_678), '12.3 s');
  assert.equal(formatElapsedUs(90_000_000), '90.0 s');
});
