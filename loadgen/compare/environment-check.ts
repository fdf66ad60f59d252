/**
 * Did the two sides of a comparison run on machines in comparable states? Over six pairs of same-commit results
 * run back to back on a shared 2-core machine, five were judged regressions because the machine's load differed
 * between the two runs. This check reads what each result recorded (RunResult.conditions, per repetition when
 * there are repetitions) and names every difference beyond its bound; `compare` then does not call a regression.
 * When the two sides' runs were interleaved in time (`compare --run`), the machine's drift fell on both alike and
 * is part of the noise that the exact test already weighs: only what differs by side is checked then (the machine,
 * Node.js, a saturated load generator), not the readings that vary from moment to moment.
 */
import { combineConditions } from '../machine-conditions.js';
import type { MachineConditions, RunResult } from '../run-result.js';

/** How far the two sides may differ before the comparison is not trusted to call a regression. */
export interface EnvironmentBounds {
  /** Slower side's calibration time over the faster's (1.25 = 25% slower). Default 1.25. */
  calibrationRatio: number;
  /** Difference of the mean 1-minute load averages, per core. Default 0.5 (1.0 on 2 cores). */
  loadAveragePerCore: number;
  /** Difference of the CPU steal shares, 0..1. Default 0.05. */
  stealFraction: number;
  /** Share of a side's seconds in which the load generator may have been saturated. Default 0.1. */
  saturatedShare: number;
}

export const DEFAULT_ENVIRONMENT_BOUNDS: EnvironmentBounds = {
  calibrationRatio: 1.25,
  loadAveragePerCore: 0.5,
  stealFraction: 0.05,
  saturatedShare: 0.1,
};

/** A side's conditions: its repetitions' combined, or its own. */
function conditionsOf(result: RunResult): MachineConditions | undefined {
  if (result.repetitions !== undefined && result.repetitions.length > 0) {
    return combineConditions(result.repetitions.map((repetition) => repetition.conditions));
  }
  return result.conditions;
}

/** Start times of a side's runs, epoch ms: its repetitions', or its own. */
function runStartsMs(result: RunResult): number[] {
  const starts = result.repetitions !== undefined && result.repetitions.length > 0 ? result.repetitions.map((repetition) => repetition.startedAt) : [result.startedAt];
  return starts.map((startedAt) => Date.parse(startedAt)).filter((ms) => Number.isFinite(ms));
}

/** True when each side has a run that started between two runs of the other: the sides ran interleaved. */
export function ranInterleaved(baseline: RunResult, candidate: RunResult): boolean {
  const a = runStartsMs(baseline);
  const b = runStartsMs(candidate);
  if (a.length < 2 || b.length < 2) return false;
  return Math.min(...a) < Math.max(...b) && Math.min(...b) < Math.max(...a);
}

/** The calibration of a side: the mean of its before and after, ms. */
function calibrationMs(conditions: MachineConditions): number {
  return (conditions.calibrationBeforeMs + conditions.calibrationAfterMs) / 2;
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/**
 * The differences between the baseline's and the candidate's environment beyond `bounds`, each a sentence; empty
 * when they are comparable. A result without recorded conditions (written by an older sio-bench) is compared on
 * its machine description alone.
 */
export function environmentDifferences(baseline: RunResult, candidate: RunResult, bounds: EnvironmentBounds = DEFAULT_ENVIRONMENT_BOUNDS): string[] {
  const differences: string[] = [];
  const a = baseline.environment;
  const b = candidate.environment;
  if (a.cpuModel !== b.cpuModel || a.cpuCount !== b.cpuCount) {
    differences.push(`different machines: ${a.cpuCount} × ${a.cpuModel} (baseline) and ${b.cpuCount} × ${b.cpuModel} (candidate)`);
  }
  if (a.nodeVersion !== b.nodeVersion) differences.push(`different Node.js: ${a.nodeVersion} (baseline) and ${b.nodeVersion} (candidate)`);
  const before = conditionsOf(baseline);
  const after = conditionsOf(candidate);
  if (before === undefined || after === undefined) return differences;
  if (!ranInterleaved(baseline, candidate)) differences.push(...driftDifferences(before, after, bounds));
  for (const [label, conditions, result] of [['baseline', before, baseline], ['candidate', after, candidate]] as const) {
    const seconds = Math.max(1, Math.round(result.durationMs / 1000));
    if (conditions.saturatedSeconds / seconds > bounds.saturatedShare) {
      differences.push(
        `the load generator was saturated in ${conditions.saturatedSeconds} of the ${label}'s ${seconds} s (bound ${fixed(bounds.saturatedShare * 100, 0)}%): its latencies include its own queueing`,
      );
    }
  }
  return differences;
}

/** The readings that move with the machine's moment: calibration, load average, steal. */
function driftDifferences(before: MachineConditions, after: MachineConditions, bounds: EnvironmentBounds): string[] {
  const differences: string[] = [];
  const slow = Math.max(calibrationMs(before), calibrationMs(after));
  const quick = Math.min(calibrationMs(before), calibrationMs(after));
  if (quick > 0 && slow / quick > bounds.calibrationRatio) {
    const slower = calibrationMs(before) > calibrationMs(after) ? 'baseline' : 'candidate';
    differences.push(
      `the machine was ${fixed((slow / quick - 1) * 100, 0)}% slower during the ${slower} (calibration ${fixed(calibrationMs(before), 1)} ms and ` +
        `${fixed(calibrationMs(after), 1)} ms; bound ${fixed((bounds.calibrationRatio - 1) * 100, 0)}%)`,
    );
  }
  const cores = Math.max(1, Math.min(before.cpuCount, after.cpuCount));
  const loadDifference = Math.abs(before.loadAverageMean - after.loadAverageMean);
  if (loadDifference > bounds.loadAveragePerCore * cores) {
    differences.push(
      `the load average differed by ${fixed(loadDifference, 2)} (${fixed(before.loadAverageMean, 2)} baseline, ${fixed(after.loadAverageMean, 2)} candidate; ` +
        `bound ${fixed(bounds.loadAveragePerCore * cores, 2)} on ${cores} cores)`,
    );
  }
  if (before.stealFraction !== undefined && after.stealFraction !== undefined && Math.abs(before.stealFraction - after.stealFraction) > bounds.stealFraction) {
    differences.push(
      `CPU steal differed: ${fixed(before.stealFraction * 100, 1)}% baseline, ${fixed(after.stealFraction * 100, 1)}% candidate (bound ${fixed(bounds.stealFraction * 100, 0)} points)`,
    );
  }
  return differences;
}
