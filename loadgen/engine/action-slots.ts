/**
 * The rate-driven actions of one worker's clients: each client's open-model slot schedule per action (built
 * lazily, from the plan's action windows), closed loops that re-arm on each answer, and the in-flight limit
 * (`maxInFlight`): a slot that finds its client's requests all outstanding waits for the next ack, its latency
 * still counted from its intended time. A slot whose client is not connected is counted as dropped.
 */
import type { Clock } from '../measure/clock.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import { hash32 } from '../membership/prng.js';
import type { ScheduleQueue } from '../schedule/schedule-queue.js';
import type { Action } from '../scenario/action-schema.js';
import type { Scenario } from '../scenario/schema.js';
import type { ActionPerformer, RateAction } from './action-performer.js';
import { buildPayload, type ActionPayload } from './payloads.js';
import { clientLifetime, type RunPlan } from './run-plan.js';
import { ClientState, type SimClient } from './sim-client.js';
import { nextSlotMs, slotSchedule, type SlotSchedule } from './slot-times.js';

/** Most slots one client may have waiting for a free in-flight place before further ones count as dropped. */
const MAX_WAITING_SLOTS = 10_000;

export interface ActionSlotsDeps {
  metrics: WorkerMetrics;
  clock: Clock;
  /** The worker's one queue of due events: a rate action's slots carry the action's index as their code. */
  queue: ScheduleQueue;
  actions: ActionPerformer;
  /** Run time (ms since the run start) to the clock's µs, and back. */
  atUs(ms: number): number;
  msAt(us: number): number;
  stopping(): boolean;
  /** Re-arms the worker's timer after a push outside its tick. */
  armTimer(): void;
}

export class ActionSlots {
  private readonly rateActions: RateAction[];
  private readonly payloads: ActionPayload[];
  /** Per rate action: for each local client, its slot schedule (built lazily). */
  private readonly schedules: Array<Array<SlotSchedule | undefined>>;
  /** Per rate action with maxInFlight: requests outstanding per local client, and slots waiting for an ack. */
  private readonly inFlight: Array<Uint16Array | undefined>;
  private readonly waiting: Array<Map<number, number[]> | undefined>;

  constructor(
    private readonly scenario: Scenario,
    private readonly plan: RunPlan,
    /** The worker's clients by slot (filled before the run starts). */
    private readonly sims: readonly SimClient[],
    private readonly deps: ActionSlotsDeps,
  ) {
    this.rateActions = scenario.actions.filter((action): action is RateAction => 'rate' in action && action.rate !== undefined);
    this.payloads = this.rateActions.map((action) => buildPayload('payload' in action ? action.payload : undefined));
    this.schedules = this.rateActions.map(() => []);
    this.inFlight = this.rateActions.map((action) => (maxInFlightOf(action) === undefined ? undefined : new Uint16Array(sims.length)));
    this.waiting = this.rateActions.map((action) => (maxInFlightOf(action) === undefined ? undefined : new Map<number, number[]>()));
  }

  /** Queues the first slot of every rate action for the client in `slot`, which connects at `connectMs`. */
  scheduleFirst(slot: number, connectMs: number): void {
    for (let actionIndex = 0; actionIndex < this.rateActions.length; actionIndex += 1) this.scheduleFirstSlot(slot, actionIndex, connectMs);
  }

  private scheduleFirstSlot(slot: number, actionIndex: number, connectMs: number): void {
    const action = this.rateActions[actionIndex]!;
    const sim = this.sims[slot]!;
    if (action.rate.kind === 'closedLoop') {
      const windows = this.plan.actionWindows.get(action.name) ?? [];
      const first = windows.find(([, endMs]) => endMs > connectMs);
      if (!first) return;
      // Each of the `concurrency` loops starts at the window start (or the connect); a loop then re-arms itself.
      for (let loop = 0; loop < action.rate.concurrency; loop += 1) {
        this.deps.queue.push(this.deps.atUs(Math.max(first[0], connectMs)), slot, actionIndex);
      }
      return;
    }
    const schedule = this.scheduleOf(slot, actionIndex);
    const lifetime = clientLifetime(this.scenario, this.plan, sim.index);
    const untilMs = lifetime?.disconnectMs ?? this.plan.phasesEndMs;
    const firstMs = nextSlotMs(schedule, connectMs, connectMs, untilMs, true);
    if (firstMs !== undefined) this.deps.queue.push(this.deps.atUs(firstMs), slot, actionIndex);
  }

