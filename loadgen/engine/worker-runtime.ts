/**
 * Drives one worker's share of the population: the connection lifecycle of its clients on the plan's schedule
 * (connect, planned and churn disconnects, reconnects after a loss, the stop) and the wiring of the pieces it
 * orchestrates: lifecycle-events.ts (the connect ramp), reconnects.ts, connection-drain.ts, connection-counts.ts,
 * interval-report.ts (what the coordinator gets each second); action-slots.ts, room-membership.ts,
 * action-performer.ts and event-receiver.ts (what the clients send and receive).
 */
import type { CreateVirtualClient, VirtualClient } from '../client/virtual-client.js';
import { sourcePortPools } from '../client/source-ports.js';
import type { Clock } from '../measure/clock.js';
import { channelsOf } from '../measure/delivery-channels.js';
import type { MissingCause } from '../measure/membership-window.js';
import { WorkerMetrics } from '../measure/worker-metrics.js';
import { ScheduleQueue } from '../schedule/schedule-queue.js';
import { shiftedClock } from '../shard/epoch-clock.js';
import { ActionPerformer } from './action-performer.js';
import { ActionSlots } from './action-slots.js';
import { ClientConnectOptions } from './client-options.js';
import { countConnected, countConnectFailure } from './connect-metrics.js';
import { ConnectionCounts } from './connection-counts.js';
import { ConnectionDrain } from './connection-drain.js';
import { ConnectionHandlers, type LostConnectionHandler } from './connection-handlers.js';
import { DeliveryRecorder } from './delivery-recorder.js';
import { DueTimer } from './due-timer.js';
import { EventReceiver } from './event-receiver.js';
import { IntervalReport } from './interval-report.js';
import { HealthMonitor } from './loadgen-health.js';
import { LifecycleEvent, queuePlannedLifetimes } from './lifecycle-events.js';
import { PeerCursor } from './peer-cursor.js';
import type { WorkerTask, WorkerToCoordinator } from './messages.js';
import type { ReceiverConnection } from './receiver-connection.js';
import { Reconnects } from './reconnects.js';
import { RoomMembership } from './room-membership.js';
import { RunTimeline } from './run-timeline.js';
import { planRun, type RunPlan } from './run-plan.js';
import { ClientState, type SimClient } from './sim-client.js';
import { createWorkerClients } from './worker-clients.js';

export interface WorkerRuntimeDeps {
  task: WorkerTask;
  clock: Clock;
  createClient: CreateVirtualClient;
  post: (message: WorkerToCoordinator) => void;
}

export class WorkerRuntime {
  private readonly plan: RunPlan;
  private readonly metrics = new WorkerMetrics();
  private readonly health = new HealthMonitor();
  private readonly delivery: DeliveryRecorder;
  private readonly receiver: EventReceiver;
  private readonly actions: ActionPerformer;
  private readonly rooms: RoomMembership;
  private readonly connectOptions: ClientConnectOptions;
  private readonly queue = new ScheduleQueue();
  private readonly sims: SimClient[];
  private readonly slots: ActionSlots;
  private readonly counts = new ConnectionCounts();
  private readonly drain: ConnectionDrain;
  private readonly reconnects: Reconnects;
  private readonly report: IntervalReport;
  private readonly timeline = new RunTimeline();
  private readonly timer: DueTimer;
  private stopping = false;
  private finished: (() => void) | undefined;

