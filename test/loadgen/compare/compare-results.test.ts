/** compareResults on hand-built results: which rows change, by how much, and what the gate decides. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResults } from '../../../loadgen/compare/compare-results.js';
import type { MetricComparison } from '../../../loadgen/compare/comparison.js';
import type { MachineConditions, RunResult } from '../../../loadgen/run-result.js';
import { echoRuns, handResult } from './hand-results.js';

function row(rows: MetricComparison[], id: string): MetricComparison {
  const found = rows.find((candidate) => candidate.id === id);
  assert.ok(found, `no row ${id} in ${rows.map((r) => r.id).join(', ')}`);
  return found;
}

test('single runs: a change beyond tolerance is undecided (needs 3 runs a side), unless the ratio is asked to decide', () => {
  const comparison = compareResults(handResult(echoRuns([2000])), handResult(echoRuns([3000])));
  assert.equal(comparison.mode, 'single');
  assert.match(comparison.notes[0]!, /^Single runs \(the baseline and the candidate are one run\): noise cannot be told from change/);
  const p50 = row(comparison.rows, 'echo.latency.p50');
  assert.deepEqual(
    { baseline: p50.baseline, candidate: p50.candidate, difference: p50.difference, change: p50.change, verdict: p50.verdict, needed: p50.neededRepetitions },
    { baseline: 2000, candidate: 3000, difference: 1000, change: 0.5, verdict: 'undecided', needed: 3 },
  );
  assert.deepEqual(comparison.regressions, []);
  // p50 and p90 (+50%) are beyond their 15% and 30%; p99 (+50%) is within its 100%.
  assert.ok(comparison.notes.includes('Not enough repetitions to decide 2 metrics beyond tolerance (needs 3 per side at the 5% level).'));
  const byRatio = compareResults(handResult(echoRuns([2000])), handResult(echoRuns([3000])), { decideByRatio: true });
  assert.deepEqual(byRatio.regressions, ['echo.latency.p50', 'echo.latency.p90']);
  assert.equal(row(byRatio.rows, 'throughput.sent').verdict, 'within-tolerance');
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

test("each metric has its own tolerance; --tolerance replaces them, --tolerance-for one metric or group", () => {
  const ratio = { decideByRatio: true, metrics: ['echo.latency.p50', 'echo.latency.p99'] };
  // p50's default is 15%, p99's 100%: +14.5% is within both.
  const within = compareResults(handResult(echoRuns([20_000])), handResult(echoRuns([22_900])), ratio);
  assert.deepEqual(within.rows.map((r) => [r.id, r.toleranceFraction, r.verdict]), [
    ['echo.latency.p50', 0.15, 'within-tolerance'],
    ['echo.latency.p99', 1, 'within-tolerance'],
  ]);
  // +20%: beyond p50's 15%, within p99's 100%.
  const beyond = compareResults(handResult(echoRuns([20_000])), handResult(echoRuns([24_000])), ratio);
  assert.deepEqual(beyond.rows.map((r) => r.verdict), ['regression', 'within-tolerance']);
  assert.deepEqual(compareResults(handResult(echoRuns([20_000])), handResult(echoRuns([24_000])), { ...ratio, toleranceFraction: 0.1 }).regressions, ['echo.latency.p50', 'echo.latency.p99']);
  const overridden = compareResults(handResult(echoRuns([20_000])), handResult(echoRuns([24_000])), { ...ratio, toleranceFraction: 0.1, toleranceByMetric: { 'echo.latency': 0.25 } });
  assert.deepEqual(overridden.rows.map((r) => [r.toleranceFraction, r.verdict]), [[0.25, 'within-tolerance'], [0.25, 'within-tolerance']]);
  assert.equal(overridden.toleranceFraction, 0.1);
});

test('the latency floor: sub-millisecond changes are within tolerance', () => {
  // +50%, but only 500 µs: below the default 1 ms floor, a regression once the floor is lowered.
  const small = [handResult(echoRuns([1000])), handResult(echoRuns([1500]))] as const;
  const options = { metrics: ['echo.latency.p50'], decideByRatio: true };
  assert.equal(compareResults(...small, options).rows[0]!.verdict, 'within-tolerance');
  assert.equal(compareResults(...small, { ...options, minLatencyChangeUs: 100 }).rows[0]!.verdict, 'regression');
  assert.equal(compareResults(...small, { ...options, minLatencyChangeUs: 0, toleranceFraction: 0.6 }).rows[0]!.verdict, 'within-tolerance');
});

test('lower throughput is worse; loss from zero is an infinite change; a figure on one side only is missing', () => {
  const baseline = handResult([{ echoP50Us: 2000, events: 1000 }]);
  const candidate = handResult([{ echoP50Us: 2000, events: 800, directLost: 5 }]);
  const comparison = compareResults(baseline, candidate, { decideByRatio: true });
  const sent = row(comparison.rows, 'throughput.sent');
  assert.deepEqual([sent.baseline, sent.candidate, sent.change, sent.verdict], [100, 80, -0.2, 'regression']);
  const lost = row(comparison.rows, 'direct.delivery.lost');
  assert.deepEqual([lost.baseline, lost.candidate, lost.change, lost.verdict], [0, 0.005, Number.POSITIVE_INFINITY, 'regression']);
  const improved = compareResults(candidate, baseline, { decideByRatio: true });
  assert.equal(row(improved.rows, 'throughput.sent').verdict, 'improvement');
  assert.equal(row(improved.rows, 'direct.delivery.lost').verdict, 'improvement');
  assert.deepEqual(improved.regressions, []);
  const noDirect = handResult([{ echoP50Us: 2000, directLost: undefined }]);
  const missing = row(compareResults(baseline, noDirect).rows, 'direct.delivery.lost');
  assert.deepEqual([missing.baseline, missing.candidate, missing.verdict], [0, undefined, 'missing']);
});

test('repetitions, clearly separated: a regression at p = 1/20, the smallest 3 against 3 can give', () => {
  const comparison = compareResults(handResult(echoRuns([1000, 1100, 1300])), handResult(echoRuns([21_000, 22_000, 23_000])), {
    metrics: ['echo.latency.p50'],
  });
  assert.equal(comparison.mode, 'repetitions');
  assert.match(comparison.notes[0]!, /^Decided over 3 baseline and 3 candidate repetitions: a change is a regression when the medians differ by more than each metric's tolerance/);
  const p50 = comparison.rows[0]!;
  assert.equal(p50.verdict, 'regression');
  assert.deepEqual([p50.baseline, p50.candidate, p50.difference], [1100, 22_000, 20_900]);
  assert.deepEqual(p50.statistics, {
    baselineRuns: 3,
    candidateRuns: 3,
    worsePValue: 0.05,
    betterPValue: 1,
    smallestPValue: 0.05,
    method: 'exact',
    baselineRange: [1000, 1300],
    candidateRange: [21_000, 23_000],
  });
  assert.deepEqual(comparison.regressions, ['echo.latency.p50']);
});

test('just beyond the tolerance is not enough: the test asks whether the candidate is worse by more than it', () => {
  // Medians +15.7% (beyond 15%); scaled back by 1.15 the candidate's runs interleave with the baseline's at
  // ranks 2, 4 and 6 of 6, a sum that 7 of the 20 splits reach: p = 0.35.
  const comparison = compareResults(handResult(echoRuns([10_000, 10_100, 10_200])), handResult(echoRuns([11_600, 11_700, 11_800])), {
    metrics: ['echo.latency.p50'],
  });
  const p50 = comparison.rows[0]!;
  assert.equal(p50.statistics?.worsePValue, 7 / 20);
  assert.equal(p50.verdict, 'not-significant');
  // Far beyond it, the same spread is a regression.
  const far = compareResults(handResult(echoRuns([10_000, 10_100, 10_200])), handResult(echoRuns([12_600, 12_700, 12_800])), { metrics: ['echo.latency.p50'] });
  assert.equal(far.rows[0]!.verdict, 'regression');
});

test('repetitions that overlap: beyond the tolerance but not significant, so no regression', () => {
  const comparison = compareResults(handResult(echoRuns([10_000, 30_000, 50_000])), handResult(echoRuns([20_000, 60_000, 40_000])), {
    metrics: ['echo.latency.p50'],
  });
  const p50 = comparison.rows[0]!;
  assert.deepEqual([p50.baseline, p50.candidate, p50.verdict], [30_000, 40_000, 'not-significant']);
  assert.ok((p50.statistics?.worsePValue ?? 0) > 0.05);
  assert.deepEqual(comparison.regressions, []);
});

test('repetitions on one side only: single-run mode, and the note says which side is one run', () => {
  const comparison = compareResults(handResult(echoRuns([1000, 1100, 1300])), handResult(echoRuns([5000])), { metrics: ['echo.latency.p50'] });
  assert.equal(comparison.mode, 'single');
  assert.match(comparison.notes[0]!, /^Single runs \(the candidate is one run\)/);
  // Single mode reads the top level, which hand-built results take from their first run.
  assert.deepEqual([comparison.rows[0]!.baseline, comparison.rows[0]!.candidate, comparison.rows[0]!.verdict], [1000, 5000, 'undecided']);
});

test('two repetitions per side cannot reach 5% (1/6 at best): undecided, needs 3; 99% confidence needs 5', () => {
  const comparison = compareResults(handResult(echoRuns([1000, 1100]), 'a'), handResult(echoRuns([9000, 9100]), 'b'), { metrics: ['echo.latency.p50'] });
  assert.deepEqual([comparison.rows[0]!.verdict, comparison.rows[0]!.neededRepetitions, comparison.rows[0]!.statistics?.smallestPValue], ['undecided', 3, 1 / 6]);
  assert.ok(comparison.notes.includes('Not enough repetitions to decide 1 metric beyond tolerance (needs 3 per side at the 5% level).'));
  assert.ok(comparison.notes.includes('The results ran different scenarios (a and b).'));
  const strict = compareResults(handResult(echoRuns([1000, 1100, 1200])), handResult(echoRuns([9000, 9100, 9200])), { metrics: ['echo.latency.p50'], confidence: 0.99 });
  assert.deepEqual([strict.rows[0]!.verdict, strict.rows[0]!.neededRepetitions], ['undecided', 5]);
});

function withConditions(result: RunResult, conditions: Partial<MachineConditions>): RunResult {
  const full: MachineConditions = { calibrationBeforeMs: 10, calibrationAfterMs: 10, loadAverageMean: 2, loadAverageMax: 2.5, cpuCount: 2, saturatedSeconds: 0, stealFraction: 0, ...conditions };
  for (const repetition of result.repetitions ?? []) repetition.conditions = full;
  result.conditions = full;
  return result;
}

test('machines in different states: a would-be regression is not judged, and the note says which reading differed', () => {
  const baseline = () => withConditions(handResult(echoRuns([1000, 1100, 1300])), {});
  const slower = compareResults(baseline(), withConditions(handResult(echoRuns([21_000, 22_000, 23_000])), { calibrationBeforeMs: 14, calibrationAfterMs: 13 }), { metrics: ['echo.latency.p50'] });
  assert.equal(slower.rows[0]!.verdict, 'environment-differs');
  assert.deepEqual(slower.regressions, []);
  assert.deepEqual(slower.environmentDifferences, ['the machine was 35% slower during the candidate (calibration 10.0 ms and 13.5 ms; bound 25%)']);
  const loaded = compareResults(baseline(), withConditions(handResult(echoRuns([21_000, 22_000, 23_000])), { loadAverageMean: 3.2, saturatedSeconds: 2 }), { metrics: ['echo.latency.p50'] });
  assert.deepEqual(loaded.environmentDifferences, [
    'the load average differed by 1.20 (2.00 baseline, 3.20 candidate; bound 1.00 on 2 cores)',
    "the load generator was saturated in 6 of the candidate's 10 s (bound 10%): its latencies include its own queueing",
  ]);
  // Within the bounds (calibration +20%, load +0.9), the regression stands; the check can also be turned off.
  const close = compareResults(baseline(), withConditions(handResult(echoRuns([21_000, 22_000, 23_000])), { calibrationBeforeMs: 12, calibrationAfterMs: 12, loadAverageMean: 2.9 }), { metrics: ['echo.latency.p50'] });
  assert.deepEqual(close.regressions, ['echo.latency.p50']);
  const unchecked = compareResults(baseline(), withConditions(handResult(echoRuns([21_000, 22_000, 23_000])), { loadAverageMean: 9 }), { metrics: ['echo.latency.p50'], environmentBounds: false });
  assert.deepEqual(unchecked.regressions, ['echo.latency.p50']);
});

test("an action's own metrics are compared like the built-in ones: chat latency and chat delivery", () => {
  const withChat = (p99Us: number, lost: number): ReturnType<typeof handResult> => {
    const result = handResult(echoRuns([2000]));
    const summary = { count: 900, minUs: 100, meanUs: p99Us / 4, p50Us: p99Us / 4, p90Us: p99Us / 2, p99Us, p999Us: p99Us, maxUs: p99Us };
    result.totals.latency.chat = { corrected: summary, uncorrected: summary };
    result.totals.delivery.chat = { expected: 9000, received: 9000 - lost, lost, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
    return result;
  };
  const comparison = compareResults(withChat(4000, 0), withChat(9000, 90), { decideByRatio: true });
  assert.equal(row(comparison.rows, 'chat.latency.p99').verdict, 'regression');
  assert.equal(row(comparison.rows, 'chat.delivery.lost').candidate, 90 / 9000);
  assert.ok(comparison.regressions.includes('chat.delivery.lost'));
});

test('sides interleaved in time: the drift readings are noise the test already weighs; saturation still counts', () => {
  const stamp = (result: RunResult, minutes: number[]): RunResult => {
    result.repetitions!.forEach((repetition, index) => {
      repetition.startedAt = new Date(Date.UTC(2026, 11, 3, 6, minutes[index]!)).toISOString();
    });
    return result;
  };
  // Interleaved: minutes 0, 3, 4 for the baseline and 1, 2, 5 for the candidate.
  const baseline = stamp(withConditions(handResult(echoRuns([1000, 1100, 1300])), {}), [0, 3, 4]);
  const slower = stamp(withConditions(handResult(echoRuns([21_000, 22_000, 23_000])), { calibrationBeforeMs: 20, calibrationAfterMs: 20, loadAverageMean: 4 }), [1, 2, 5]);
  const comparison = compareResults(baseline, slower, { metrics: ['echo.latency.p50'] });
  assert.deepEqual(comparison.environmentDifferences, []);
  assert.deepEqual(comparison.regressions, ['echo.latency.p50']);
  const saturated = stamp(withConditions(handResult(echoRuns([21_000, 22_000, 23_000])), { saturatedSeconds: 5 }), [1, 2, 5]);
  assert.match(compareResults(baseline, saturated, { metrics: ['echo.latency.p50'] }).environmentDifferences.join(), /saturated in 15 of the candidate's 10 s/);
  // One side entirely before the other is not interleaved: the calibration counts again.
  const after = stamp(withConditions(handResult(echoRuns([21_000, 22_000, 23_000])), { calibrationBeforeMs: 20, calibrationAfterMs: 20 }), [6, 7, 8]);
  assert.match(compareResults(baseline, after, { metrics: ['echo.latency.p50'] }).environmentDifferences.join(), /100% slower during the candidate/);
});
