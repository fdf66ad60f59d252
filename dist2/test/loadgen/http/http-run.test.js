/**
 * An http action end to end: a run against the built-in reference server drives autocannon at the Engine.IO
 * handshake (200 requests) and at a missing path (20 requests), and the result carries exactly those counts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';
const SCENARIO = `
name: http-storm
target: builtin
client: lean
transport: websocket
population: {clients: 1}
phases:
  - {name: storm, kind: hold, duration: 5s, actions: [handshakes, missing]}
actions:
  - {kind: http, name: handshakes, connections: 4, amount: 200}
  - {kind: http, name: missing, path: /no-such-page, connections: 2, amount: 20}
thresholds:
  - http.latency p(99) < 30s
drain: 500ms
`;
test('an http action sends its amount of requests: latency counted per response, 404s counted as errors', { timeout: 120_000 }, async () => {
    const result = await runScenario({ loaded: parseScenarioText(SCENARIO, 'http.yml'), reporter: recordingReporter(), workers: 1 });
    assert.equal(result.status, 'completed', JSON.stringify(result.failure));
    assert.equal(result.totals.latency.http?.corrected.count, 220);
    assert.equal(result.totals.latency.http?.uncorrected.count, 220);
    assert.equal(result.totals.errors.http_status_404?.count, 20);
    assert.equal(result.totals.errors.http_error, undefined, JSON.stringify(result.totals.errors));
    const perSecond = result.series.reduce((n, point) => n + (point.latency.http?.corrected.count ?? 0), 0);
    assert.equal(perSecond, 220, 'the series holds every request');
    assert.deepEqual(result.thresholds.map((threshold) => [threshold.expression, threshold.passed]), [['http.latency p(99) < 30s', true]]);
});
//# sourceMappingURL=http-run.test.js.map