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

/** How members spread over rooms. */
export type RoomDistribution = { kind: 'uniform' } | { kind: 'zipf'; exponent: number };

/** Inputs of `assignRooms`. */
export interface AssignRoomsOptions {
  /** Clients, a non-negative integer. */
  clients: number;
  /** Rooms, a positive integer. */
  rooms: number;
  /** Distinct rooms each client joins, an integer in [0, rooms]. */
  roomsPerClient: number;
  distribution: RoomDistribution;
  /** Any integer; the same seed gives the same membership. */
  seed: number;
}

/** The membership of one population. Rooms are numbered 0..rooms-1, clients 0..clients-1. */
export interface RoomAssignment {
  readonly clients: number;
  readonly rooms: number;
  /** The distinct rooms of client `clientIndex`. */
  roomsOf(clientIndex: number): number[];
  /** The clients in `room`, ascending. */
  membersOf(room: number): number[];
  /** Members per room, indexed by room. */
  roomSizes(): Int32Array;
}

const MAX_DRAWS_PER_ROOM = 64;

/** Computes the membership; see the file comment for how each distribution spreads members. */
export function assignRooms(options: AssignRoomsOptions): RoomAssignment {
  const { clients, rooms, roomsPerClient, distribution, seed } = options;
  if (!Number.isSafeInteger(clients) || clients < 0) throw new RangeError(`clients must be a non-negative integer, got ${clients}`);
  if (!Number.isSafeInteger(rooms) || rooms < 1) throw new RangeError(`rooms must be a positive integer, got ${rooms}`);
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
      const unreachable: never = distribution;
      throw new TypeError(`unknown distribution ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The k-th direct-message target of client `clientIndex`: a seeded uniform choice among the other clients,
 * never the client itself. Needs clients >= 2.
 */
export function pickDirectTarget(clientIndex: number, k: number, clients: number, seed: number): number {
  if (!Number.isSafeInteger(clients) || clients < 2) throw new RangeError(`clients must be an integer >= 2, got ${clients}`);
  if (!Number.isSafeInteger(clientIndex) || clientIndex < 0 || clientIndex >= clients) {
    throw new RangeError(`clientIndex must be an integer in [0, ${clients}), got ${clientIndex}`);
  }
  const r = Math.floor(mulberry32(hash32(seed, 0xd1ec7, clientIndex, k))() * (clients - 1));
  return r >= clientIndex ? r + 1 : r;
}

function uniformAssignment(clients: number, rooms: number, roomsPerClient: number, seed: number): RoomAssignment {
  const clientPosition = seededPermutation(clients, hash32(seed, 1));
  const roomAtSlot = seededPermutation(rooms, hash32(seed, 2));
  const memberships = clients * roomsPerClient;
  const roomsOf = (clientIndex: number): number[] => {
    checkIndex('clientIndex', clientIndex, clients);
    const base = (clientPosition[clientIndex] as number) * roomsPerClient;
    const result: number[] = [];
    // roomsPerClient consecutive slots modulo rooms are distinct because roomsPerClient <= rooms.
    for (let j = 0; j < roomsPerClient; j++) result.push(roomAtSlot[(base + j) % rooms] as number);
    return result;
  };
  let clientAtPosition: Int32Array | undefined;
  let slotOfRoom: Int32Array | undefined;
  return {
    clients,
    rooms,
    roomsOf,
    membersOf(room: number): number[] {
      checkIndex('room', room, rooms);
      clientAtPosition ??= invert(clientPosition);
      slotOfRoom ??= invert(roomAtSlot);
      const members: number[] = [];
      for (let s = slotOfRoom[room] as number; s < memberships; s += rooms) {
        members.push(clientAtPosition[Math.floor(s / roomsPerClient)] as number);
      }
      return members.sort((a, b) => a - b);
    },
    roomSizes(): Int32Array {
      const sizes = new Int32Array(rooms);
      const base = Math.floor(memberships / rooms);
      const extra = memberships % rooms;
      for (let s = 0; s < rooms; s++) sizes[roomAtSlot[s] as number] = base + (s < extra ? 1 : 0);
      return sizes;
    },
  };
}

function zipfAssignment(
  clients: number,
  rooms: number,
  roomsPerClient: number,
  exponent: number,
  seed: number,
): RoomAssignment {
  const roomAtRank = seededPermutation(rooms, hash32(seed, 3));
  const cumulative = new Float64Array(rooms);
  let sum = 0;
  for (let rank = 0; rank < rooms; rank++) {
    sum += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = sum;
  }
  const roomsOf = (clientIndex: number): number[] => {
    checkIndex('clientIndex', clientIndex, clients);
    const random = mulberry32(hash32(seed, 4, clientIndex));
    const chosen = new Set<number>();
    for (let draws = 0; chosen.size < roomsPerClient && draws < MAX_DRAWS_PER_ROOM * roomsPerClient; draws++) {
      chosen.add(roomAtRank[rankAt(cumulative, random() * sum)] as number);
    }
    for (let rank = 0; chosen.size < roomsPerClient; rank++) chosen.add(roomAtRank[rank] as number);
    return [...chosen];
  };
  let members: number[][] | undefined;
  const allMembers = (): number[][] => {
    if (members === undefined) {
      const built: number[][] = Array.from({ length: rooms }, () => []);
      for (let c = 0; c < clients; c++) for (const room of roomsOf(c)) built[room]?.push(c);
      members = built;
    }
    return members;
  };
  return {
    clients,
    rooms,
    roomsOf,
    membersOf(room: number): number[] {
      checkIndex('room', room, rooms);
      return [...(allMembers()[room] ?? [])];
    },
    roomSizes(): Int32Array {
      return Int32Array.from(allMembers(), (list) => list.length);
    },
  };
}

/** First rank whose cumulative weight exceeds `point`. */
function rankAt(cumulative: Float64Array, point: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > point) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function invert(permutation: Int32Array): Int32Array {
  const inverse = new Int32Array(permutation.length);
  for (let i = 0; i < permutation.length; i++) inverse[permutation[i] as number] = i;
  return inverse;
}

function checkIndex(name: string, value: number, size: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value >= size) {
    throw new RangeError(`${name} must be an integer in [0, ${size}), got ${value}`);
  }
}
