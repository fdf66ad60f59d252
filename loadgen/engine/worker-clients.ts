/**
 * Which clients of the population one worker runs, and their records: within a --shard slice (clients c with
 * c mod n = s), worker w of W takes every W-th of the slice's clients, each with its rooms and direct peers
 * (drawn only when the scenario sends directs).
 */
import { assignRooms } from '../membership/assign-rooms.js';
import type { Scenario } from '../scenario/schema.js';
import { directPeers } from './direct-peers.js';
import type { ShardSlice } from './messages.js';
import { createSimClient, type SimClient } from './sim-client.js';

const NONE: readonly number[] = Object.freeze([]);

/** The global indices of the clients worker `workerId` of `workerCount` runs in `shard`, ascending. */
export function workerClientIndices(totalClients: number, shard: ShardSlice, workerId: number, workerCount: number): number[] {
  const indices: number[] = [];
  for (let index = shard.index + workerId * shard.count; index < totalClients; index += workerCount * shard.count) indices.push(index);
  return indices;
}

/** The records of the clients worker `workerId` of `workerCount` runs in `shard`, by slot. */
export function createWorkerClients(scenario: Scenario, totalClients: number, shard: ShardSlice, workerId: number, workerCount: number): SimClient[] {
  const { population } = scenario;
  // A scenario without rooms (rooms: 0) is valid: its clients join none.
  const membership =
    population.rooms > 0 && population.roomsPerClient > 0
      ? assignRooms({
          clients: totalClients,
          rooms: population.rooms,
          roomsPerClient: population.roomsPerClient,
          distribution: population.distribution,
          seed: population.seed,
        })
      : { roomsOf: (): readonly number[] => NONE };
  // Direct peers are drawn only for a scenario that sends directs: the others' clients share one empty list.
  const sendsDirects = scenario.actions.some((action) => action.kind === 'direct');
  return workerClientIndices(totalClients, shard, workerId, workerCount).map((index) =>
    createSimClient(index, membership.roomsOf(index), sendsDirects ? directPeers(index, totalClients, population.seed) : NONE),
  );
}
