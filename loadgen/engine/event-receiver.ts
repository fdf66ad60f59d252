/**
 * The receiving side of a worker: what each event a simulated client gets means to the measurement (a broadcast
 * or direct of the bench protocol, a custom action's declared delivery, the reply to a custom request, a
 * listened server push), and how it is recorded. One per worker; stateless per message beyond the clients'
 * pending replies.
 */
import type { BroadcastMessage, DirectMessage } from '../../server/bench-protocol.js';
import type { Clock } from '../measure/clock.js';
import type { LatencyRecorder } from '../measure/latency-recorder.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { Action, CustomAction, DeclaredDelivery } from '../scenario/action-schema.js';
import { readField } from '../scenario/custom-args.js';
import type { DeliveryRecorder } from './delivery-recorder.js';
import { decodeMessageId } from './message-id.js';
import type { ReceiverConnection } from './receiver-connection.js';
import { parseRoomName, type SimClient } from './sim-client.js';

/** What a received event is to the measurement (bits, since one event may serve several actions). */
const EVENT_BROADCAST = 1;
const EVENT_DIRECT = 2;
const EVENT_REPLY = 4;
const EVENT_LISTEN = 8;
const EVENT_DELIVERED = 16;

/** A custom action's declared delivery, with its slot of channels. */
interface DeliveryRoute {
  metric: string;
  delivers: DeclaredDelivery;
  slot: number;
}

/** A listen action that measures push latency. */
interface ListenRoute {
  metric: string;
  timestampField: string;
}

export class EventReceiver {
  /** What each received event means: a bit set of EVENT_* (an event may be both a reply and listened to). */
  private readonly eventKinds = new Map<string, number>();
  /** The declared deliveries per delivered event (several actions may deliver the same event). */
  private readonly deliveries = new Map<string, DeliveryRoute[]>();
  /** Listen actions per event whose payload carries the server's send time (epoch ms). */
  private readonly listens = new Map<string, ListenRoute[]>();
  /**
   * The valid broadcast message checked last, and its room index: every member client of this thread receives a
   * broadcast as one shared (frozen) object (repeated-event.ts), which is then checked and parsed once.
   */
  private lastBroadcast: BroadcastMessage | undefined;
  private lastBroadcastRoom = -1;
  /** The broadcast latency recorder, looked up on the first broadcast received. */
  private broadcastLatency: LatencyRecorder | undefined;
  /** Whether some custom action waits for a reply: without one no client has pending replies to expire. */
  private expectsReplies = false;

  constructor(
    actions: readonly Action[],
    private readonly metrics: WorkerMetrics,
    private readonly delivery: DeliveryRecorder,
    private readonly clock: Clock,
  ) {
    for (const action of actions) {
      switch (action.kind) {
        case 'broadcast':
          this.mark('broadcast', EVENT_BROADCAST);
          break;
        case 'direct':
          this.mark('direct', EVENT_DIRECT);
          break;
        case 'custom':
          if (action.reply) {
            this.mark(action.reply.event, EVENT_REPLY);
            this.expectsReplies = true;
          }
          if (action.delivers) this.routeDelivery(action, action.delivers);
          break;
        case 'listen':
          this.mark(action.event, EVENT_LISTEN);
          if (action.timestampField !== undefined) listOf(this.listens, action.event).push({ metric: action.name, timestampField: action.timestampField });
          break;
        default:
          break;
      }
    }
  }

  /** One event received by `sim` through `connection`; the clock is read only for events the measurement uses. */
  onEvent(sim: SimClient, connection: ReceiverConnection, event: string, args: readonly unknown[]): void {
    this.metrics.count('eventsReceived');
    const kinds = this.eventKinds.get(event);
    if (kinds === undefined) return;
    const nowUs = this.clock.nowUs();
    const message = args[0];
    if (kinds & EVENT_BROADCAST) this.onBroadcast(connection, message as BroadcastMessage, nowUs);
    if (kinds & EVENT_DIRECT) this.onDirect(connection, message as DirectMessage, nowUs);
    if (kinds & EVENT_DELIVERED) this.onDelivered(connection, event, message, nowUs);
    if (kinds & EVENT_REPLY) this.onReply(sim, event, message, nowUs);
    if (kinds & EVENT_LISTEN) this.onListen(event, message);
  }

  /** Counts and forgets the custom requests whose reply did not come within their timeout. */
  expireReplies(sims: readonly SimClient[], nowUs: number): void {
    if (!this.expectsReplies) return;
    for (let slot = 0; slot < sims.length; slot += 1) {
      const pending = sims[slot]!.pendingReplies;
      if (!pending || pending.length === 0) continue;
      for (let at = 0; at < pending.length; ) {
        const entry = pending[at]!;
        if (entry.deadlineUs > nowUs) {
          at += 1;
          continue;
        }
        pending.splice(at, 1);
        this.metrics.count('acksTimedOut');
        this.metrics.error('reply_timeout', `${entry.metric}: no '${entry.event}' within the action timeout`);
      }
    }
  }

