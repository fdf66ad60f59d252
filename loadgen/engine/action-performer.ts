/**
 * What a simulated client does when one of its actions is due: echo with an ack, broadcast to one of its rooms,
 * a direct to one of its peers, a custom event (with an ack or an expected reply), churn; and how acks that
 * fail are counted. The worker runtime (action-slots.ts) decides when; this decides what is sent and what is measured of it.
 */
import { clientRoom, type BroadcastMessage, type DirectMessage } from '../../server/bench-protocol.js';
import type { Clock } from '../measure/clock.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { Action, CustomAction } from '../scenario/action-schema.js';
import { expandCustomArgs, expectedCorrelationValue, usesPlaceholder, type CustomArgValues } from '../scenario/custom-args.js';
import { FIXED_ROOM } from '../measure/delivery-channels.js';
import { ackMetricOf } from '../metric-names.js';
import { encodeMessageId } from './message-id.js';
import type { DeliveryRecorder } from './delivery-recorder.js';
import { buildPayload, type ActionPayload } from './payloads.js';
import { ClientState, roomName, type SimClient } from './sim-client.js';

/** An action that runs on a rate (open model or closed loop). */
export type RateAction = Extract<Action, { rate?: unknown }> & { rate: NonNullable<Extract<Action, { rate?: unknown }>['rate']> };

export interface ActionPerformerDeps {
  metrics: WorkerMetrics;
  delivery: DeliveryRecorder;
  clock: Clock;
  /** A churn action: close `sim` now (draining its in-flight messages) and reconnect it after the delay. */
  churn(sim: SimClient, reconnectDelayMs: number): void;
  /** Another open client of this worker for `{{peerSid}}`, the next in turn; undefined when there is none. */
  peerOf(sim: SimClient): SimClient | undefined;
}

/** Performs actions for the clients of one worker. */
export class ActionPerformer {
  private readonly oneShotPayload = buildPayload(undefined);
  private replySeq = 0;
  /** The custom actions whose args name `{{peerSid}}`, found once rather than per message. */
  private readonly peerActions: ReadonlySet<Action>;

  constructor(
    private readonly scenarioActions: readonly Action[],
    private readonly deps: ActionPerformerDeps,
  ) {
    this.peerActions = new Set(scenarioActions.filter((action) => action.kind === 'custom' && usesPlaceholder(action.args, '{{peerSid}}')));
  }

  /** Performs one action for one client. `done` (closed loops) is called when the action has completed. */
  perform(sim: SimClient, action: RateAction, payload: ActionPayload, t0Us: number, done: (() => void) | undefined): void {
    const client = sim.client!;
    const sentUs = this.deps.clock.nowUs();
    switch (action.kind) {
      case 'echo': {
        this.deps.metrics.count('eventsSent');
        client.emitWithAck('echo', [payload.value], action.timeoutMs, (error) => {
          const nowUs = this.deps.clock.nowUs();
          if (error) this.ackFailed(sim, 'echo', error);
          else {
            this.deps.metrics.count('eventsReceived');
            this.deps.metrics.latency('echo').record(nowUs - t0Us, nowUs - sentUs);
          }
          done?.();
        });
        return;
      }
      case 'broadcast': {
        if (sim.rooms.length === 0) return;
        const k = sim.broadcastTurn % sim.rooms.length;
        sim.broadcastTurn += 1;
        const room = sim.rooms[k]!;
        const seq = sim.broadcastSeq[k]!;
        sim.broadcastSeq[k] = seq + 1;
        const message: BroadcastMessage = {
          room: roomName(room),
          from: sim.index,
          seq,
          t0Us,
          sentUs,
          includeSelf: action.includeSelf,
          payload: payload.value,
        };
        this.deps.metrics.count('eventsSent');
        client.emit('broadcast', [message]);
        this.deps.delivery.recordSend(room, sim.index, sentUs);
        done?.();
        return;
      }
      case 'direct': {
        if (sim.peers.length === 0) return;
        const k = sim.peerTurn % sim.peers.length;
        sim.peerTurn += 1;
        const peer = sim.peers[k]!;
        const seq = sim.peerSeq[k]!;
        sim.peerSeq[k] = seq + 1;
        const message: DirectMessage = { to: clientRoom(peer), from: sim.index, seq, t0Us, sentUs, payload: payload.value };
        this.deps.metrics.count('eventsSent');
        client.emit('direct', [message]);
        this.deps.delivery.recordSend(this.deps.delivery.directChannel(peer), sim.index, sentUs);
        done?.();
        return;
      }
      case 'custom': {
        this.performCustom(sim, action as CustomAction, payload, t0Us, sentUs, done);
        return;
      }
      case 'churn': {
        this.deps.churn(sim, action.reconnectDelayMs);
        done?.();
        return;
      }
      default:
        done?.();
    }
  }

