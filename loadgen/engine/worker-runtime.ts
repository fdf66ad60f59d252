/**
 * Drives one worker's share of the population: the connection lifecycle of its clients on the plan's schedule
 * (connect, planned and churn disconnects with their drain, reconnects after a loss, the stop), one timer over a
 * min-heap of due events, and an interval snapshot plus the delivery logs posted once a second. What the clients
 * do is elsewhere: action-slots.ts (rate-driven actions), room-membership.ts (joins and leaves),
 * action-performer.ts (what an action sends), event-receiver.ts (what a received event means).
 */
import type { ClientConnectError, CreateVirtualClient, VirtualClient } from '../client/virtual-client.js';
import type { Clock } from '../measure/clock.js';
import { WorkerMetrics } from '../measure/worker-metrics.js';
import { assignRooms, pickDirectTarget } from '../membership/assign-rooms.js';
import { ScheduleQueue } from '../schedule/schedule-queue.js';
import { BENCH_ACTION_KINDS, type Action } from '../scenario/action-schema.js';
import { expandCustomArgs } from '../scenario/custom-args.js';
import { channelsOf } from '../measure/delivery-channels.js';
import { PeerCursor } from './peer-cursor.js';
import { ActionPerformer } from './action-performer.js';
import { RoomMembership } from './room-membership.js';
import { DeliveryRecorder } from './delivery-recorder.js';
import type { ReceiverConnection } from './receiver-connection.js';
import type { MissingCause } from '../measure/membership-window.js';
import { EventReceiver } from './event-receiver.js';
import { HealthMonitor } from './loadgen-health.js';
import type { WorkerTask, WorkerToCoordinator } from './messages.js';
import { clientLifetime, planRun, type RunPlan } from './run-plan.js';
import { ClientState, createSimClient, type SimClient } from './sim-client.js';
import { ActionSlots } from './action-slots.js';
import { shiftedClock } from '../shard/epoch-clock.js';
import { sourcePortPools, type SourcePortPool } from '../client/source-ports.js';

/** Queue codes for events that are not a rate-driven action (those use the action's index, >= 0). */
const CONNECT = -1;
const DISCONNECT = -2;
const RECONNECT = -3;

/** Most schedule entries (connects, sends) one timer tick handles before letting I/O and the interval timer run. */
const MAX_DUE_PER_TICK = 256;

