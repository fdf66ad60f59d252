import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureStep, windowPoints } from '../../../loadgen/capacity/measure-step.js';
import { parseSlos } from '../../../loadgen/capacity/evaluate-slos.js';
import { runCapacity } from '../../../loadgen/capacity/run-capacity.js';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs, releaseHistogram, summarizeHistogram } from '../../../loadgen/measure/histogram-factory.js';
import type { RunResult, SeriesPoint } from '../../../loadgen/run-result.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';

/** Second k (1-based) records latencies k×1000 + i×(baseUs/100) µs for i in 0..99. */
function valuesOf(second: number, baseUs: number): number[] {
  return Array.from({ length: 100 }, (_, i) => second * 1000 + i * (baseUs / 100));
}

function encoded(values: readonly number[]): string {
  const histogram = createLatencyHistogram();
  for (const value of values) recordLatencyUs(histogram, value);
  const text = encodeHistogram(histogram);
  releaseHistogram(histogram);
  return text;
}

/** An 8-second run: ramp-up 0–2 s, steady 2–7 s, ramp-down 7–8 s; acksTimedOut = clients per second. */
function stepResult(clients: number, baseUs: number, saturatedSeconds: readonly number[] = [], starvedSeconds: readonly number[] = []): RunResult {
  const base = makeRunResult({ durationSec: 8 });
  const phases: RunResult['phases'] = [
    { name: 'ramp-up', startMs: 0, durationMs: 2000, status: 'completed' },
    { name: 'steady', startMs: 2000, durationMs: 5000, status: 'completed' },
    { name: 'ramp-down', startMs: 7000, durationMs: 1000, status: 'completed' },
  ];
  const series: SeriesPoint[] = base.series.slice(0, 8).map((point, index) => {
    const tSec = index + 1;
    const values = valuesOf(tSec, baseUs);
    const text = encoded(values);
    return {
      ...point,
      tSec,
      phase: tSec <= 2 ? 'ramp-up' : tSec <= 7 ? 'steady' : 'ramp-down',
      histograms: { broadcast: { corrected: text, uncorrected: text } },
      counters: { ...point.counters, acksTimedOut: clients, eventsSent: clients * 10 },
      delivery: { broadcast: { expected: 100, received: 100, duplicated: 0, outOfOrder: 0, unexpected: 0 } },
      connections: { ...point.connections, open: clients },
      loadgen: { eventLoopUtilization: saturatedSeconds.includes(tSec) ? 0.95 : 0.2, eventLoopDelayP99Us: starvedSeconds.includes(tSec) ? 90_000 : 3_000, eventLoopDelayMaxUs: 90_000 },
    };
  });
  const server = Array.from({ length: 8 }, (_, index) => ({
    ...base.server[0]!,
    process: 'server',
    tSec: index + 1,
    cpuPercent: (index + 1) * 10,
    rssBytes: 1_000_000 + clients * 1000,
    connectedClients: clients,
  }));
  return { ...base, status: 'completed', phases, series, server, warnings: [] };
}

test('the window is the hold after its warm-up; histograms merge exactly', () => {
  const result = stepResult(50, 5_000);
  assert.deepEqual(windowPoints(result.series, 4000, 7000).map((point) => point.tSec), [5, 6, 7]);
  const scenario = parseScenarioText('name: s\npopulation: {clients: 50}\nphases: [{kind: hold, name: steady, duration: 5s}]\nactions: [{kind: echo, rate: {perClient: 2}}]\n', 's.yml').scenario;
  const step = measureStep(result, {
    index: 1,
    load: 50,
    overrides: ['clients=50'],
    scenario,
    phase: 'steady',
    warmupMs: 2000,
    slos: parseSlos(['broadcast.latency p(99) < 20ms', 'acks.timedOut < 200']),
  });
  const union = createLatencyHistogram();
  for (const second of [5, 6, 7]) for (const value of valuesOf(second, 5_000)) recordLatencyUs(union, value);
  assert.deepEqual(step.latency.broadcast?.corrected, summarizeHistogram(union));
  releaseHistogram(union);
  assert.deepEqual(step.window, { startSec: 4, endSec: 7, durationMs: 3000, points: 3 });
  assert.equal(step.counters.acksTimedOut, 150);
  assert.equal(step.sendPerSec, 500);
  assert.equal(step.deliveriesPerSec, 100);
  assert.equal(step.offeredSendPerSec, 100);
  // Server samples at 4, 5, 6, 7 s: CPU 40..70%, mean 55%.
  assert.equal(step.server?.cpuPercentMean, 55);
  assert.equal(step.server?.samples, 4);
  assert.equal(step.serverPoints.length, 4);
  assert.deepEqual(step.slos.map((slo) => [slo.passed, slo.actual]), [
    [true, step.latency.broadcast!.corrected.p99Us / 1000],
    [true, 150],
  ]);
  assert.equal(step.outcome, 'met');
});

