/** The run plan's times, derived by hand from the scenario. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientLifetime, planRun } from '../../../loadgen/engine/run-plan.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
function scenario(extra, actions = '  - kind: join\n  - kind: leave') {
    return parseScenarioText(`
name: plan
target: builtin
population: {clients: 10, rooms: 2}
phases:
  - {name: up, kind: ramp-up, duration: 2s}
  - {name: hold, kind: hold, duration: 5s}
  - {name: down, kind: ramp-down, duration: 4s}
actions:
${actions}
${extra}
`, 'plan.yml').scenario;
}
test('the drain follows the phases: the run ends at their end plus the drain, or at the cap plus the drain', () => {
    assert.equal(planRun(scenario('drain: 1500ms')).endMs, 11_000 + 1_500);
    assert.equal(planRun(scenario('drain: 1500ms\nmaxDuration: 8s')).endMs, 8_000 + 1_500);
    assert.equal(planRun(scenario('drain: 0s')).endMs, 11_000);
});
test('with a leave, ramp-down disconnects begin after the drain, when the leaves go out', () => {
    const withLeave = scenario('drain: 1s');
    const plan = planRun(withLeave);
    // Ramp-down from 7 s for 4 s; leaves go out at 7 s + 1 s drain; 10 clients spread over the remaining 3 s.
    assert.deepEqual([0, 5, 9].map((index) => clientLifetime(withLeave, plan, index)?.disconnectMs), [8_000, 8_000 + 1_500, 8_000 + 2_700]);
    // Without a leave action the disconnects spread over the whole phase.
    const noLeave = scenario('drain: 1s', '  - kind: join');
    assert.deepEqual([0, 5].map((index) => clientLifetime(noLeave, planRun(noLeave), index)?.disconnectMs), [7_000, 9_000]);
    // A drain longer than half the phase leads by half the phase at most.
    const longDrain = scenario('drain: 3s');
    assert.equal(clientLifetime(longDrain, planRun(longDrain), 0)?.disconnectMs, 9_000);
});
//# sourceMappingURL=run-plan.test.js.map