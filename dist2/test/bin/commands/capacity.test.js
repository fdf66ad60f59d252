/**
 * `sio-bench capacity` as a user runs it: a child process against the built-in server. One short real run
 * (clients 20/40/80, 2 s holds) that writes the three report files; one where the server's fault injection
 * makes an objective break at a known step; and bad input refused before anything runs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sioBench as runCli } from '../../helpers/sio-bench-cli.js';
/** The capacity runs take several scenario runs: give them longer than a single run. */
const sioBench = (args) => runCli(args, 120_000);
function scenarioFile(text) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sio-capacity-'));
    const file = path.join(dir, 'scenario.yml');
    writeFileSync(file, text);
    return { file, out: path.join(dir, 'out') };
}
const ROOMS = `
name: capacity-e2e
population: {clients: 20, rooms: 2}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, actions: [join]}
  - {name: steady, kind: hold, duration: 3s}
actions:
  - kind: join
  - kind: broadcast
    rate: {perClient: 0.5}
  - kind: echo
    rate: {perClient: 1}
capacity: {dimension: clients, start: 20, step: x2, max: 80, holdPerStep: 2s, warmup: 1s}
drain: 1s
`;
test('a short capacity run against the built-in server writes capacity.json, .html and .md', async () => {
    const { file, out } = scenarioFile(ROOMS);
    const { code, stdout, stderr } = await sioBench([
        'capacity', file, '--slo', 'broadcast.latency p(99) < 5s', '--slo', 'echo.latency p(99) < 5s',
        '--target-clients', '200000', '--target-rate', '1/s', '--target-room-size', '50', '--workers', '1', '--out', out,
    ]);
    const result = JSON.parse(readFileSync(path.join(out, 'capacity.json'), 'utf8'));
    assert.deepEqual(result.plan.loads, [20, 40, 80]);
    assert.equal(result.phase, 'steady');
    assert.ok(result.steps.length >= 1, stderr);
    for (const step of result.steps) {
        assert.equal(step.status, 'completed', JSON.stringify(step.failure));
        // 1 s warm-up of a 3 s hold: the window is the last 2 whole seconds, with every planned client connected.
        assert.deepEqual({ points: step.window.points, startSec: step.window.startSec, endSec: step.window.endSec }, { points: 2, startSec: 2, endSec: 4 });
        assert.equal(step.connectionsOpen, step.load);
        assert.deepEqual(step.overrides, [`clients=${step.load}`, 'phases.steady.duration=3s']);
        assert.ok((step.latency.broadcast?.corrected.count ?? 0) > 0 && (step.latency.echo?.corrected.count ?? 0) > 0);
        assert.equal(step.slos.length, 2);
        assert.equal(step.outcome, step.loadgenSaturated ? 'loadgen-saturated' : step.slos.every((slo) => slo.passed) ? 'met' : 'slo-broken');
    }
    const last = result.steps[result.steps.length - 1];
    assert.deepEqual(result.stopReason, last.outcome === 'met' ? { kind: 'max-reached' } : { kind: last.outcome, stepIndex: last.index });
    assert.equal(code, result.analysis.sustainableStepIndex !== undefined ? 0 : 1, stderr);
    assert.ok(result.analysis.projection !== undefined);
    assert.equal(result.analysis.projection.deliveriesPerSec, 9_800_000);
    const markdown = readFileSync(path.join(out, 'capacity.md'), 'utf8');
    assert.match(markdown, /^### (✅|❌) sio-bench capacity: capacity-e2e\n/);
    assert.ok(markdown.includes('#### Projection'));
    const html = readFileSync(path.join(out, 'capacity.html'), 'utf8');
    assert.ok(html.includes('id="chart-latency"') && html.includes('id="capacity-data"'));
    assert.ok(stdout.startsWith(result.analysis.sustainableStepIndex !== undefined ? 'Highest sustainable load: ' : 'No step met every objective'));
});
/**
 * Every echo reply is delayed 500 ms by the server, past the 200 ms ack timeout, so every echo in the window
 * times out: about clients × 1/s × 2 s of them, i.e. 20, 60 and 180 for 10, 30 and 90 clients. The objective
 * `acks.timedOut < 110` therefore holds at 30 clients and breaks at 90, with wide margins on both sides.
 */
const FAULTY = `
name: capacity-fault
target: {builtin: {faults: {replyDelayFraction: 1, replyDelay: 500ms}}}
population: {clients: 10}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s}
  - {name: steady, kind: hold, duration: 3s}
actions:
  - kind: echo
    rate: {perClient: 1}
    timeout: 200ms
capacity: {dimension: clients, start: 10, step: x3, max: 90, holdPerStep: 2s, warmup: 1s}
drain: 1s
`;
test('an objective broken by injected reply delays: the highest sustainable step is the one before', async () => {
    const { file, out } = scenarioFile(FAULTY);
    const { code, stderr } = await sioBench(['capacity', file, '--slo', 'acks.timedOut < 110', '--workers', '1', '--out', out]);
    const result = JSON.parse(readFileSync(path.join(out, 'capacity.json'), 'utf8'));
    assert.deepEqual(result.steps.map((step) => [step.load, step.outcome]), [
        [10, 'met'],
        [30, 'met'],
        [90, 'slo-broken'],
    ], `${stderr}\n${JSON.stringify(result.steps.map((step) => step.counters.acksTimedOut))}`);
    assert.equal(result.analysis.sustainableStepIndex, 1);
    assert.deepEqual(result.stopReason, { kind: 'slo-broken', stepIndex: 2 });
    assert.equal(result.analysis.knee?.stepIndex, 2);
    assert.equal(result.steps[2].slos[0].passed, false);
    assert.equal(code, 0);
    assert.ok(readFileSync(path.join(out, 'capacity.md'), 'utf8').includes('**Highest sustainable load: 30 clients (step 2 of 3) met every objective: acks.timedOut \\< 110.**'));
});
test('bad input is refused with exit code 2 before anything runs', async () => {
    const { file, out } = scenarioFile(ROOMS);
    const badStep = await sioBench(['capacity', file, '--slo', 'errors.rate < 1%', '--step', 'x1', '--out', out]);
    assert.equal(badStep.code, 2);
    assert.match(badStep.stderr, /--step must be an amount > 0 \(100\) or a factor > 1 \(x2\)/);
    const badSlo = await sioBench(['capacity', file, '--slo', 'nonsense < 1', '--out', out]);
    assert.equal(badSlo.code, 2);
    assert.match(badSlo.stderr, /--slo 'nonsense < 1'/);
    const partial = await sioBench(['capacity', file, '--slo', 'errors.rate < 1%', '--target-clients', '1000', '--out', out]);
    assert.equal(partial.code, 2);
    assert.match(partial.stderr, /needs all of --target-clients, --target-rate and --target-room-size/);
    const badRooms = await sioBench(['capacity', file, '--slo', 'errors.rate < 1%', '--dimension', 'rooms', '--start', '1', '--max', '4', '--set', 'population.roomsPerClient=2', '--out', out]);
    assert.equal(badRooms.code, 2, badRooms.stderr);
});
//# sourceMappingURL=capacity.test.js.map