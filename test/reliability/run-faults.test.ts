/**
 * Faults of the run itself, through the CLI as a user meets them: SIGINT during a run, a worker thread that
 * crashes or hangs (injected with the test-only SIO_BENCH_INJECT_WORKER_FAULT switch), a target that is not
 * there or is not Socket.IO, and an output folder that cannot be written. Each ends with a clear message and
 * the documented exit code; where a run took place, with a complete result.json.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { WORKER_SILENT_MS } from '../../loadgen/engine/worker-watchdog.js';
import { WORKER_FAULT_ENV } from '../../loadgen/engine/worker-thread.js';
import { runScenario } from '../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../loadgen/scenario/load-scenario.js';
import { recordingReporter } from '../helpers/silent-reporter.js';
import { killProcess, readResult, spawnCli, writeScenario } from './cli-process.js';

const CLIENTS = 10;

/** A builtin-target scenario long enough that only a fault (or a signal) ends it early. */
const LONG_RUN = `
name: long-run
target: builtin
population: {clients: ${CLIENTS}, rooms: 2, seed: 2}
phases:
  - {kind: ramp-up, duration: 1s}
  - {kind: hold, duration: 60s}
actions:
  - kind: join
  - {kind: broadcast, rate: {total: 10}}
  - {kind: echo, rate: {perClient: 1}}
drain: 500ms
`;

/** The first plain progress line: the run has merged its first second. */
const FIRST_PROGRESS = /\[\s*\d+s\/\s*\d+s\]/;

test('SIGINT during a run: it stops within seconds, writes a complete result marked interrupted, and exits 130', async (t) => {
  const { file, dir } = await writeScenario(t, 'long-run', LONG_RUN);
  const outDir = path.join(dir, 'out');
  // The deadline bounds "within seconds": a run that ignored the signal would be killed and fail the exit code.
  const run = spawnCli(['run', file, '--no-tui', '--workers', '1', '--out', outDir], { deadlineMs: 40_000 });
  t.after(() => killProcess(run.child));
  await run.stderrMatch(FIRST_PROGRESS);
  run.child.kill('SIGINT');
  const ended = await run.ended;
  assert.equal(ended.code, 130, ended.stderr);
  const result = await readResult(outDir);
  assert.equal(result.status, 'interrupted');
  assert.equal(result.verdict, 'failed');
  assert.equal(result.failure?.kind, 'interrupted');
  assert.ok(result.series.length >= 1, 'the seconds measured before the signal are kept');
  assert.equal(result.totals.latency.connect?.corrected.count, CLIENTS, 'every client connected before the signal');
  assert.ok(result.durationMs < 60_000);
  assert.ok(existsSync(path.join(outDir, 'report.html')), 'the reports are written too');
});

test('a stop request from the live view (the q key) ends the run as interrupted with what was measured', async () => {
  const reporter = recordingReporter();
  const original = reporter.update;
  let asked = false;
  // Ask to stop as soon as the first second is merged, as a user pressing q would.
  reporter.update = (state) => {
    original(state);
    if (!asked) {
      asked = true;
      reporter.requestStop();
    }
  };
  const result = await runScenario({ loaded: parseScenarioText(LONG_RUN, 'long-run.yml'), reporter, workers: 1 });
  assert.equal(result.status, 'interrupted');
  assert.equal(result.failure?.kind, 'interrupted');
  assert.ok(result.series.length >= 1);
  assert.ok(result.durationMs < 60_000);
});

test('the built-in server killed (SIGKILL) mid-run: the run ends by itself with the failure in result.json, exit 3', async (t) => {
  const { file, dir } = await writeScenario(t, 'long-run', LONG_RUN);
  const outDir = path.join(dir, 'out');
  const run = spawnCli(['run', file, '--no-tui', '--workers', '1', '--out', outDir], { deadlineMs: 40_000 });
  t.after(() => killProcess(run.child));
  await run.stderrMatch(FIRST_PROGRESS);
  // The built-in server is the run's child process running `serve`: found by the run's pid, killed by its own.
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(run.child.pid)], { encoding: 'utf8' });
  const serverPid = Number(/^\s*(\d+) .* serve /m.exec(children)?.[1]);
  assert.ok(serverPid > 0, `the run's children: ${children}`);
  process.kill(serverPid, 'SIGKILL');
  const ended = await run.ended;
  assert.equal(ended.code, 3, ended.stderr);
  const result = await readResult(outDir);
  assert.equal(result.status, 'failed');
  assert.equal(result.failure?.kind, 'server_died');
  assert.match(result.failure?.message ?? '', new RegExp(`the built-in server \\(pid ${serverPid}\\) exited during the run \\(code null, signal SIGKILL\\)`));
  // A client whose worker stopped it before it read the closed socket counts as stopped, not disconnected.
  const { disconnects } = result.totals.counters;
  assert.ok(disconnects <= CLIENTS);
  assert.equal(Object.values(result.totals.disconnectReasons).reduce((sum, n) => sum + n, 0), disconnects, 'each disconnect has its reason');
  assert.ok(result.series.length >= 1);
  assert.ok(existsSync(path.join(outDir, 'report.html')));
});

