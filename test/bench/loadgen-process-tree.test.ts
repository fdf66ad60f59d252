import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadgenTotals, readProcessCpuSplit, readRunProcesses } from '../../bench/loadgen-process-tree.js';

test("a process's CPU split from /proc matches its own process.cpuUsage() within the kernel's tick", () => {
  // Spin until the process has 300 ms of user CPU of its own (on a busy machine that takes longer than 300 ms).
  const startUser = process.cpuUsage().user;
  let spin = 0;
  while (process.cpuUsage().user - startUser < 300_000) spin++;
  assert.ok(spin > 0);
  const own = process.cpuUsage();
  const read = readProcessCpuSplit(process.pid);
  // /proc counts whole ticks (10 ms at USER_HZ 100), so allow two ticks each way.
  assert.ok(Math.abs(read.userUs - own.user) <= 20_000, `user: /proc ${read.userUs} µs, cpuUsage ${own.user} µs`);
  assert.ok(Math.abs(read.systemUs - own.system) <= 20_000, `system: /proc ${read.systemUs} µs, cpuUsage ${own.system} µs`);
  assert.ok(read.userUs >= 250_000, `300 ms of spinning shows as user time (got ${read.userUs} µs)`);
});

test('readRunProcesses gives this process its kernel share as process.cpuUsage() counts it, and the totals add it', () => {
  const before = process.cpuUsage();
  const usage = readRunProcesses();
  const after = process.cpuUsage();
  assert.ok(usage.self.systemUs >= before.system && usage.self.systemUs <= after.system, `system ${usage.self.systemUs} µs`);
  assert.ok(usage.self.systemUs <= usage.self.cpuUs);
  const totals = loadgenTotals(usage);
  assert.equal(totals.systemUs, usage.self.systemUs + usage.loadProcesses.reduce((sum, p) => sum + p.systemUs, 0));
});
