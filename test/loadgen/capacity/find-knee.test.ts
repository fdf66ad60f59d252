import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findKnee, highestSustainableStep, latencyRises, limitingResource } from '../../../loadgen/capacity/find-knee.js';
import { makeStep, SYNTHETIC_MEMORY_BYTES, type StepSpec } from './synthetic-steps.js';

function steps(specs: StepSpec[]) {
  return specs.map((spec, index) => makeStep(index, spec));
}

test('latency that doubles marks the knee, with the CPU at its limit as the cause', () => {
  const run = steps([
    { load: 100, p99Us: 10_000, cpuPercent: 30 },
    { load: 200, p99Us: 14_000, cpuPercent: 60 },
    { load: 400, p99Us: 25_000, cpuPercent: 95 },
    { load: 800, p99Us: 300_000, cpuPercent: 100, outcome: 'slo-broken' },
  ]);
  assert.equal(highestSustainableStep(run)?.load, 400);
  const knee = findKnee(run, SYNTHETIC_MEMORY_BYTES);
  assert.ok(knee !== undefined);
  assert.deepEqual({ stepIndex: knee.stepIndex, load: knee.load, reason: knee.reason, limiting: knee.limiting }, { stepIndex: 2, load: 400, reason: 'latency-rise', limiting: 'server-cpu' });
  assert.equal(knee.evidence[0], 'server CPU 95% of a core on average (max 95%) over 1 process(es)');
  assert.equal(knee.evidence[knee.evidence.length - 1], 'broadcast latency p99 25.0 ms is more than 2× the first step\'s 10.0 ms, and the next step (load 800) did not meet the objectives');
});

test('an objective that breaks with every resource idle blames none of them', () => {
  const run = steps([
    { load: 20, p99Us: 5_000 },
    { load: 40, p99Us: 6_000 },
    { load: 80, p99Us: 7_000, outcome: 'slo-broken', brokenMessage: 'acks.timedOut = 160 (limit < 100)' },
  ]);
  assert.equal(highestSustainableStep(run)?.load, 40);
  const knee = findKnee(run, SYNTHETIC_MEMORY_BYTES);
  assert.equal(knee?.stepIndex, 2);
  assert.equal(knee?.reason, 'slo-broken');
  assert.equal(knee?.limiting, 'none');
  assert.match(knee?.evidence[0] ?? '', /^no measured resource was near its limit/);
  assert.ok(knee?.evidence.includes('objective broken: acks.timedOut = 160 (limit < 100)'));
});

