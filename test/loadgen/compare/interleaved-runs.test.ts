import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interleavedOrder, runInterleaved } from '../../../loadgen/compare/interleaved-runs.js';
import type { RunScenarioOptions } from '../../../loadgen/engine/run-scenario-options.js';
import type { LiveReporter } from '../../../loadgen/live-state.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { handResult } from './hand-results.js';

const TEXT = `
name: ab
target: http://127.0.0.1:1
population: {clients: 1}
phases: [{name: steady, kind: hold, duration: 1s}]
actions: [{kind: echo, rate: {perClient: 1}}]
`;

function reporter(): LiveReporter & { stop(): void } {
  const callbacks: Array<() => void> = [];
  return { update: () => undefined, finish: async () => undefined, onStopRequest: (callback) => callbacks.push(callback), stop: () => callbacks.forEach((callback) => callback()) };
}

test('strict alternation: A B A B ...', () => {
  assert.deepEqual(interleavedOrder(1), ['baseline', 'candidate']);
  assert.deepEqual(interleavedOrder(3), ['baseline', 'candidate', 'baseline', 'candidate', 'baseline', 'candidate']);
  assert.throws(() => interleavedOrder(0), /positive integer/);
});

test('each side runs its own scenario and launcher in the interleaved order, and merges into its own repetitions', async () => {
  const baselineLoaded = parseScenarioText(TEXT, 'ab.yml', ['target=http://127.0.0.1:2']);
  const candidateLoaded = parseScenarioText(TEXT, 'ab.yml', ['target=http://127.0.0.1:3']);
  const calls: string[] = [];
  const runOnce = async (options: RunScenarioOptions): Promise<RunResult> => {
    const target = options.loaded.scenario.target;
    calls.push(`${target.kind === 'url' ? target.url : 'builtin'} ${options.serverLauncherPath ?? '-'}`);
    return handResult([{ echoP50Us: calls.length * 1000 }]);
  };
  const notices: string[] = [];
  const ran = await runInterleaved({
    baseline: { label: 'baseline A', loaded: baselineLoaded },
    candidate: { label: 'candidate B', loaded: candidateLoaded, serverLauncherPath: '/other/bin/sio-bench.js' },
    repeat: 2,
    reporter: reporter(),
    notice: (line) => notices.push(line),
    runOnce,
  });
  assert.deepEqual(calls, ['http://127.0.0.1:2 -', 'http://127.0.0.1:3 /other/bin/sio-bench.js', 'http://127.0.0.1:2 -', 'http://127.0.0.1:3 /other/bin/sio-bench.js']);
  assert.deepEqual(notices, ['run 1/4: baseline A (1/2)', 'run 2/4: candidate B (1/2)', 'run 3/4: baseline A (2/2)', 'run 4/4: candidate B (2/2)']);
  assert.deepEqual(ran.order, ['baseline', 'candidate', 'baseline', 'candidate']);
  // Runs 1 and 3 are the baseline's (echo p50 1 ms and 3 ms), 2 and 4 the candidate's.
  assert.deepEqual(ran.baseline?.repetitions?.map((repetition) => repetition.latency.echo?.corrected.p50Us), [1000, 3000]);
  assert.deepEqual(ran.candidate?.repetitions?.map((repetition) => repetition.latency.echo?.corrected.p50Us), [2000, 4000]);
});

test('a stop request ends the current run and skips the rest; a side that never ran is absent', async () => {
  const loaded = parseScenarioText(TEXT, 'ab.yml');
  const live = reporter();
  let runs = 0;
  const ran = await runInterleaved({
    baseline: { label: 'A', loaded },
    candidate: { label: 'B', loaded },
    repeat: 3,
    reporter: live,
    runOnce: async () => {
      runs += 1;
      live.stop();
      return { ...handResult([{ echoP50Us: 1000 }]), status: 'interrupted' };
    },
  });
  assert.equal(runs, 1);
  assert.deepEqual(ran.order, ['baseline']);
  assert.equal(ran.baseline?.status, 'interrupted');
  assert.equal(ran.candidate, undefined);
});
