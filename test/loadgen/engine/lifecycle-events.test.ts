/** The connect ramp in the queue: connect and disconnect times derived by hand from the phases. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LifecycleEvent, queuePlannedLifetimes } from '../../../loadgen/engine/lifecycle-events.js';
import { planRun } from '../../../loadgen/engine/run-plan.js';
import { RunTimeline } from '../../../loadgen/engine/run-timeline.js';
import { createSimClient } from '../../../loadgen/engine/sim-client.js';
import { ScheduleQueue } from '../../../loadgen/schedule/schedule-queue.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';

test('each client is queued to connect on the ramp-up and to disconnect on the ramp-down, from the run start', () => {
  const { scenario } = parseScenarioText(
    `
name: ramp
target: builtin
population: {clients: 10, rooms: 2}
phases:
  - {name: up, kind: ramp-up, duration: 2s}
  - {name: hold, kind: hold, duration: 5s}
  - {name: down, kind: ramp-down, duration: 4s}
actions:
  - kind: join
drain: 1s
`,
    'ramp.yml',
  );
  const plan = planRun(scenario);
  // This worker runs clients 0 and 5 (slots 0 and 1).
  const sims = [createSimClient(0, [], []), createSimClient(5, [], [])];
  const queue = new ScheduleQueue();
  const timeline = new RunTimeline();
  timeline.startAt(1_000_000);
  const queued: Array<[number, number]> = [];
  queuePlannedLifetimes(scenario, plan, sims, queue, timeline, (slot, connectMs) => queued.push([slot, connectMs]));
  // Ten clients over a 2 s ramp-up: client i connects at i * 200 ms. Without a leave action the disconnects
  // spread over the 4 s ramp-down from 7 s: client i at 7000 + i * 400 ms.
  assert.deepEqual(queued, [
    [0, 0],
    [1, 1_000],
  ]);
  const due: Array<[number, number, number]> = [];
  queue.popDue(Number.MAX_SAFE_INTEGER, (dueUs, slot, code) => due.push([dueUs, slot, code]));
  assert.deepEqual(
    due.sort((a, b) => a[0] - b[0]),
    [
      [1_000_000, 0, LifecycleEvent.connect],
      [2_000_000, 1, LifecycleEvent.connect],
      [8_000_000, 0, LifecycleEvent.disconnect],
      [10_000_000, 1, LifecycleEvent.disconnect],
    ],
  );
});