test('a saturated load generator is named, not the server', () => {
  const run = steps([
    { load: 1000, p99Us: 5_000, cpuPercent: 50 },
    { load: 2000, p99Us: 90_000, cpuPercent: 90, loadgenUtilization: 0.97, outcome: 'loadgen-saturated' },
  ]);
  const knee = findKnee(run, SYNTHETIC_MEMORY_BYTES);
  assert.equal(knee?.limiting, 'loadgen');
  assert.equal(knee?.reason, 'loadgen-saturated');
  assert.match(knee?.evidence[0] ?? '', /^load generator: saturated in 20 of 20 s; worst second: busiest worker's event loop 97% busy/);
});

test('memory, a blocked event loop and lost messages are each recognised', () => {
  assert.equal(limitingResource(makeStep(0, { load: 1, p99Us: 1, rssBytes: 0.9 * SYNTHETIC_MEMORY_BYTES }), SYNTHETIC_MEMORY_BYTES, 'slo-broken').limiting, 'memory');
  assert.equal(limitingResource(makeStep(0, { load: 1, p99Us: 1, cpuPercent: 20, serverDelayP99Us: 250_000 }), SYNTHETIC_MEMORY_BYTES, 'slo-broken').limiting, 'event-loop');
  assert.equal(limitingResource(makeStep(0, { load: 1, p99Us: 1, lost: 12 }), SYNTHETIC_MEMORY_BYTES, 'slo-broken').limiting, 'network');
});

test('flat latency and every objective met: no knee; a first step that fails: nothing sustainable', () => {
  const flat = steps([
    { load: 10, p99Us: 5_000 },
    { load: 20, p99Us: 9_000 },
    { load: 40, p99Us: 10_000 },
  ]);
  assert.equal(findKnee(flat, SYNTHETIC_MEMORY_BYTES), undefined);
  assert.equal(highestSustainableStep(flat)?.load, 40);
  assert.equal(highestSustainableStep(steps([{ load: 10, p99Us: 500_000, outcome: 'slo-broken' }])), undefined);
});

test('one noisy step is not a knee: 26.7 ms at 200 clients, then 8.18 ms at 400, every objective held', () => {
  const run = steps([
    { load: 100, p99Us: 8_000 },
    { load: 200, p99Us: 26_700 },
    { load: 400, p99Us: 8_180 },
  ]);
  assert.equal(findKnee(run, SYNTHETIC_MEMORY_BYTES), undefined);
  assert.deepEqual(latencyRises(run), [
    { stepIndex: 1, load: 200, metric: 'broadcast', p99Us: 26_700, baselineUs: 8_000, verdict: 'recovered', next: { load: 400, p99Us: 8_180, outcome: 'met' } },
  ]);
  assert.equal(highestSustainableStep(run)?.load, 400);
});

test('a rise that stays up at the next step is the knee, and with every resource idle the words say every objective held', () => {
  const run = steps([
    { load: 100, p99Us: 8_000 },
    { load: 200, p99Us: 26_700 },
    { load: 400, p99Us: 31_000 },
    { load: 800, p99Us: 9_000 },
  ]);
  const knee = findKnee(run, SYNTHETIC_MEMORY_BYTES);
  assert.deepEqual({ stepIndex: knee?.stepIndex, reason: knee?.reason, limiting: knee?.limiting }, { stepIndex: 1, reason: 'latency-rise', limiting: 'none' });
  assert.equal(
    knee?.evidence[0],
    'no measured resource was near its limit (80% of it): every objective held, yet latency rose for another reason, such as a slow handler, an injected delay or queueing in the server',
  );
  assert.equal(knee?.evidence[knee.evidence.length - 1], "broadcast latency p99 26.7 ms is more than 2× the first step's 8.0 ms, and stayed so at the next step (31.0 ms at load 400)");
  assert.deepEqual(latencyRises(run).map((rise) => [rise.stepIndex, rise.verdict]), [[1, 'sustained'], [2, 'recovered']]);
});

test('a rise at the last step has no step to confirm it: no knee, the rise unconfirmed', () => {
  const run = steps([
    { load: 10, p99Us: 5_000 },
    { load: 20, p99Us: 6_000 },
    { load: 40, p99Us: 12_000 },
  ]);
  assert.equal(findKnee(run, SYNTHETIC_MEMORY_BYTES), undefined);
  assert.deepEqual(latencyRises(run).map((rise) => [rise.stepIndex, rise.verdict, rise.next]), [[2, 'unconfirmed', undefined]]);
});

test('a broken objective confirmed by its re-measure says so in the evidence', () => {
  const run = steps([
    { load: 20, p99Us: 5_000 },
    { load: 40, p99Us: 6_000, outcome: 'slo-broken', brokenMessage: 'acks.timedOut = 160 (limit < 100)' },
  ]);
  run[1]!.firstMeasurement = { outcome: 'slo-broken', slos: run[1]!.slos };
  const knee = findKnee(run, SYNTHETIC_MEMORY_BYTES);
  assert.equal(knee?.reason, 'slo-broken');
  assert.match(knee?.evidence[0] ?? '', /: the objective broke for another reason, such as/);
  assert.equal(knee?.evidence[knee.evidence.length - 1], 'confirmed by a re-measure at the same load (the first measurement broke: acks.timedOut = 160 (limit < 100))');
});
