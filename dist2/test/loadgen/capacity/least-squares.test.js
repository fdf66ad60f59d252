import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitLine } from '../../../loadgen/capacity/least-squares.js';
import { fitCosts } from '../../../loadgen/capacity/fit-costs.js';
import { makeStep } from './synthetic-steps.js';
test('points on a line give that line exactly, r² 1', () => {
    const fit = fitLine([
        { x: 0, y: 3 },
        { x: 1, y: 5 },
        { x: 2, y: 7 },
        { x: 3, y: 9 },
    ]);
    assert.deepEqual(fit, { slope: 2, intercept: 3, r2: 1, n: 4, xMin: 0, xMax: 3 });
});
test('scattered points: the textbook least-squares answer', () => {
    // x̄ = 2, ȳ = 4; Sxx = 2, Sxy = 4, Syy = 14: slope 2, intercept 0, r² = Sxy² / (Sxx·Syy) = 16 / 28.
    const fit = fitLine([
        { x: 1, y: 1 },
        { x: 2, y: 6 },
        { x: 3, y: 5 },
    ]);
    assert.ok(fit !== undefined);
    assert.equal(fit.slope, 2);
    assert.equal(fit.intercept, 0);
    assert.equal(fit.r2, 16 / 28);
});
test('no spread in x or too few points: no fit', () => {
    assert.equal(fitLine([]), undefined);
    assert.equal(fitLine([{ x: 1, y: 2 }]), undefined);
    assert.equal(fitLine([{ x: 5, y: 2 }, { x: 5, y: 9 }]), undefined);
    assert.throws(() => fitLine([{ x: Number.NaN, y: 1 }, { x: 1, y: 1 }]), /non-finite/);
});
test('costs: memory per client and CPU per delivery from the steps', () => {
    // rss = 40 MiB + 20 KiB × clients; cpu% = 2 + 0.01 × deliveries/s, i.e. 100 µs of CPU per delivery.
    const steps = [100, 200, 400].map((clients, index) => makeStep(index, { load: clients, p99Us: 5_000, rssBytes: 40 * 2 ** 20 + 20 * 1024 * clients, deliveriesPerSec: clients * 10, cpuPercent: 2 + 0.01 * clients * 10 }));
    const costs = fitCosts(steps);
    assert.ok(costs.memory !== undefined && costs.cpu !== undefined);
    assert.equal(costs.memory.bytesPerClient, 20 * 1024);
    assert.equal(costs.memory.baseRssBytes, 40 * 2 ** 20);
    assert.equal(costs.memory.fit.n, 6);
    assert.ok(Math.abs(costs.cpu.cpuUsPerDelivery - 100) < 1e-9, String(costs.cpu.cpuUsPerDelivery));
    assert.ok(Math.abs(costs.cpu.baseCpuPercent - 2) < 1e-9);
});
test('costs: failed steps are left out, and a run without deliveries fits no CPU', () => {
    const steps = [
        makeStep(0, { load: 100, p99Us: 5_000, rssBytes: 1_000_000, deliveriesPerSec: 0 }),
        makeStep(1, { load: 200, p99Us: 5_000, rssBytes: 2_000_000, deliveriesPerSec: 0 }),
        makeStep(2, { load: 400, p99Us: 5_000, rssBytes: 99_000_000, deliveriesPerSec: 0, outcome: 'run-failed' }),
    ];
    const costs = fitCosts(steps);
    assert.equal(costs.memory?.bytesPerClient, 10_000);
    assert.equal(costs.cpu, undefined);
});
//# sourceMappingURL=least-squares.test.js.map