/**
 * The fixed peers each client sends its directs to: a few distinct other clients drawn from the population's
 * seed, so that every worker and every shard derives the same peers for the same client.
 */
import { pickDirectTarget } from '../membership/assign-rooms.js';

/** How many fixed peers each client sends its directs to. */
export const DIRECT_PEERS_PER_CLIENT = 4;

/** The fixed peers of client `index` of `clients`: up to DIRECT_PEERS_PER_CLIENT distinct other clients. */
export function directPeers(index: number, clients: number, seed: number): number[] {
  if (clients < 2) return [];
  const want = Math.min(DIRECT_PEERS_PER_CLIENT, clients - 1);
  const peers: number[] = [];
  // Bounded: each draw is a uniform other client, so a few dozen draws find `want` distinct ones in practice.
  for (let k = 0; peers.length < want && k < want * 16; k += 1) {
    const peer = pickDirectTarget(index, k, clients, seed);
    if (!peers.includes(peer)) peers.push(peer);
  }
  return peers;
}
