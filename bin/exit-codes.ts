import type { CapacityResult } from '../loadgen/capacity/capacity-result.js';
import type { Comparison } from '../loadgen/compare/comparison.js';
import type { RunResult } from '../loadgen/run-result.js';
import type { UserError } from '../loadgen/user-error.js';
import { scheduleShortfall } from '../loadgen/schedule/schedule-shortfall.js';

/** Process exit codes of every sio-bench command; the contract that CI jobs gate on. */
export const ExitCode = {
  /** The command did what was asked; for `run`, every threshold passed. */
  ok: 0,
  /** A run completed but at least one threshold (or a compare gate) failed. */
  thresholdsFailed: 1,
  /** Bad input: a scenario, a flag or a file that cannot be used. Nothing was run. */
  badInput: 2,
  /** The run could not be carried out: target unreachable, server died, worker failed. */
  runFailed: 3,
  /**
   * The run completed and its thresholds passed, but the load generator dropped scheduled actions (and no
   * `slots.dropped` threshold says how many are acceptable): the load was lower than asked, so the pass proves less.
   */
  loadShortfall: 4,
  /** The run was interrupted by SIGINT (128 + 2, as shells report it). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code of a command that ended with `error` (the one mapping from a UserError's kind). */
export function exitCodeOfError(error: UserError): ExitCodeValue {
  switch (error.kind) {
    case 'badInput':
      return ExitCode.badInput;
    case 'runFailed':
      return ExitCode.runFailed;
  }
}

/**
 * The exit code of a finished run: 0 passed, 1 a threshold failed, 3 the run failed, 4 passed on less load than
 * scheduled, 130 interrupted. A slice of
 * a sharded run (`run --shard i/n`) judged its thresholds on the slice alone, so only its outcome counts there;
 * `sio-bench merge` gates on the thresholds.
 */
export function exitCodeOfRun(result: RunResult, options: { slice?: boolean } = {}): ExitCodeValue {
  switch (result.status) {
    case 'failed':
      return ExitCode.runFailed;
    case 'interrupted':
      return ExitCode.interrupted;
    case 'completed':
      if (options.slice === true) return ExitCode.ok;
      if (result.verdict !== 'passed') return ExitCode.thresholdsFailed;
      return scheduleShortfall(result) === undefined ? ExitCode.ok : ExitCode.loadShortfall;
  }
}

/** The exit code of a comparison (`compare`, `run --baseline`): 1 when it found a regression, else 0. */
export function exitCodeOfComparison(comparison: Pick<Comparison, 'regressions'>): ExitCodeValue {
  return comparison.regressions.length > 0 ? ExitCode.thresholdsFailed : ExitCode.ok;
}

/**
 * The exit code of a finished capacity search: 0 a sustainable load was found, 1 not even the first step met the
 * objectives, 3 the first step's run could not be carried out, 130 interrupted.
 */
export function exitCodeOfCapacity(result: Pick<CapacityResult, 'stopReason' | 'analysis'>): ExitCodeValue {
  if (result.stopReason.kind === 'interrupted') return ExitCode.interrupted;
  if (result.analysis.sustainableStepIndex !== undefined) return ExitCode.ok;
  return result.stopReason.kind === 'run-failed' ? ExitCode.runFailed : ExitCode.thresholdsFailed;
}

/** What each exit code means in general; the commands say it in their own terms in their `--help`. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCodeValue, string>> = {
  [ExitCode.ok]: 'done as asked (run: every threshold passed; compare: no regression)',
  [ExitCode.thresholdsFailed]: 'a threshold failed, or compare found a regression',
  [ExitCode.badInput]: 'bad input (a scenario, a flag or a file); nothing was run',
  [ExitCode.runFailed]: 'the run could not be carried out (target unreachable, server died, worker failed)',
  [ExitCode.interrupted]: 'interrupted (SIGINT)',
  [ExitCode.loadShortfall]: 'run: every threshold passed, but the load generator dropped over 1% of the scheduled actions',
};

/**
 * The "Exit codes:" block of a `--help`, one aligned line per code: `meanings` in the order given, each a code and
 * what it means for that command (e.g. capacity's 1 is "not even the first step met the objectives").
 */
export function exitCodesHelp(meanings: ReadonlyArray<readonly [ExitCodeValue, string]>): string {
  const width = Math.max(...meanings.map(([code]) => String(code).length));
  return ['', 'Exit codes:', ...meanings.map(([code, meaning]) => `  ${String(code).padEnd(width)}  ${meaning}`)].join('\n');
}

/** The general block, for the top-level `--help`. */
export function generalExitCodesHelp(): string {
  const codes = Object.values(ExitCode);
  return exitCodesHelp(codes.map((code) => [code, EXIT_CODE_MEANINGS[code]] as const));
}
