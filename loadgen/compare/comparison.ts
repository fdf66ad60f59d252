/**
 * The outcome of comparing a candidate result with a baseline: one row per metric and the gate's decision.
 * Renderers (reports/compare-table.ts, reports/compare-markdown.ts) read this and nothing else.
 */
import type { MetricUnit, WorseWhen } from './compared-metrics.js';

/**
 * - regression: worse by more than the tolerance, and significant (or, with single runs, by the ratio alone)
 * - improvement: better by more than the tolerance, and significant (or single runs)
 * - within-tolerance: the change is inside the tolerance (or below the latency floor)
 * - not-significant: beyond the tolerance, but the repetitions do not show it is more than noise
 * - missing: only one of the two results measured it
 */
export type MetricVerdict = 'regression' | 'improvement' | 'within-tolerance' | 'not-significant' | 'missing';

/** The statistical evidence of a row, when both results carry at least two repetitions of it. */
export interface RowStatistics {
  baselineRuns: number;
  candidateRuns: number;
  /** Bootstrap interval of median(candidate) - median(baseline), in the metric's unit. */
  differenceLower: number;
  differenceUpper: number;
  /** The same interval relative to the baseline median (0.1 = +10%); absent when that median is 0. */
  changeLower?: number;
  changeUpper?: number;
  /** The interval excludes zero at the comparison's confidence. */
  significant: boolean;
  /** Share of bootstrap resamples in which the candidate is worse, 0..1: how sure we are that it got worse at all. */
  shareWorse: number;
  /** Two-sided p-value of the Mann-Whitney U test over the repetitions. */
  mannWhitneyP: number;
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
  /** Present when the row was decided over repetitions. */
  statistics?: RowStatistics;
  verdict: MetricVerdict;
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
 * is one run, so significance cannot be judged and rows were decided by the ratio alone.
 */
export type ComparisonMode = 'repetitions' | 'single';

/** A whole comparison. */
export interface Comparison {
  mode: ComparisonMode;
  /** A relative change beyond this (0.1 = 10%) can be a regression. */
  toleranceFraction: number;
  /** Two-sided confidence of the intervals, e.g. 0.95. */
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
}
