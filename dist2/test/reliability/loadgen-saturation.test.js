/**
 * A saturated load generator measures its own queueing, not the server: the result must say from which second
 * its figures are not trustworthy. The decision is unit-tested on exact figures; one end-to-end run blocks a
 * worker's event loop (the test-only SIO_BENCH_INJECT_WORKER_FAULT=stall switch) and checks the warning.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScenario } from '../../loadgen/engine/coordinator.js';
import { isSaturated, SATURATED_DELAY_P99_US, SATURATED_UTILIZATION, worstHealth } from '../../loadgen/engine/loadgen-health.js';
import { WORKER_FAULT_ENV } from '../../loadgen/engine/worker-thread.js';
import { parseScenarioText } from '../../loadgen/scenario/load-scenario.js';
import { recordingReporter } from '../helpers/silent-reporter.js';
test('saturation: event-loop utilisation above 0.9 or delay p99 above 50 ms, taken from the busiest worker', () => {
    const calm = { eventLoopDelayP99Us: SATURATED_DELAY_P99_US, eventLoopDelayMaxUs: 80_000, eventLoopUtilization: SATURATED_UTILIZATION };
    assert.equal(isSaturated(calm), false, 'the thresholds themselves are not saturation');
    assert.equal(isSaturated({ ...calm, eventLoopUtilization: 0.901 }), true);
    assert.equal(isSaturated({ ...calm, eventLoopDelayP99Us: SATURATED_DELAY_P99_US + 1 }), true);
    assert.deepEqual(worstHealth([
        { eventLoopDelayP99Us: 10, eventLoopDelayMaxUs: 900, eventLoopUtilization: 0.95 },
        { eventLoopDelayP99Us: 70_000, eventLoopDelayMaxUs: 90_000, eventLoopUtilization: 0.2 },
    ]), { eventLoopDelayP99Us: 70_000, eventLoopDelayMaxUs: 90_000, eventLoopUtilization: 0.95 });
    assert.equal(worstHealth([]), undefined);
});
test('a worker whose event loop is blocked: the result warns that its figures are not trustworthy from that second on', async () => {
    // Worker threads copy this process's environment when they start: the switch reaches worker 0 only.
    process.env[WORKER_FAULT_ENV] = 'stall:0@1000';
    const scenario = `
name: saturated
target: builtin
population: {clients: 4}
phases:
  - {kind: ramp-up, duration: 500ms}
  - {kind: hold, duration: 4s}
actions:
  - {kind: echo, rate: {perClient: 2}}
drain: 500ms
`;
    const result = await runScenario({ loaded: parseScenarioText(scenario, 'saturated.yml'), reporter: recordingReporter(), workers: 1 });
    delete process.env[WORKER_FAULT_ENV];
    assert.equal(result.status, 'completed', JSON.stringify(result.failure));
    const saturatedSeconds = result.series.filter((point) => point.loadgen !== undefined && isSaturated(point.loadgen)).map((point) => point.tSec);
    // From second 2 on every whole second contains the stall (200 ms blocked of every 250 ms): each is saturated.
    const stalled = result.series.filter((point) => point.tSec >= 2 && point.tSec <= 4).map((point) => point.tSec);
    assert.deepEqual(stalled.filter((sec) => saturatedSeconds.includes(sec)), stalled, `saturated seconds: ${saturatedSeconds.join(' ')}`);
    const warning = result.warnings.find((text) => text.startsWith('the load generator itself was saturated'));
    assert.ok(warning !== undefined, JSON.stringify(result.warnings));
    assert.match(warning, new RegExp(`saturated in ${saturatedSeconds.length} of ${result.series.length} seconds \\(first in second ${saturatedSeconds[0]};`));
    assert.match(warning, /not trustworthy as the server's/);
});
//# sourceMappingURL=loadgen-saturation.test.js.map