import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWorker, planWorkers } from '../../../loadgen/engine/worker-layout.js';
import { sourceAddressesFor } from '../../../loadgen/engine/source-addresses.js';

test('one process holds the clients when they fit', () => {
  assert.deepEqual(planWorkers({ totalClients: 2000, threads: 2, clientsPerProcess: 15000 }), { processes: 1, threadsPerProcess: 2, workerCount: 2 });
});

test('clients beyond one process are spread over several, each with at least one thread', () => {
  assert.deepEqual(planWorkers({ totalClients: 40000, threads: 2, clientsPerProcess: 15000 }), { processes: 3, threadsPerProcess: 1, workerCount: 3 });
  assert.deepEqual(planWorkers({ totalClients: 100, threads: 4, clientsPerProcess: 40 }), { processes: 3, threadsPerProcess: 2, workerCount: 6 });
});

test('never more workers than clients', () => {
  assert.deepEqual(planWorkers({ totalClients: 1, threads: 2, clientsPerProcess: 15000 }), { processes: 1, threadsPerProcess: 2, workerCount: 1 });
});

test('bad layout inputs are refused by name', () => {
  assert.throws(() => planWorkers({ totalClients: 10, threads: 0, clientsPerProcess: 10 }), /workers must be a positive integer/);
  assert.throws(() => planWorkers({ totalClients: 10, threads: 1, clientsPerProcess: 0 }), /clientsPerProcess/);
});

test('loopback targets with many clients get several source addresses; others none', () => {
  assert.deepEqual(sourceAddressesFor('http://127.0.0.1:3000', 5000), []);
  assert.deepEqual(sourceAddressesFor('http://127.0.0.1:3000', 25000), ['127.0.0.1', '127.0.0.2', '127.0.0.3']);
  assert.deepEqual(sourceAddressesFor('http://localhost:3000', 10001), ['127.0.0.1', '127.0.0.2']);
  assert.deepEqual(sourceAddressesFor('http://10.1.2.3:3000', 50000), []);
});

test('a worker is described by the clients it drives: i mod workerCount = workerId', () => {
  // 10 clients over 4 workers: worker 1 drives 1, 5, 9; worker 3 drives 3, 7.
  assert.equal(describeWorker(1, 4, 10), 'worker 1 (3 clients: i where i mod 4 = 1)');
  assert.equal(describeWorker(3, 4, 10), 'worker 3 (2 clients: i where i mod 4 = 3)');
  assert.equal(describeWorker(5, 8, 4), 'worker 5 (0 clients: i where i mod 8 = 5)');
});
