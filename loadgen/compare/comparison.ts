/**
 * The outcome of comparing a candidate result with a baseline: one row per metric and the gate's decision.
 * Renderers (reports/compare-table.ts, reports/compare-markdown.ts) read this and nothing else.
 */
import type { MetricUnit, WorseWhen } from './compared-metrics.js';

/**
 * - regression: worse by more than the metric's tolerance, and the exact test says so at the comparison's level
 *   (or, with single runs decided by the ratio, the ratio alone)
 * - improvement: better by more than the tolerance, likewise
 * - within-tolerance: the change is inside the tolerance (or below the latency floor)
 * - not-significant: beyond the tolerance, but the repetitions do not show it is more than noise
 * - undecided: beyond the tolerance, but too few repetitions for any test to reach the level (see neededRepetitions)
 * - environment-differs: would be a regression, but the two sides ran on machines in different states (see notes)
 * - missing: only one of the two results measured it
 */
export type MetricVerdict = 'regression' | 'improvement' | 'within-tolerance' | 'not-significant' | 'undecided' | 'environment-differs' | 'missing';

/** The statistical evidence of a row, when both results carry at least two repetitions of it. */
export interface RowStatistics {
  baselineRuns: number;
  candidateRuns: number;
  /**
   * One-sided exact permutation p-value (loadgen/compare/permutation-test.ts) of "the candidate is worse than the
   * baseline by more than the tolerance": the candidate's values are first scaled back by the tolerance.
   */
  worsePValue: number;
  /** The same for "better by more than the tolerance". */
  betterPValue: number;
  /** The smallest p-value these repetition counts can give; above 1 - confidence no row can be decided. */
  smallestPValue: number;
  method: 'exact' | 'monte-carlo';
  /** Each side's lowest and highest repetition, in the metric's unit: the spread behind the medians. */
  baselineRange: [number, number];
  candidateRange: [number, number];
}

/** One compared metric. */
export interface MetricComparison {
  id: string;
  unit: MetricUnit;
  worseWhen: WorseWhen;
  /** The baseline's figure: its total, or the median over its repetitions. Absent when it was not measured. */
  baseline?: number;
  candidate?: number;
  /** candidate - baseline, in the metric's unit. */
  difference?: number;
  /**
   * (candidate - baseline) / |baseline|: 0.25 = 25% higher. When the baseline is 0 it is 0 if the candidate is
   * 0 too, else +/-Infinity.
   */
  change?: number;
  /** The tolerance this row was judged by (0.1 = 10%): the metric's default or the user's. */
  toleranceFraction: number;
  /** Present when the row was decided over repetitions. */
  statistics?: RowStatistics;
  verdict: MetricVerdict;
  /** With verdict 'undecided': the repetitions per side that could decide it. */
  neededRepetitions?: number;
}

/** Which run(s) one side of the comparison is. */
export interface ComparedSide {
  /** The file or baseline name as the user gave it. */
  label: string;
  scenarioName: string;
  startedAt: string;
  /** Number of runs: the repetitions, or 1. */
  runs: number;
  gitCommit?: string;
}

/**
 * `repetitions`: both sides have at least two repetitions, so significance was tested. `single`: at least one side
 * is one run, so significance cannot be judged: rows beyond tolerance are undecided, or decided by the ratio alone
 * when the user asked for that (`--decide-by-ratio`).
 */
export type ComparisonMode = 'repetitions' | 'single';

/** A whole comparison. */
export interface Comparison {
  mode: ComparisonMode;
  /** `--tolerance` when the user gave one (every row's tolerance), else absent: each row has its metric's default. */
  toleranceFraction?: number;
  /** The test's level is 1 - confidence: the chance that noise alone makes one metric a regression, e.g. 0.95. */
  confidence: number;
  /** Latency changes smaller than this (µs) are within tolerance whatever their ratio. */
  minLatencyChangeUs: number;
  baseline: ComparedSide;
  candidate: ComparedSide;
  rows: MetricComparison[];
  /** The ids of the rows that regressed; the gate fails when there is any. */
  regressions: string[];
  /** Sentences for the reader: how it was decided, and anything that weakens the comparison. */
  notes: string[];
  /** Ways in which the two sides' machines differed beyond the bounds of loadgen/compare/environment-check.ts. */
  environmentDifferences: string[];
}
