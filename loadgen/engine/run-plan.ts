/**
 * The run plan: everything about a run's schedule that follows from the scenario alone, computed the same way in
 * the coordinator and in every worker (pure, no clock). Times are ms since the run start.
 *
 * - Base clients (0 .. clients-1) connect during the first ramp-up phase at its connect rate (default: spread
 *   over the phase); without a ramp-up phase they connect at the start of the run at DEFAULT_CONNECT_RATE.
 * - A spike phase connects `extraClients` more clients (indices after the base clients) at its connect rate and
 *   disconnects them at the end of the phase.
 * - A ramp-down phase runs `leave` at its start and disconnects the base clients evenly over its duration; with a
 *   `leave` action the disconnects begin only once the leaves have gone out (after the drain, at most half the
 *   phase), so that every membership is left while its client is still connected (a client whose leave is not
 *   yet acknowledged when its disconnect is due waits for the ack).
 * - Rate-driven actions run in the phases that list them (all phases when a phase lists none); `join` runs
 *   after every connect; `listen` is always on.
 */
import type { Action, Phase, Scenario } from '../scenario/schema.js';

/** Connect rate used when no ramp-up phase gives one, clients per second. */
export const DEFAULT_CONNECT_RATE_PER_SEC = 2000;

export interface PlannedPhase {
  name: string;
  kind: Phase['kind'];
  startMs: number;
  durationMs: number;
  /** Names of the actions active in this phase. */
  activeActions: ReadonlySet<string>;
}

/** When one client connects and disconnects, ms since the run start (disconnectMs undefined: at the end). */
export interface ClientLifetime {
  connectMs: number;
  disconnectMs: number | undefined;
}

export interface RunPlan {
  phases: PlannedPhase[];
  /** When the last phase ends (capped by maxDuration), ms. */
  phasesEndMs: number;
  /** When the run stops: the phases' end (capped by maxDuration) + drain, ms. */
  endMs: number;
  /** Base clients plus the largest spike's extra clients. */
  totalClients: number;
  baseClients: number;
  /** Time windows (ms) in which each rate-driven action is active, by action name. */
  actionWindows: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /** When `leave` runs (start of each ramp-down phase), ms. */
  leaveAtMs: number[];
}

/** Builds the plan of a (validated, overridden) scenario. */
export function planRun(scenario: Scenario): RunPlan {
  const phases: PlannedPhase[] = [];
  let cursorMs = 0;
  for (const phase of scenario.phases) {
    if (cursorMs >= scenario.maxDurationMs) break;
    const durationMs = Math.min(phase.durationMs, scenario.maxDurationMs - cursorMs);
    const names = phase.actions ?? scenario.actions.map((action) => action.name);
    phases.push({ name: phase.name, kind: phase.kind, startMs: cursorMs, durationMs, activeActions: new Set(names) });
    cursorMs += durationMs;
  }
  const phasesEndMs = cursorMs;
  // The drain follows the phases (or the cap on them): messages sent in their last moments still arrive and count.
  const endMs = Math.min(phasesEndMs, scenario.maxDurationMs) + scenario.drainMs;
  const extra = Math.max(0, ...scenario.phases.map((phase) => phase.extraClients ?? 0));

  const actionWindows = new Map<string, Array<readonly [number, number]>>();
  for (const action of scenario.actions) {
    const windows: Array<readonly [number, number]> = [];
    for (const phase of phases) {
      if (!phase.activeActions.has(action.name)) continue;
      const last = windows[windows.length - 1];
      // Adjacent phases that both run an action make one window, so its schedule does not restart.
      if (last && last[1] === phase.startMs) windows[windows.length - 1] = [last[0], phase.startMs + phase.durationMs];
      else windows.push([phase.startMs, phase.startMs + phase.durationMs]);
    }
    actionWindows.set(action.name, windows);
  }
  const leaveAtMs = phases.filter((phase) => phase.kind === 'ramp-down').map((phase) => phase.startMs);
  return {
    phases,
    phasesEndMs,
    endMs,
    totalClients: scenario.population.clients + extra,
    baseClients: scenario.population.clients,
    actionWindows,
    leaveAtMs,
  };
}

/** When client `clientIndex` connects and disconnects under `plan`. */
export function clientLifetime(scenario: Scenario, plan: RunPlan, clientIndex: number): ClientLifetime | undefined {
  const base = plan.baseClients;
  if (clientIndex < base) {
    const rampUp = plan.phases.find((phase) => phase.kind === 'ramp-up');
    const rampUpPhase = rampUp && scenario.phases.find((phase) => phase.name === rampUp.name);
    const ratePerSec =
      rampUpPhase?.connectRatePerSec ?? (rampUp ? (base * 1000) / Math.max(1, rampUp.durationMs) : DEFAULT_CONNECT_RATE_PER_SEC);
    const connectMs = (rampUp?.startMs ?? 0) + (clientIndex * 1000) / ratePerSec;
    const rampDown = plan.phases.find((phase) => phase.kind === 'ramp-down');
    const leaveLeadMs = rampDown && scenario.actions.some(isLeaving) ? Math.min(scenario.drainMs, rampDown.durationMs / 2) : 0;
    const disconnectMs = rampDown ? rampDown.startMs + leaveLeadMs + (clientIndex * (rampDown.durationMs - leaveLeadMs)) / base : undefined;
    return { connectMs, disconnectMs };
  }
  // Extra clients belong to the spike phases: each spike connects its own extras and drops them at its end.
  for (const planned of plan.phases) {
    if (planned.kind !== 'spike') continue;
    const phase = scenario.phases.find((candidate) => candidate.name === planned.name);
    const extra = phase?.extraClients ?? 0;
    const k = clientIndex - base;
    if (k >= extra) continue;
    const ratePerSec = phase?.connectRatePerSec ?? (extra * 1000) / Math.max(1, planned.durationMs / 2);
    return { connectMs: planned.startMs + (k * 1000) / ratePerSec, disconnectMs: planned.startMs + planned.durationMs };
  }
  return undefined;
}

/** A bench leave, or a custom action that leaves rooms: both run at the start of a ramp-down. */
function isLeaving(action: Action): boolean {
  return action.kind === 'leave' || (action.kind === 'custom' && action.leaves);
}

/** The phase running at `tMs` (the last one after the phases end). */
export function phaseAt(plan: RunPlan, tMs: number): PlannedPhase | undefined {
  let current: PlannedPhase | undefined;
  for (const phase of plan.phases) {
    if (phase.startMs <= tMs) current = phase;
  }
  return current;
}

/** The actions of `scenario` that are driven by a rate (or a closed loop), in scenario order. */
export function rateDrivenActions(scenario: Scenario): Action[] {
  return scenario.actions.filter((action) => 'rate' in action && action.rate !== undefined);
}
