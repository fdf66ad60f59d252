/**
 * Worker-side delivery accounting. Senders log every broadcast and direct they send (channel, sender, actual
 * send time); receivers log their membership windows and classify each message they get. The coordinator's
 * DeliveryLedger turns the logs into the exact number of deliveries expected; this side counts what arrived.
 *
 * Channels: a broadcast's channel is its room index; a direct's channel is `roomCount + recipientIndex` (the
 * recipient's personal room). A receiver counts a message as an expected delivery only when its actual send time
 * lies inside the receiver's window on that channel (from the join ack, or the connect, to the leave or the
 * disconnect); a message sent before the window opened may legitimately arrive and is not counted either way.
 */
import type { DeliveryMetric } from '../metric-names.js';
import type { StreamTracker } from '../measure/stream-tracker.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { FanoutPartial, LedgerDelta, SendBatch, WindowEvent } from './messages.js';

export class DeliveryRecorder {
  private sends = new Map<number, SendBatch>();
  private windows: WindowEvent[] = [];
  /** Fan-out partials by stream (channel * totalClients + sender), then by seq: numeric keys, no string per receipt. */
  private fanout = new Map<number, Map<number, FanoutPartial>>();
  /**
   * The latest window of each of this worker's receivers on each channel (key channel*totalClients+receiver),
   * kept after it closes so that a message sent inside it and still in flight when it closed is still counted.
   */
  private readonly latestWindows = new Map<number, { startUs: number; endUs: number }>();
  /**
   * Order and duplicate tracking, one tracker per receiver, keyed within it by (sender, channel): one key over
   * all three would pass 2^53 (and collide) beyond about 200,000 clients in a run, shards included.
   */
  private readonly trackers = new Map<number, StreamTracker>();

  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly newTracker: () => StreamTracker,
    private readonly roomCount: number,
    private readonly totalClients: number,
  ) {}

  /** The channel of directs to `recipient`. */
  directChannel(recipient: number): number {
    return this.roomCount + recipient;
  }

  recordSend(channel: number, sender: number, sentUs: number): void {
    const key = channel * this.totalClients + sender;
    let batch = this.sends.get(key);
    if (!batch) {
      batch = { channel, sender, sentUs: [] };
      this.sends.set(key, batch);
    }
    batch.sentUs.push(sentUs);
  }

  openWindow(channel: number, receiver: number, atUs: number): void {
    this.latestWindows.set(channel * this.totalClients + receiver, { startUs: atUs, endUs: Number.POSITIVE_INFINITY });
    this.windows.push({ channel, receiver, atUs, open: true });
  }

  /** Closes the receiver's window on the channel if one is open. */
  closeWindow(channel: number, receiver: number, atUs: number): void {
    const window = this.latestWindows.get(channel * this.totalClients + receiver);
    if (!window || window.endUs !== Number.POSITIVE_INFINITY) return;
    window.endUs = atUs;
    this.windows.push({ channel, receiver, atUs, open: false });
  }

  /**
   * Classifies one received message and counts it. Returns false when it falls outside this receiver's windows
   * (counted as unexpected when the receiver never had a window on the channel).
   */
  received(
    metric: DeliveryMetric,
    channel: number,
    receiver: number,
    sender: number,
    seq: number,
    sentUs: number,
  ): boolean {
    const window = this.latestWindows.get(channel * this.totalClients + receiver);
    if (!window) {
      this.metrics.delivered(metric, 'unexpected');
      return false;
    }
    // Sent just before the window opened or after it closed (a join or leave racing the message): the server may
    // or may not have routed it here, so it is counted neither as expected nor as received.
    if (sentUs < window.startUs || sentUs > window.endUs) return false;
    let tracker = this.trackers.get(receiver);
    if (tracker === undefined) {
      tracker = this.newTracker();
      this.trackers.set(receiver, tracker);
    }
    this.metrics.delivered(metric, tracker.record(sender * (this.roomCount + this.totalClients) + channel, seq));
    return true;
  }

  /** Adds one receipt of a broadcast to its fan-out partial (merged by the coordinator across workers). */
  fanoutReceived(channel: number, sender: number, seq: number, t0Us: number, sentUs: number, receiveUs: number): void {
    const stream = channel * this.totalClients + sender;
    let bySeq = this.fanout.get(stream);
    if (bySeq === undefined) {
      bySeq = new Map();
      this.fanout.set(stream, bySeq);
    }
    const partial = bySeq.get(seq);
    if (partial) {
      partial.received += 1;
      if (receiveUs > partial.lastReceiveUs) partial.lastReceiveUs = receiveUs;
    } else {
      bySeq.set(seq, { channel, sender, seq, t0Us, sentUs, received: 1, lastReceiveUs: receiveUs });
    }
  }

  /** Everything logged since the last call. */
  takeDelta(): LedgerDelta {
    const fanout: FanoutPartial[] = [];
    for (const bySeq of this.fanout.values()) for (const partial of bySeq.values()) fanout.push(partial);
    const delta: LedgerDelta = { sends: [...this.sends.values()], windows: this.windows, fanout };
    this.sends = new Map();
    this.windows = [];
    this.fanout = new Map();
    return delta;
  }
}
