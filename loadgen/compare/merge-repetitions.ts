/**
 * Merges the results of the repetitions of one scenario (`sio-bench run --repeat N`) into one result: the top
 * level is the exact whole (histograms added, counters summed; thresholds evaluated on the merged totals) and
 * `repetitions` keeps each run's own summary for `compare`. The time series and server samples are laid end
 * to end, each repetition shifted by the length of the ones before it, so the charts show every run in turn.
 */
import { RunAccumulator } from '../measure/run-accumulator.js';
import type { PhaseRecord, RunResult, RunStatus, ThresholdResult } from '../run-result.js';
import { evaluateThresholds, thresholdResultOf } from '../thresholds/evaluate-thresholds.js';
import { combineConditions } from '../machine-conditions.js';
import { summarizeRepetition } from './metric-source.js';

/** The merged status: failed if any repetition failed, else interrupted if any was, else completed. */
function mergedStatus(results: readonly RunResult[]): RunStatus {
  if (results.some((result) => result.status === 'failed')) return 'failed';
  if (results.some((result) => result.status === 'interrupted')) return 'interrupted';
  return 'completed';
}

/**
 * One result from the repetitions `results` (in run order, at least one) of the scenario whose thresholds are
 * `thresholds`. Durations add up, so rates over the merged result are rates over all the time measured.
 * peakConnections is the highest of the repetitions (they ran one after another, not side by side).
 */
export function mergeRepetitions(results: readonly RunResult[], thresholds: readonly string[]): RunResult {
  const first = results[0];
  const last = results[results.length - 1];
  if (first === undefined || last === undefined) throw new Error('mergeRepetitions needs at least one result');
  const totals = RunAccumulator.mergeTotals(results.map((result) => result.totals));
  totals.peakConnections = Math.max(...results.map((result) => result.totals.peakConnections));
  const durationMs = results.reduce((sum, result) => sum + result.durationMs, 0);
  const evaluated: ThresholdResult[] = evaluateThresholds(thresholds, totals, Math.max(1, durationMs)).map(thresholdResultOf);
  const status = mergedStatus(results);
  const count = results.length;
  const series: RunResult['series'] = [];
  const server: RunResult['server'] = [];
  const phases: PhaseRecord[] = [];
  const warnings: string[] = [];
  let offsetMs = 0;
  results.forEach((result, position) => {
    const offsetSec = offsetMs / 1000;
    const tag = `${position + 1}/${count}`;
    for (const point of result.series) series.push({ ...point, tSec: point.tSec + offsetSec });
    for (const sample of result.server) server.push({ ...sample, tSec: sample.tSec + offsetSec });
    for (const phase of result.phases) phases.push({ ...phase, name: `${phase.name} (${tag})`, startMs: phase.startMs + offsetMs });
    for (const warning of result.warnings) warnings.push(`repetition ${tag}: ${warning}`);
    offsetMs += result.durationMs;
  });
  const merged: RunResult = {
    ...first,
    status,
    verdict: status === 'completed' && evaluated.every((threshold) => threshold.passed) ? 'passed' : 'failed',
    endedAt: last.endedAt,
    durationMs,
    phases,
    totals,
    series,
    server,
    thresholds: evaluated,
    warnings,
    repetitions: results.map((result, position) => summarizeRepetition(result, position + 1)),
  };
  delete merged.failure;
  const conditions = combineConditions(results.map((result) => result.conditions));
  if (conditions === undefined) delete merged.conditions;
  else merged.conditions = conditions;
  const failed = results.find((result) => result.failure !== undefined);
  if (failed?.failure !== undefined) merged.failure = failed.failure;
  return merged;
}