test('the load generator counts as the bottleneck only when a quarter of the window was saturated', () => {
  const scenario = parseScenarioText('name: s\npopulation: {clients: 50}\nphases: [{kind: hold, name: steady, duration: 5s}]\n', 's.yml').scenario;
  const measure = (result: RunResult) =>
    measureStep(result, { index: 0, load: 50, overrides: [], scenario, phase: 'steady', warmupMs: 0, slos: parseSlos(['acks.timedOut < 1000']) });
  // Window 2–7 s: points 3..7, five seconds. Second 2 (ramp-up) does not count.
  const one = measure(stepResult(50, 5_000, [2, 4]));
  assert.deepEqual([one.window.points, one.loadgenSaturatedSeconds, one.loadgenSaturated, one.outcome], [5, 1, false, 'met']);
  const two = measure(stepResult(50, 5_000, [4, 6]));
  assert.deepEqual([two.loadgenSaturatedSeconds, two.loadgenSaturated, two.outcome], [2, true, 'loadgen-saturated']);
  assert.equal(two.loadgen?.eventLoopUtilization, 0.95);
  // Delayed while 20% busy: the host starved it; noisy, but not the load generator's limit.
  const starved = measure(stepResult(50, 5_000, [], [4, 5, 6]));
  assert.deepEqual([starved.loadgenSaturatedSeconds, starved.hostStarvedSeconds, starved.loadgenSaturated, starved.outcome], [0, 3, false, 'met']);
});

const CAPACITY_SCENARIO = `
name: cap
population: {clients: 10}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 2s}
  - {name: steady, kind: hold, duration: 5s}
  - {name: ramp-down, kind: ramp-down, duration: 1s}
actions: [{kind: echo, rate: {perClient: 1}}]
capacity: {dimension: clients, start: 20, step: x2, max: 160, holdPerStep: 3s, warmup: 2s}
`;

test('runCapacity runs the plan with each step\'s overrides and stops at the first broken objective', async () => {
  const seen: string[][] = [];
  const result = await runCapacity({
    text: CAPACITY_SCENARIO,
    file: 'cap.yml',
    overrides: ['actions.echo.rate.perClient=2'],
    slos: ['acks.timedOut < 200'],
    runStep: async (loaded) => {
      seen.push(loaded.overrides);
      return stepResult(loaded.scenario.population.clients, 5_000);
    },
  });
  assert.deepEqual(seen, [
    ['actions.echo.rate.perClient=2', 'clients=20', 'phases.steady.duration=5s'],
    ['actions.echo.rate.perClient=2', 'clients=40', 'phases.steady.duration=5s'],
    ['actions.echo.rate.perClient=2', 'clients=80', 'phases.steady.duration=5s'],
    ['actions.echo.rate.perClient=2', 'clients=80', 'phases.steady.duration=5s'],
  ]);
  assert.deepEqual(result.plan.loads, [20, 40, 80, 160]);
  // 3 window seconds × clients: 60, 120, 240 against < 200; the breach at 80 is re-measured once, and holds.
  assert.deepEqual(result.steps.map((step) => step.outcome), ['met', 'met', 'slo-broken']);
  assert.deepEqual(result.steps.map((step) => step.firstMeasurement?.outcome), [undefined, undefined, 'slo-broken']);
  assert.deepEqual(result.stopReason, { kind: 'slo-broken', stepIndex: 2 });
  assert.equal(result.analysis.sustainableStepIndex, 1);
  assert.equal(result.analysis.knee?.stepIndex, 2);
  // rss = 1 MB + 1000 B per client, exactly.
  assert.ok(Math.abs((result.analysis.costs.memory?.bytesPerClient ?? 0) - 1000) < 1e-6);
});

test('a breach its re-measure does not repeat was noise: the plan goes on; without confirmation it stops there', async () => {
  const runs = (confirmBreaches: boolean) => {
    const seen: Array<[number, boolean]> = [];
    const first80 = { done: false };
    return {
      seen,
      run: runCapacity({
        text: CAPACITY_SCENARIO,
        file: 'cap.yml',
        overrides: [],
        slos: ['acks.timedOut < 200'],
        confirmBreaches,
        runStep: async (loaded, _index, _count, remeasure) => {
          const clients = loaded.scenario.population.clients;
          seen.push([clients, remeasure]);
          // The first run at 80 clients times out 240 acks (a stall); its re-measure 120, like 40 clients.
          if (clients === 80 && !first80.done) {
            first80.done = true;
            return stepResult(80, 5_000);
          }
          return stepResult(clients === 80 ? 40 : clients, 5_000);
        },
      }),
    };
  };
  const confirmed = runs(true);
  const result = await confirmed.run;
  assert.deepEqual(confirmed.seen, [[20, false], [40, false], [80, false], [80, true], [160, false], [160, true]]);
  assert.deepEqual(result.steps.map((step) => [step.load, step.outcome, step.firstMeasurement?.outcome]), [
    [20, 'met', undefined],
    [40, 'met', undefined],
    [80, 'met', 'slo-broken'],
    [160, 'slo-broken', 'slo-broken'],
  ]);
  assert.equal(result.analysis.sustainableStepIndex, 2);
  assert.deepEqual(result.stopReason, { kind: 'slo-broken', stepIndex: 3 });
  const unconfirmed = runs(false);
  const stopped = await unconfirmed.run;
  assert.deepEqual(unconfirmed.seen, [[20, false], [40, false], [80, false]]);
  assert.deepEqual(stopped.stopReason, { kind: 'slo-broken', stepIndex: 2 });
});

test('a plan the scenario cannot run is refused before any step runs', async () => {
  let ran = 0;
  const runStep = async (): Promise<RunResult> => {
    ran += 1;
    return stepResult(1, 1);
  };
  await assert.rejects(runCapacity({ text: CAPACITY_SCENARIO, file: 'cap.yml', overrides: [], slos: ['nonsense < 1'], runStep }), /--slo 'nonsense < 1'/);
  await assert.rejects(
    runCapacity({ text: CAPACITY_SCENARIO.replace('dimension: clients', 'dimension: rate, action: nope'), file: 'cap.yml', overrides: [], slos: ['errors.rate < 1%'], runStep }),
    /capacity.action: no action named 'nope'/,
  );
  assert.equal(ran, 0);
});
