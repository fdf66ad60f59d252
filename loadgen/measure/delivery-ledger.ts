/**
 * Coordinator-side exact expected-delivery accounting. A channel is a room id, or a client's personal
 * channel for direct messages. Senders report the actual send times of what they sent on each channel;
 * receivers report their membership windows [startUs, endUs] on each channel. A receiver is expected to get
 * every message sent on the channel with sentUs inside one of its windows (bounds included), except its own
 * messages unless the channel includes the sender.
 *
 * The worker decides receipts with the same rule (see `ReceiverWindows` in receiver-windows.ts): a receipt
 * whose sentUs is inside one of the receiver's windows on that channel counts through the StreamTracker;
 * any other receipt is 'unexpected'. Both sides must use the very same window bounds (the worker reports
 * what it uses itself), so the two counts agree exactly when nothing is lost.
 *
 * Cost: sends are kept in sorted Float64 arrays per channel and per (channel, sender); `expectedUpTo` is
 * O(windows × log sends) (about 100k × 20 steps for 100k windows and 1M sends), plus one sort of a channel
 * whose sends arrived out of order since the last call.
 */
import { SortedTimes } from './sorted-times.js';

/** Options of `expectedUpTo`. */
export interface ExpectedOptions {
  /** Whether a sender on `channel` receives its own messages (broadcast includeSelf). */
  includeSelf(channel: number): boolean;
}

interface ChannelSends {
  all: SortedTimes;
  bySender: Map<number, SortedTimes>;
}

interface Window {
  channel: number;
  receiver: number;
  /** The channel's sends, held directly so the per-window loop needs no map lookup. */
  sends: ChannelSends;
  startUs: number;
  /** Infinity while open. */
  endUs: number;
}

/** Expected deliveries from sends and membership windows; one per run on the coordinator. */
export class DeliveryLedger {
  private readonly channels = new Map<number, ChannelSends>();
  private readonly windows: Window[] = [];
  /** Open window per channel and receiver. */
  private readonly open = new Map<number, Map<number, Window>>();
  private sendCount = 0;

  /** Records that `sender` sent messages on `channel` at `sentUs` (actual send times, µs). */
  addSends(channel: number, sender: number, sentUs: Float64Array | readonly number[]): void {
    if (sentUs.length === 0) return;
    const sends = this.channelSends(channel);
    sends.all.append(sentUs);
    let mine = sends.bySender.get(sender);
    if (mine === undefined) {
      mine = new SortedTimes();
      sends.bySender.set(sender, mine);
    }
    mine.append(sentUs);
    this.sendCount += sentUs.length;
  }

  /** Opens `receiver`'s membership window on `channel` at `startUs`. Throws if one is already open. */
  openWindow(channel: number, receiver: number, startUs: number): void {
    let byReceiver = this.open.get(channel);
    if (byReceiver === undefined) {
      byReceiver = new Map();
      this.open.set(channel, byReceiver);
    }
    if (byReceiver.has(receiver)) {
      throw new RangeError(`receiver ${receiver} already has an open window on channel ${channel}`);
    }
    const window: Window = { channel, receiver, sends: this.channelSends(channel), startUs, endUs: Infinity };
    byReceiver.set(receiver, window);
    this.windows.push(window);
  }

  /** Closes `receiver`'s open window on `channel` at `endUs` (>= its start). Throws if none is open. */
  closeWindow(channel: number, receiver: number, endUs: number): void {
    const window = this.open.get(channel)?.get(receiver);
    if (window === undefined) throw new RangeError(`receiver ${receiver} has no open window on channel ${channel}`);
    if (endUs < window.startUs) {
      throw new RangeError(`endUs ${endUs} is before the window's startUs ${window.startUs}`);
    }
    window.endUs = endUs;
    this.open.get(channel)?.delete(receiver);
  }

  /**
   * Deliveries expected from sends with sentUs <= cutoffUs: the sum over windows of the channel's sends in
   * [startUs, min(endUs, cutoffUs)], minus the receiver's own sends in that range unless includeSelf(channel).
   */
  expectedUpTo(cutoffUs: number, options: ExpectedOptions): number {
    let expected = 0;
    const includeSelfByChannel = new Map<number, boolean>();
    for (const window of this.windows) {
      const sends = window.sends;
      if (sends.all.length === 0) continue;
      const toUs = Math.min(window.endUs, cutoffUs);
      expected += sends.all.countInRange(window.startUs, toUs);
      let includeSelf = includeSelfByChannel.get(window.channel);
      if (includeSelf === undefined) {
        includeSelf = options.includeSelf(window.channel);
        includeSelfByChannel.set(window.channel, includeSelf);
      }
      if (!includeSelf) expected -= sends.bySender.get(window.receiver)?.countInRange(window.startUs, toUs) ?? 0;
    }
    return expected;
  }

  private channelSends(channel: number): ChannelSends {
    let sends = this.channels.get(channel);
    if (sends === undefined) {
      sends = { all: new SortedTimes(), bySender: new Map() };
      this.channels.set(channel, sends);
    }
    return sends;
  }

  /** Sends recorded so far, over all channels. */
  get sends(): number {
    return this.sendCount;
  }

  /** Windows recorded so far, open and closed. */
  get windowCount(): number {
    return this.windows.length;
  }
}
