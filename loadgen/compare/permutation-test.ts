/**
 * The exact permutation test of two small samples (the Wilcoxon rank-sum statistic over every way the pooled
 * values could have been split): under the hypothesis that both samples come from one distribution, every split
 * is equally likely, so the share of splits at least as extreme as the observed one is a p-value whose level is
 * exact at any sample size. That is what a regression gate needs at 3 or 5 repetitions, where a normal
 * approximation or a bootstrap of medians (10 distinct resamples of 3 values) claims far more than the data hold.
 * Above EXACT_MAX_SPLITS splits it draws seeded random splits instead (the p-value then counts the observed split
 * once more, so it never reads below its true level).
 */

import { mulberry32 } from '../membership/prng.js';

/** Which way the test looks: is the second sample larger ('greater') or smaller ('less') than the first. */
export type Alternative = 'greater' | 'less';

/** Most splits enumerated exactly: C(20, 10) = 184,756, 10 repetitions a side. */
export const EXACT_MAX_SPLITS = 200_000;

/** Random splits drawn beyond EXACT_MAX_SPLITS. */
export const MONTE_CARLO_SPLITS = 100_000;

/** The outcome of {@link permutationTest}. */
export interface PermutationTestResult {
  /** One-sided p-value: the share of splits whose second sample ranks at least as far toward `alternative`. */
  pValue: number;
  /** The smallest p-value these sample sizes can give: 1 / C(n1 + n2, n2) (exact), 1 / (splits + 1) (drawn). */
  smallestPValue: number;
  method: 'exact' | 'monte-carlo';
  /** Splits counted: C(n1 + n2, n2), or the drawn ones. */
  splits: number;
}

/** C(n, k) as a double (exact while below 2^53). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const smaller = Math.min(k, n - k);
  let value = 1;
  for (let index = 1; index <= smaller; index++) value = (value * (n - smaller + index)) / index;
  return Math.round(value);
}

/** The smallest p-value a one-sided exact test of `n1` against `n2` values can give. */
export function smallestOneSidedPValue(n1: number, n2: number): number {
  return 1 / binomial(n1 + n2, n2);
}

/**
 * The fewest repetitions per side whose exact one-sided test can reach `alpha` (p <= alpha): 3 for 0.05
 * (1/20), 4 for 0.02 (1/70), 5 for 0.01 (1/252).
 */
export function repetitionsToReach(alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1 (got ${alpha})`);
  let perSide = 1;
  while (smallestOneSidedPValue(perSide, perSide) > alpha) perSide += 1;
  return perSide;
}

/** Ranks 1..n of the pooled values, tied values sharing the mean of their ranks. */
function midranks(pooled: readonly number[]): number[] {
  const order = pooled.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(pooled.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]!.value === order[start]!.value) end += 1;
    const rank = (start + 1 + end) / 2;
    for (let position = start; position < end; position++) ranks[order[position]!.index] = rank;
    start = end;
  }
  return ranks;
}

/**
 * One-sided test of whether `second` tends to be larger ('greater') or smaller ('less') than `first`.
 * Deterministic: the drawn splits (above EXACT_MAX_SPLITS) come from `seed` (default 1).
 */
export function permutationTest(first: readonly number[], second: readonly number[], alternative: Alternative, seed = 1): PermutationTestResult {
  if (first.length === 0 || second.length === 0) throw new RangeError('both samples need at least one value');
  if ([...first, ...second].some((value) => !Number.isFinite(value))) throw new RangeError('samples must be finite numbers');
  const pooled = [...first, ...second];
  const ranks = midranks(pooled);
  const size = second.length;
  const sign = alternative === 'greater' ? 1 : -1;
  // Rank sums are multiples of 0.5, exact in a double: no tolerance is needed in the comparison.
  const observed = sign * ranks.slice(first.length).reduce((sum, rank) => sum + rank, 0);
  const total = binomial(pooled.length, size);
  if (total <= EXACT_MAX_SPLITS) {
    let atLeast = 0;
    const visit = (from: number, left: number, sum: number): void => {
      if (left === 0) {
        if (sign * sum >= observed) atLeast += 1;
        return;
      }
      for (let index = from; index <= pooled.length - left; index++) visit(index + 1, left - 1, sum + ranks[index]!);
    };
    visit(0, size, 0);
    return { pValue: atLeast / total, smallestPValue: 1 / total, method: 'exact', splits: total };
  }
  const random = mulberry32(seed);
  const indices = pooled.map((_, index) => index);
  let atLeast = 0;
  for (let draw = 0; draw < MONTE_CARLO_SPLITS; draw++) {
    // A partial Fisher-Yates shuffle: the first `size` indices are a uniform random split.
    let sum = 0;
    for (let position = 0; position < size; position++) {
      const pick = position + Math.floor(random() * (indices.length - position));
      const chosen = indices[pick]!;
      indices[pick] = indices[position]!;
      indices[position] = chosen;
      sum += ranks[chosen]!;
    }
    if (sign * sum >= observed) atLeast += 1;
  }
  return { pValue: (atLeast + 1) / (MONTE_CARLO_SPLITS + 1), smallestPValue: 1 / (MONTE_CARLO_SPLITS + 1), method: 'monte-carlo', splits: MONTE_CARLO_SPLITS };
}
