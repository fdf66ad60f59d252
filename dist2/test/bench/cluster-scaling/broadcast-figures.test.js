import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareScaling, cpuUsPerDelivery, deliveriesPerSec, highestWholeCpuStep, offeredRates, saturationStep } from '../../../bench/cluster-scaling/broadcast-figures.js';
// 10 recipients per broadcast; windows of 2 s.
const step = (offeredBroadcastsPerSec, deliveries, serverCpuUs) => ({
    offeredBroadcastsPerSec,
    offeredDeliveriesPerSec: offeredBroadcastsPerSec * 10,
    deliveries,
    elapsedMs: 2000,
    serverCpuUs,
});
test('per-step figures', () => {
    assert.equal(deliveriesPerSec(step(100, 3000, 0)), 1500);
    assert.equal(cpuUsPerDelivery(step(100, 3000, 1_500_000)), 500);
    assert.ok(Number.isNaN(cpuUsPerDelivery(step(100, 0, 10))));
    assert.equal(saturationStep([]), undefined);
});
test('saturation is the sustained step with the most deliveries; the comparison is cluster over single', () => {
    // single: 100/s → 1000 of 1000 deliveries/s, 200/s → 2000 of 2000 (sustained), 400/s → 3000 of 4000 (not
    // sustained, 75%): the sustained 200/s step is the saturation point though the last delivered more.
    const single = [step(100, 2000, 1_000_000), step(200, 4000, 2_000_000), step(400, 6000, 2_000_000)];
    const cluster = [step(100, 2000, 1_500_000), step(200, 4000, 2_000_000), step(300, 6000, 4_200_000)];
    assert.equal(saturationStep(single), single[1]);
    assert.equal(saturationStep([step(100, 10, 1)])?.deliveries, 10, 'no sustained step: the best one');
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
test('offered rates step the same deliveries for any room size', () => {
    assert.deepEqual(offeredRates(99).slice(0, 4), [81, 162, 242, 323]);
    assert.deepEqual(offeredRates(7).slice(0, 3), [1143, 2286, 3429]);
    // A room of one recipient offers the deliveries as broadcasts; none is offered twice.
    assert.deepEqual(offeredRates(1).slice(-2), [192_000, 256_000]);
    assert.equal(new Set(offeredRates(100_000)).size, offeredRates(100_000).length);
});
test('the adapter cost is read at the highest rate with both CPU figures whole', () => {
    const single = [step(100, 2000, 20_000), step(200, 4000, 36_000), step(300, 6000, 48_000)];
    // The cluster's reading at 300/s went backwards (a worker answered late): not whole.
    const cluster = [step(100, 2000, 30_000), step(200, 4000, 52_000), step(300, 6000, -1000)];
    assert.deepEqual(highestWholeCpuStep(single, cluster), { rate: 200, single: 9, cluster: 13 });
    assert.equal(highestWholeCpuStep(single, []), undefined);
});
//# sourceMappingURL=broadcast-figures.test.js.map