/**
 * The server's exact record of what the disconnect fault made undeliverable: for each client it disconnected at
 * server time D (monotonic µs, the clock of the bench protocol's `sentUs`), the rooms it was in then and since
 * when; each later broadcast to one of those rooms, or direct to it, is classified by its `sentUs` (see
 * classifyUndeliverable). This is the oracle that the load generator's "undeliverable" count is checked against.
 * Pure: time comes in as arguments and from an injected clock; memory is bounded by forgetting a disconnected
 * client `forgetAfterUs` after its disconnect.
 */
import type { RoomName, Sid } from '../ids.js';

/** The ambiguity window, µs: how long after a disconnect (or a join) a client may not yet know of it. */
export const UNDELIVERABLE_AMBIGUITY_US = 50_000;
/** How long a disconnected client is remembered, µs: the ambiguity window plus 10 s for messages in transit. */
export const UNDELIVERABLE_FORGET_AFTER_US = UNDELIVERABLE_AMBIGUITY_US + 10_000_000;

/** Whether a message the client can no longer get was certainly expected by it, perhaps expected, or not. */
export type UndeliverableClass = 'certain' | 'ambiguous' | 'not-expected';

/** The ledger's counts: deliveries (one message to one disconnected client), by kind and class. */
export interface UndeliverableCounts {
  broadcastsCertain: number;
  broadcastsAmbiguous: number;
  directsCertain: number;
  directsAmbiguous: number;
}

export interface UndeliverableLedgerOptions {
  /** Reads the monotonic clock, µs (only to forget old disconnects). */
  nowUs: () => number;
  /** Window after the disconnect, µs. Default UNDELIVERABLE_AMBIGUITY_US. */
  ambiguityUs?: number;
  /** Window after a join, µs (add the longest injected ack delay: the client's window opens at the ack). Default ambiguityUs. */
  joinAmbiguityUs?: number;
  /** Default UNDELIVERABLE_FORGET_AFTER_US. */
  forgetAfterUs?: number;
}

/**
 * Classifies a message sent at `sentUs` to a room that a client joined at `joinedUs` and was disconnected from at
 * `disconnectedUs` (the message handled after the disconnect). Sent before the join: not expected (the client's
 * window opened later). Within `joinAmbiguityUs` of the join, or within `ambiguityUs` after the disconnect:
 * ambiguous. Otherwise at or before the disconnect: certain; later: not expected.
 */
export function classifyUndeliverable(
  sentUs: number,
  joinedUs: number,
  disconnectedUs: number,
  ambiguityUs: number,
  joinAmbiguityUs: number,
): UndeliverableClass {
  if (sentUs < joinedUs || sentUs > disconnectedUs + ambiguityUs) return 'not-expected';
  if (sentUs > disconnectedUs || sentUs < joinedUs + joinAmbiguityUs) return 'ambiguous';
  return 'certain';
}

interface DisconnectRecord {
  readonly sid: Sid;
  readonly disconnectedUs: number;
  /** Room → when the client joined it, µs. */
  readonly joinedUsByRoom: ReadonlyMap<RoomName, number>;
}

export class UndeliverableLedger {
  private readonly nowUs: () => number;
  private readonly ambiguityUs: number;
  private readonly joinAmbiguityUs: number;
  private readonly forgetAfterUs: number;
  /** Every remembered disconnect, oldest first. */
  private readonly records: DisconnectRecord[] = [];
  /** Room → the remembered disconnects of its members, oldest first. */
  private readonly byRoom = new Map<RoomName, DisconnectRecord[]>();
  private readonly totals: UndeliverableCounts = { broadcastsCertain: 0, broadcastsAmbiguous: 0, directsCertain: 0, directsAmbiguous: 0 };

  constructor(options: UndeliverableLedgerOptions) {
    this.nowUs = options.nowUs;
    this.ambiguityUs = options.ambiguityUs ?? UNDELIVERABLE_AMBIGUITY_US;
    this.joinAmbiguityUs = options.joinAmbiguityUs ?? this.ambiguityUs;
    this.forgetAfterUs = options.forgetAfterUs ?? UNDELIVERABLE_FORGET_AFTER_US;
  }

  /**
   * Records that `sid` was disconnected at `disconnectedUs` while in the rooms of `joinedUsByRoom` (room → join
   * time, µs). Disconnect times must not go back (a RangeError otherwise): the forgetting relies on their order.
   */
  recordDisconnect(sid: Sid, joinedUsByRoom: ReadonlyMap<RoomName, number>, disconnectedUs: number): void {
    const latest = this.records.at(-1);
    if (latest !== undefined && disconnectedUs < latest.disconnectedUs) {
      throw new RangeError(`disconnectedUs must not go back (latest ${latest.disconnectedUs}, got ${disconnectedUs})`);
    }
    this.forgetOld();
    const record: DisconnectRecord = { sid, disconnectedUs, joinedUsByRoom: new Map(joinedUsByRoom) };
    this.records.push(record);
    for (const room of joinedUsByRoom.keys()) {
      const list = this.byRoom.get(room);
      if (list === undefined) this.byRoom.set(room, [record]);
      else list.push(record);
    }
  }

  /** Counts a bench broadcast to `room` handled now; the sender's own client is left out unless `includeSelf`. */
  countBroadcast(room: RoomName, sentUs: number, senderSid: Sid, includeSelf: boolean): void {
    this.forgetOld();
    for (const record of this.byRoom.get(room) ?? []) {
      if (!includeSelf && record.sid === senderSid) continue;
      const kind = this.classify(record, room, sentUs);
      if (kind === 'certain') this.totals.broadcastsCertain += 1;
      else if (kind === 'ambiguous') this.totals.broadcastsAmbiguous += 1;
    }
  }

  /** Counts a bench direct to `to` (a sid or a personal room) handled now. */
  countDirect(to: RoomName, sentUs: number): void {
    this.forgetOld();
    for (const record of this.byRoom.get(to) ?? []) {
      const kind = this.classify(record, to, sentUs);
      if (kind === 'certain') this.totals.directsCertain += 1;
      else if (kind === 'ambiguous') this.totals.directsAmbiguous += 1;
    }
  }

  /** The counts so far (a copy). */
  counts(): UndeliverableCounts {
    return { ...this.totals };
  }

  /** How many disconnects are remembered now (for tests of the bound). */
  get rememberedDisconnects(): number {
    return this.records.length;
  }

  private classify(record: DisconnectRecord, room: RoomName, sentUs: number): UndeliverableClass {
    const joinedUs = record.joinedUsByRoom.get(room) as number;
    return classifyUndeliverable(sentUs, joinedUs, record.disconnectedUs, this.ambiguityUs, this.joinAmbiguityUs);
  }

  private forgetOld(): void {
    const oldestKeptUs = this.nowUs() - this.forgetAfterUs;
    while (this.records.length > 0 && (this.records[0] as DisconnectRecord).disconnectedUs < oldestKeptUs) {
      const record = this.records.shift() as DisconnectRecord;
      for (const room of record.joinedUsByRoom.keys()) {
        const list = this.byRoom.get(room);
        // Records enter every list in disconnect order, so the oldest is at the front of each of its rooms.
        list?.shift();
        if (list !== undefined && list.length === 0) this.byRoom.delete(room);
      }
    }
  }
}
