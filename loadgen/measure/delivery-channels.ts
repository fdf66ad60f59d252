/**
 * The delivery channels of a run: every stream of messages whose receivers are known, numbered so that one
 * integer says which delivering metric a message belongs to and who should get it. Both sides of the
 * accounting (the workers' DeliveryRecorder, the coordinator's DeliveryLedger per metric) use this one layout.
 *
 * A run has one block of channels for the bench protocol (slot 0) and one per custom action that declares a
 * delivery (slots 1..n, in the scenario's order). Inside a block of `span` channels:
 *   0 .. rooms-1          the population's rooms (a bench broadcast; a custom delivery to `{{room}}`);
 *   rooms                 the one fixed room that custom joins without `{{room}}` enter (python's 'my room');
 *   rooms+1 .. +clients   each client's own channel (a bench direct to it; a custom delivery to the sender or to
 *                         it as a peer);
 *   rooms+1+clients       the whole namespace (a custom delivery to everyone).
 */
import type { Action, DeliveryAudience } from '../scenario/action-schema.js';

/** One delivering metric: the bench protocol's broadcasts or directs, or a custom action's declared delivery. */
export interface DeliveryStream {
  /** 'broadcast', 'direct', or the custom action's name. */
  metric: string;
  /** Whether the sender receives its own messages on this stream's channels. */
  includeSelf: boolean;
  /** Whether a message has several receivers, so that its fan-out completion is measured. */
  fansOut: boolean;
  /** Whether the scenario sends on it (a result reports only these). */
  used: boolean;
}

/** A custom action that declares a delivery, as the layout needs it. */
export interface DeclaredStream {
  name: string;
  audience: DeliveryAudience;
}

export class DeliveryChannels {
  /** Channels per slot. */
  readonly span: number;
  /** Channels in all slots: every channel number is below it. */
  readonly channelCount: number;
  private readonly streams: DeliveryStream[];
  private readonly declared: readonly DeclaredStream[];
  /** Declared slots that deliver to a connection from its connect (to the sender or a peer; to everyone), found once. */
  private personalSlots: number[] | undefined;
  private namespaceSlots: number[] | undefined;

  constructor(
    readonly roomCount: number,
    readonly totalClients: number,
    /** Whether a bench broadcast reaches its sender. */
    benchIncludeSelf = false,
    declared: readonly DeclaredStream[] = [],
    /** Which bench streams the scenario sends on (default both). */
    benchUsed: { broadcast: boolean; direct: boolean } = { broadcast: true, direct: true },
  ) {
    this.span = roomCount + 1 + totalClients + 1;
    this.declared = declared;
    this.channelCount = this.span * (1 + declared.length);
    this.streams = [
      { metric: 'broadcast', includeSelf: benchIncludeSelf, fansOut: true, used: benchUsed.broadcast },
      { metric: 'direct', includeSelf: false, fansOut: false, used: benchUsed.direct },
      ...declared.map((stream) => ({
        metric: stream.name,
        includeSelf: stream.audience !== 'room' && stream.audience !== 'everyone-else' && stream.audience !== 'peer',
        fansOut: stream.audience !== 'sender' && stream.audience !== 'peer',
        used: true,
      })),
    ];
  }

  /** Every delivering metric of the run: broadcast, direct, then the declared ones. */
  get all(): readonly DeliveryStream[] {
    return this.streams;
  }

  /** The stream `channel` belongs to. */
  streamOf(channel: number): DeliveryStream {
    const slot = Math.floor(channel / this.span);
    if (slot === 0) return this.streams[channel < this.roomCount + 1 ? 0 : 1]!;
    return this.streams[slot + 1]!;
  }

  includeSelf(channel: number): boolean {
    return this.streamOf(channel).includeSelf;
  }

  /** Slot of the declared stream named `name` (1-based), or -1. */
  slotOf(name: string): number {
    const at = this.declared.findIndex((stream) => stream.name === name);
    return at < 0 ? -1 : at + 1;
  }

  /** The declared stream of `slot` (1-based). */
  declaredAt(slot: number): DeclaredStream | undefined {
    return this.declared[slot - 1];
  }

  /** Room `room` of slot `slot`; FIXED_ROOM for the fixed room. */
  room(slot: number, room: number): number {
    return slot * this.span + (room === FIXED_ROOM ? this.roomCount : room);
  }

  /** The personal channel of client `recipient` in slot `slot`. */
  personal(slot: number, recipient: number): number {
    return slot * this.span + this.roomCount + 1 + recipient;
  }

  /** The whole-namespace channel of slot `slot`. */
  namespace(slot: number): number {
    return slot * this.span + this.roomCount + 1 + this.totalClients;
  }

  /** Whether `channel` is a valid channel of slot `slot`. */
  inSlot(channel: number, slot: number): boolean {
    return Number.isInteger(channel) && Math.floor(channel / this.span) === slot;
  }

  /** The declared streams whose audience is a room. */
  roomSlots(): number[] {
    return this.slotsWhere((audience) => audience === 'room' || audience === 'room-and-sender');
  }

  /**
   * Channels a connection is a member of from its connect: its own (for bench directs, and for each declared
   * delivery to the sender or a peer), and the namespace's. Only those of streams the scenario sends on.
   */
  connectChannels(clientIndex: number): readonly number[] {
    const personalSlots = (this.personalSlots ??= this.slotsWhere((audience) => audience === 'sender' || audience === 'peer'));
    const namespaceSlots = (this.namespaceSlots ??= this.slotsWhere((audience) => audience === 'everyone' || audience === 'everyone-else'));
    const direct = this.streams[1]!.used;
    // A scenario without directs or such declared deliveries (a connect storm's): one shared empty list per connect.
    if (!direct && personalSlots.length === 0 && namespaceSlots.length === 0) return NO_CHANNELS;
    const channels = direct ? [this.personal(0, clientIndex)] : [];
    for (const slot of personalSlots) channels.push(this.personal(slot, clientIndex));
    for (const slot of namespaceSlots) channels.push(this.namespace(slot));
    return channels;
  }

  private slotsWhere(test: (audience: DeliveryAudience) => boolean): number[] {
    const slots: number[] = [];
    this.declared.forEach((stream, at) => {
      if (test(stream.audience)) slots.push(at + 1);
    });
    return slots;
  }
}

const NO_CHANNELS: readonly number[] = Object.freeze([]);

/** The room index that stands for the fixed room (a custom join without `{{room}}`). */
export const FIXED_ROOM = -1;

/** The channels of a scenario with `totalClients` clients (every process of a run builds the same). */
export function channelsOf(scenario: { population: { rooms: number }; actions: readonly Action[] }, totalClients: number): DeliveryChannels {
  const includeSelf = scenario.actions.some((action) => action.kind === 'broadcast' && action.includeSelf);
  const declared: DeclaredStream[] = [];
  for (const action of scenario.actions) {
    if (action.kind === 'custom' && action.delivers !== undefined) declared.push({ name: action.name, audience: action.delivers.to });
  }
  const uses = (kind: Action['kind']): boolean => scenario.actions.some((action) => action.kind === kind);
  return new DeliveryChannels(scenario.population.rooms, totalClients, includeSelf, declared, { broadcast: uses('broadcast'), direct: uses('direct') });
}
