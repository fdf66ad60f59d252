/**
 * The RunResult of a run that has ended, from what the coordinator measured: its status (completed, interrupted,
 * failed), verdict, phases (cut where the run stopped), and warnings. Pure: the books are settled and the
 * totals and thresholds taken before it is called.
 */
import type { LoadedScenario } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunTotals } from '../measure/run-accumulator.js';
import { RUN_RESULT_VERSION, type PhaseRecord, type RunResult, type SeriesPoint, type ServerSample, type ThresholdResult } from '../run-result.js';
import type { FanoutJudgement } from './delivery-books.js';
import { fanoutWarnings } from './fanout-warnings.js';
import type { PlannedPhase } from './run-plan.js';

/** The result's target: the scenario's URL, or where the built-in server listened ('' if it never did). */
export function targetInfo(target: Scenario['target'], builtinUrl: string): RunResult['target'] {
  return target.kind === 'builtin' ? { kind: 'builtin', url: builtinUrl } : { kind: 'url', url: target.url };
}

/** What a finished run's result is made of. */
export interface RunResultInputs {
  loaded: Pick<LoadedScenario, 'scenario' | 'file' | 'text' | 'overrides'>;
  target: RunResult['target'];
  environment: RunResult['environment'];
  startedAt: Date;
  endedAt: Date;
  /** From the run's time zero to its end, ms (0 when it never started). */
  durationMs: number;
  phases: ReadonlyArray<Pick<PlannedPhase, 'name' | 'startMs' | 'durationMs'>>;
  /** The last second merged into the series. */
  lastClosedSec: number;
  totals: RunTotals;
  series: SeriesPoint[];
  server: ServerSample[];
  /** The thresholds judged on `totals` at the end. */
  thresholds: ThresholdResult[];
  /** The warnings gathered during the run, in order. */
  warnings: readonly string[];
  fanoutJudgements: readonly FanoutJudgement[];
  /** The load generator's own saturation (saturation-tally.ts), when any second was saturated. */
  saturationWarning: string | undefined;
  /** Why the run failed, when it did. */
  failure: RunResult['failure'];
  /** The user stopped the run. */
  interrupted: boolean;
}

/** The result of a run that has ended; a failure outranks an interruption. */
export function buildRunResult(inputs: RunResultInputs): RunResult {
  const { durationMs, failure, interrupted, lastClosedSec, thresholds } = inputs;
  const status: RunResult['status'] = failure ? 'failed' : interrupted ? 'interrupted' : 'completed';
  const phases: PhaseRecord[] = inputs.phases
    .filter((phase) => phase.startMs < lastClosedSec * 1000 || status === 'completed')
    .map((phase) => ({
      name: phase.name,
      startMs: phase.startMs,
      durationMs: phase.durationMs,
      status: status !== 'completed' && phase.startMs + phase.durationMs > durationMs ? 'cut' : 'completed',
    }));
  const warnings = [...inputs.warnings, ...fanoutWarnings(inputs.fanoutJudgements)];
  if (inputs.saturationWarning !== undefined) warnings.push(inputs.saturationWarning);
  const { scenario } = inputs.loaded;
  const result: RunResult = {
    version: RUN_RESULT_VERSION,
    status,
    verdict: status === 'completed' && thresholds.every((threshold) => threshold.passed) ? 'passed' : 'failed',
    scenario: {
      name: scenario.name,
      file: inputs.loaded.file,
      text: inputs.loaded.text,
      overrides: [...inputs.loaded.overrides],
      effective: scenario,
    },
    target: inputs.target,
    client: scenario.client,
    transport: scenario.transport,
    environment: inputs.environment,
    startedAt: inputs.startedAt.toISOString(),
    endedAt: inputs.endedAt.toISOString(),
    durationMs: Math.round(durationMs),
    phases,
    totals: inputs.totals,
    series: inputs.series,
    server: inputs.server,
    thresholds,
    warnings,
  };
  if (failure) result.failure = failure;
  else if (interrupted) result.failure = { kind: 'interrupted', message: 'the run was stopped before its phases ended' };
  return result;
}