for (const fault of ['crash', 'hang'] as const) {
  test(`a worker thread that ${fault === 'crash' ? 'crashes' : 'hangs'}: the run ends with an error naming the worker and its clients, keeps the others' data, exit 3`, async (t) => {
    const { file, dir } = await writeScenario(t, 'long-run', LONG_RUN);
    const outDir = path.join(dir, 'out');
    const run = spawnCli(['run', file, '--no-tui', '--workers', '2', '--out', outDir], {
      // 3.5 s: mid-second (an interval sent at a second's end does not race the fault), and 2.5 s after the 1 s ramp,
      // so that every connect has completed and been reported even on a loaded machine.
      env: { ...process.env, [WORKER_FAULT_ENV]: `${fault}:1@3500` },
      deadlineMs: 70_000,
    });
    t.after(() => killProcess(run.child));
    const ended = await run.ended;
    assert.equal(ended.code, 3, ended.stderr);
    const result = await readResult(outDir);
    assert.equal(result.status, 'failed');
    const half = CLIENTS / 2;
    if (fault === 'crash') {
      assert.equal(result.failure?.kind, 'worker_failed');
      assert.match(result.failure?.message ?? '', new RegExp(`^worker 1 \\(${half} clients: i where i mod 2 = 1\\) failed: injected crash of worker 1`));
    } else {
      assert.equal(result.failure?.kind, 'worker_hung');
      assert.match(result.failure?.message ?? '', new RegExp(`^worker 1 \\(${half} clients: i where i mod 2 = 1\\) sent no interval for (\\d+) s`));
      const silentSec = Number(/for (\d+) s/.exec(result.failure?.message ?? '')?.[1]);
      assert.ok(silentSec * 1000 >= WORKER_SILENT_MS, `silent ${silentSec} s`);
    }
    assert.match(ended.stderr, /run failed: worker 1/);
    // The result holds what was measured: both shards' clients connected before the fault, and the seconds from
    // the fault on were merged from worker 0 alone instead of waiting for the lost worker forever.
    assert.equal(result.totals.latency.connect?.corrected.count, CLIENTS);
    assert.ok((result.totals.latency.echo?.corrected.count ?? 0) > 0);
    const seconds = result.series.map((point) => point.tSec);
    assert.ok((seconds.at(-1) ?? 0) >= 3, `seconds merged: ${seconds.join(' ')}`);
  });
}

test('a target that is not there: a clear error within seconds, exit 3', async (t) => {
  // A port that was just free: bind it, note it, release it.
  const closed = await listen(createServer());
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const { file, dir } = await writeScenario(t, 'long-run', LONG_RUN);
  const run = spawnCli(['run', file, '--no-tui', '--target', `http://127.0.0.1:${port}`, '--out', path.join(dir, 'out')], { deadlineMs: 30_000 });
  t.after(() => killProcess(run.child));
  const ended = await run.ended;
  assert.equal(ended.code, 3, ended.stderr);
  assert.match(ended.stderr, new RegExp(`target http://127\\.0\\.0\\.1:${port} is unreachable \\(connect ECONNREFUSED`));
  const result = await readResult(path.join(dir, 'out'));
  assert.equal(result.failure?.kind, 'run_failed');
  assert.equal(result.series.length, 0, 'no run took place');
});

test('a target that answers, but not as Socket.IO (a plain 404 page): a clear error within seconds, exit 3', async (t) => {
  const http = await listen(
    createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Not Found</body></html>');
    }),
  );
  t.after(() => new Promise((resolve) => http.close(resolve)));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const { file, dir } = await writeScenario(t, 'long-run', LONG_RUN);
  const run = spawnCli(['run', file, '--no-tui', '--target', url, '--out', path.join(dir, 'out')], { deadlineMs: 30_000 });
  t.after(() => killProcess(run.child));
  const ended = await run.ended;
  assert.equal(ended.code, 3, ended.stderr);
  assert.match(ended.stderr, /answered \/socket\.io\/ with HTTP 404 and a body that is not Engine\.IO \("<html><body>Not Found/);
  assert.match(ended.stderr, /is it a Socket\.IO server, and is the path right/);
});

test('an output folder that cannot be created: the error says so before the run starts, exit 2', async (t) => {
  const { file, dir } = await writeScenario(t, 'long-run', LONG_RUN);
  // As root, permissions do not stop writes; a regular file in the path does (ENOTDIR) for everyone.
  const blocker = path.join(dir, 'a-file');
  await writeFile(blocker, 'not a folder\n');
  const outDir = path.join(blocker, 'out');
  const run = spawnCli(['run', file, '--no-tui', '--out', outDir], { deadlineMs: 30_000 });
  t.after(() => killProcess(run.child));
  const ended = await run.ended;
  assert.equal(ended.code, 2, ended.stderr);
  assert.match(ended.stderr, new RegExp(`${escapeRegExp(outDir)}.*(ENOTDIR|not a folder|not a directory)`, 'i'));
  assert.doesNotMatch(ended.stderr, /\[\s*\d+s\//, 'no second of the run was measured');
});

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