  private mark(event: string, kind: number): void {
    this.eventKinds.set(event, (this.eventKinds.get(event) ?? 0) | kind);
  }

  private routeDelivery(action: CustomAction, delivers: DeclaredDelivery): void {
    this.mark(delivers.event, EVENT_DELIVERED);
    listOf(this.deliveries, delivers.event).push({ metric: action.name, delivers, slot: this.delivery.channels.slotOf(action.name) });
  }

  // Latency is sampled once per distinct expected delivery: copies, and messages outside the connection's
  // windows (a join or leave racing them), are counted but not sampled.
  private onBroadcast(connection: ReceiverConnection, message: BroadcastMessage, nowUs: number): void {
    let room: number;
    if (message === this.lastBroadcast) {
      room = this.lastBroadcastRoom;
    } else {
      if (!isBenchMessage(message)) return this.metrics.error('bad_message', 'broadcast without from/seq/t0Us/sentUs');
      room = parseRoomName(message.room);
      this.lastBroadcast = message;
      this.lastBroadcastRoom = room;
    }
    if (room < 0) return this.metrics.delivered('broadcast', 'unexpected');
    const outcome = this.delivery.received('broadcast', connection, room, message.from, message.seq, message.sentUs);
    if (outcome === undefined || outcome === 'duplicate') return;
    (this.broadcastLatency ??= this.metrics.latency('broadcast')).record(nowUs - message.t0Us, nowUs - message.sentUs);
    this.delivery.messageReceived(room, message.from, message.seq, message.t0Us, message.sentUs, nowUs);
  }

  private onDirect(connection: ReceiverConnection, message: DirectMessage, nowUs: number): void {
    if (!isBenchMessage(message)) return this.metrics.error('bad_message', 'direct without from/seq/t0Us/sentUs');
    const channel = this.delivery.directChannel(connection.clientIndex);
    const outcome = this.delivery.received('direct', connection, channel, message.from, message.seq, message.sentUs);
    if (outcome === undefined || outcome === 'duplicate') return;
    this.metrics.latency('direct').record(nowUs - message.t0Us, nowUs - message.sentUs);
    this.delivery.messageReceived(channel, message.from, message.seq, message.t0Us, message.sentUs, nowUs);
  }

  /** A declared delivery of a custom action: the id the sender put in its message says everything about it. */
  private onDelivered(connection: ReceiverConnection, event: string, message: unknown, nowUs: number): void {
    const routes = this.deliveries.get(event)!;
    for (const route of routes) {
      const identity = decodeMessageId(readField(message, route.delivers.idField));
      if (identity === undefined || !this.delivery.channels.inSlot(identity.channel, route.slot)) continue;
      const { channel, sender, seq, sentUs, t0Us } = identity;
      const outcome = this.delivery.received(route.metric, connection, channel, sender, seq, sentUs);
      if (outcome === undefined || outcome === 'duplicate') return;
      this.metrics.latency(route.metric).record(nowUs - t0Us, nowUs - sentUs);
      this.delivery.messageReceived(channel, sender, seq, t0Us, sentUs, nowUs);
      return;
    }
    const where = routes.map((route) => `'${route.delivers.idField}'`).join(' or ');
    this.metrics.error('bad_message', `'${event}' without a message id of this run at ${where}`);
  }

  // A reply completes the oldest pending request that waits for this event and whose correlation value it
  // carries (without a correlation field, the oldest that waits for it); several actions may share a reply event.
  private onReply(sim: SimClient, event: string, message: unknown, nowUs: number): void {
    const pending = sim.pendingReplies;
    if (!pending || pending.length === 0) return;
    const at = pending.findIndex((entry) => entry.event === event && (entry.field === undefined || entry.id === String(readField(message, entry.field))));
    if (at < 0) return;
    const [entry] = pending.splice(at, 1);
    this.metrics.latency('customReply').record(nowUs - entry!.t0Us, nowUs - entry!.sentUs);
    this.metrics.latency(entry!.metric).record(nowUs - entry!.t0Us, nowUs - entry!.sentUs);
  }

  private onListen(event: string, message: unknown): void {
    const routes = this.listens.get(event);
    if (routes === undefined) return;
    let pushed = false;
    for (const route of routes) {
      const stamp = readField(message, route.timestampField);
      if (typeof stamp !== 'number') continue;
      // The payload carries epoch ms from the server's wall clock; compare with ours at sub-ms resolution.
      const latencyUs = Math.round((performance.timeOrigin + performance.now() - stamp) * 1000);
      if (!pushed) this.metrics.latency('push').record(latencyUs, latencyUs);
      pushed = true;
      this.metrics.latency(route.metric).record(latencyUs, latencyUs);
    }
  }
}

function listOf<V>(map: Map<string, V[]>, key: string): V[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function isBenchMessage(value: unknown): value is { from: number; seq: number; t0Us: number; sentUs: number } {
  if (value === null || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  return typeof message.from === 'number' && typeof message.seq === 'number' && typeof message.t0Us === 'number' && typeof message.sentUs === 'number';
}
