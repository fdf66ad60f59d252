/**
 * Deterministic room membership: which rooms each simulated client joins. A pure function of
 * (clients, rooms, roomsPerClient, distribution, seed), so every worker, process and shard computes the same
 * membership without talking to the others, and every receiver knows what it must get.
 *
 * uniform: the clients × roomsPerClient memberships are dealt round-robin over the rooms (after seeded
 *   shuffles of clients and rooms), so room sizes differ by at most 1: each room has
 *   floor(M / rooms) or floor(M / rooms) + 1 members, M = clients × roomsPerClient.
 * zipf: the room of popularity rank i (0-based, ranks are a seeded shuffle of the rooms) is drawn with weight
 *   1 / (i + 1)^exponent; each client draws distinct rooms (sampling without replacement by rejection, at most
 *   64 × roomsPerClient draws; if that is not enough, which needs roomsPerClient close to rooms and a steep
 *   exponent, the rest are the most popular rooms not yet drawn).
 */
import { hash32, mulberry32, seededPermutation } from './prng.js';
const MAX_DRAWS_PER_ROOM = 64;
/** Computes the membership; see the file comment for how each distribution spreads members. */
export function assignRooms(options) {
    const { clients, rooms, roomsPerClient, distribution, seed } = options;
    if (!Number.isSafeInteger(clients) || clients < 0)
        throw new RangeError(`clients must be a non-negative integer, got ${clients}`);
    if (!Number.isSafeInteger(rooms) || rooms < 1)
        throw new RangeError(`rooms must be a positive integer, got ${rooms}`);
    if (!Number.isSafeInteger(roomsPerClient) || roomsPerClient < 0 || roomsPerClient > rooms) {
        throw new RangeError(`roomsPerClient must be an integer in [0, rooms=${rooms}], got ${roomsPerClient}`);
    }
    switch (distribution.kind) {
        case 'uniform':
            return uniformAssignment(clients, rooms, roomsPerClient, seed);
        case 'zipf':
            if (!(distribution.exponent >= 0) || !Number.isFinite(distribution.exponent)) {
                throw new RangeError(`distribution.exponent must be a non-negative number, got ${distribution.exponent}`);
            }
            return zipfAssignment(clients, rooms, roomsPerClient, distribution.exponent, seed);
        default: {
            const unreachable = distribution;
            throw new TypeError(`unknown distribution ${JSON.stringify(unreachable)}`);
        }
    }
}
/**
 * The k-th direct-message target of client `clientIndex`: a seeded uniform choice among the other clients,
 * never the client itself. Needs clients >= 2.
 */
export function pickDirectTarget(clientIndex, k, clients, seed) {
    if (!Number.isSafeInteger(clients) || clients < 2)
        throw new RangeError(`clients must be an integer >= 2, got ${clients}`);
    if (!Number.isSafeInteger(clientIndex) || clientIndex < 0 || clientIndex >= clients) {
        throw new RangeError(`clientIndex must be an integer in [0, ${clients}), got ${clientIndex}`);
    }
    const r = Math.floor(mulberry32(hash32(seed, 0xd1ec7, clientIndex, k))() * (clients - 1));
    return r >= clientIndex ? r + 1 : r;
}
function uniformAssignment(clients, rooms, roomsPerClient, seed) {
    const clientPosition = seededPermutation(clients, hash32(seed, 1));
    const roomAtSlot = seededPermutation(rooms, hash32(seed, 2));
    const memberships = clients * roomsPerClient;
    const roomsOf = (clientIndex) => {
        checkIndex('clientIndex', clientIndex, clients);
        const base = clientPosition[clientIndex] * roomsPerClient;
        const result = [];
        // roomsPerClient consecutive slots modulo rooms are distinct because roomsPerClient <= rooms.
        for (let j = 0; j < roomsPerClient; j++)
            result.push(roomAtSlot[(base + j) % rooms]);
        return result;
    };
    let clientAtPosition;
    let slotOfRoom;
    return {
        clients,
        rooms,
        roomsOf,
        membersOf(room) {
            checkIndex('room', room, rooms);
            clientAtPosition ??= invert(clientPosition);
            slotOfRoom ??= invert(roomAtSlot);
            const members = [];
            for (let s = slotOfRoom[room]; s < memberships; s += rooms) {
                members.push(clientAtPosition[Math.floor(s / roomsPerClient)]);
            }
            return members.sort((a, b) => a - b);
        },
        roomSizes() {
            const sizes = new Int32Array(rooms);
            const base = Math.floor(memberships / rooms);
            const extra = memberships % rooms;
            for (let s = 0; s < rooms; s++)
                sizes[roomAtSlot[s]] = base + (s < extra ? 1 : 0);
            return sizes;
        },
    };
}
function zipfAssignment(clients, rooms, roomsPerClient, exponent, seed) {
    const roomAtRank = seededPermutation(rooms, hash32(seed, 3));
    const cumulative = new Float64Array(rooms);
    let sum = 0;
    for (let rank = 0; rank < rooms; rank++) {
        sum += 1 / Math.pow(rank + 1, exponent);
        cumulative[rank] = sum;
    }
    const roomsOf = (clientIndex) => {
        checkIndex('clientIndex', clientIndex, clients);
        const random = mulberry32(hash32(seed, 4, clientIndex));
        const chosen = new Set();
        for (let draws = 0; chosen.size < roomsPerClient && draws < MAX_DRAWS_PER_ROOM * roomsPerClient; draws++) {
            chosen.add(roomAtRank[rankAt(cumulative, random() * sum)]);
        }
        for (let rank = 0; chosen.size < roomsPerClient; rank++)
            chosen.add(roomAtRank[rank]);
        return [...chosen];
    };
    let members;
    const allMembers = () => {
        if (members === undefined) {
            const built = Array.from({ length: rooms }, () => []);
            for (let c = 0; c < clients; c++)
                for (const room of roomsOf(c))
                    built[room]?.push(c);
            members = built;
        }
        return members;
    };
    return {
        clients,
        rooms,
        roomsOf,
        membersOf(room) {
            checkIndex('room', room, rooms);
            return [...(allMembers()[room] ?? [])];
        },
        roomSizes() {
            return Int32Array.from(allMembers(), (list) => list.length);
        },
    };
}
/** First rank whose cumulative weight exceeds `point`. */
function rankAt(cumulative, point) {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > point)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
function invert(permutation) {
    const inverse = new Int32Array(permutation.length);
    for (let i = 0; i < permutation.length; i++)
        inverse[permutation[i]] = i;
    return inverse;
}
function checkIndex(name, value, size) {
    if (!Number.isSafeInteger(value) || value < 0 || value >= size) {
        throw new RangeError(`${name} must be an integer in [0, ${size}), got ${value}`);
    }
}
//# sourceMappingURL=assign-rooms.js.map