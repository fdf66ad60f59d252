/** The worker launch: the layout of one process's share of the clients, the task they share, and the ready count. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planWorkerLaunch, ReadyWorkers } from '../../../loadgen/engine/worker-launch.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';

function scenario(clients: number, transport: string) {
  return parseScenarioText(
    `
name: launch
target: builtin
transport: ${transport}
population: {clients: ${clients}}
phases:
  - {name: hold, kind: hold, duration: 1s}
`,
    'launch.yml',
  ).scenario;
}

test('a shard launches its own share; websocket clients fit 15,000 per process, polling 7,000', () => {
  // 40,000 clients, shard 2 of 2: 20,000 here; over websocket 2 processes (ceil(20,000 / 15,000)) of 1 thread each.
  const sharded = planWorkerLaunch({ scenario: scenario(40_000, 'websocket'), totalClients: 40_000, targetUrl: 'http://127.0.0.1:3000', shard: { index: 1, count: 2 }, clockOffsetUs: 7, threads: 2 });
  assert.equal(sharded.clients, 20_000);
  assert.deepEqual(sharded.layout, { processes: 2, threadsPerProcess: 1, workerCount: 2 });
  assert.deepEqual({ shard: sharded.base.shard, clockOffsetUs: sharded.base.clockOffsetUs, workerCount: sharded.base.workerCount }, { shard: { index: 1, count: 2 }, clockOffsetUs: 7, workerCount: 2 });
  // The source addresses are for the whole run's 40,000 loopback clients: 10,000 per address, so four.
  assert.deepEqual(sharded.base.sourceAddresses, ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4']);
  // The same 20,000 over polling: ceil(20,000 / 7,000) = 3 processes.
  const polling = planWorkerLaunch({ scenario: scenario(20_000, 'polling'), totalClients: 20_000, targetUrl: 'http://10.0.0.1:3000', clockOffsetUs: 0, threads: 2 });
  assert.deepEqual(polling.layout, { processes: 3, threadsPerProcess: 1, workerCount: 3 });
  assert.equal(polling.base.shard, undefined);
  assert.deepEqual(polling.base.sourceAddresses, []);
});

test('ready resolves once every worker has said so, each counted once', async () => {
  const ready = new ReadyWorkers(2);
  let resolved = false;
  void ready.all.then(() => (resolved = true));
  ready.add(0);
  ready.add(0);
  await Promise.resolve();
  assert.equal(resolved, false);
  assert.equal(ready.size, 1);
  ready.add(1);
  await ready.all;
  assert.equal(ready.size, 2);
});