  private scheduleOf(slot: number, actionIndex: number): SlotSchedule {
    const cached = this.schedules[actionIndex]![slot];
    if (cached) return cached;
    const action = this.rateActions[actionIndex]!;
    const sim = this.sims[slot]!;
    const rate = action.rate as { kind: 'perClient' | 'total'; perSec: number };
    const fraction = hash32(this.scenario.population.seed, sim.index, actionIndex) / 4294967296;
    const schedule = slotSchedule(rate, sim.index, this.plan.baseClients, fraction, this.plan.actionWindows.get(action.name) ?? []);
    this.schedules[actionIndex]![slot] = schedule;
    return schedule;
  }

  /** Serves the slot of rate action `actionIndex` due at `dueUs` for the client in `slot` (a queue event). */
  fire(sim: SimClient, slot: number, actionIndex: number, dueUs: number): void {
    const action = this.rateActions[actionIndex]!;
    const closedLoop = action.rate.kind === 'closedLoop';
    if (!closedLoop) {
      // Re-arm first: the open-model schedule does not depend on whether this slot could be served.
      const lifetime = clientLifetime(this.scenario, this.plan, sim.index);
      const untilMs = lifetime?.disconnectMs ?? this.plan.phasesEndMs;
      const nextMs = nextSlotMs(this.scheduleOf(slot, actionIndex), this.deps.msAt(dueUs), 0, untilMs);
      if (nextMs !== undefined) this.deps.queue.push(this.deps.atUs(nextMs), slot, actionIndex);
      this.deps.metrics.count('scheduledSlots');
    }
    if (sim.state !== ClientState.open || !sim.client) {
      if (!closedLoop) this.deps.metrics.count('droppedSlots');
      return;
    }
    const t0Us = closedLoop ? this.deps.clock.nowUs() : dueUs;
    const inFlight = this.inFlight[actionIndex];
    if (inFlight && !closedLoop) {
      if (inFlight[slot]! >= maxInFlightOf(action)!) {
        // Wait for an ack; the latency will still count from this slot's intended time.
        const queue = this.waiting[actionIndex]!.get(slot) ?? [];
        if (queue.length >= MAX_WAITING_SLOTS) return this.deps.metrics.count('droppedSlots');
        queue.push(t0Us);
        this.waiting[actionIndex]!.set(slot, queue);
        return;
      }
      inFlight[slot] = inFlight[slot]! + 1;
      this.deps.actions.perform(sim, action, this.payloads[actionIndex]!, t0Us, () => this.releaseInFlight(sim, slot, actionIndex));
      return;
    }
    const rearm = closedLoop ? () => this.rearmClosedLoop(slot, actionIndex) : undefined;
    this.deps.actions.perform(sim, action, this.payloads[actionIndex]!, t0Us, rearm);
  }

  /** An ack (or its failure) freed a place: send the oldest waiting slot, or forget them if the client closed. */
  private releaseInFlight(sim: SimClient, slot: number, actionIndex: number): void {
    const inFlight = this.inFlight[actionIndex]!;
    inFlight[slot] = Math.max(0, inFlight[slot]! - 1);
    const queue = this.waiting[actionIndex]!.get(slot);
    if (!queue || queue.length === 0) return;
    if (sim.state !== ClientState.open || !sim.client || this.deps.stopping()) {
      this.deps.metrics.count('droppedSlots', queue.length);
      this.waiting[actionIndex]!.delete(slot);
      return;
    }
    const t0Us = queue.shift()!;
    inFlight[slot] = inFlight[slot]! + 1;
    this.deps.actions.perform(sim, this.rateActions[actionIndex]!, this.payloads[actionIndex]!, t0Us, () => this.releaseInFlight(sim, slot, actionIndex));
  }

  private rearmClosedLoop(slot: number, actionIndex: number): void {
    const action = this.rateActions[actionIndex]!;
    if (this.deps.stopping() || action.rate.kind !== 'closedLoop') return;
    const nextMs = this.deps.msAt(this.deps.clock.nowUs()) + Math.max(action.rate.thinkTimeMs, 0);
    const windows = this.plan.actionWindows.get(action.name) ?? [];
    const window = windows.find(([startMs, endMs]) => nextMs < endMs && startMs <= nextMs + 1e9);
    if (!window) return;
    this.deps.queue.push(this.deps.atUs(Math.max(nextMs, window[0])), slot, actionIndex);
    this.deps.armTimer();
  }
}

/** The action's in-flight limit per client, for the kinds that wait for an answer. */
function maxInFlightOf(action: Action): number | undefined {
  return action.kind === 'echo' || action.kind === 'custom' ? action.maxInFlight : undefined;
}
