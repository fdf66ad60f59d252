/** compareResults on hand-built results: which rows change, by how much, and what the gate decides. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResults } from '../../../loadgen/compare/compare-results.js';
import type { MetricComparison } from '../../../loadgen/compare/comparison.js';
import { echoRuns, handResult } from './hand-results.js';

function row(rows: MetricComparison[], id: string): MetricComparison {
  const found = rows.find((candidate) => candidate.id === id);
  assert.ok(found, `no row ${id} in ${rows.map((r) => r.id).join(', ')}`);
  return found;
}

test('single runs: the ratio alone decides, and the comparison says it cannot judge significance', () => {
  const comparison = compareResults(handResult(echoRuns([2000])), handResult(echoRuns([3000])));
  assert.equal(comparison.mode, 'single');
  assert.match(comparison.notes[0]!, /^Single runs \(the baseline and the candidate are one run\): significance cannot be judged/);
  const p50 = row(comparison.rows, 'echo.latency.p50');
  assert.deepEqual(
    { baseline: p50.baseline, candidate: p50.candidate, difference: p50.difference, change: p50.change, verdict: p50.verdict, statistics: p50.statistics },
    { baseline: 2000, candidate: 3000, difference: 1000, change: 0.5, verdict: 'regression', statistics: undefined },
  );
  assert.deepEqual(comparison.regressions, ['echo.latency.p50', 'echo.latency.p90', 'echo.latency.p99']);
  assert.equal(row(comparison.rows, 'throughput.sent').verdict, 'within-tolerance');
});

test('the default metrics are those either result measured; a group or an exact id selects others', () => {
  const result = handResult(echoRuns([2000]));
  const ids = compareResults(result, result).rows.map((r) => r.id);
  assert.deepEqual(ids, [
    'echo.latency.p50',
    'echo.latency.p90',
    'echo.latency.p99',
    'throughput.sent',
    'throughput.received',
    'direct.delivery.lost',
    'direct.delivery.duplicated',
    'errors.rate',
  ]);
  const chosen = compareResults(result, result, { metrics: ['echo.latency.max', 'throughput'] }).rows.map((r) => r.id);
  assert.deepEqual(chosen, ['echo.latency.max', 'throughput.sent', 'throughput.received']);
  assert.throws(() => compareResults(result, result, { metrics: ['echo.latency.p42'] }), /--metric "echo.latency.p42" names no metric/);
});

test('tolerance and the latency floor: small or sub-millisecond changes are within tolerance', () => {
  const within = compareResults(handResult(echoRuns([20_000])), handResult(echoRuns([21_900])), { metrics: ['echo.latency.p50'] });
  assert.equal(row(within.rows, 'echo.latency.p50').verdict, 'within-tolerance');
  // +50%, but only 500 µs: below the default 1 ms floor, a regression once the floor is lowered.
  const small = [handResult(echoRuns([1000])), handResult(echoRuns([1500]))] as const;
  assert.equal(compareResults(...small, { metrics: ['echo.latency.p50'] }).rows[0]!.verdict, 'within-tolerance');
  assert.equal(compareResults(...small, { metrics: ['echo.latency.p50'], minLatencyChangeUs: 100 }).rows[0]!.verdict, 'regression');
  // A tolerance of 60% lets +50% through.
  assert.equal(compareResults(...small, { metrics: ['echo.latency.p50'], minLatencyChangeUs: 0, toleranceFraction: 0.6 }).rows[0]!.verdict, 'within-tolerance');
});

test('lower throughput is worse; loss from zero is an infinite change; a figure on one side only is missing', () => {
  const baseline = handResult([{ echoP50Us: 2000, events: 1000 }]);
  const candidate = handResult([{ echoP50Us: 2000, events: 800, directLost: 5 }]);
  const comparison = compareResults(baseline, candidate);
  const sent = row(comparison.rows, 'throughput.sent');
  assert.deepEqual([sent.baseline, sent.candidate, sent.change, sent.verdict], [100, 80, -0.2, 'regression']);
  const lost = row(comparison.rows, 'direct.delivery.lost');
  assert.deepEqual([lost.baseline, lost.candidate, lost.change, lost.verdict], [0, 0.005, Number.POSITIVE_INFINITY, 'regression']);
  const improved = compareResults(candidate, baseline);
  assert.equal(row(improved.rows, 'throughput.sent').verdict, 'improvement');
  assert.equal(row(improved.rows, 'direct.delivery.lost').verdict, 'improvement');
  assert.deepEqual(improved.regressions, []);
  const noDirect = handResult([{ echoP50Us: 2000, directLost: undefined }]);
  const missing = row(compareResults(baseline, noDirect).rows, 'direct.delivery.lost');
  assert.deepEqual([missing.baseline, missing.candidate, missing.verdict], [0, undefined, 'missing']);
});

test('repetitions, clearly separated: a regression with its interval, share and U test', () => {
  const comparison = compareResults(handResult(echoRuns([1000, 1100, 1300])), handResult(echoRuns([21_000, 22_000, 23_000])), {
    metrics: ['echo.latency.p50'],
  });
  assert.equal(comparison.mode, 'repetitions');
  assert.match(comparison.notes[0]!, /^Decided over 3 baseline and 3 candidate repetitions/);
  const p50 = comparison.rows[0]!;
  assert.equal(p50.verdict, 'regression');
  assert.deepEqual([p50.baseline, p50.candidate, p50.difference], [1100, 22_000, 20_900]);
  assert.deepEqual(p50.statistics, {
    baselineRuns: 3,
    candidateRuns: 3,
    // The exact 2.5% and 97.5% points of the bootstrap distribution: min(c) - max(b) and max(c) - min(b).
    differenceLower: 19_700,
    differenceUpper: 22_000,
    changeLower: 19_700 / 1100,
    changeUpper: 22_000 / 1100,
    significant: true,
    shareWorse: 1,
    mannWhitneyP: 0.1,
  });
  assert.deepEqual(comparison.regressions, ['echo.latency.p50']);
});

test('repetitions that overlap: beyond the tolerance but not significant, so no regression', () => {
  const comparison = compareResults(handResult(echoRuns([10_000, 30_000, 50_000])), handResult(echoRuns([20_000, 60_000, 40_000])), {
    metrics: ['echo.latency.p50'],
  });
  const p50 = comparison.rows[0]!;
  assert.deepEqual([p50.baseline, p50.candidate, p50.verdict], [30_000, 40_000, 'not-significant']);
  assert.equal(p50.statistics?.significant, false);
  assert.deepEqual(comparison.regressions, []);
});

test('repetitions on one side only: single-run mode, and the note says which side is one run', () => {
  const comparison = compareResults(handResult(echoRuns([1000, 1100, 1300])), handResult(echoRuns([5000])), { metrics: ['echo.latency.p50'] });
  assert.equal(comparison.mode, 'single');
  assert.match(comparison.notes[0]!, /^Single runs \(the candidate is one run\)/);
  // Single mode reads the top level, which hand-built results take from their first run.
  assert.deepEqual([comparison.rows[0]!.baseline, comparison.rows[0]!.candidate, comparison.rows[0]!.verdict], [1000, 5000, 'regression']);
});

test('two repetitions per side are flagged as a weak test; different scenarios are noted', () => {
  const comparison = compareResults(handResult(echoRuns([1000, 1100]), 'a'), handResult(echoRuns([9000, 9100]), 'b'), { metrics: ['echo.latency.p50'] });
  assert.ok(comparison.notes.some((note) => note.startsWith('With 2 repetitions on a side the test is weak')));
  assert.ok(comparison.notes.includes('The results ran different scenarios (a and b).'));
});

test("an action's own metrics are compared like the built-in ones: chat latency and chat delivery", () => {
  const withChat = (p99Us: number, lost: number): ReturnType<typeof handResult> => {
    const result = handResult(echoRuns([2000]));
    const summary = { count: 900, minUs: 100, meanUs: p99Us / 4, p50Us: p99Us / 4, p90Us: p99Us / 2, p99Us, p999Us: p99Us, maxUs: p99Us };
    result.totals.latency.chat = { corrected: summary, uncorrected: summary };
    result.totals.delivery.chat = { expected: 9000, received: 9000 - lost, lost, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
    return result;
  };
  const comparison = compareResults(withChat(4000, 0), withChat(8000, 90));
  assert.equal(row(comparison.rows, 'chat.latency.p99').verdict, 'regression');
  assert.equal(row(comparison.rows, 'chat.delivery.lost').candidate, 90 / 9000);
  assert.ok(comparison.regressions.includes('chat.delivery.lost'));
});
