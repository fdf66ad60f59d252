import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perClientRate, perClientSlots, slotOffsetUs } from '../../../loadgen/schedule/open-model.js';
test('one client at 4/s from origin 0: slots every 250 ms after its offset', () => {
    const slots = perClientSlots({ ratePerSec: 4, clientIndex: 0, seed: 42, fromUs: 0, untilUs: 1_000_000 });
    assert.equal(slots.periodUs, 250_000);
    assert.ok(slots.offsetUs >= 0 && slots.offsetUs < 250_000);
    const o = slots.offsetUs;
    assert.deepEqual([...slots], [0, 1, 2, 3].map((j) => Math.floor(o + j * 250_000)));
    assert.equal(slots.next(), undefined);
});
test('slots are anchored to the origin, not to fromUs, and fromUs/untilUs bound them', () => {
    const options = { ratePerSec: 10, clientIndex: 3, clients: 8, seed: 7, originUs: 1_000_000 };
    const all = [...perClientSlots({ ...options, fromUs: 1_000_000, untilUs: 3_000_000 })];
    assert.equal(all.length, 20);
    const later = [...perClientSlots({ ...options, fromUs: 1_450_000, untilUs: 2_000_000 })];
    assert.deepEqual(later, all.filter((t) => t >= 1_450_000 && t < 2_000_000));
    for (let i = 1; i < all.length; i++) {
        const delta = all[i] - all[i - 1];
        assert.ok(delta === 100_000 || delta === 99_999 || delta === 100_001);
    }
});
test('a population of N clients is evenly spread: offsets are distinct multiples of P/N plus one shift', () => {
    const clients = 50;
    const periodUs = 1_000_000;
    const offsets = Array.from({ length: clients }, (_, k) => slotOffsetUs(periodUs, k, clients, 99)).sort((a, b) => a - b);
    const step = periodUs / clients;
    for (let i = 1; i < clients; i++)
        assert.ok(Math.abs(offsets[i] - offsets[i - 1] - step) < 1e-6);
    assert.ok(offsets[0] >= 0 && offsets[0] < step);
    // Not simply in client order.
    const inIndexOrder = Array.from({ length: clients }, (_, k) => slotOffsetUs(periodUs, k, clients, 99));
    assert.notDeepEqual(inIndexOrder, offsets);
    // Deterministic per seed; another seed moves them.
    assert.equal(slotOffsetUs(periodUs, 7, clients, 99), slotOffsetUs(periodUs, 7, clients, 99));
    assert.notEqual(slotOffsetUs(periodUs, 7, clients, 99), slotOffsetUs(periodUs, 7, clients, 100));
});
test('the whole population produces rate × duration slots', () => {
    const clients = 16;
    const ratePerSec = perClientRate(400, clients);
    assert.equal(ratePerSec, 25);
    let total = 0;
    for (let k = 0; k < clients; k++) {
        total += [...perClientSlots({ ratePerSec, clientIndex: k, clients, seed: 1, fromUs: 0, untilUs: 2_000_000 })].length;
    }
    assert.equal(total, 800);
});
test('skipBefore counts the slots a late client missed and keeps the grid', () => {
    const slots = perClientSlots({ ratePerSec: 1000, clientIndex: 0, seed: 5, fromUs: 0, untilUs: 10_000 });
    const o = slots.offsetUs;
    assert.equal(slots.next(), Math.floor(o));
    assert.equal(slots.skipBefore(Math.floor(o + 3_500)), 3); // slots 1, 2, 3
    assert.equal(slots.peek(), Math.floor(o + 4_000));
    assert.equal(slots.skipBefore(0), 0);
    assert.equal(slots.skipBefore(1_000_000), 6); // slots 4..9, nothing past untilUs
    assert.equal(slots.next(), undefined);
});
test('misuse throws', () => {
    assert.throws(() => perClientSlots({ ratePerSec: 0, clientIndex: 0, seed: 1, fromUs: 0, untilUs: 1 }), /ratePerSec/);
    assert.throws(() => perClientSlots({ ratePerSec: 1, clientIndex: 2, clients: 2, seed: 1, fromUs: 0, untilUs: 1 }), /clientIndex/);
    assert.throws(() => perClientRate(10, 0), /clients/);
});
//# sourceMappingURL=open-model.test.js.map