/**
 * Compares a candidate result with a baseline, metric by metric, and decides which changed beyond tolerance.
 * Each metric has its own tolerance (loadgen/compare/metric-tolerances.ts). With repetitions on both sides a change
 * must also pass an exact one-sided permutation test (loadgen/compare/permutation-test.ts) of "worse by more than
 * the tolerance" at the level 1 - confidence, so noise alone calls a given metric a regression at most that often,
 * whatever the number of repetitions. Where the repetitions are too few for the test to reach its level (or a
 * side is a single run) a change beyond tolerance is undecided, and the comparison says how many repetitions
 * would decide it; `decideByRatio` restores the ratio alone for single runs. When the two sides ran on machines in
 * different states (loadgen/compare/environment-check.ts) nothing is called a regression. Pure: no I/O.
 */
import type { RunResult } from '../run-result.js';
import type { ComparedMetric } from './compared-metrics.js';
import { selectMetrics } from './compared-metrics.js';
import type { ComparedSide, Comparison, ComparisonMode, MetricComparison, MetricVerdict, RowStatistics } from './comparison.js';
import { DEFAULT_ENVIRONMENT_BOUNDS, environmentDifferences, type EnvironmentBounds } from './environment-check.js';
import { toleranceOf } from './metric-tolerances.js';
import { permutationTest, repetitionsToReach, smallestOneSidedPValue } from './permutation-test.js';
import { sourceOfResult, sourcesOfRepetitions, type MetricSource } from './metric-source.js';
import { median } from './sample-statistics.js';

/** Default confidence: noise alone calls one given metric a regression at most 1 - 0.95 = 5% of the time. */
export const DEFAULT_CONFIDENCE = 0.95;
/** Default latency floor: latency changes below 1 ms are timer and scheduler jitter, never a regression. */
export const DEFAULT_MIN_LATENCY_CHANGE_US = 1000;

/** Repetitions per side at the default confidence: the fewest whose exact test can reach 5% (1 split in 20). */
export const RECOMMENDED_REPETITIONS = repetitionsToReach(1 - DEFAULT_CONFIDENCE);

/** Options of {@link compareResults}; every field has a default. */
export interface CompareOptions {
  /** `--metric` ids or prefixes; default: every default metric either result measured. */
  metrics?: readonly string[];
  /** `--tolerance`: one tolerance for every metric (0.1 = 10%). Default: each metric's own (metric-tolerances.ts). */
  toleranceFraction?: number;
  /** `--tolerance-for`: metric id or prefix -> tolerance, over the defaults and `toleranceFraction`. */
  toleranceByMetric?: Readonly<Record<string, number>>;
  /** Default DEFAULT_CONFIDENCE (0.95). */
  confidence?: number;
  /** Default DEFAULT_MIN_LATENCY_CHANGE_US (1000 µs). */
  minLatencyChangeUs?: number;
  /** Single runs: let the ratio alone decide (no test of noise). Default false: such rows are undecided. */
  decideByRatio?: boolean;
  /** Bounds of the environment check; `false` turns it off. Default DEFAULT_ENVIRONMENT_BOUNDS. */
  environmentBounds?: EnvironmentBounds | false;
  /** How each side is named in the output (file path or baseline name). Default 'baseline' and 'candidate'. */
  baselineLabel?: string;
  candidateLabel?: string;
  /** Seed of the drawn splits when a side has more than 10 repetitions. Default 1. */
  seed?: number;
}

interface Side {
  whole: MetricSource;
  /** Present when the result holds at least two repetitions. */
  repetitions?: MetricSource[];
}

function sideOf(result: RunResult): Side {
  const repetitions = sourcesOfRepetitions(result);
  return repetitions !== undefined && repetitions.length >= 2 ? { whole: sourceOfResult(result), repetitions } : { whole: sourceOfResult(result) };
}

function describeSide(result: RunResult, label: string): ComparedSide {
  const side: ComparedSide = {
    label,
    scenarioName: result.scenario.name,
    startedAt: result.startedAt,
    runs: result.repetitions?.length ?? 1,
  };
  if (result.environment.gitCommit !== undefined) side.gitCommit = result.environment.gitCommit;
  return side;
}