/** How many fixed peers each client sends its directs to. */
export const DIRECT_PEERS_PER_CLIENT = 4;


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
  /** One per source address, ports of this worker's own slice. */
  private readonly sourcePorts: SourcePortPool[];
  private readonly queue = new ScheduleQueue();
  private readonly sims: SimClient[] = [];
  private readonly slots: ActionSlots;
  private readonly roomCount: number;
  /** Whether the scenario has bench-protocol actions (the bench app then learns each client's index at connect). */
  private readonly speaksBench: boolean;
  /** Connections kept open after a planned disconnect until their in-flight messages have arrived. */
  private readonly draining = new Map<ReceiverConnection, { client: VirtualClient; timer: NodeJS.Timeout }>();
  private runStartUs = 0;
  private timer: NodeJS.Timeout | undefined;
  private intervalTimer: NodeJS.Timeout | undefined;
  private intervalIndex = 0;
  private stopping = false;
  private openCount = 0;
  private connectingCount = 0;
  private failedCount = 0;
  private wantedCount = 0;
  private lastBytesSent = 0;
  private lastBytesReceived = 0;
  /** Clients lost to a disconnect they did not ask for, by client index: when it happened (monotonic µs). */
  private readonly lostAtUs = new Map<number, number>();
  /** Reconnect attempts since each such loss, by client index. */
  private readonly reconnectAttempts = new Map<number, number>();
  private finished: (() => void) | undefined;

  constructor(private readonly deps: WorkerRuntimeDeps) {
    const { scenario, workerId, workerCount } = deps.task;
    this.plan = planRun(scenario);
    this.roomCount = scenario.population.rooms;
    this.speaksBench = scenario.actions.some((action) => BENCH_ACTION_KINDS.has(action.kind));
    this.delivery = new DeliveryRecorder(this.metrics, channelsOf(scenario, this.plan.totalClients), scenario.drainMs * 1000);
    // A scenario without rooms (rooms: 0) is valid: its clients join none.
    const membership =
      scenario.population.rooms > 0 && scenario.population.roomsPerClient > 0
        ? assignRooms({
            clients: this.plan.totalClients,
            rooms: scenario.population.rooms,
            roomsPerClient: scenario.population.roomsPerClient,
            distribution: scenario.population.distribution,
            seed: scenario.population.seed,
          })
        : { roomsOf: (): number[] => [] };
    // Within a --shard slice (clients c with c mod n = s), worker w of W takes every W-th of the slice's clients.
    const shard = deps.task.shard ?? { index: 0, count: 1 };
    if (deps.task.clockOffsetUs) this.deps = { ...deps, clock: shiftedClock(deps.clock, deps.task.clockOffsetUs) };
    for (let index = shard.index + workerId * shard.count; index < this.plan.totalClients; index += workerCount * shard.count) {
      const peers = directPeers(index, this.plan.totalClients, scenario.population.seed);
      this.sims.push(createSimClient(index, membership.roomsOf(index), peers));
    }
    this.receiver = new EventReceiver(scenario.actions, this.metrics, this.delivery, this.deps.clock);
    const peers = new PeerCursor(this.sims);
    this.actions = new ActionPerformer(scenario.actions, {
      metrics: this.metrics,
      delivery: this.delivery,
      clock: this.deps.clock,
      churn: (sim, reconnectDelayMs) => {
        const nowUs = this.deps.clock.nowUs();
        this.closeClient(sim, nowUs, this.deps.task.scenario.drainMs);
        this.queue.push(nowUs + Math.round(reconnectDelayMs * 1000), this.sims.indexOf(sim), RECONNECT);
        this.armTimer();
      },
      peerOf: (sim) => peers.next(sim),
    });
    this.slots = new ActionSlots(scenario, this.plan, this.sims, {
      metrics: this.metrics,
      clock: this.deps.clock,
      queue: this.queue,
      actions: this.actions,
      atUs: (ms) => this.atUs(ms),
      msAt: (us) => this.msAt(us),
      stopping: () => this.stopping,
      armTimer: () => this.armTimer(),
    });
    this.rooms = new RoomMembership(scenario, {
      metrics: this.metrics,
      delivery: this.delivery,
      clock: this.deps.clock,
      actions: this.actions,
      stopping: () => this.stopping,
      plannedDisconnect: (sim) => this.plannedDisconnect(sim),
    });
    this.sourcePorts = sourcePortPools(deps.task.sourceAddresses, shard.index * workerCount + workerId, shard.count * workerCount);
  }

  /** Number of clients of this worker. */
  get clientCount(): number {
    return this.sims.length;
  }

  /** Starts the schedule at runStartUs; resolves when the worker has stopped and sent its last interval. */
  run(runStartUs: number): Promise<void> {
    this.runStartUs = runStartUs;
    this.delivery.startAt(runStartUs);
    for (let slot = 0; slot < this.sims.length; slot += 1) {
      const sim = this.sims[slot]!;
      const lifetime = clientLifetime(this.deps.task.scenario, this.plan, sim.index);
      if (!lifetime || lifetime.connectMs >= this.plan.phasesEndMs) continue;
      this.queue.push(this.atUs(lifetime.connectMs), slot, CONNECT);
      if (lifetime.disconnectMs !== undefined) this.queue.push(this.atUs(lifetime.disconnectMs), slot, DISCONNECT);
      this.slots.scheduleFirst(slot, lifetime.connectMs);
    }
    for (const leaveMs of this.plan.leaveAtMs) {
      setTimeout(() => this.rooms.leaveAll(this.sims), Math.max(0, (this.atUs(leaveMs) - this.deps.clock.nowUs()) / 1000)).unref();
    }
    this.armTimer();
    this.armIntervalTimer();
    return new Promise((resolve) => {
      this.finished = resolve;
    });
  }

  /** Ends the run now (interrupt or coordinator request): disconnects everyone, sends the last interval. */
  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.intervalTimer) clearTimeout(this.intervalTimer);
    // No drain: what the connections still expected in flight is counted as such, not as lost.
    const nowUs = this.deps.clock.nowUs();
    for (const sim of this.sims) {
      if (sim.state === ClientState.open || sim.state === ClientState.connecting) this.closeClient(sim, nowUs, 0, 'inFlightAtStop');
    }
    for (const [connection, { client, timer }] of this.draining) {
      clearTimeout(timer);
      client.disconnect();
      this.delivery.endConnection(connection, nowUs, 'inFlightAtStop');
    }
    this.draining.clear();
    this.postInterval(this.deps.clock.nowUs());
    this.health.stop();
    this.metrics.destroy();
    this.deps.post({ type: 'done', workerId: this.deps.task.workerId });
    this.finished?.();
  }

  private atUs(ms: number): number {
    return this.runStartUs + Math.round(ms * 1000);
  }

  private msAt(us: number): number {
    return (us - this.runStartUs) / 1000;
  }

  // ---- timers -------------------------------------------------------------------------------------------------

  private armTimer(): void {
    if (this.stopping) return;
    const dueUs = this.queue.peekDueUs();
    if (this.timer) clearTimeout(this.timer);
    if (dueUs === undefined) return;
    const delayMs = Math.max(0, (dueUs - this.deps.clock.nowUs()) / 1000);
    this.timer = setTimeout(this.onTimer, delayMs);
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    // Bounded: a worker that fell behind (thousands of connects due at once) must still read its sockets and
    // send its interval between batches, or it blocks for seconds and the coordinator takes it for hung.
    this.queue.popDue(this.deps.clock.nowUs(), this.visit, MAX_DUE_PER_TICK);
    this.armTimer();
  };

  private readonly visit = (dueUs: number, slot: number, code: number): void => {
    if (this.stopping) return;
    const sim = this.sims[slot]!;
    switch (code) {
      case CONNECT:
        sim.wanted = true;
        this.wantedCount += 1;
        this.connect(sim, dueUs, false);
        return;
      case DISCONNECT:
        if (sim.wanted) this.wantedCount -= 1;
        sim.wanted = false;
        this.lostAtUs.delete(sim.index);
        // Leave first, then disconnect: a client still leaving its rooms goes when the last leave has settled.
        if (sim.leavesPending > 0) sim.disconnectAfterLeaves = true;
        else this.plannedDisconnect(sim);
        return;
      case RECONNECT: {
        if (!sim.wanted || sim.state !== ClientState.closed) return;
        this.connect(sim, dueUs, true);
        // After a fault, reconnect time counts from the moment the client lost its connection.
        const lostUs = this.lostAtUs.get(sim.index);
        if (lostUs !== undefined) sim.reconnectStartUs = lostUs;
        return;
      }
      default:
        this.slots.fire(sim, slot, code, dueUs);
    }
  };

  private armIntervalTimer(): void {
    const intervalMs = this.deps.task.intervalMs;
    const nextEndUs = this.atUs((this.intervalIndex + 1) * intervalMs);
    this.intervalTimer = setTimeout(() => {
      this.intervalIndex += 1;
      this.postInterval(nextEndUs);
      if (this.msAt(this.deps.clock.nowUs()) >= this.plan.endMs) this.stop();
      else this.armIntervalTimer();
    }, Math.max(0, (nextEndUs - this.deps.clock.nowUs()) / 1000));
  }

  private lastIntervalEndUs = -1;

  private postInterval(endUs: number): void {
    const startUs = this.lastIntervalEndUs < 0 ? this.runStartUs : this.lastIntervalEndUs;
    this.lastIntervalEndUs = endUs;
    let bytesSent = 0;
    let bytesReceived = 0;
    for (const sim of this.sims) {
      if (!sim.client) continue;
      bytesSent += sim.client.bytesSent;
      bytesReceived += sim.client.bytesReceived;
    }
    // Byte counters are cumulative per client object; clients replaced by reconnects restart at 0, so clamp.
    this.metrics.count('bytesSent', Math.max(0, bytesSent - this.lastBytesSent));
    this.metrics.count('bytesReceived', Math.max(0, bytesReceived - this.lastBytesReceived));
    this.lastBytesSent = bytesSent;
    this.lastBytesReceived = bytesReceived;
    this.receiver.expireReplies(this.sims, endUs);
    const snapshot = this.metrics.takeSnapshot(this.deps.task.workerId, this.msAt(startUs), this.msAt(endUs), {
      target: this.wantedCount,
      open: this.openCount,
      connecting: this.connectingCount,
      failed: this.failedCount,
    });
    snapshot.loadgen = this.health.take();
    this.deps.post({ type: 'interval', snapshot, ledger: this.delivery.takeDelta(this.deps.clock.nowUs()) });
  }

  // ---- connections --------------------------------------------------------------------------------------------

  private connect(sim: SimClient, intendedUs: number, isReconnect: boolean): void {
    const { task } = this.deps;
    const { scenario } = task;
    const addresses = task.sourceAddresses;
    const startUs = this.deps.clock.nowUs();
    if (isReconnect) sim.reconnectStartUs = startUs;
    this.setState(sim, ClientState.connecting);
    const receiver = this.delivery.connection(sim.index, sim.connections);
    sim.connections += 1;
    sim.connection = receiver;
    // The server may route a direct (or a message to everyone) to the new socket in the same read as its CONNECT
    // ack, before the window opens: a message sent before the window, neither expected nor unexpected.
    const connectChannels = this.delivery.channels.connectChannels(sim.index);
    for (const channel of connectChannels) receiver.expect(channel);
    this.metrics.count('connectAttempts');
    const client = this.deps.createClient(
      {
        url: task.targetUrl,
        path: scenario.path,
        namespace: scenario.namespace,
        transport: scenario.transport,
        auth: this.authOf(sim),
        headers: scenario.headers,
        localAddress: addresses.length > 0 ? addresses[sim.index % addresses.length] : undefined,
        localPorts: this.sourcePorts.length > 0 ? this.sourcePorts[sim.index % this.sourcePorts.length] : undefined,
        parser: scenario.parser,
        connectTimeoutMs: 10_000,
      },
      {
        onEvent: (event, args) => this.receiver.onEvent(sim, receiver, event, args),
        onDisconnect: (reason) => this.onServerDisconnect(sim, client, receiver, reason),
      },
    );
    sim.client = client;
    client.connect().then(
      () => this.onConnected(sim, client, receiver, intendedUs, startUs, isReconnect),
      (error: unknown) => this.onConnectFailed(sim, client, receiver, error),
    );
  }

  /**
   * The CONNECT payload: the scenario's `auth`, templated for the client; with bench-protocol actions, the
   * client's index for the bench app (a server that knows nothing of the bench protocol gets no payload at all
   * unless the scenario sets one: python-socketio's `connect(sid, environ)` refuses one).
   */
  private authOf(sim: SimClient): Record<string, unknown> | undefined {
    const { scenario } = this.deps.task;
    const auth =
      scenario.auth === undefined
        ? undefined
        : (expandCustomArgs([scenario.auth], { sid: '', requestId: `${sim.index}.auth`, nowMs: Math.round(performance.timeOrigin + performance.now()), index: sim.index, sentUs: this.deps.clock.nowUs() })[0] as Record<string, unknown>);
    if (!this.speaksBench) return auth;
    return { ...auth, clientIndex: sim.index };
  }

  private onConnected(sim: SimClient, client: VirtualClient, receiver: ReceiverConnection, intendedUs: number, startUs: number, isReconnect: boolean): void {
    if (sim.client !== client) return;
    const nowUs = this.deps.clock.nowUs();
    if (this.stopping || !sim.wanted) {
      client.disconnect();
      this.delivery.endConnection(receiver, nowUs);
      this.setState(sim, ClientState.closed);
      return;
    }
    this.setState(sim, ClientState.open);
    sim.connectedUs = nowUs;
    this.metrics.count('connectSuccesses');
    if (isReconnect) {
      this.lostAtUs.delete(sim.index);
      this.reconnectAttempts.delete(sim.index);
      this.metrics.count('reconnects');
      this.metrics.latency('reconnect').record(nowUs - sim.reconnectStartUs, nowUs - sim.reconnectStartUs);
    } else {
      this.metrics.latency('connect').record(nowUs - intendedUs, nowUs - startUs);
    }
    for (const channel of this.delivery.channels.connectChannels(sim.index)) this.delivery.openWindow(receiver, channel, nowUs);
    this.rooms.joinAll(sim, receiver);
    this.actions.performOneShotCustoms(sim);
  }

  private onConnectFailed(sim: SimClient, client: VirtualClient, receiver: ReceiverConnection, error: unknown): void {
    this.delivery.endConnection(receiver, this.deps.clock.nowUs());
    // A connect cut short by the load generator itself (a planned disconnect, the end of the run) is no failure.
    if (sim.client !== client || sim.state !== ClientState.connecting) return;
    this.metrics.count('connectFailures');
    const connectError = error as Partial<ClientConnectError>;
    const kind = connectError.kind ?? 'transport';
    const message = error instanceof Error ? error.message : String(error);
    this.metrics.error(`connect_${kind}`, message);
    if (this.lostAtUs.has(sim.index) && this.retryAfterLoss(sim)) return;
    this.setState(sim, ClientState.failed);
  }

  private onServerDisconnect(sim: SimClient, client: VirtualClient, receiver: ReceiverConnection, reason: string): void {
    const nowUs = this.deps.clock.nowUs();
    // A connection the load generator already let go (draining before its planned disconnect) is not counted as
    // a disconnect again, but what it was still draining can no longer arrive.
    const draining = this.draining.get(receiver);
    if (draining !== undefined) {
      clearTimeout(draining.timer);
      this.draining.delete(receiver);
      this.delivery.endConnection(receiver, nowUs, 'undeliverable');
      return;
    }
    if (sim.client !== client || sim.state !== ClientState.open) return;
    this.metrics.count('disconnects');
    this.metrics.disconnect(reason);
    this.delivery.endConnection(receiver, nowUs, 'undeliverable');
    this.failPendingReplies(sim);
    sim.connectedUs = -1;
    this.setState(sim, ClientState.closed);
    if (this.deps.task.scenario.reconnect !== undefined && !this.stopping && sim.wanted) {
      this.lostAtUs.set(sim.index, nowUs);
      this.reconnectAttempts.set(sim.index, 0);
      this.retryAfterLoss(sim);
    }
  }

  /**
   * Schedules the next reconnect attempt of a client lost to a fault (scenario `reconnect`), or gives up after
   * maxAttempts (the client then counts as failed). Returns whether an attempt was scheduled.
   */
  private retryAfterLoss(sim: SimClient): boolean {
    const policy = this.deps.task.scenario.reconnect;
    if (policy === undefined || this.stopping || !sim.wanted) return false;
    const attempts = this.reconnectAttempts.get(sim.index) ?? 0;
    if (attempts >= policy.maxAttempts) {
      this.metrics.error('reconnect_gave_up', `no reconnect after ${policy.maxAttempts} attempts ${policy.delayMs} ms apart`);
      this.lostAtUs.delete(sim.index);
      this.reconnectAttempts.delete(sim.index);
      return false;
    }
    this.reconnectAttempts.set(sim.index, attempts + 1);
    this.setState(sim, ClientState.closed);
    const slot = this.sims.indexOf(sim);
    this.queue.push(this.deps.clock.nowUs() + policy.delayMs * 1000, slot, RECONNECT);
    this.armTimer();
    return true;
  }

  /** The plan's disconnect of a client: drained, unless it is not connected at all. */
  private plannedDisconnect(sim: SimClient): void {
    sim.disconnectAfterLeaves = false;
    if (sim.state === ClientState.open || sim.state === ClientState.connecting) this.closeClient(sim, this.deps.clock.nowUs(), this.deps.task.scenario.drainMs);
  }

  /**
   * A disconnect the load generator chose (plan, churn, stop): not an error. Membership windows close now, so
   * nothing sent from now on is expected here; with `drainMs` the socket stays open that much longer, so that
   * messages sent before now and still in flight arrive and count (a planned disconnect is no loss). Without a
   * drain, `cause` says why what was still in flight will not arrive (a stop of the run).
   */
  private closeClient(sim: SimClient, nowUs: number, drainMs = 0, cause?: MissingCause): void {
    this.failPendingReplies(sim);
    sim.connectedUs = -1;
    // State first: disconnect() fails the pending acks synchronously, and their callbacks must see a closed client.
    this.setState(sim, ClientState.closed);
    const client = sim.client;
    const receiver = sim.connection;
    if (!client || !receiver) return;
    if (drainMs <= 0 || !client.connected) {
      client.disconnect();
      this.delivery.endConnection(receiver, nowUs, cause);
      return;
    }
    this.delivery.closeAll(receiver, nowUs);
    const timer = setTimeout(() => {
      this.draining.delete(receiver);
      client.disconnect();
      this.delivery.endConnection(receiver, this.deps.clock.nowUs());
    }, drainMs);
    this.draining.set(receiver, { client, timer });
  }

  private setState(sim: SimClient, state: SimClient['state']): void {
    if (sim.state === ClientState.open) this.openCount -= 1;
    else if (sim.state === ClientState.connecting) this.connectingCount -= 1;
    else if (sim.state === ClientState.failed) this.failedCount -= 1;
    sim.state = state;
    if (state === ClientState.open) this.openCount += 1;
    else if (state === ClientState.connecting) this.connectingCount += 1;
    else if (state === ClientState.failed) this.failedCount += 1;
  }

  private failPendingReplies(sim: SimClient): void {
    if (sim.pendingReplies) sim.pendingReplies.length = 0;
  }
}

/** The fixed peers a client sends its directs to: up to DIRECT_PEERS_PER_CLIENT distinct other clients. */
function directPeers(index: number, clients: number, seed: number): number[] {
  if (clients < 2) return [];
  const want = Math.min(DIRECT_PEERS_PER_CLIENT, clients - 1);
  const peers: number[] = [];
  // Bounded: each draw is a uniform other client, so a few dozen draws find `want` distinct ones in practice.
  for (let k = 0; peers.length < want && k < want * 16; k += 1) {
    const peer = pickDirectTarget(index, k, clients, seed);
    if (!peers.includes(peer)) peers.push(peer);
  }
  return peers;
}
