/**
 * The target server fails under a running `sio-bench run` (spawned as a user would): killed with SIGKILL for
 * good, or killed and started again on the same port. The run must end by itself with the failure in
 * result.json and the reports (exit 3), or ride through the restart with reconnects, a visible gap and loss
 * counted exactly.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { TARGET_GONE_SEC } from '../../loadgen/engine/target-watchdog.js';
import type { DeliveryCounts } from '../../loadgen/run-result.js';
import { killProcess, readResult, spawnCli, startServe, writeScenario } from './cli-process.js';

const CLIENTS = 12;

function scenario(url: string, reconnect: string, holdSec: number): string {
  return `
name: target-fault
target: ${url}
client: lean
transport: websocket
population: {clients: ${CLIENTS}, rooms: 2, roomsPerClient: 1, seed: 5}
reconnect: ${reconnect}
phases:
  - {kind: ramp-up, duration: 1s}
  - {kind: hold, duration: ${holdSec}s}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 10}}
  - {kind: direct, rate: {total: 10}}
  - {kind: echo, rate: {perClient: 1}}
drain: 500ms
`;
}

/**
 * Waits (bounded) until the server's /metrics.json counts `clients` connected clients that have sent at least
 * `echoes` echo requests in all (the run is then past its first seconds with everyone connected).
 */
async function untilConnected(url: string, clients: number, echoes = 0, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/metrics.json`, { signal: AbortSignal.timeout(2000) });
    const metrics = (await response.json()) as { connectedClients: number; eventsReceivedByEvent: Record<string, number> };
    const echoed = metrics.eventsReceivedByEvent.echo ?? 0;
    last = `${metrics.connectedClients} connected, ${echoed} echoes`;
    if (metrics.connectedClients >= clients && echoed >= echoes) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${last} (wanted ${clients} clients, ${echoes} echoes) within ${timeoutMs} ms`);
}

function assertConsistent(name: string, counts: DeliveryCounts | undefined): void {
  assert.ok(counts !== undefined, `${name} delivery is accounted`);
  assert.ok(counts.expected > 0, `${name}: something was expected`);
  // What was in flight to a connection the kill closed is undeliverable, not lost (loadgen/measure/membership-window.ts).
  assert.equal(
    counts.received + counts.lost + counts.undeliverable + counts.inFlightAtStop,
    counts.expected,
    `${name}: expected = received + lost + undeliverable + in flight at stop ${JSON.stringify(counts)}`,
  );
  assert.ok(counts.lost >= 0 && counts.received >= 0, `${name}: nothing negative ${JSON.stringify(counts)}`);
  assert.equal(counts.duplicated + counts.unexpected, 0, `${name}: ${JSON.stringify(counts)}`);
}

test('the target killed for good: clients record the disconnects and refused reconnects, the run ends by itself, exit 3', async (t) => {
  const server = await startServe(0, ['--transports', 'websocket']);
  t.after(() => killProcess(server.child));
  const { file, dir } = await writeScenario(t, 'target-killed', scenario(server.url, '{delay: 300ms, maxAttempts: 3}', 60));
  const outDir = path.join(dir, 'out');
  const run = spawnCli(['run', file, '--no-tui', '--workers', '1', '--out', outDir, '--md', path.join(outDir, 'summary.md')], { deadlineMs: 60_000 });
  t.after(() => killProcess(run.child));
  await untilConnected(server.url, CLIENTS);
  await killProcess(server.child, 'SIGKILL');

  const ended = await run.ended;
  assert.equal(ended.code, 3, ended.stderr);
  assert.match(ended.stderr, /run failed: the target http:\/\/127\.0\.0\.1:\d+ is gone/);
  const result = await readResult(outDir);
  assert.equal(result.status, 'failed');
  assert.equal(result.failure?.kind, 'target_gone');
  assert.match(result.failure?.message ?? '', new RegExp(`no client connected for ${TARGET_GONE_SEC} s`));
  const { counters, disconnectReasons, errors } = result.totals;
  assert.equal(counters.disconnects, CLIENTS, 'every client recorded its disconnect');
  assert.equal(Object.values(disconnectReasons).reduce((sum, n) => sum + n, 0), CLIENTS);
  assert.equal(counters.connectAttempts, CLIENTS + CLIENTS * 3, 'one connect and 3 refused reconnects per client');
  assert.equal(counters.connectFailures, CLIENTS * 3);
  assert.equal(counters.reconnects, 0);
  assert.equal(errors.reconnect_gave_up?.count, CLIENTS);
  assert.ok(result.durationMs < 60_000, 'ended long before its phases');
  // The failure is visible in the reports, not only in result.json.
  assert.match(await readFile(path.join(outDir, 'summary.md'), 'utf8'), /Run failed.*is gone/);
  assert.ok(existsSync(path.join(outDir, 'report.html')));
});

test('the target restarts on the same port: clients reconnect, the gap shows in the series, loss is counted exactly', async (t) => {
  const first = await startServe(0, ['--transports', 'websocket']);
  t.after(() => killProcess(first.child));
  // A reconnect delay above one interval makes the outage span at least one interval end, so the gauge shows it.
  const { file, dir } = await writeScenario(t, 'target-restart', scenario(first.url, '{delay: 1500ms, maxAttempts: 10}', 9));
  const outDir = path.join(dir, 'out');
  const run = spawnCli(['run', file, '--no-tui', '--workers', '1', '--out', outDir], { deadlineMs: 60_000 });
  t.after(() => killProcess(run.child));
  // Two seconds' worth of echoes with everyone connected: the series has whole seconds at full strength.
  await untilConnected(first.url, CLIENTS, CLIENTS * 3);
  await killProcess(first.child, 'SIGKILL');
  const second = await startServe(first.port, ['--transports', 'websocket']);
  t.after(() => killProcess(second.child));

  const ended = await run.ended;
  const result = await readResult(outDir);
  assert.equal(result.status, 'completed');
  const { counters, latency } = result.totals;
  // While the clients were away (1.5 s and more, one echo per client per second) their slots were dropped: the
  // run completed on less load than asked, which its exit code says (4, not 0).
  assert.ok(counters.droppedSlots > 0 && counters.droppedSlots < (counters.scheduledSlots ?? 0), `dropped ${counters.droppedSlots} of ${counters.scheduledSlots}`);
  assert.equal(ended.code, 4, ended.stderr);
  assert.equal(counters.disconnects, CLIENTS);
  assert.equal(counters.reconnects, CLIENTS, 'every client came back once');
  assert.equal(latency.reconnect?.corrected.count, CLIENTS, 'one reconnect time per client');
  assert.ok((latency.reconnect?.corrected.minUs ?? 0) >= 1_500_000, 'reconnect time counts from the loss, so it includes the delay');
  // The gap: open drops below the population after having reached it, and recovers.
  const open = result.series.map((point) => point.connections.open);
  const full = open.indexOf(CLIENTS);
  const dip = open.findIndex((value, i) => i > full && value < CLIENTS);
  assert.ok(full >= 0 && dip > full, `open connections per second: ${open.join(' ')}`);
  assert.ok(open.slice(dip).includes(CLIENTS), `recovered: ${open.join(' ')}`);
  assertConsistent('broadcast', result.totals.delivery.broadcast);
  assertConsistent('direct', result.totals.delivery.direct);
  assert.equal(
    result.totals.latency.join?.corrected.count,
    CLIENTS * 2,
    'every client joined its room again after reconnecting, so it expects broadcasts again',
  );
});
