/**
 * The seeded bootstrap of the difference of medians. For samples of 3 the bootstrap distribution can be
 * enumerated exactly (27 resamples per side, each as likely), so the seeded Monte Carlo interval is checked
 * against the exact distribution's quantiles where those are not on a knife edge.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapMedianDifference } from '../../../loadgen/compare/bootstrap.js';
import { median } from '../../../loadgen/compare/sample-statistics.js';
/** The exact bootstrap distribution of median(c*) - median(b*) as sorted [value, probability] pairs. */
function exactDistribution(baseline, candidate) {
    const medians = (values) => {
        const counts = new Map();
        const n = values.length;
        const total = n ** n;
        for (let code = 0; code < total; code++) {
            const draw = [];
            let rest = code;
            for (let k = 0; k < n; k++) {
                draw.push(values[rest % n]);
                rest = Math.floor(rest / n);
            }
            const m = median(draw);
            counts.set(m, (counts.get(m) ?? 0) + 1 / total);
        }
        return counts;
    };
    const differences = new Map();
    for (const [b, pb] of medians(baseline)) {
        for (const [c, pc] of medians(candidate))
            differences.set(c - b, (differences.get(c - b) ?? 0) + pb * pc);
    }
    return [...differences.entries()].sort((x, y) => x[0] - y[0]);
}
function exactQuantile(distribution, fraction) {
    let cumulative = 0;
    for (const [value, probability] of distribution) {
        cumulative += probability;
        if (cumulative >= fraction)
            return value;
    }
    return distribution[distribution.length - 1][0];
}
test('separated samples: the 95% interval is [min(c) - max(b), max(c) - min(b)], the exact 2.5% and 97.5% points', () => {
    const baseline = [1000, 1100, 1300];
    const candidate = [2000, 2050, 2600];
    const interval = bootstrapMedianDifference(baseline, candidate, { confidence: 0.95, seed: 7 });
    const exact = exactDistribution(baseline, candidate);
    assert.equal(exactQuantile(exact, 0.025), 700);
    assert.equal(exactQuantile(exact, 0.975), 1600);
    assert.deepEqual({ estimate: interval.estimate, lower: interval.lower, upper: interval.upper, shareAbove: interval.shareAbove, shareBelow: interval.shareBelow }, { estimate: 950, lower: 700, upper: 1600, shareAbove: 1, shareBelow: 0 });
    assert.equal(interval.resamples, 4000);
});
test('overlapping samples: the interval straddles zero and the shares add up to the resamples that differ', () => {
    const baseline = [10, 20, 30];
    const candidate = [15, 25, 35];
    const interval = bootstrapMedianDifference(baseline, candidate, { confidence: 0.9, resamples: 20_000, seed: 3 });
    const exact = exactDistribution(baseline, candidate);
    assert.equal(interval.lower, exactQuantile(exact, 0.05));
    assert.equal(interval.upper, exactQuantile(exact, 0.95));
    assert.ok(interval.lower < 0 && interval.upper > 0);
    const exactAbove = exact.filter(([value]) => value > 0).reduce((sum, [, p]) => sum + p, 0);
    // 20,000 resamples put the share within 4 standard errors (4 * 0.0035) of the exact probability.
    assert.ok(Math.abs(interval.shareAbove - exactAbove) < 0.014, `${interval.shareAbove} vs ${exactAbove}`);
});
test('the same seed gives the same interval; identical samples give [0, 0]', () => {
    const a = bootstrapMedianDifference([3, 9, 4, 7], [5, 8, 6, 2], { confidence: 0.95, seed: 11 });
    const b = bootstrapMedianDifference([3, 9, 4, 7], [5, 8, 6, 2], { confidence: 0.95, seed: 11 });
    assert.deepEqual(a, b);
    const same = bootstrapMedianDifference([5, 5, 5], [5, 5, 5], { confidence: 0.95 });
    assert.deepEqual([same.lower, same.upper, same.shareAbove, same.shareBelow], [0, 0, 0, 0]);
});
test('bad arguments are refused', () => {
    assert.throws(() => bootstrapMedianDifference([], [1], { confidence: 0.95 }), /non-empty/);
    assert.throws(() => bootstrapMedianDifference([1], [1], { confidence: 1 }), /confidence/);
    assert.throws(() => bootstrapMedianDifference([1], [1], { confidence: 0.9, resamples: 0 }), /resamples/);
});
//# sourceMappingURL=bootstrap.test.js.map