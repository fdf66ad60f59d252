import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';

function scenario(actions: string, phases = '[{name: steady, kind: hold, duration: 10s}]', population = '{clients: 10}'): string {
  return `
name: warnings
target: http://127.0.0.1:1
population: ${population}
phases: ${phases}
actions:
${actions}
`;
}

function messages(text: string): string[] {
  return parseScenarioText(text, 'w.yml').warnings.map((warning) => warning.message);
}

test('an action that its phases schedule fewer than 3 times is warned about: its metrics may get no samples', () => {
  // 0.2/s over 10 s: 2 slots.
  assert.deepEqual(messages(scenario('  - {kind: echo, rate: {total: 0.2}}')), [
    'echo is scheduled about 2 times over the phases that run it (rate × clients × seconds): the run may be too short for it, and its metrics and thresholds may get no samples; raise the rate or lengthen those phases',
  ]);
  // 0.01 per client x 10 clients over 10 s: 1 slot; only the phases that list it count.
  const listed = scenario('  - {kind: echo, rate: {perClient: 0.01}}', '[{name: a, kind: hold, duration: 10s, actions: [echo]}, {name: b, kind: hold, duration: 50s, actions: []}]');
  assert.match(messages(listed)[0]!, /^echo is scheduled about 1 time over the phases/);
  // 3 slots or more, or a closed loop, is no warning.
  assert.deepEqual(messages(scenario('  - {kind: echo, rate: {total: 0.3}}')), []);
  assert.deepEqual(messages(scenario('  - {kind: echo, rate: {closedLoop: {concurrency: 1}}}')), []);
});

test('an action no phase lists never runs, and says so rather than also counting its slots', () => {
  const text = scenario('  - {kind: echo, rate: {total: 0.1}}', '[{name: a, kind: hold, duration: 10s, actions: []}]');
  assert.deepEqual(messages(text), [
    "no phase lists echo, so it never runs: add it to a phase's actions (a phase without an actions list runs every rate action)",
  ]);
});