  constructor(private readonly deps: WorkerRuntimeDeps) {
    const { scenario, workerId, workerCount } = deps.task;
    this.plan = planRun(scenario);
    this.delivery = new DeliveryRecorder(this.metrics, channelsOf(scenario, this.plan.totalClients), scenario.drainMs * 1000);
    const shard = deps.task.shard ?? { index: 0, count: 1 };
    if (deps.task.clockOffsetUs) this.deps = { ...deps, clock: shiftedClock(deps.clock, deps.task.clockOffsetUs) };
    this.sims = createWorkerClients(scenario, this.plan.totalClients, shard, workerId, workerCount);
    this.timer = new DueTimer(this.queue, this.deps.clock, this.visit);
    this.drain = new ConnectionDrain(this.delivery, this.deps.clock);
    this.reconnects = new Reconnects(scenario.reconnect, { metrics: this.metrics, clock: this.deps.clock, queue: this.queue, armTimer: () => this.timer.arm() });
    this.receiver = new EventReceiver(scenario.actions, this.metrics, this.delivery, this.deps.clock);
    const peers = new PeerCursor(this.sims);
    this.actions = new ActionPerformer(scenario.actions, {
      metrics: this.metrics,
      delivery: this.delivery,
      clock: this.deps.clock,
      churn: (sim, reconnectDelayMs) => {
        const nowUs = this.deps.clock.nowUs();
        this.closeClient(sim, nowUs, this.deps.task.scenario.drainMs);
        this.reconnects.at(this.sims.indexOf(sim), nowUs + Math.round(reconnectDelayMs * 1000));
      },
      peerOf: (sim) => peers.next(sim),
    });
    this.slots = new ActionSlots(scenario, this.plan, this.sims, {
      metrics: this.metrics,
      clock: this.deps.clock,
      queue: this.queue,
      actions: this.actions,
      atUs: (ms) => this.timeline.atUs(ms),
      msAt: (us) => this.timeline.msAt(us),
      stopping: () => this.stopping,
      armTimer: () => this.timer.arm(),
    });
    this.rooms = new RoomMembership(scenario, {
      metrics: this.metrics,
      delivery: this.delivery,
      clock: this.deps.clock,
      actions: this.actions,
      stopping: () => this.stopping,
      plannedDisconnect: (sim) => this.plannedDisconnect(sim),
    });
    // Source ports: this worker's own slice of each address's range.
    const sourcePorts = sourcePortPools(deps.task.sourceAddresses, shard.index * workerCount + workerId, shard.count * workerCount);
    this.connectOptions = new ClientConnectOptions(deps.task, sourcePorts, this.deps.clock);
    this.report = new IntervalReport({
      workerId,
      sims: this.sims,
      metrics: this.metrics,
      wireBytes: this.connectOptions.wireBytes,
      health: this.health,
      receiver: this.receiver,
      delivery: this.delivery,
      counts: this.counts,
      clock: this.deps.clock,
      timeline: this.timeline,
      post: this.deps.post,
    });
  }

  /** Number of clients of this worker. */
  get clientCount(): number {
    return this.sims.length;
  }

  /** Starts the schedule at runStartUs; resolves when the worker has stopped and sent its last interval. */
  run(runStartUs: number): Promise<void> {
    this.timeline.startAt(runStartUs);
    this.delivery.startAt(runStartUs);
    queuePlannedLifetimes(this.deps.task.scenario, this.plan, this.sims, this.queue, this.timeline, (slot, connectMs) => this.slots.scheduleFirst(slot, connectMs));
    for (const leaveMs of this.plan.leaveAtMs) {
      setTimeout(() => this.rooms.leaveAll(this.sims), Math.max(0, (this.timeline.atUs(leaveMs) - this.deps.clock.nowUs()) / 1000)).unref();
    }
    this.timer.arm();
    this.report.start(this.deps.task.intervalMs, () => {
      if (this.timeline.msAt(this.deps.clock.nowUs()) >= this.plan.endMs) this.stop();
    });
    return new Promise((resolve) => {
      this.finished = resolve;
    });
  }

