/**
 * Fan-out completion: the time until the LAST expected member of a room had a broadcast. Workers report partial
 * fan-outs (how many distinct members, each one connection window, got a message and when the last one did);
 * this merges them across workers and, once a message has settled, records its completion if the distinct
 * members that got it are all the members the ledger expected (its membership windows, the one rule of
 * membership-window.ts). Pure: the caller passes the times.
 */
import type { DeliveryLedger } from '../measure/delivery-ledger.js';
import type { LatencyRecorder } from '../measure/latency-recorder.js';
import type { MessagePartial } from './messages.js';

interface Pending {
  channel: number;
  sender: number;
  t0Us: number;
  sentUs: number;
  received: number;
  lastReceiveUs: number;
}

export class FanoutTracker {
  private readonly pending = new Map<string, Pending>();
  /** Broadcasts whose fan-out did not reach every expected member (their losses are in the delivery counts). */
  incomplete = 0;
  /** Broadcasts whose fan-out completed. */
  complete = 0;
  /** Receipts that arrived after their broadcast had been settled (judged with the receipts known then). */
  lateReceipts = 0;
  /** The longest send-to-last-receipt span seen so far, µs: settling waits a multiple of it. */
  private longestSpanUs = 0;
  /** Messages sent before this time have been settled. */
  private settledBeforeUs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly recorder: LatencyRecorder,
    /** The broadcasts' ledger: its windows say who is a member when. */
    private readonly ledger: DeliveryLedger,
  ) {}

  partial(part: MessagePartial): void {
    if (part.lastReceiveUs - part.sentUs > this.longestSpanUs) this.longestSpanUs = part.lastReceiveUs - part.sentUs;
    if (part.sentUs < this.settledBeforeUs) {
      this.lateReceipts += part.received;
      return;
    }
    const key = `${part.channel}:${part.sender}:${part.seq}`;
    const entry = this.pending.get(key);
    if (entry) {
      entry.received += part.received;
      if (part.lastReceiveUs > entry.lastReceiveUs) entry.lastReceiveUs = part.lastReceiveUs;
      return;
    }
    this.pending.set(key, {
      channel: part.channel,
      sender: part.sender,
      t0Us: part.t0Us,
      sentUs: part.sentUs,
      received: part.received,
      lastReceiveUs: part.lastReceiveUs,
    });
  }

  /**
   * The time before which messages can be settled at `nowUs`: at least `minimumUs` ago, and at least three times
   * the longest fan-out seen so far, so that a slow server does not make complete fan-outs look incomplete.
   */
  settleCutoffUs(nowUs: number, minimumUs: number): number {
    return nowUs - Math.max(minimumUs, 3 * this.longestSpanUs);
  }

  /** Records the completion of every message sent before `settledBeforeUs` and forgets it. */
  settle(settledBeforeUs: number): void {
    if (settledBeforeUs > this.settledBeforeUs) this.settledBeforeUs = settledBeforeUs;
    for (const [key, entry] of this.pending) {
      if (entry.sentUs >= settledBeforeUs) continue;
      this.pending.delete(key);
      const expected = this.ledger.membersAt(entry.channel, entry.sender, entry.sentUs);
      if (expected > 0 && entry.received === expected) {
        this.complete += 1;
        this.recorder.record(entry.lastReceiveUs - entry.t0Us, entry.lastReceiveUs - entry.sentUs);
      } else {
        this.incomplete += 1;
      }
    }
  }
}
