/**
 * Every short bundled scenario runs as it is in the test suite, scaled down with --set overrides (fewer clients, a
 * few seconds), against the built-in server: it completes, measures what it is for, and loses nothing.
 * soak.yml is long by design and only validated (test/loadgen/scenario covers validation of every file).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { runScenario } from '../../loadgen/engine/coordinator.js';
import { loadScenarioFile } from '../../loadgen/scenario/load-scenario.js';
import type { LatencyMetric } from '../../loadgen/metric-names.js';
import { recordingReporter } from '../helpers/silent-reporter.js';

const scenario = (name: string): string => fileURLToPath(new URL(`../../../scenarios/${name}`, import.meta.url));

/** Each bundled file with the overrides that make it short, and the metrics it must have measured. */
const cases: Array<{ file: string; overrides: string[]; measures: LatencyMetric[] }> = [
  { file: 'rooms.yml', overrides: ['clients=60', 'rooms=6', 'duration=6s'], measures: ['connect', 'join', 'broadcast', 'fanoutCompletion', 'direct', 'echo'] },
  { file: 'connect-storm.yml', overrides: ['clients=200', 'duration=6s'], measures: ['connect'] },
  { file: 'fanout.yml', overrides: ['clients=60', 'duration=5s'], measures: ['broadcast', 'fanoutCompletion'] },
  { file: 'direct.yml', overrides: ['clients=60', 'duration=5s'], measures: ['direct'] },
  { file: 'polling.yml', overrides: ['clients=40', 'rooms=4', 'duration=6s'], measures: ['connect', 'broadcast'] },
  { file: 'binary.yml', overrides: ['clients=40', 'rooms=4', 'duration=5s'], measures: ['broadcast'] },
  // At its full default duration: replies that outlive their timeout would show only there.
  { file: 'seed-chat.yml', overrides: [], measures: ['message', 'send-message', 'my-message', 'my-message.fanout'] },
];

for (const { file, overrides, measures } of cases) {
  test(`${file} runs (${overrides.join(' ') || 'as it is'}) and loses nothing`, async () => {
    const loaded = await loadScenarioFile(scenario(file), overrides);
    const result = await runScenario({ loaded, reporter: recordingReporter(), workers: 2 });
    assert.equal(result.status, 'completed', JSON.stringify(result.failure));
    assert.equal(result.totals.counters.connectFailures, 0, JSON.stringify(result.totals.errors));
    assert.equal(result.totals.counters.acksTimedOut, 0, JSON.stringify(result.totals.errors));
    // Run as it is, it passes its own thresholds: what `sio-bench run scenarios/<file>` shows a new user.
    if (overrides.length === 0) assert.equal(result.verdict, 'passed', JSON.stringify(result.thresholds.filter((threshold) => !threshold.passed)));
    for (const metric of measures) {
      assert.ok((result.totals.latency[metric]?.corrected.count ?? 0) > 0, `${file} measured ${metric}`);
    }
    for (const [metric, delivery] of Object.entries(result.totals.delivery)) {
      assert.equal(delivery.lost, 0, `${file}: ${metric} lost ${delivery.lost}`);
      assert.equal(delivery.duplicated, 0, `${file}: ${metric} duplicated`);
      assert.equal(delivery.received, delivery.expected);
    }
  });
}
