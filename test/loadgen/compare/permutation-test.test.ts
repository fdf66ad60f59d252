import assert from 'node:assert/strict';
import test from 'node:test';
import { binomial, permutationTest, repetitionsToReach, smallestOneSidedPValue } from '../../../loadgen/compare/permutation-test.js';

test('3 against 3, completely separated: p is 1/20 toward the separation and 1 away from it', () => {
  assert.deepEqual(permutationTest([1, 2, 3], [4, 5, 6], 'greater'), { pValue: 0.05, smallestPValue: 0.05, method: 'exact', splits: 20 });
  assert.equal(permutationTest([1, 2, 3], [4, 5, 6], 'less').pValue, 1);
  assert.equal(permutationTest([4, 5, 6], [1, 2, 3], 'less').pValue, 0.05);
});

test('hand-counted splits: ranks {3,5,6} of 6 are matched or beaten by 2 of the 20 splits ({3,5,6} and {4,5,6})', () => {
  assert.equal(permutationTest([1, 2, 4], [3, 5, 6], 'greater').pValue, 2 / 20);
  // Only the values' order matters: the same ranks from other values give the same p.
  assert.equal(permutationTest([10, 20, 40], [30, 50, 600], 'greater').pValue, 2 / 20);
  // Toward 'less', the splits with sum <= 14 are all but {4,5,6}: 19 of 20.
  assert.equal(permutationTest([1, 2, 4], [3, 5, 6], 'less').pValue, 19 / 20);
});

test('ties share their ranks: identical samples give p = 1 both ways; one tie across the samples', () => {
  assert.equal(permutationTest([1, 1, 1], [1, 1, 1], 'greater').pValue, 1);
  assert.equal(permutationTest([1, 1, 1], [1, 1, 1], 'less').pValue, 1);
  // Pooled 1,2,3,3,5,6 ranks 1,2,3.5,3.5,5,6: the second sample {3,5,6} sums 14.5, which only {3,5,6} with either 3 reaches: 2 of 20.
  assert.equal(permutationTest([1, 2, 3], [3, 5, 6], 'greater').pValue, 2 / 20);
});

test('binomials, the smallest p-values and the repetitions each significance needs', () => {
  assert.equal(binomial(6, 3), 20);
  assert.equal(binomial(10, 5), 252);
  assert.equal(binomial(24, 12), 2_704_156);
  assert.equal(smallestOneSidedPValue(2, 2), 1 / 6);
  assert.equal(smallestOneSidedPValue(1, 1), 1 / 2);
  assert.equal(repetitionsToReach(0.05), 3);
  assert.equal(repetitionsToReach(0.02), 4);
  assert.equal(repetitionsToReach(0.01), 5);
  assert.equal(repetitionsToReach(0.2), 2);
});

/** The exact upper tail of the rank sum without ties, by dynamic programming over subsets of 1..n (an oracle independent of enumeration). */
function exactUpperTail(n: number, size: number, observed: number): number {
  const maxSum = (n * (n + 1)) / 2;
  // ways[k][s]: subsets of the ranks seen so far with k members summing to s.
  const ways = Array.from({ length: size + 1 }, () => new Float64Array(maxSum + 1));
  ways[0]![0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let k = Math.min(size, rank); k >= 1; k--) {
      const row = ways[k]!;
      const below = ways[k - 1]!;
      for (let s = maxSum; s >= rank; s--) row[s]! += below[s - rank]!;
    }
  }
  let atLeast = 0;
  for (let s = observed; s <= maxSum; s++) atLeast += ways[size]![s]!;
  return atLeast / binomial(n, size);
}

test('above the exact limit the drawn p-value is within 0.005 of the exact tail, and never 0', () => {
  const first = Array.from({ length: 12 }, (_, index) => index * 2);
  const second = Array.from({ length: 12 }, (_, index) => index * 2 + 1 + (index % 3 === 0 ? 6 : 0));
  const result = permutationTest(first, second, 'greater');
  assert.equal(result.method, 'monte-carlo');
  const pooled = [...first, ...second].sort((a, b) => a - b);
  const observed = second.reduce((sum, value) => sum + pooled.indexOf(value) + 1, 0);
  const exact = exactUpperTail(24, 12, observed);
  assert.ok(Math.abs(result.pValue - exact) < 0.005, `drawn ${result.pValue}, exact ${exact}`);
  const separated = permutationTest(first, second.map((value) => value + 1000), 'greater');
  assert.equal(separated.pValue, 1 / 100_001);
});

test('the level is exact: over 20,000 null pairs of 3 and 3 draws, p <= 0.05 happens 5% of the time', () => {
  let state = 7;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  let alarms = 0;
  const trials = 20_000;
  for (let trial = 0; trial < trials; trial++) {
    const draw = (): number[] => [random(), random(), random()].map((u) => -Math.log(1 - u));
    if (permutationTest(draw(), draw(), 'greater').pValue <= 0.05) alarms += 1;
  }
  // Binomial(20000, 0.05): standard deviation 31; 5 of them either side.
  assert.ok(Math.abs(alarms - 1000) < 155, `${alarms} alarms in ${trials}`);
});
