/**
 * Room membership of one worker's clients: the bench protocol's joins after each connect (the window on a room
 * opens at the ack), and, at the start of each ramp-down, the leaves of every room (bench leave and custom
 * actions with `leaves: true`): the windows close at the decision, the requests go out after the drain, and a
 * client's planned disconnect waits for its leaves to settle.
 */
import type { VirtualClient } from '../client/virtual-client.js';
import type { Clock } from '../measure/clock.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { CustomAction } from '../scenario/action-schema.js';
import type { Scenario } from '../scenario/schema.js';
import { isErrorAck, type ActionPerformer } from './action-performer.js';
import type { DeliveryRecorder } from './delivery-recorder.js';
import type { ReceiverConnection } from './receiver-connection.js';
import { ClientState, roomName, type SimClient } from './sim-client.js';

export interface RoomMembershipDeps {
  metrics: WorkerMetrics;
  delivery: DeliveryRecorder;
  clock: Clock;
  actions: ActionPerformer;
  /** Whether the worker is stopping (no leaves then: the stop ends every connection). */
  stopping(): boolean;
  /** The plan's disconnect of a client, run once its pending leaves have settled. */
  plannedDisconnect(sim: SimClient): void;
}

export class RoomMembership {
  constructor(
    private readonly scenario: Scenario,
    private readonly deps: RoomMembershipDeps,
  ) {}

  /** Joins each of the client's rooms with the bench protocol's join, if the scenario has one. */
  joinAll(sim: SimClient, receiver: ReceiverConnection): void {
    const action = this.scenario.actions.find((candidate) => candidate.kind === 'join');
    if (!action) return;
    const client = sim.client;
    const timeoutMs = 'timeoutMs' in action ? action.timeoutMs : 5000;
    for (let k = 0; k < sim.rooms.length; k += 1) {
      const room = sim.rooms[k]!;
      const sentUs = this.deps.clock.nowUs();
      this.deps.metrics.count('eventsSent');
      receiver.expect(room);
      client!.emitWithAck('join', [{ room: roomName(room) }], timeoutMs, (error, args) => {
        if (sim.client !== client || sim.state !== ClientState.open) return;
        const nowUs = this.deps.clock.nowUs();
        if (error) return this.deps.actions.ackFailed(sim, 'join', error);
        this.deps.metrics.count('eventsReceived');
        if (isErrorAck(args[0])) return this.deps.metrics.error('join_refused', String(args[0].error));
        this.deps.metrics.latency('join').record(nowUs - sentUs, nowUs - sentUs);
        this.deps.delivery.openWindow(receiver, room, nowUs);
      });
    }
  }

  /**
   * Leaves every joined room: the membership windows close now, and the leave requests go out after the
   * scenario's drain time, so that messages sent before now and still in flight arrive and count.
   */
  leaveAll(sims: readonly SimClient[]): void {
    if (this.deps.stopping()) return;
    const action = this.scenario.actions.find((candidate) => candidate.kind === 'leave');
    const customLeaves = this.deps.actions.leavingActions();
    if (!action && customLeaves.length === 0) return;
    const timeoutMs = action && 'timeoutMs' in action ? action.timeoutMs : 5000;
    const nowUs = this.deps.clock.nowUs();
    const leaving: Array<{ sim: SimClient; client: VirtualClient; room: number; custom?: CustomAction }> = [];
    for (const sim of sims) {
      const client = sim.client;
      const receiver = sim.connection;
      if (sim.state !== ClientState.open || !client || !receiver) continue;
      if (action) {
        for (const room of sim.rooms) {
          if (receiver.openWindowOn(room) === undefined) continue;
          this.deps.delivery.closeWindow(receiver, room, nowUs);
          sim.leavesPending += 1;
          leaving.push({ sim, client, room });
        }
      }
      for (const custom of customLeaves) {
        for (const room of this.deps.actions.requestRooms(sim, custom)) {
          const open = this.deps.actions.roomChannels(room!).filter((channel) => receiver.openWindowOn(channel) !== undefined);
          if (open.length === 0) continue;
          for (const channel of open) this.deps.delivery.closeWindow(receiver, channel, nowUs);
          sim.leavesPending += 1;
          leaving.push({ sim, client, room: room!, custom });
        }
      }
    }
    const settled = (sim: SimClient): void => {
      sim.leavesPending -= 1;
      if (sim.leavesPending === 0 && sim.disconnectAfterLeaves) this.deps.plannedDisconnect(sim);
    };
    const send = (): void => {
      for (const { sim, client, room, custom } of leaving) {
        if (sim.client !== client || sim.state !== ClientState.open) {
          settled(sim);
          continue;
        }
        if (custom) {
          this.deps.actions.performLeave(sim, custom, room, () => settled(sim));
          continue;
        }
        const sentUs = this.deps.clock.nowUs();
        this.deps.metrics.count('eventsSent');
        client.emitWithAck('leave', [{ room: roomName(room) }], timeoutMs, (error, args) => {
          const ackUs = this.deps.clock.nowUs();
          settled(sim);
          if (error) return this.deps.actions.ackFailed(sim, 'leave', error);
          this.deps.metrics.count('eventsReceived');
          if (isErrorAck(args[0])) return this.deps.metrics.error('leave_refused', String(args[0].error));
          this.deps.metrics.latency('leave').record(ackUs - sentUs, ackUs - sentUs);
        });
      }
    };
    setTimeout(send, this.scenario.drainMs).unref();
  }
}
