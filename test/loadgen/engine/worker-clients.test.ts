/** Which clients a worker runs: every worker's share derived by hand from the shard and worker counts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorkerClients, workerClientIndices } from '../../../loadgen/engine/worker-clients.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';

test('without shards, worker w of W takes clients w, w+W, w+2W, ...', () => {
  const whole = { index: 0, count: 1 };
  assert.deepEqual(workerClientIndices(7, whole, 0, 3), [0, 3, 6]);
  assert.deepEqual(workerClientIndices(7, whole, 1, 3), [1, 4]);
  assert.deepEqual(workerClientIndices(7, whole, 2, 3), [2, 5]);
  assert.deepEqual(workerClientIndices(7, whole, 0, 1), [0, 1, 2, 3, 4, 5, 6]);
});

test('in shard s of n, worker w of W takes every W-th of the clients c with c mod n = s', () => {
  // Shard 1 of 2 holds 1, 3, 5, 7, 9; two workers share them alternately.
  assert.deepEqual(workerClientIndices(10, { index: 1, count: 2 }, 0, 2), [1, 5, 9]);
  assert.deepEqual(workerClientIndices(10, { index: 1, count: 2 }, 1, 2), [3, 7]);
  // More workers than the shard's clients: the last ones take none.
  assert.deepEqual(workerClientIndices(3, { index: 0, count: 2 }, 2, 3), []);
});

test('every client of the population is run by exactly one worker of one shard', () => {
  const seen: number[] = [];
  for (let shard = 0; shard < 3; shard += 1) {
    for (let worker = 0; worker < 4; worker += 1) seen.push(...workerClientIndices(50, { index: shard, count: 3 }, worker, 4));
  }
  assert.deepEqual(seen.sort((a, b) => a - b), Array.from({ length: 50 }, (_, index) => index));
});

function scenarioWith(actions: string): ReturnType<typeof parseScenarioText>['scenario'] {
  return parseScenarioText(
    `
name: clients
target: builtin
population: {clients: 6, rooms: 0}
phases:
  - {name: hold, kind: hold, duration: 1s}
actions:
${actions}
`,
    'clients.yml',
  ).scenario;
}

test('the records carry their index, and no rooms when the scenario has none', () => {
  const sims = createWorkerClients(scenarioWith('  - {kind: custom, event: x}'), 6, { index: 0, count: 1 }, 1, 2);
  assert.deepEqual(
    sims.map((sim) => sim.index),
    [1, 3, 5],
  );
  for (const sim of sims) {
    assert.deepEqual(sim.rooms, []);
    // No direct action: no peers drawn.
    assert.equal(sim.peers.length, 0);
  }
});

test('a scenario that sends directs gives each client its 4 distinct peers, never itself', () => {
  const sims = createWorkerClients(scenarioWith('  - {kind: direct, rate: {perClient: 1}}'), 6, { index: 0, count: 1 }, 0, 1);
  for (const sim of sims) {
    assert.equal(sim.peers.length, 4);
    assert.equal(new Set(sim.peers).size, 4);
    assert.ok(!sim.peers.includes(sim.index));
    assert.deepEqual(sim.peerSeq, [0, 0, 0, 0]);
  }
});
