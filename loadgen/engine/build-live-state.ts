/**
 * The live view's snapshot after one merged second (live-state.ts), from what the coordinator holds at that
 * moment. Pure: every figure is passed in, so the phase and run statuses can be checked on hand-made inputs.
 */
import type { LiveDelivery, LiveState } from '../live-state.js';
import type { RunTotals } from '../measure/run-accumulator.js';
import type { RunResult, SeriesPoint, ServerSample, ThresholdResult } from '../run-result.js';
import type { Scenario } from '../scenario/schema.js';
import type { PlannedPhase } from './run-plan.js';

/** Seconds of history the live view's trend lines get, oldest first. */
const LIVE_HISTORY_SECONDS = 60;

/** What one live snapshot is made of. */
export interface LiveStateInputs {
  scenario: Pick<Scenario, 'name' | 'client' | 'transport'>;
  target: RunResult['target'];
  phases: ReadonlyArray<Pick<PlannedPhase, 'name' | 'kind' | 'startMs' | 'durationMs'>>;
  /** Planned length of the whole schedule, ms. */
  totalMs: number;
  /** Time since the run start, ms. */
  elapsedMs: number;
  /** The second just merged. */
  point: SeriesPoint;
  /** Every second merged so far, oldest first. */
  series: readonly SeriesPoint[];
  /** The totals so far (histograms not needed). */
  totals: RunTotals;
  delivery: LiveDelivery;
  /** The latest server sample, when server metrics are sampled. */
  server: ServerSample | undefined;
  /** The thresholds judged on `totals`, live. */
  thresholds: ThresholdResult[];
  /** The run is ending (a stop request, a failure): a phase under way is being cut. */
  stopping: boolean;
  /** The user asked to stop. */
  interrupted: boolean;
  /** The latest notice for the user. */
  notice: string | undefined;
}

/** The snapshot the live reporter draws. */
export function buildLiveState(inputs: LiveStateInputs): LiveState {
  const { elapsedMs, point, totals, stopping } = inputs;
  return {
    scenarioName: inputs.scenario.name,
    target: inputs.target,
    client: inputs.scenario.client,
    transport: inputs.scenario.transport,
    phases: inputs.phases.map((phase) => ({
      name: phase.name,
      kind: phase.kind,
      startMs: phase.startMs,
      durationMs: phase.durationMs,
      status: elapsedMs >= phase.startMs + phase.durationMs ? 'done' : elapsedMs >= phase.startMs ? (stopping ? 'cut' : 'running') : 'pending',
    })),
    elapsedMs,
    totalMs: inputs.totalMs,
    latest: point,
    history: inputs.series.slice(-LIVE_HISTORY_SECONDS),
    connections: point.connections,
    connectRatePerSec: point.counters.connectSuccesses,
    delivery: inputs.delivery,
    errors: totals.errors,
    server: inputs.server,
    thresholds: inputs.thresholds,
    latencySoFar: totals.latency,
    status: inputs.interrupted ? 'interrupted' : stopping ? 'stopping' : 'running',
    ...(inputs.notice !== undefined ? { message: inputs.notice } : {}),
  };
}
