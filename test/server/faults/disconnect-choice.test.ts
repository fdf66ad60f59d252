import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseIndices, disconnectCount } from '../../../server/faults/disconnect-choice.js';
import { createSeededRandom, type RandomSource } from '../../../server/seeded-random.js';

function scripted(values: readonly number[]): RandomSource {
  let index = 0;
  return () => {
    const value = values[index];
    index += 1;
    if (value === undefined) throw new Error('random source exhausted');
    return value;
  };
}

test('a round takes round(fraction × connected) clients', () => {
  assert.deepEqual(
    [[0, 0.5], [1, 0.5], [3, 0.5], [4, 0.5], [10, 0.25], [10, 0.24], [7, 1], [7, 0.01]].map(([n, f]) => disconnectCount(n as number, f as number)),
    [0, 1, 2, 2, 3, 2, 7, 0],
  );
});

test('chooseIndices is a partial Fisher–Yates shuffle: one draw per pick, each from what is left', () => {
  // size 5: draw 0.5 → 0 + floor(2.5) = 2; then 0.99 → 1 + floor(3.96) = 4; then 0 → 2 + 0 = pool[2], which now holds 0.
  assert.deepEqual(chooseIndices(5, 3, scripted([0.5, 0.99, 0])), [2, 4, 0]);
  assert.deepEqual(chooseIndices(3, 0, scripted([])), []);
});

test('a seeded choice repeats, picks distinct indices in range, and every index gets picked over many rounds', () => {
  const picks = (seed: number) => {
    const random = createSeededRandom(seed);
    return Array.from({ length: 200 }, () => chooseIndices(10, 4, random));
  };
  const rounds = picks(9);
  assert.deepEqual(picks(9), rounds);
  const seen = new Set<number>();
  for (const round of rounds) {
    assert.equal(new Set(round).size, 4);
    for (const index of round) {
      assert.ok(Number.isInteger(index) && index >= 0 && index < 10);
      seen.add(index);
    }
  }
  assert.equal(seen.size, 10);
});

test('a count beyond the size is misuse', () => {
  assert.throws(() => chooseIndices(2, 3, createSeededRandom(1)), /count must be an integer from 0 to 2/);
});
