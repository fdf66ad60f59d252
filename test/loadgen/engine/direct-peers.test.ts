/** The fixed direct peers: how many, and which, derived by hand from the population size. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIRECT_PEERS_PER_CLIENT, directPeers } from '../../../loadgen/engine/direct-peers.js';

test('a client alone has no peer; of two, each has the other', () => {
  assert.deepEqual(directPeers(0, 1, 7), []);
  assert.deepEqual(directPeers(0, 2, 7), [1]);
  assert.deepEqual(directPeers(1, 2, 7), [0]);
});

test('with at most DIRECT_PEERS_PER_CLIENT others, a client has every other client as a peer', () => {
  for (let index = 0; index < 5; index += 1) {
    const others = [0, 1, 2, 3, 4].filter((other) => other !== index);
    assert.deepEqual([...directPeers(index, 5, 42)].sort((a, b) => a - b), others);
  }
});

test('in a large population a client has DIRECT_PEERS_PER_CLIENT distinct peers, never itself, the same for every caller', () => {
  for (let index = 0; index < 50; index += 1) {
    const peers = directPeers(index, 10_000, 3);
    assert.equal(peers.length, DIRECT_PEERS_PER_CLIENT);
    assert.equal(new Set(peers).size, DIRECT_PEERS_PER_CLIENT);
    assert.ok(!peers.includes(index));
    assert.deepEqual(directPeers(index, 10_000, 3), peers);
  }
});
