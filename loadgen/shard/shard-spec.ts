/**
 * `--shard i/n`: which slice of a scenario one load-generator run owns. On the command line the index is
 * 1-based (`1/4` .. `4/4`, as a CI matrix counts); in code a ShardSlice is 0-based. Client c belongs to slice
 * c mod n, so n runs with i = 1..n together run every client exactly once, each on the scenario's own schedule.
 */
import type { ShardSlice } from '../engine/messages.js';

/** Parses `i/n` (1 <= i <= n, integers). Throws RangeError with a message meant for the user. */
export function parseShardSpec(text: string): ShardSlice {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new RangeError(`--shard must be i/n with 1 <= i <= n, e.g. 1/4 (got ${JSON.stringify(text)})`);
  const position = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || position < 1 || position > count || !Number.isSafeInteger(count)) {
    throw new RangeError(`--shard must be i/n with 1 <= i <= n, e.g. 1/4 (got ${JSON.stringify(text)}): the index is 1-based`);
  }
  return { index: position - 1, count };
}

/** `slice` as the command line writes it, e.g. `2/4` for { index: 1, count: 4 }. */
export function formatShardSpec(slice: ShardSlice): string {
  return `${slice.index + 1}/${slice.count}`;
}

/** How many of clients 0 .. totalClients-1 belong to `slice` (c mod count = index). */
export function clientsInShard(totalClients: number, slice: ShardSlice): number {
  if (slice.index >= totalClients) return 0;
  return Math.floor((totalClients - 1 - slice.index) / slice.count) + 1;
}

/** Whether client `clientIndex` belongs to `slice`. */
export function isInShard(clientIndex: number, slice: ShardSlice): boolean {
  return clientIndex % slice.count === slice.index;
}