  /**
   * Sends one request of a custom action. `room` is the room a joining or leaving request is for (each of the
   * client's rooms in turn); other actions that name `{{room}}` go round the client's rooms.
   */
  private performCustom(
    sim: SimClient,
    action: CustomAction,
    payload: ActionPayload,
    t0Us: number,
    sentUs: number,
    done: (() => void) | undefined,
    room?: number,
  ): void {
    const client = sim.client!;
    let roomIndex = room === FIXED_ROOM ? undefined : room;
    if (room === undefined && usesPlaceholder(action.args, '{{room}}')) {
      if (sim.rooms.length === 0) return done?.();
      roomIndex = sim.rooms[sim.customTurn % sim.rooms.length]!;
      sim.customTurn += 1;
    }
    // A slot with no peer to send to is not sent, as a bench direct without peers.
    const needsPeer = this.peerActions.has(action);
    const peer = needsPeer ? this.deps.peerOf(sim) : undefined;
    if (needsPeer && peer?.client?.id === undefined) return done?.();
    const values: CustomArgValues = {
      sid: client.id ?? '',
      requestId: `${sim.index}.${this.replySeq++}`,
      nowMs: Math.round(performance.timeOrigin + performance.now()),
      index: sim.index,
      sentUs,
      ...(roomIndex !== undefined ? { room: roomName(roomIndex) } : {}),
      ...(peer?.client?.id !== undefined ? { peerSid: peer.client.id } : {}),
    };
    const channel = action.delivers === undefined ? undefined : this.deliveryChannel(sim, action, roomIndex ?? FIXED_ROOM, peer);
    if (channel !== undefined) {
      const seq = sim.customSeq?.get(channel) ?? 0;
      (sim.customSeq ??= new Map()).set(channel, seq + 1);
      values.messageId = encodeMessageId({ sender: sim.index, channel, seq, sentUs, t0Us });
    }
    const args = expandCustomArgs(action.args, values);
    if (action.payload) args.push(payload.value);
    this.deps.metrics.count('eventsSent');
    if (action.reply) {
      const expect = expectedCorrelationValue(action.args, values);
      (sim.pendingReplies ??= []).push({
        event: action.reply.event,
        field: action.reply.correlationField,
        metric: action.name,
        id: expect,
        t0Us,
        sentUs,
        deadlineUs: sentUs + action.timeoutMs * 1000,
      });
    }
    if (action.ack) {
      const metric = action.delivers === undefined ? action.name : ackMetricOf(action.name);
      const connection = sim.connection;
      client.emitWithAck(action.event, args, action.timeoutMs, (error) => {
        const nowUs = this.deps.clock.nowUs();
        if (error) this.ackFailed(sim, 'customAck', error);
        else {
          this.deps.metrics.count('eventsReceived');
          this.deps.metrics.latency('customAck').record(nowUs - t0Us, nowUs - sentUs);
          this.deps.metrics.latency(metric).record(nowUs - t0Us, nowUs - sentUs);
          // A joining request's membership starts when the server has confirmed it.
          if (action.joins && room !== undefined && connection !== undefined && sim.connection === connection && sim.state === ClientState.open) {
            for (const roomChannel of this.roomChannels(room)) this.deps.delivery.openWindow(connection, roomChannel, nowUs);
          }
        }
        done?.();
      });
    } else {
      client.emit(action.event, args);
      done?.();
    }
    if (channel !== undefined) this.deps.delivery.recordSend(channel, sim.index, sentUs);
  }

