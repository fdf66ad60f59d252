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
