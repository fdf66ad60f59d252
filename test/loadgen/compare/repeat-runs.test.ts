/** runRepeated with a stand-in for runScenario: how many runs, what progress says, when it stops early. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRepeated } from '../../../loadgen/compare/repeat-runs.js';
import type { RunScenarioOptions } from '../../../loadgen/engine/run-scenario-options.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import type { LiveState } from '../../../loadgen/live-state.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

const SCENARIO = `
name: repeat
target: builtin
population: {clients: 10}
phases:
  - {name: steady, kind: hold, duration: 2s}
actions:
  - kind: echo
    rate: {perClient: 1}
thresholds:
  - echo.latency p(99) < 10s
`;

function fakeRuns(statuses: RunResult['status'][]): { runOnce: (options: RunScenarioOptions) => Promise<RunResult>; calls: RunScenarioOptions[] } {
  const calls: RunScenarioOptions[] = [];
  return {
    calls,
    runOnce: async (options) => {
      calls.push(options);
      const index = calls.length;
      options.reporter.update({ elapsedMs: 1000 } as LiveState);
      return { ...makeRunResult({ durationSec: 3, seed: index }), status: statuses[index - 1] ?? 'completed' };
    },
  };
}

test('runs N times, says "repetition i/N" before each, and merges the N results', async () => {
  const reporter = recordingReporter();
  const notices: string[] = [];
  const { runOnce, calls } = fakeRuns([]);
  const result = await runRepeated({
    loaded: parseScenarioText(SCENARIO, 'repeat.yml'),
    reporter,
    notice: (line) => notices.push(line),
    repeat: 3,
    runOnce,
  });
  assert.equal(calls.length, 3);
  assert.deepEqual(notices, ['repetition 1/3', 'repetition 2/3', 'repetition 3/3']);
  assert.deepEqual(reporter.states.map((state) => state.message), ['repetition 1/3', 'repetition 2/3', 'repetition 3/3']);
  assert.equal(result.repetitions?.length, 3);
  assert.deepEqual(result.thresholds.map((t) => t.expression), ['echo.latency p(99) < 10s']);
  assert.equal(result.durationMs, 9000);
});

test('a repetition that does not complete ends the series; a stop request skips the rest', async () => {
  const failing = fakeRuns(['completed', 'failed', 'completed']);
  const failed = await runRepeated({ loaded: parseScenarioText(SCENARIO, 'repeat.yml'), reporter: recordingReporter(), repeat: 3, runOnce: failing.runOnce });
  assert.equal(failing.calls.length, 2);
  assert.equal(failed.status, 'failed');

  const reporter = recordingReporter();
  const stopping = fakeRuns([]);
  const stopped: string[] = [];
  const result = await runRepeated({
    loaded: parseScenarioText(SCENARIO, 'repeat.yml'),
    reporter,
    repeat: 3,
    runOnce: async (options) => {
      options.reporter.onStopRequest(() => stopped.push('stop'));
      // The user presses q during the first repetition.
      if (stopping.calls.length === 0) reporter.requestStop();
      return stopping.runOnce(options);
    },
  });
  assert.deepEqual(stopped, ['stop']);
  assert.equal(stopping.calls.length, 1);
  assert.equal(result.repetitions?.length, 1);
});
