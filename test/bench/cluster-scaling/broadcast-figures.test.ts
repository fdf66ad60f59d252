import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareScaling, cpuUsPerDelivery, deliveriesPerSec, saturationStep, type BroadcastStep } from '../../../bench/cluster-scaling/broadcast-figures.js';

const step = (offeredBroadcastsPerSec: number, deliveries: number, serverCpuUs: number): BroadcastStep => ({ offeredBroadcastsPerSec, deliveries, elapsedMs: 2000, serverCpuUs });

test('per-step figures', () => {
  assert.equal(deliveriesPerSec(step(100, 3000, 0)), 1500);
  assert.equal(cpuUsPerDelivery(step(100, 3000, 1_500_000)), 500);
  assert.ok(Number.isNaN(cpuUsPerDelivery(step(100, 0, 10))));
  assert.equal(saturationStep([]), undefined);
});

test('saturation is the step with the most deliveries; the comparison is cluster over single', () => {
  const single = [step(100, 1000, 1_000_000), step(200, 4000, 2_000_000), step(400, 3000, 2_000_000)];
  const cluster = [step(100, 1000, 1_500_000), step(200, 2000, 2_000_000), step(400, 6000, 4_200_000)];
  assert.equal(saturationStep(single), single[1]);
  assert.deepEqual(compareScaling(single, cluster), {
    singleDeliveriesPerSec: 2000,
    clusterDeliveriesPerSec: 3000,
    ratio: 1.5,
    singleCpuUsPerDelivery: 500,
    clusterCpuUsPerDelivery: 700,
    adapterCpuUsPerDelivery: 200,
  });
  assert.throws(() => compareScaling([], cluster), /at least one step/);
});
