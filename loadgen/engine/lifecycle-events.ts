/**
 * The connection-lifecycle events in a worker's queue of due events: their codes, and the plan's connect and
 * disconnect of each client (the connect ramp). Rate-driven actions share the queue under their action's index
 * (>= 0), so these codes are negative.
 */
import type { ScheduleQueue } from '../schedule/schedule-queue.js';
import type { Scenario } from '../scenario/schema.js';
import { clientLifetime, type RunPlan } from './run-plan.js';
import type { RunTimeline } from './run-timeline.js';
import type { SimClient } from './sim-client.js';

export const LifecycleEvent = {
  /** The plan connects the client. */
  connect: -1,
  /** The plan disconnects the client. */
  disconnect: -2,
  /** The client reconnects (after a churn action, or after a loss under the `reconnect` policy). */
  reconnect: -3,
} as const;

/**
 * Queues the plan's connect, and disconnect if it has one, of each client in `sims` (by slot) that connects
 * before the phases end, and calls `onConnectQueued(slot, connectMs)` for each such client (ms of run time).
 */
export function queuePlannedLifetimes(
  scenario: Scenario,
  plan: RunPlan,
  sims: readonly SimClient[],
  queue: ScheduleQueue,
  timeline: RunTimeline,
  onConnectQueued: (slot: number, connectMs: number) => void,
): void {
  for (let slot = 0; slot < sims.length; slot += 1) {
    const lifetime = clientLifetime(scenario, plan, sims[slot]!.index);
    if (!lifetime || lifetime.connectMs >= plan.phasesEndMs) continue;
    queue.push(timeline.atUs(lifetime.connectMs), slot, LifecycleEvent.connect);
    if (lifetime.disconnectMs !== undefined) queue.push(timeline.atUs(lifetime.disconnectMs), slot, LifecycleEvent.disconnect);
    onConnectQueued(slot, lifetime.connectMs);
  }
}