  /** Ends the run now (interrupt or coordinator request): disconnects everyone, sends the last interval. */
  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.timer.stop();
    // No drain: what the connections still expected in flight is counted as such, not as lost.
    const nowUs = this.deps.clock.nowUs();
    for (const sim of this.sims) {
      if (sim.state === ClientState.open || sim.state === ClientState.connecting) this.closeClient(sim, nowUs, 0, 'inFlightAtStop');
    }
    this.drain.stop(nowUs);
    this.report.postLast();
    this.health.stop();
    this.metrics.destroy();
    this.deps.post({ type: 'done', workerId: this.deps.task.workerId });
    this.finished?.();
  }

  private readonly visit = (dueUs: number, slot: number, code: number): void => {
    if (this.stopping) return;
    const sim = this.sims[slot]!;
    switch (code) {
      case LifecycleEvent.connect:
        this.counts.want(sim);
        this.connect(sim, dueUs, false);
        return;
      case LifecycleEvent.disconnect:
        this.counts.unwant(sim);
        this.reconnects.lost.forget(sim.index);
        // Leave first, then disconnect: a client still leaving its rooms goes when the last leave has settled.
        if (sim.leavesPending > 0) sim.disconnectAfterLeaves = true;
        else this.plannedDisconnect(sim);
        return;
      case LifecycleEvent.reconnect: {
        if (!sim.wanted || sim.state !== ClientState.closed) return;
        this.connect(sim, dueUs, true);
        // After a fault, reconnect time counts from the moment the client lost its connection.
        const lostUs = this.reconnects.lost.lostAt(sim.index);
        if (lostUs !== undefined) sim.reconnectStartUs = lostUs;
        return;
      }
      default:
        this.slots.fire(sim, slot, code, dueUs);
    }
  };

  private connect(sim: SimClient, intendedUs: number, isReconnect: boolean): void {
    const startUs = this.deps.clock.nowUs();
    if (isReconnect) sim.reconnectStartUs = startUs;
    this.counts.setState(sim, ClientState.connecting);
    const receiver = this.delivery.connection(sim.index, sim.connections);
    sim.connections += 1;
    sim.connection = receiver;
    // The server may route a direct (or a message to everyone) to the new socket in the same read as its CONNECT
    // ack, before the window opens: a message sent before the window, neither expected nor unexpected.
    const connectChannels = this.delivery.channels.connectChannels(sim.index);
    for (const channel of connectChannels) receiver.expect(channel);
    this.metrics.count('connectAttempts');
    const handlers = new ConnectionHandlers(this.receiver, this.onLost, sim, receiver);
    const client = this.deps.createClient(this.connectOptions.of(sim.index), handlers);
    handlers.client = client;
    sim.client = client;
    client.connect().then(
      () => this.onConnected(sim, client, receiver, intendedUs, startUs, isReconnect),
      (error: unknown) => this.onConnectFailed(sim, client, receiver, error),
    );
  }

  private onConnected(sim: SimClient, client: VirtualClient, receiver: ReceiverConnection, intendedUs: number, startUs: number, isReconnect: boolean): void {
    if (sim.client !== client) return;
    const nowUs = this.deps.clock.nowUs();
    if (this.stopping || !sim.wanted) {
      client.disconnect();
      this.delivery.endConnection(receiver, nowUs);
      this.counts.setState(sim, ClientState.closed);
      return;
    }
    this.counts.setState(sim, ClientState.open);
    sim.connectedUs = nowUs;
    if (isReconnect) this.reconnects.lost.forget(sim.index);
    countConnected(this.metrics, nowUs, intendedUs, startUs, isReconnect ? sim.reconnectStartUs : undefined);
    this.delivery.connected(receiver, nowUs);
    this.rooms.joinAll(sim, receiver);
    this.actions.performOneShotCustoms(sim);
  }

  private onConnectFailed(sim: SimClient, client: VirtualClient, receiver: ReceiverConnection, error: unknown): void {
    this.delivery.endConnection(receiver, this.deps.clock.nowUs());
    // A connect cut short by the load generator itself (a planned disconnect, the end of the run) is no failure.
    if (sim.client !== client || sim.state !== ClientState.connecting) return;
    countConnectFailure(this.metrics, error);
    if (this.reconnects.lost.lostAt(sim.index) !== undefined && this.retryAfterLoss(sim)) return;
    this.counts.setState(sim, ClientState.failed);
  }

  private readonly onLost: LostConnectionHandler = (sim, client, receiver, reason) => this.onServerDisconnect(sim, client, receiver, reason);

  private onServerDisconnect(sim: SimClient, client: VirtualClient, receiver: ReceiverConnection, reason: string): void {
    const nowUs = this.deps.clock.nowUs();
    if (this.drain.serverClosed(receiver, nowUs)) return;
    if (sim.client !== client || sim.state !== ClientState.open) return;
    this.metrics.count('disconnects');
    this.metrics.disconnect(reason);
    this.delivery.endConnection(receiver, nowUs, 'undeliverable');
    this.failPendingReplies(sim);
    sim.connectedUs = -1;
    this.counts.setState(sim, ClientState.closed);
    if (this.reconnects.retriesLosses && !this.stopping && sim.wanted) {
      this.reconnects.lost.lose(sim.index, nowUs);
      this.retryAfterLoss(sim);
    }
  }

  /** The next reconnect attempt of a client lost to a fault, if the run still wants it: whether one was queued. */
  private retryAfterLoss(sim: SimClient): boolean {
    if (this.stopping || !sim.wanted || !this.reconnects.retry(sim.index, this.sims.indexOf(sim))) return false;
    this.counts.setState(sim, ClientState.closed);
    return true;
  }

  /** The plan's disconnect of a client: drained, unless it is not connected at all. */
  private plannedDisconnect(sim: SimClient): void {
    sim.disconnectAfterLeaves = false;
    if (sim.state === ClientState.open || sim.state === ClientState.connecting) this.closeClient(sim, this.deps.clock.nowUs(), this.deps.task.scenario.drainMs);
  }

  /** A disconnect the load generator chose (plan, churn, stop), with its drain (connection-drain.ts). */
  private closeClient(sim: SimClient, nowUs: number, drainMs = 0, cause?: MissingCause): void {
    this.failPendingReplies(sim);
    sim.connectedUs = -1;
    // State first: disconnect() fails the pending acks synchronously, and their callbacks must see a closed client.
    this.counts.setState(sim, ClientState.closed);
    const client = sim.client;
    const receiver = sim.connection;
    if (client && receiver) this.drain.close(client, receiver, nowUs, drainMs, cause);
  }

  private failPendingReplies(sim: SimClient): void {
    if (sim.pendingReplies) sim.pendingReplies.length = 0;
  }
}
