/**
 * `sio-bench run --repeat N`: runs one scenario N times, one after another, each against a fresh target (the
 * built-in server is started anew by every run), and merges the runs into one result that keeps each one.
 */
import { runScenario } from '../engine/coordinator.js';
import type { RunScenarioOptions } from '../engine/run-scenario-options.js';
import type { RunResult } from '../run-result.js';
import { seriesRunReporter } from './series-reporter.js';
import { mergeRepetitions } from './merge-repetitions.js';

/** Options of {@link runRepeated}: those of a single run, plus how many times. */
export interface RunRepeatedOptions extends RunScenarioOptions {
  /** Number of runs, a positive integer. */
  repeat: number;
  /** Runs one repetition; default runScenario (tests and callers may substitute it). */
  runOnce?: (options: RunScenarioOptions) => Promise<RunResult>;
}

/**
 * Runs the scenario `repeat` times and merges the results (see mergeRepetitions). Before each repetition it
 * sends `repetition i/N` to `notice`, and the live view's message says which repetition it shows. The reporter
 * is shared by every repetition and is not finished here: the caller finishes it once with the merged result.
 * A stop request (or `signal`) ends the current repetition and skips the rest; a failed repetition also ends
 * the series, since the next one would most likely fail the same way.
 */
export async function runRepeated(options: RunRepeatedOptions): Promise<RunResult> {
  const { repeat, runOnce = runScenario, ...single } = options;
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`repeat must be a positive integer (got ${repeat})`);
  let stopRequested = false;
  let stopCurrent: (() => void) | undefined;
  options.reporter.onStopRequest(() => {
    stopRequested = true;
    stopCurrent?.();
  });
  const results: RunResult[] = [];
  for (let index = 1; index <= repeat; index++) {
    // The first repetition always runs, so there is a result to return (it ends at once when already stopped).
    if (index > 1 && (stopRequested || options.signal?.aborted === true)) break;
    const label = `repetition ${index}/${repeat}`;
    options.notice?.(label);
    const series = seriesRunReporter(options.reporter, label);
    stopCurrent = series.stop;
    const reporter = series.reporter;
    const result = await runOnce({ ...single, reporter });
    results.push(result);
    if (result.status !== 'completed') break;
  }
  return mergeRepetitions(results, options.loaded.scenario.thresholds);
}

/**
 * The function that runs a scenario once (`repeat` 1: runScenario itself) or `repeat` times into one merged
 * result (runRepeated), for callers that otherwise treat both alike.
 */
export function repeatedRunner(repeat: number): (options: RunScenarioOptions) => Promise<RunResult> {
  return repeat === 1 ? runScenario : (options) => runRepeated({ ...options, repeat });
}
