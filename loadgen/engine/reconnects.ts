/**
 * When a worker's clients reconnect: after a churn action's delay, and after a loss under the scenario's
 * `reconnect` policy (attempts `delayMs` apart, given up after `maxAttempts` with an error counted). Each goes
 * into the worker's queue as a reconnect event; the runtime connects the client when it is due.
 */
import type { Clock } from '../measure/clock.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { ScheduleQueue } from '../schedule/schedule-queue.js';
import type { Scenario } from '../scenario/schema.js';
import { LifecycleEvent } from './lifecycle-events.js';
import { LostClients } from './lost-clients.js';

export interface ReconnectsDeps {
  metrics: WorkerMetrics;
  clock: Clock;
  queue: ScheduleQueue;
  /** Re-arms the worker's timer after a push outside its tick. */
  armTimer(): void;
}

export class Reconnects {
  /** The clients lost to a disconnect they did not ask for, while the policy retries them. */
  readonly lost: LostClients;

  constructor(
    /** The scenario's policy; absent: a lost client stays down (and none is ever taken for lost). */
    private readonly policy: Scenario['reconnect'],
    private readonly deps: ReconnectsDeps,
  ) {
    this.lost = new LostClients(policy?.maxAttempts ?? 0);
  }

  /** Whether lost clients are retried at all. */
  get retriesLosses(): boolean {
    return this.policy !== undefined;
  }

  /** Queues the reconnect of the client in `slot` at `atUs` (monotonic µs). */
  at(slot: number, atUs: number): void {
    this.deps.queue.push(atUs, slot, LifecycleEvent.reconnect);
    this.deps.armTimer();
  }

  /**
   * Queues the next reconnect attempt of lost client `index` (in `slot`) a policy delay from now, or gives it
   * up after maxAttempts (it then counts as failed). Returns whether an attempt was queued.
   */
  retry(index: number, slot: number): boolean {
    const policy = this.policy;
    if (policy === undefined) return false;
    if (!this.lost.takeAttempt(index)) {
      this.deps.metrics.error('reconnect_gave_up', `no reconnect after ${policy.maxAttempts} attempts ${policy.delayMs} ms apart`);
      return false;
    }
    this.at(slot, this.deps.clock.nowUs() + policy.delayMs * 1000);
    return true;
  }
}
