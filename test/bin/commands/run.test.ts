/**
 * `sio-bench run` as a user runs it: a child process, no terminal. Exit codes, the files it writes, and its
 * messages for bad input.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { sioBench } from '../../helpers/sio-bench-cli.js';
import { exitCodeOfRun } from '../../../bin/exit-codes.js';

const ROOMS = fileURLToPath(new URL('../../../../scenarios/rooms.yml', import.meta.url));

test('run writes result.json and report.html, prints the summary, and its exit code follows the verdict', async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'sio-run-')), 'out');
  const { code, stdout, stderr } = await sioBench(['run', ROOMS, '--set', 'clients=40', '--set', 'rooms=4', '--set', 'duration=4s', '--no-tui', '--out', out]);
  const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'));
  assert.equal(result.version, 1);
  assert.equal(result.status, 'completed');
  assert.deepEqual(result.scenario.overrides, ['clients=40', 'rooms=4', 'duration=4s']);
  assert.equal(code, exitCodeOfRun(result), stderr);
  assert.ok(existsSync(path.join(out, 'report.html')));
  assert.match(stdout, /^(PASSED|FAILED) +rooms/m);
  assert.match(stdout, /broadcast/);
  assert.match(stderr, /result written to .*result\.json/);
  assert.match(stderr, /\[ *\d+s\/ *\d+s\]/, 'plain progress lines on stderr when not a terminal');
  // Start-up takes seconds: each step is said as it happens, in order, before the first progress line.
  const steps = [
    /^sio-bench: starting the built-in server \(bench app\)$/m,
    /^sio-bench: built-in server listening at http:\/\/127\.0\.0\.1:\d+ \(pid \d+, [\d.]+ m?s\)$/m,
    /^sio-bench: starting \d+ worker threads? in 1 load process for 40 clients$/m,
    /^sio-bench: workers ready \((\d+) of \1, [\d.]+ m?s\): the run starts$/m,
    /\[ *\d+s\/ *\d+s\]/,
  ];
  const positions = steps.map((step) => stderr.search(step));
  assert.ok(positions.every((position, index) => position >= 0 && (index === 0 || position > (positions[index - 1] ?? 0))), `steps in order at ${positions.join(', ')}:\n${stderr}`);
});

test('a breached threshold exits 1, with the threshold in the summary and JUnit', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sio-run-'));
  const file = path.join(dir, 'strict.yml');
  writeFileSync(file, `name: strict
population: {clients: 5}
phases: [{name: hold, kind: hold, duration: 2s}]
actions: [{kind: echo, rate: {perClient: 5}}]
thresholds: ['echo.latency p(50) < 1us']
drain: 500ms
`);
  const { code, stdout } = await sioBench(['run', file, '--no-tui', '--out', path.join(dir, 'out'), '--junit', path.join(dir, 'junit.xml')]);
  assert.equal(code, 1);
  assert.match(stdout, /FAIL +echo\.latency p\(50\) < 1us/);
  assert.match(readFileSync(path.join(dir, 'junit.xml'), 'utf8'), /<failure/);
});

test('a bad scenario exits 2 and names every problem by file:line:col before anything runs', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sio-run-'));
  const file = path.join(dir, 'bad.yml');
  writeFileSync(file, `name: bad
population: {clients: -3}
phases: [{name: hold, kind: hold, duration: 2 seconds}]
actions: [{kind: echo, rate: {perClient: 1}, colour: red}]
`);
  const { code, stderr } = await sioBench(['run', file, '--no-tui', '--out', path.join(dir, 'out')]);
  assert.equal(code, 2);
  assert.match(stderr, /bad\.yml:2:\d+ population\.clients/);
  assert.match(stderr, /bad\.yml:3:\d+ phases\[0\]\.duration|bad\.yml:3:\d+ phases\.0\.duration/);
  assert.match(stderr, /bad\.yml:4:\d+ .*colour/);
  assert.equal(existsSync(path.join(dir, 'out', 'result.json')), false);
});

test('bad flags exit 2 naming the flag', async () => {
  const workers = await sioBench(['run', ROOMS, '--workers', 'zero']);
  assert.equal(workers.code, 2);
  assert.match(workers.stderr, /--workers must be a positive integer/);
  const set = await sioBench(['run', ROOMS, '--set', 'populaton.clients=3']);
  assert.equal(set.code, 2);
  assert.match(set.stderr, /populaton/);
});

test('an unreachable target prints the failure and what to check, names the URL, and shows no table of zeros', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sio-run-'));
  // Port 9 (discard) on loopback: nothing listens there in a test environment, so the probe is refused.
  const { code, stdout } = await sioBench(['run', ROOMS, '--target', 'http://127.0.0.1:9', '--no-tui', '--out', path.join(dir, 'out')]);
  assert.equal(code, 3);
  const lines = stdout.split('\n');
  assert.equal(lines[0], 'RUN FAILED  rooms: could not be carried out: nothing was measured');
  assert.match(lines[1]!, /^ {2}run_failed: target http:\/\/127\.0\.0\.1:9 is unreachable/);
  assert.match(stdout, /check: is the server up and listening at http:\/\/127\.0\.0\.1:9\?/);
  assert.match(stdout, /^target +url http:\/\/127\.0\.0\.1:9 · client lean/m);
  assert.doesNotMatch(stdout, /^(thresholds|delivery|latency)/m);
});

test('a threshold on a metric nothing produced reads "no samples" with the reason, and no breach time', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sio-run-'));
  const file = path.join(dir, 'lonely.yml');
  // One member per room: a broadcast skips its sender, so no receiver is ever expected to get one.
  writeFileSync(file, `name: lonely
population: {clients: 4, rooms: 4, roomsPerClient: 1}
phases: [{name: hold, kind: hold, duration: 2s}]
actions: [{kind: join}, {kind: broadcast, rate: {total: 5}}]
thresholds: ['broadcast.latency p(99) < 250ms', 'errors.count == 0']
drain: 500ms
`);
  const { code, stdout } = await sioBench(['run', file, '--no-tui', '--out', path.join(dir, 'out')]);
  assert.equal(code, 1);
  assert.match(stdout, /^no samples {2}broadcast\.latency p\(99\) < 250ms +- +250ms$/m);
  assert.match(stdout, /^no samples for broadcast\.latency p\(99\) < 250ms: no broadcast latency was recorded: no receiver was$/m);
  assert.match(stdout, /^pass {8}errors\.count == 0 +0 +0$/m);
  const result = JSON.parse(readFileSync(path.join(dir, 'out', 'result.json'), 'utf8'));
  assert.equal(result.thresholds[0].noSamplesReason, 'no broadcast latency was recorded: no receiver was expected to get a broadcast message');
  assert.equal(result.thresholds[0].firstBreachedAtSec, undefined);
});