  /** The channel a custom message of `action` goes out on, for the room it names (FIXED_ROOM: none) or its peer. */
  private deliveryChannel(sim: SimClient, action: CustomAction, room: number, peer: SimClient | undefined): number {
    const channels = this.deps.delivery.channels;
    const slot = channels.slotOf(action.name);
    switch (action.delivers!.to) {
      case 'room':
      case 'room-and-sender':
        return channels.room(slot, room);
      case 'sender':
        return channels.personal(slot, sim.index);
      case 'peer':
        return channels.personal(slot, peer!.index);
      case 'everyone':
      case 'everyone-else':
        return channels.namespace(slot);
    }
  }

  /** The channels of `room` (FIXED_ROOM for the fixed one) of every declared delivery to a room. */
  roomChannels(room: number): number[] {
    const channels = this.deps.delivery.channels;
    return channels.roomSlots().map((slot) => channels.room(slot, room));
  }

  /**
   * Custom actions without a rate run once per client, right after it connects (like join): a joining one once
   * per room of the client (or once, for the fixed room its args name), its membership pending until the ack.
   */
  performOneShotCustoms(sim: SimClient): void {
    for (const action of this.scenarioActions) {
      if (action.kind !== 'custom' || action.rate !== undefined || action.leaves || sim.state !== ClientState.open) continue;
      for (const room of this.requestRooms(sim, action)) {
        const nowUs = this.deps.clock.nowUs();
        if (action.joins && room !== undefined && sim.connection !== undefined) {
          for (const roomChannel of this.roomChannels(room)) sim.connection.expect(roomChannel);
        }
        this.performCustom(sim, action, this.oneShotPayload, nowUs, nowUs, undefined, room);
      }
    }
  }

  /** The leaving actions, for the start of a ramp-down: the client's rooms each leaves, as performCustom takes them. */
  leavingActions(): CustomAction[] {
    return this.scenarioActions.filter((action): action is CustomAction => action.kind === 'custom' && action.leaves);
  }

  /** Sends one leaving request of `action` for `room` (its membership there was closed when the leave was decided). */
  performLeave(sim: SimClient, action: CustomAction, room: number, done: () => void): void {
    const nowUs = this.deps.clock.nowUs();
    this.performCustom(sim, action, this.oneShotPayload, nowUs, nowUs, done, room);
  }

  /**
   * The rooms one-shot requests of `action` are for: each of the client's rooms when its args name `{{room}}`;
   * the fixed room for a joining or leaving action that names none; otherwise a single request for no room.
   */
  requestRooms(sim: SimClient, action: CustomAction): Array<number | undefined> {
    if (usesPlaceholder(action.args, '{{room}}')) return [...sim.rooms];
    return action.joins || action.leaves ? [FIXED_ROOM] : [undefined];
  }

  ackFailed(sim: SimClient, what: string, error: Error): void {
    const timedOut = /timed? ?out/i.test(error.message);
    // An ack lost because the connection closed is not an error of its own: the disconnect is counted (as a
    // disconnect by reason when the server or transport ended it; not at all when the load generator did).
    if (!timedOut && sim.state !== ClientState.open) return;
    if (timedOut) {
      this.deps.metrics.count('acksTimedOut');
      this.deps.metrics.error('ack_timeout', `${what}: ${error.message}`);
    } else {
      this.deps.metrics.error('ack_failed', `${what}: ${error.message}`);
    }
  }
}

/** An ack whose first argument is `{ error }`: the server refused the request. */
export function isErrorAck(value: unknown): value is { error: unknown } {
  return value !== null && typeof value === 'object' && 'error' in value;
}
