import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignRooms, pickDirectTarget } from '../../../loadgen/membership/assign-rooms.js';
function checkConsistent(options) {
    const assignment = assignRooms(options);
    const sizes = assignment.roomSizes();
    const counted = new Int32Array(options.rooms);
    for (let c = 0; c < options.clients; c++) {
        const rooms = assignment.roomsOf(c);
        assert.equal(rooms.length, options.roomsPerClient);
        assert.equal(new Set(rooms).size, rooms.length, `client ${c} has a repeated room`);
        for (const r of rooms) {
            assert.ok(r >= 0 && r < options.rooms);
            counted[r] = (counted[r] ?? 0) + 1;
        }
    }
    assert.deepEqual(sizes, counted);
    for (let r = 0; r < options.rooms; r++) {
        const members = assignment.membersOf(r);
        assert.equal(members.length, sizes[r]);
        for (const m of members)
            assert.ok(assignment.roomsOf(m).includes(r));
    }
    return sizes;
}
test('uniform: exact sizes floor(M/rooms) or +1, distinct rooms, members agree', () => {
    const sizes = checkConsistent({ clients: 103, rooms: 10, roomsPerClient: 3, distribution: { kind: 'uniform' }, seed: 1 });
    // M = 309 over 10 rooms: nine rooms of 31 and one of 30.
    assert.deepEqual([...sizes].sort((a, b) => a - b), [30, 31, 31, 31, 31, 31, 31, 31, 31, 31]);
    const all = checkConsistent({ clients: 20, rooms: 5, roomsPerClient: 5, distribution: { kind: 'uniform' }, seed: 2 });
    assert.deepEqual([...all], [20, 20, 20, 20, 20]);
    const none = checkConsistent({ clients: 3, rooms: 4, roomsPerClient: 0, distribution: { kind: 'uniform' }, seed: 2 });
    assert.deepEqual([...none], [0, 0, 0, 0]);
});
test('deterministic: the same inputs give the same membership, another seed another one', () => {
    const options = { clients: 50, rooms: 7, roomsPerClient: 2, distribution: { kind: 'uniform' }, seed: 11 };
    const a = assignRooms(options);
    const b = assignRooms(options);
    const c = assignRooms({ ...options, seed: 12 });
    const of = (x) => Array.from({ length: 50 }, (_, i) => x.roomsOf(i));
    assert.deepEqual(of(a), of(b));
    assert.notDeepEqual(of(a), of(c));
    const zipf = { ...options, distribution: { kind: 'zipf', exponent: 1.2 } };
    assert.deepEqual(of(assignRooms(zipf)), of(assignRooms(zipf)));
});
test('zipf: consistent, and room sizes fall with popularity rank', () => {
    const options = { clients: 2000, rooms: 20, roomsPerClient: 2, distribution: { kind: 'zipf', exponent: 1.5 }, seed: 3 };
    const sizes = checkConsistent(options);
    const sorted = [...sizes].sort((a, b) => b - a);
    // With exponent 1.5 the most popular room draws 1 / H(20, 1.5) ≈ 43% of draws: far above uniform's 10%.
    assert.ok(sorted[0] > 2 * sorted[10], String(sorted));
    assert.ok(sorted[0] > 400, String(sorted));
    // Exponent 0 is uniform-random: no room far from the mean of 200.
    const flat = checkConsistent({ ...options, distribution: { kind: 'zipf', exponent: 0 } });
    assert.ok([...flat].every((n) => n > 130 && n < 270), String([...flat]));
});
test('zipf with every room per client falls back to the popular rooms and stays distinct', () => {
    const sizes = checkConsistent({ clients: 5, rooms: 6, roomsPerClient: 6, distribution: { kind: 'zipf', exponent: 8 }, seed: 4 });
    assert.deepEqual([...sizes], [5, 5, 5, 5, 5, 5]);
});
test('misuse throws naming the option', () => {
    assert.throws(() => assignRooms({ clients: 1, rooms: 2, roomsPerClient: 3, distribution: { kind: 'uniform' }, seed: 0 }), /roomsPerClient/);
    assert.throws(() => assignRooms({ clients: 1, rooms: 0, roomsPerClient: 0, distribution: { kind: 'uniform' }, seed: 0 }), /rooms/);
    assert.throws(() => assignRooms({ clients: 1, rooms: 2, roomsPerClient: 1, distribution: { kind: 'zipf', exponent: -1 }, seed: 0 }), /exponent/);
    const a = assignRooms({ clients: 2, rooms: 2, roomsPerClient: 1, distribution: { kind: 'uniform' }, seed: 0 });
    assert.throws(() => a.roomsOf(2), /clientIndex/);
    assert.throws(() => a.membersOf(-1), /room/);
});
test('pickDirectTarget: never itself, deterministic, covers the others', () => {
    const clients = 6;
    for (let c = 0; c < clients; c++) {
        const targets = new Set();
        for (let k = 0; k < 200; k++) {
            const t = pickDirectTarget(c, k, clients, 5);
            assert.notEqual(t, c);
            assert.ok(t >= 0 && t < clients);
            assert.equal(t, pickDirectTarget(c, k, clients, 5));
            targets.add(t);
        }
        assert.equal(targets.size, clients - 1);
    }
    assert.equal(pickDirectTarget(0, 0, 2, 1), 1);
    assert.equal(pickDirectTarget(1, 9, 2, 1), 0);
    assert.throws(() => pickDirectTarget(0, 0, 1, 1), /clients/);
});
//# sourceMappingURL=assign-rooms.test.js.map