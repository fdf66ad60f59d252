/** Merging the repetitions of a --repeat run: exact histogram merge, summed durations, thresholds on the whole. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeRepetitions } from '../../../loadgen/compare/merge-repetitions.js';
import { RunAccumulator } from '../../../loadgen/measure/run-accumulator.js';
import { evaluateThresholds } from '../../../loadgen/thresholds/evaluate-thresholds.js';
import { makeRunResult } from '../../fixtures/make-run-result.js';
function two() {
    const first = makeRunResult({ durationSec: 5, seed: 1, clients: 40 });
    const second = makeRunResult({ durationSec: 6, seed: 2, clients: 60 });
    return [first, second];
}
test('the top level is the exact merge of the repetitions and each one is kept', () => {
    const [first, second] = two();
    const thresholds = ['echo.latency p(99) < 1s', 'errors.rate < 50%'];
    const merged = mergeRepetitions([first, second], thresholds);
    const expectedTotals = RunAccumulator.mergeTotals([first.totals, second.totals]);
    assert.deepEqual(merged.totals.latency, expectedTotals.latency);
    assert.deepEqual(merged.totals.histograms, expectedTotals.histograms);
    assert.deepEqual(merged.totals.counters, expectedTotals.counters);
    assert.equal(merged.totals.latency.echo?.corrected.count, (first.totals.latency.echo?.corrected.count ?? 0) + (second.totals.latency.echo?.corrected.count ?? 0));
    assert.equal(merged.totals.peakConnections, Math.max(first.totals.peakConnections, second.totals.peakConnections));
    assert.equal(merged.durationMs, first.durationMs + second.durationMs);
    assert.deepEqual(merged.thresholds, evaluateThresholds(thresholds, merged.totals, merged.durationMs).map(({ expression, passed, actual, limit, unit }) => ({ expression, passed, actual, limit, unit })));
    assert.equal(merged.verdict, merged.thresholds.every((t) => t.passed) ? 'passed' : 'failed');
    assert.equal(merged.startedAt, first.startedAt);
    assert.equal(merged.endedAt, second.endedAt);
    assert.deepEqual(merged.repetitions?.map((r) => [r.index, r.durationMs, r.latency, r.histograms, r.counters]), [
        [1, first.durationMs, first.totals.latency, first.totals.histograms, first.totals.counters],
        [2, second.durationMs, second.totals.latency, second.totals.histograms, second.totals.counters],
    ]);
    assert.equal(merged.repetitions?.[1]?.sendRatePerSec, second.totals.counters.eventsSent / (second.durationMs / 1000));
});
test('series, server samples and phases are laid end to end', () => {
    const [first, second] = two();
    const merged = mergeRepetitions([first, second], []);
    assert.equal(merged.series.length, first.series.length + second.series.length);
    const offsetSec = first.durationMs / 1000;
    assert.equal(merged.series[first.series.length]?.tSec, second.series[0].tSec + offsetSec);
    assert.equal(merged.server[first.server.length]?.tSec, second.server[0].tSec + offsetSec);
    assert.deepEqual(merged.phases.map((phase) => [phase.name, phase.startMs]), [
        ...first.phases.map((phase) => [`${phase.name} (1/2)`, phase.startMs]),
        ...second.phases.map((phase) => [`${phase.name} (2/2)`, phase.startMs + first.durationMs]),
    ]);
});
test('a failed repetition makes the merge failed and keeps its failure; warnings name their repetition', () => {
    const [first, second] = two();
    const broken = { ...second, status: 'failed', failure: { kind: 'run_failed', message: 'server died' }, warnings: ['slow'] };
    const merged = mergeRepetitions([first, broken], []);
    assert.equal(merged.status, 'failed');
    assert.equal(merged.verdict, 'failed');
    assert.deepEqual(merged.failure, { kind: 'run_failed', message: 'server died' });
    assert.ok(merged.warnings.includes('repetition 2/2: slow'));
    assert.throws(() => mergeRepetitions([], []), /at least one/);
});
//# sourceMappingURL=merge-repetitions.test.js.map