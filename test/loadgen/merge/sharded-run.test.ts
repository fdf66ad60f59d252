/**
 * End to end: one rooms scenario run as two slices in two real processes (`run --shard 1/2` and `2/2`)
 * against ONE reference server, merged by `sio-bench merge` in a third, and compared with a single-process run
 * of the same scenario against the same server. The merged delivery accounting must equal the single run's
 * exactly (the schedule is deterministic: 40 broadcasts to rooms of exactly 20 members, 40 directs).
 * Both slices get one `--start-at`, so they share one time zero; should a loaded machine make one of them late,
 * the 5 s settle phase and 3 s drain still keep every member of both slices in its rooms for every send (and
 * give connects and joins slowed by a busy machine time to land before the first send).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { SIO_BENCH_LAUNCHER_PATH, startBuiltinServer } from '../../../loadgen/target/builtin-server.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

/** 60 clients, 6 rooms, 2 each: every room has exactly 20 members, so a broadcast has 19 recipients. */
const SCENARIO = `
name: sharded-rooms
target: builtin
client: lean
transport: websocket
population: {clients: 60, rooms: 6, roomsPerClient: 2, seed: 3}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1500ms, actions: [join]}
  - {name: settle, kind: hold, duration: 5s, actions: [join]}
  - {name: steady, kind: hold, duration: 2s}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: 20}
    payload: {bytes: 32, kind: text}
  - kind: direct
    rate: {total: 20}
thresholds:
  - delivery.lost == 0
  - broadcast.latency p(99) < 10s
drain: 3s
`;

/** Time between starting the slices' processes and their common time zero: covers their start-up, ms. */
const START_LEAD_MS = 8_000;

/** Longest a CLI child may take (a 5 s scenario plus start-up and drain), ms. */
const CHILD_TIMEOUT_MS = 60_000;

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SIO_BENCH_LAUNCHER_PATH, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sio-bench ${args.join(' ')} did not end within ${CHILD_TIMEOUT_MS} ms; stderr: ${stderr}`));
    }, CHILD_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

async function readJson(file: string): Promise<RunResult> {
  return JSON.parse(await readFile(file, 'utf8')) as RunResult;
}

test('two slices in two processes merge into exactly the accounting of one single-process run', { timeout: 180_000 }, async () => {
  const server = await startBuiltinServer();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sio-bench-shards-'));
  try {
    const file = path.join(dir, 'rooms.yml');
    await writeFile(file, SCENARIO);
    const startAt = String(Date.now() + START_LEAD_MS);
    const slices = await Promise.all(
      [1, 2].map((position) =>
        runCli(['run', file, '--target', server.url, '--shard', `${position}/2`, '--start-at', startAt, '--out', path.join(dir, `s${position}`), '--no-tui', '--workers', '1']),
      ),
    );
    for (const slice of slices) assert.equal(slice.code, 0, slice.stderr);
    const parts = await Promise.all([1, 2].map((position) => readJson(path.join(dir, `s${position}`, 'result.json'))));
    assert.deepEqual(parts.map((part) => part.shard?.position), [1, 2]);
    assert.deepEqual(parts.map((part) => part.totals.latency.connect?.corrected.count), [30, 30], 'each slice connects its half');

    const merge = await runCli(['merge', path.join(dir, 's1', 'result.json'), path.join(dir, 's2', 'result.json'), '--out', path.join(dir, 'merged')]);
    assert.equal(merge.code, 0, merge.stderr);
    const merged = await readJson(path.join(dir, 'merged', 'result.json'));

    const single = await runScenario({
      loaded: parseScenarioText(SCENARIO, 'rooms.yml', [`target=${server.url}`]),
      reporter: recordingReporter(),
      workers: 2,
    });
    assert.equal(single.status, 'completed', JSON.stringify(single.failure));

    assert.equal(merged.status, 'completed');
    assert.equal(merged.verdict, 'passed', JSON.stringify(merged.thresholds));
    assert.equal(merged.merged?.shardCount, 2);
    const broadcast = merged.totals.delivery.broadcast!;
    const diagnosis = JSON.stringify({
      skewMs: merged.merged?.startSkewMs,
      slices: parts.map((part) => ({ delivery: part.totals.delivery, join: part.totals.latency.join?.corrected, connect: part.totals.latency.connect?.corrected, dropped: part.totals.counters.droppedSlots, warnings: part.warnings })),
    });
    assert.equal(broadcast.expected, 40 * 19, `every one of the 40 broadcasts expected at its room's 19 other members: ${diagnosis}`);
    assert.deepEqual(merged.totals.delivery, single.totals.delivery);
    assert.deepEqual(merged.totals.delivery.direct, { expected: 40, received: 40, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 });
    assert.equal(merged.totals.latency.fanoutCompletion?.corrected.count, single.totals.latency.fanoutCompletion?.corrected.count);
    assert.equal(merged.totals.latency.fanoutCompletion?.corrected.count, 40, 'every broadcast reached its whole room, across slices');
    for (const metric of ['connect', 'join', 'broadcast', 'direct'] as const) {
      const sum = parts.reduce((n, part) => n + (part.totals.latency[metric]?.corrected.count ?? 0), 0);
      assert.equal(merged.totals.latency[metric]?.corrected.count, sum, `${metric}: merged count is the slices' sum`);
      assert.equal(merged.totals.latency[metric]?.corrected.count, single.totals.latency[metric]?.corrected.count, `${metric}: as in the single run`);
    }
    const seriesSent = merged.series.reduce((n, point) => n + point.counters.eventsSent, 0);
    assert.equal(seriesSent, merged.totals.counters.eventsSent, 'the merged series holds every event the totals count');
    // Each merged second carries the delivery of the messages sent in it, over every slice's members.
    for (const metric of ['broadcast', 'direct'] as const) {
      const sum = (field: 'expected' | 'received') => merged.series.reduce((n, point) => n + (point.delivery[metric]?.[field] ?? 0), 0);
      assert.equal(sum('expected'), merged.totals.delivery[metric]!.expected, `${metric}: per-second expected sums to the total`);
      assert.equal(sum('received'), merged.totals.delivery[metric]!.received, `${metric}: per-second received sums to the total`);
    }
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
