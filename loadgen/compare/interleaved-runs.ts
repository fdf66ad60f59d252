/**
 * `sio-bench compare --run SCENARIO`: runs a baseline and a candidate target alternately in one job, A B A B ...,
 * so that what a shared machine does meanwhile (another job starting, a thermal limit, a noisy neighbour) falls on
 * both sides alike instead of on whichever ran second. Strict alternation spreads a burst that lasts a run or two
 * over both sides (balanced pairs, A B B A, would let it land on two runs of one: the A/A benchmark saw exactly
 * that); a slow drift gives the later side a bias far below the tolerances. Each side's runs merge into one result
 * with repetitions (as `run --repeat`), ready for compareResults.
 */
import { runScenario } from '../engine/coordinator.js';
import type { RunScenarioOptions } from '../engine/run-scenario-options.js';
import { seriesRunReporter } from './series-reporter.js';
import type { RunResult } from '../run-result.js';
import type { LoadedScenario } from '../scenario/load-scenario.js';
import { mergeRepetitions } from './merge-repetitions.js';

/** One side of the comparison: its scenario (with the side's own overrides) and, for another checkout, its launcher. */
export interface InterleavedSide {
  /** 'baseline' or 'candidate' and what it ran, for the notices, e.g. `baseline http://127.0.0.1:3000`. */
  label: string;
  loaded: LoadedScenario;
  /** Another checkout's bin/sio-bench.js, whose built-in server this side runs. Default: this one's. */
  serverLauncherPath?: string;
}

export type SideName = 'baseline' | 'candidate';

/** Options of {@link runInterleaved}. */
export interface InterleavedOptions extends Omit<RunScenarioOptions, 'loaded' | 'serverLauncherPath'> {
  baseline: InterleavedSide;
  candidate: InterleavedSide;
  /** Runs per side, a positive integer. */
  repeat: number;
  /** Runs one repetition; default runScenario (tests substitute it). */
  runOnce?: (options: RunScenarioOptions) => Promise<RunResult>;
}

/** What {@link runInterleaved} ran: each side's merged result (absent when it never ran) and the order of the runs. */
export interface InterleavedResults {
  baseline?: RunResult;
  candidate?: RunResult;
  order: SideName[];
}

/** The order of `repeat` runs per side: A B A B ... */
export function interleavedOrder(repeat: number): SideName[] {
  if (!Number.isInteger(repeat) || repeat < 1) throw new RangeError(`repeat must be a positive integer (got ${repeat})`);
  const order: SideName[] = [];
  for (let pair = 0; pair < repeat; pair++) order.push('baseline', 'candidate');
  return order;
}

/**
 * Runs both sides `repeat` times each, interleaved (see the file comment), and merges each side's runs. A stop
 * request (or `signal`) ends the current run and skips the rest, as does a failed run; each side then holds the
 * runs it got to (the first run always starts).
 */
export async function runInterleaved(options: InterleavedOptions): Promise<InterleavedResults> {
  const { baseline, candidate, repeat, runOnce = runScenario, ...common } = options;
  const order = interleavedOrder(repeat);
  let stopRequested = false;
  let stopCurrent: (() => void) | undefined;
  options.reporter.onStopRequest(() => {
    stopRequested = true;
    stopCurrent?.();
  });
  const results: Record<SideName, RunResult[]> = { baseline: [], candidate: [] };
  const ran: SideName[] = [];
  for (const [position, name] of order.entries()) {
    if (position > 0 && (stopRequested || options.signal?.aborted === true)) break;
    const side = name === 'baseline' ? baseline : candidate;
    const label = `run ${position + 1}/${order.length}: ${side.label} (${results[name].length + 1}/${repeat})`;
    options.notice?.(label);
    const series = seriesRunReporter(options.reporter, label);
    stopCurrent = series.stop;
    const reporter = series.reporter;
    const run: RunScenarioOptions = { ...common, loaded: side.loaded, reporter };
    if (side.serverLauncherPath !== undefined) run.serverLauncherPath = side.serverLauncherPath;
    const result = await runOnce(run);
    results[name].push(result);
    ran.push(name);
    if (result.status !== 'completed') break;
  }
  const merged: InterleavedResults = { order: ran };
  if (results.baseline.length > 0) merged.baseline = mergeRepetitions(results.baseline, baseline.loaded.scenario.thresholds);
  if (results.candidate.length > 0) merged.candidate = mergeRepetitions(results.candidate, candidate.loaded.scenario.thresholds);
  return merged;
}