function relativeChange(baseline: number, candidate: number): number {
  if (baseline !== 0) return (candidate - baseline) / Math.abs(baseline);
  if (candidate === 0) return 0;
  return candidate > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

function readAll(metric: ComparedMetric, sources: readonly MetricSource[]): number[] {
  return sources.map((source) => metric.read(source)).filter((value): value is number => value !== undefined);
}

interface Settings {
  toleranceFraction?: number;
  toleranceByMetric: Readonly<Record<string, number>>;
  confidence: number;
  minLatencyChangeUs: number;
  decideByRatio: boolean;
  seed: number;
}

function compareMetric(metric: ComparedMetric, baseline: Side, candidate: Side, mode: ComparisonMode, settings: Settings): MetricComparison {
  const toleranceFraction = toleranceOf(metric.id, { all: settings.toleranceFraction, byMetric: settings.toleranceByMetric });
  const row: MetricComparison = { id: metric.id, unit: metric.unit, worseWhen: metric.worseWhen, toleranceFraction, verdict: 'missing' };
  let baselineValue: number | undefined;
  let candidateValue: number | undefined;
  let statistics: RowStatistics | undefined;
  if (mode === 'repetitions' && baseline.repetitions !== undefined && candidate.repetitions !== undefined) {
    const baselineValues = readAll(metric, baseline.repetitions);
    const candidateValues = readAll(metric, candidate.repetitions);
    if (baselineValues.length > 0) baselineValue = median(baselineValues);
    if (candidateValues.length > 0) candidateValue = median(candidateValues);
    if (baselineValues.length >= 1 && candidateValues.length >= 1) {
      statistics = testRepetitions(metric, baselineValues, candidateValues, toleranceFraction, settings.seed);
    }
  } else {
    baselineValue = metric.read(baseline.whole);
    candidateValue = metric.read(candidate.whole);
  }
  if (baselineValue !== undefined) row.baseline = baselineValue;
  if (candidateValue !== undefined) row.candidate = candidateValue;
  if (baselineValue === undefined || candidateValue === undefined) return row;
  const difference = candidateValue - baselineValue;
  const change = relativeChange(baselineValue, candidateValue);
  row.difference = difference;
  row.change = change;
  if (statistics !== undefined) row.statistics = statistics;
  const belowFloor = metric.group === 'latency' && Math.abs(difference) < settings.minLatencyChangeUs;
  if (difference === 0 || belowFloor || Math.abs(change) <= toleranceFraction) {
    row.verdict = 'within-tolerance';
    return row;
  }
  const worse = metric.worseWhen === 'higher' ? difference > 0 : difference < 0;
  const direction: MetricVerdict = worse ? 'regression' : 'improvement';
  if (mode === 'single') {
    if (settings.decideByRatio) {
      row.verdict = direction;
    } else {
      row.verdict = 'undecided';
      row.neededRepetitions = repetitionsToReach(levelOf(settings.confidence));
    }
    return row;
  }
  row.verdict = decideByTest(statistics, worse, direction, settings, row);
  return row;
}

/** The verdict of a row beyond tolerance over repetitions: the exact test at the level 1 - confidence decides. */
function decideByTest(statistics: RowStatistics | undefined, worse: boolean, direction: MetricVerdict, settings: Settings, row: MetricComparison): MetricVerdict {
  const alpha = levelOf(settings.confidence);
  if (statistics === undefined || statistics.smallestPValue > alpha) {
    row.neededRepetitions = repetitionsToReach(alpha);
    return 'undecided';
  }
  const pValue = worse ? statistics.worsePValue : statistics.betterPValue;
  return pValue <= alpha ? direction : 'not-significant';
}

/**
 * The one-sided exact tests of a row. "Worse by more than the tolerance" scales the candidate's values back by
 * the tolerance first (divided by 1 + t for a figure that is worse when higher), so that a candidate exactly at
 * the tolerance is exchangeable with the baseline and the test's level holds there; "better" likewise.
 */
function testRepetitions(metric: ComparedMetric, baselineValues: number[], candidateValues: number[], toleranceFraction: number, seed: number): RowStatistics {
  const up = candidateValues.map((value) => value / (1 + toleranceFraction));
  // A drop by the whole tolerance or more (t >= 1) cannot be shown by values that cannot go below 0.
  const down = toleranceFraction < 1 ? candidateValues.map((value) => value / (1 - toleranceFraction)) : undefined;
  const higherByMore = permutationTest(baselineValues, up, 'greater', seed);
  const lowerByMore = down === undefined ? undefined : permutationTest(baselineValues, down, 'less', seed);
  const worse = metric.worseWhen === 'higher' ? higherByMore : lowerByMore;
  const better = metric.worseWhen === 'higher' ? lowerByMore : higherByMore;
  return {
    baselineRuns: baselineValues.length,
    candidateRuns: candidateValues.length,
    worsePValue: worse?.pValue ?? 1,
    betterPValue: better?.pValue ?? 1,
    smallestPValue: higherByMore.method === 'exact' ? smallestOneSidedPValue(baselineValues.length, candidateValues.length) : higherByMore.smallestPValue,
    method: higherByMore.method,
    baselineRange: [Math.min(...baselineValues), Math.max(...baselineValues)],
    candidateRange: [Math.min(...candidateValues), Math.max(...candidateValues)],
  };
}

function formatFraction(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}

/** Compares `candidate` with `baseline` (see the file comment); throws bad input for an unknown `--metric`. */
export function compareResults(baseline: RunResult, candidate: RunResult, options: CompareOptions = {}): Comparison {
  const settings: Settings = {
    toleranceByMetric: options.toleranceByMetric ?? {},
    confidence: options.confidence ?? DEFAULT_CONFIDENCE,
    minLatencyChangeUs: options.minLatencyChangeUs ?? DEFAULT_MIN_LATENCY_CHANGE_US,
    decideByRatio: options.decideByRatio ?? false,
    seed: options.seed ?? 1,
  };
  if (options.toleranceFraction !== undefined) settings.toleranceFraction = options.toleranceFraction;
  const baselineSide = sideOf(baseline);
  const candidateSide = sideOf(candidate);
  const mode: ComparisonMode = baselineSide.repetitions !== undefined && candidateSide.repetitions !== undefined ? 'repetitions' : 'single';
  const metrics = selectMetrics(options.metrics ?? [], [baselineSide.whole, candidateSide.whole]);
  const rows = metrics.map((metric) => compareMetric(metric, baselineSide, candidateSide, mode, settings));
  const bounds = options.environmentBounds ?? DEFAULT_ENVIRONMENT_BOUNDS;
  const environment = bounds === false ? [] : environmentDifferences(baseline, candidate, bounds);
  if (environment.length > 0) {
    for (const row of rows) if (row.verdict === 'regression') row.verdict = 'environment-differs';
  }
  const notes = decisionNotes(mode, baselineSide, candidateSide, settings, rows);
  if (environment.length > 0) {
    notes.push(`The two sides ran on machines in different states, so no change is called a regression: ${environment.join('; ')}. Compare runs from one job, best interleaved (compare --run).`);
  }
  if (baseline.scenario.name !== candidate.scenario.name) {
    notes.push(`The results ran different scenarios (${baseline.scenario.name} and ${candidate.scenario.name}).`);
  } else if (baseline.scenario.text !== candidate.scenario.text || baseline.scenario.overrides.join('\n') !== candidate.scenario.overrides.join('\n')) {
    notes.push('The scenario text or its overrides differ between the two results.');
  }
  for (const [label, result] of [['baseline', baseline], ['candidate', candidate]] as const) {
    if (result.status !== 'completed') notes.push(`The ${label} run did not complete (${result.status}): its figures cover part of the schedule.`);
  }
  const comparison: Comparison = {
    mode,
    confidence: settings.confidence,
    minLatencyChangeUs: settings.minLatencyChangeUs,
    baseline: describeSide(baseline, options.baselineLabel ?? 'baseline'),
    candidate: describeSide(candidate, options.candidateLabel ?? 'candidate'),
    rows,
    regressions: rows.filter((row) => row.verdict === 'regression').map((row) => row.id),
    notes,
    environmentDifferences: environment,
  };
  if (settings.toleranceFraction !== undefined) comparison.toleranceFraction = settings.toleranceFraction;
  return comparison;
}

/** The test's level 1 - confidence, rounded so that 1 - 0.95 is 0.05 and a p of exactly 1/20 reaches it. */
function levelOf(confidence: number): number {
  return Number((1 - confidence).toPrecision(12));
}

/** How the rows were decided, in sentences, and what weakens the decision. */
function decisionNotes(mode: ComparisonMode, baseline: Side, candidate: Side, settings: Settings, rows: readonly MetricComparison[]): string[] {
  const notes: string[] = [];
  const alpha = levelOf(settings.confidence);
  const level = formatFraction(alpha);
  const tolerance = settings.toleranceFraction === undefined ? "each metric's tolerance (column tol)" : `the tolerance of ${formatFraction(settings.toleranceFraction)}`;
  if (mode === 'repetitions') {
    notes.push(
      `Decided over ${baseline.repetitions?.length} baseline and ${candidate.repetitions?.length} candidate repetitions: a change is a regression when ` +
        `the medians differ by more than ${tolerance} and an exact permutation test shows the candidate worse by more than it at the ${level} level ` +
        `(p <= ${formatFraction(alpha)}; noise alone flags one metric at most ${level} of the time).`,
    );
  } else {
    const single = [baseline.repetitions === undefined ? 'the baseline' : '', candidate.repetitions === undefined ? 'the candidate' : '']
      .filter((text) => text !== '')
      .join(' and ');
    const verb = single.includes(' and ') ? 'are' : 'is';
    notes.push(
      settings.decideByRatio
        ? `Single runs (${single} ${verb} one run): significance cannot be judged, so the ratio alone decides against ${tolerance} (--decide-by-ratio).`
        : `Single runs (${single} ${verb} one run): noise cannot be told from change, so a change beyond ${tolerance} is undecided. Run both with --repeat ${repetitionsToReach(alpha)} or more.`,
    );
  }
  const undecided = rows.filter((row) => row.verdict === 'undecided');
  if (undecided.length > 0) {
    const needed = Math.max(...undecided.map((row) => row.neededRepetitions ?? 0));
    notes.push(`Not enough repetitions to decide ${undecided.length} metric${undecided.length === 1 ? '' : 's'} beyond tolerance (needs ${needed} per side at the ${level} level).`);
  }
  notes.push(`Latency changes below ${settings.minLatencyChangeUs / 1000}ms are treated as within tolerance.`);
  return notes;
}
