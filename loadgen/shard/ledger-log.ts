/**
 * A shard's delivery-ledger data, kept whole for `sio-bench merge`. One shard alone cannot know what the other
 * shards' clients sent or when their receivers were members, so it keeps its own side of the accounting as
 * flat numbers: every send (channel, sender, sentUs), every membership window event (channel, receiver, connection,
 * atUs, open), every tail of a window that ended without a drain, and every partial fan-out of a broadcast as its receivers saw it. The merge lays all shards' data on
 * one DeliveryLedger and one FanoutTracker and so computes expected, lost and fan-out completion exactly.
 * Times are the sharded run's epoch µs (epoch-clock.ts).
 */
import type { DeliveryMetric } from '../metric-names.js';
import type { DeliveryTally } from '../measure/tallies.js';
import type { LedgerDelta, ShardSlice } from '../engine/messages.js';
import type { MissingCause } from '../measure/membership-window.js';

/** Numbers per send record: channel, sender, sentUs. */
export const SEND_FIELDS = 3;
/** Numbers per window record: channel, receiver, connection, atUs, open (1) or close (0). */
export const WINDOW_FIELDS = 5;
/** Numbers per tail record: channel, connection, fromUs, toUs, received, cause (TAIL_CAUSES index). */
export const TAIL_FIELDS = 6;
/** Tail causes by their number in a tail record. */
export const TAIL_CAUSES = ['inFlightAtStop', 'undeliverable'] as const satisfies readonly MissingCause[];
/** Numbers per message record (a broadcast's partial fan-out, a direct's receipt): channel, sender, seq, t0Us, sentUs, received, lastReceiveUs. */
export const MESSAGE_FIELDS = 7;
/** Numbers per sender tail: sender, fromUs, toUs. */
export const SENDER_TAIL_FIELDS = 3;

/** What the receivers of one shard counted, per delivering metric (as the workers reported it, uncapped). */
export type ShardReceipts = Record<DeliveryMetric, Omit<DeliveryTally, 'expected'>>;

/** Everything a shard's result needs beside result.json for an exact merge. */
export interface ShardLedger {
  shard: ShardSlice;
  /** Rooms of the scenario: channels below it are rooms (broadcasts), the rest clients' direct channels. */
  rooms: number;
  receipts: ShardReceipts;
  /** SEND_FIELDS numbers per send. */
  sends: Float64Array;
  /** WINDOW_FIELDS numbers per window event, in the order they happened per connection. */
  windows: Float64Array;
  /** TAIL_FIELDS numbers per tail of a window that ended without a drain (after that window's close). */
  tails: Float64Array;
  /** MESSAGE_FIELDS numbers per partial fan-out (one per broadcast, worker and interval that saw it). */
  messages: Float64Array;
  /** SENDER_TAIL_FIELDS numbers per sender tail. */
  senderTails: Float64Array;
}

/** A Float64Array that grows by doubling; `view()` is the filled part. */
class GrowableFloat64 {
  private data = new Float64Array(1024);
  private length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Collects every LedgerDelta of a shard's workers (pass `add` as the coordinator's onLedger). */
export class LedgerLog {
  private readonly sends = new GrowableFloat64();
  private readonly windows = new GrowableFloat64();
  private readonly tails = new GrowableFloat64();
  private readonly messages = new GrowableFloat64();
  private readonly senderTails = new GrowableFloat64();

  /** Appends one worker's delta. */
  readonly add = (delta: LedgerDelta): void => {
    for (const batch of delta.sends) {
      for (const sentUs of batch.sentUs) {
        this.sends.push(batch.channel);
        this.sends.push(batch.sender);
        this.sends.push(sentUs);
      }
    }
    for (const event of delta.windows) {
      for (const value of [event.channel, event.receiver, event.connection, event.atUs, event.open ? 1 : 0]) this.windows.push(value);
    }
    for (const tail of delta.tails) {
      for (const value of [tail.channel, tail.connection, tail.fromUs, tail.toUs, tail.received, TAIL_CAUSES.indexOf(tail.cause)]) this.tails.push(value);
    }
    for (const part of delta.messages) {
      for (const value of [part.channel, part.sender, part.seq, part.t0Us, part.sentUs, part.received, part.lastReceiveUs]) this.messages.push(value);
    }
    for (const tail of delta.senderTails) for (const value of [tail.sender, tail.fromUs, tail.toUs]) this.senderTails.push(value);
  };

  /** The collected data as a ShardLedger. */
  finish(shard: ShardSlice, rooms: number, receipts: ShardReceipts): ShardLedger {
    return { shard, rooms, receipts, sends: this.sends.view(), windows: this.windows.view(), tails: this.tails.view(), messages: this.messages.view(), senderTails: this.senderTails.view() };
  }
}
