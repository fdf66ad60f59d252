/**
 * Coordinator-side exact expected-delivery accounting. A channel is a room id, or a client's personal
 * channel for direct messages. Senders report the actual send times of what they sent on each channel;
 * receivers report their membership windows on each channel, one per connection (membership-window.ts holds
 * the rule: a message is expected through a window when its send time is in [startUs, endUs]). A receiver
 * does not expect its own messages unless the channel includes the sender.
 *
 * The worker decides its receipts with the very same bounds (it reports what it uses itself), so the two
 * counts agree exactly when nothing is lost. Windows that ended without a drain carry a tail (WindowTail):
 * their missing messages in the tail are counted by cause, not as lost.
 *
 * Cost: sends are kept in sorted Float64 arrays per channel and per (channel, sender); `account` is
 * O(windows × log sends) (about 100k × 20 steps for 100k windows and 1M sends), plus one sort of a channel
 * whose sends arrived out of order since the last call.
 */
import { OPEN_END_US, windowHolds, type MissingCause, type WindowTail } from './membership-window.js';
import { SortedTimes } from './sorted-times.js';

const US_PER_SEC = 1_000_000;

/** Whether a sender on `channel` receives its own messages (broadcast includeSelf). */
export type IncludeSelf = (channel: number) => boolean;

/** Expected deliveries up to a cutoff, and how many of the missing ones have a cause other than loss. */
export interface LedgerAccount {
  expected: number;
  inFlightAtStop: number;
  undeliverable: number;
}

interface ChannelSends {
  all: SortedTimes;
  bySender: Map<number, SortedTimes>;
}

interface Window {
  channel: number;
  /** The receiving client (its index), for its own sends. */
  receiver: number;
  connection: number;
  /** The channel's sends, held directly so the per-window loop needs no map lookup. */
  sends: ChannelSends;
  startUs: number;
  /** OPEN_END_US while open. */
  endUs: number;
  tail: { fromUs: number; received: number; cause: MissingCause } | undefined;
}

/** Expected deliveries from sends and membership windows; one per delivering kind and run on the coordinator. */
export class DeliveryLedger {
  private readonly channels = new Map<number, ChannelSends>();
  private readonly windows: Window[] = [];
  private readonly windowsByChannel = new Map<number, Window[]>();
  /** The open window per channel and connection. */
  private readonly open = new Map<number, Map<number, Window>>();
  /** Every window per channel and connection, open or closed (a connection may leave and join again). */
  private readonly byConnection = new Map<number, Map<number, Window[]>>();
  /** The channels each sender sent on. */
  private readonly channelsBySender = new Map<number, Set<number>>();
  private sendCount = 0;

  constructor(private readonly includeSelf: IncludeSelf) {}

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
    let channels = this.channelsBySender.get(sender);
    if (channels === undefined) {
      channels = new Set();
      this.channelsBySender.set(sender, channels);
    }
    channels.add(channel);
    this.sendCount += sentUs.length;
  }

  /** Opens `connection`'s window on `channel` at `startUs`; `receiver` is its client. Throws if one is open. */
  openWindow(channel: number, receiver: number, connection: number, startUs: number): void {
    const byConnection = mapOf(this.open, channel);
    if (byConnection.has(connection)) {
      throw new RangeError(`connection ${connection} already has an open window on channel ${channel}`);
    }
    const window: Window = { channel, receiver, connection, sends: this.channelSends(channel), startUs, endUs: OPEN_END_US, tail: undefined };
    byConnection.set(connection, window);
    this.windows.push(window);
    listOf(this.windowsByChannel, channel).push(window);
    listOf(mapOf(this.byConnection, channel), connection).push(window);
  }

  /** Closes `connection`'s open window on `channel` at `endUs` (>= its start). Throws if none is open. */
  closeWindow(channel: number, connection: number, endUs: number): void {
    const window = this.open.get(channel)?.get(connection);
    if (window === undefined) throw new RangeError(`connection ${connection} has no open window on channel ${channel}`);
    if (endUs < window.startUs) {
      throw new RangeError(`endUs ${endUs} is before the window's startUs ${window.startUs}`);
    }
    window.endUs = endUs;
    this.open.get(channel)?.delete(connection);
  }

  /**
   * Records that a connection ended without a drain: the window of `tail.connection` on `tail.channel` that
   * holds tail.toUs (its end) gets the tail. Throws if there is no such closed window, or it has a tail already.
   */
  addTail(tail: WindowTail): void {
    const window = this.byConnection.get(tail.channel)?.get(tail.connection)?.find((w) => w.endUs === tail.toUs);
    if (window === undefined) throw new RangeError(`connection ${tail.connection} has no window on channel ${tail.channel} ending at ${tail.toUs}`);
    if (window.tail !== undefined) throw new RangeError(`the window of connection ${tail.connection} on channel ${tail.channel} has a tail already`);
    window.tail = { fromUs: tail.fromUs, received: tail.received, cause: tail.cause };
  }

  /**
   * Deliveries expected from sends with sentUs <= cutoffUs: the sum over windows of the channel's sends in
   * [startUs, min(endUs, cutoffUs)], less the receiver's own sends unless includeSelf(channel); and, of the
   * windows whose tail ends by the cutoff, the expected messages of the tail that did not arrive, by cause.
   */
  account(cutoffUs: number): LedgerAccount {
    const result: LedgerAccount = { expected: 0, inFlightAtStop: 0, undeliverable: 0 };
    const includeSelfByChannel = new Map<number, boolean>();
    for (const window of this.windows) {
      if (window.sends.all.length === 0) continue;
      let includeSelf = includeSelfByChannel.get(window.channel);
      if (includeSelf === undefined) {
        includeSelf = this.includeSelf(window.channel);
        includeSelfByChannel.set(window.channel, includeSelf);
      }
      const toUs = Math.min(window.endUs, cutoffUs);
      result.expected += this.countExpected(window, includeSelf, toUs);
      const tail = window.tail;
      if (tail === undefined || window.endUs > cutoffUs) continue;
      const expectedInTail = this.countExpected(window, includeSelf, window.endUs, tail.fromUs);
      result[tail.cause] += Math.max(0, expectedInTail - tail.received);
    }
    return result;
  }

  /**
   * Expected deliveries by the second of the run in which they were sent: element k counts the messages sent in
   * [originUs + k s, originUs + (k + 1) s) that some window expects, the first element also those sent before
   * `originUs` and the last also those sent after, so the elements sum to account(+∞).expected. Cost per
   * channel: O(sends + windows × log), whatever the run's length (an hour-long window is not walked second by
   * second), plus the receiver's own sends inside its windows.
   */
  expectedBySendSecond(originUs: number, seconds: number): number[] {
    const out = new Array<number>(Math.max(0, seconds)).fill(0);
    if (seconds <= 0) return out;
    const secondOf = (tUs: number): number => Math.min(seconds - 1, Math.max(0, Math.floor((tUs - originUs) / US_PER_SEC)));
    for (const [channel, windows] of this.windowsByChannel) {
      const sends = this.channels.get(channel);
      if (sends === undefined || sends.all.length === 0) continue;
      const all = sends.all;
      const includeSelf = this.includeSelf(channel);
      // Seconds wholly inside a window take all of that second's sends: counted as [from, to) coverage ranges,
      // then swept once over the seconds that had sends. Its first and last seconds are counted exactly.
      const coverFrom: number[] = [];
      const coverTo: number[] = [];
      for (const window of windows) {
        const { startUs, endUs } = window;
        if (startUs > endUs) continue;
        const first = secondOf(startUs);
        const last = secondOf(endUs);
        if (first === last) out[first]! += all.countInRange(startUs, endUs);
        else {
          out[first]! += all.countBelow(originUs + (first + 1) * US_PER_SEC) - all.countBelow(startUs);
          out[last]! += all.countUpTo(endUs) - all.countBelow(originUs + last * US_PER_SEC);
          if (last - first > 1) {
            coverFrom.push(first + 1);
            coverTo.push(last);
          }
        }
        if (!includeSelf) {
          for (const sentUs of sends.bySender.get(window.receiver)?.valuesInRange(startUs, endUs) ?? []) out[secondOf(sentUs)]! -= 1;
        }
      }
      if (coverFrom.length === 0) continue;
      coverFrom.sort((a, b) => a - b);
      coverTo.sort((a, b) => a - b);
      let opened = 0;
      let closed = 0;
      let index = 0;
      const values = all.valuesInRange(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
      while (index < values.length) {
        const second = secondOf(values[index]!);
        let count = 0;
        while (index < values.length && secondOf(values[index]!) === second) {
          count += 1;
          index += 1;
        }
        while (opened < coverFrom.length && coverFrom[opened]! <= second) opened += 1;
        while (closed < coverTo.length && coverTo[closed]! <= second) closed += 1;
        out[second]! += (opened - closed) * count;
      }
    }
    return out;
  }

  /**
   * How many members should get a message sent on `channel` at `sentUs` by `sender` (fan-out completion). With
   * `outsideTails`, only those whose window's tail does not cover it (their miss is counted there already).
   */
  membersAt(channel: number, sender: number, sentUs: number, options: { outsideTails?: boolean } = {}): number {
    const list = this.windowsByChannel.get(channel);
    if (list === undefined) return 0;
    const self = this.includeSelf(channel);
    let count = 0;
    for (const window of list) {
      if (!windowHolds(window.startUs, window.endUs, sentUs) || (!self && window.receiver === sender)) continue;
      if (options.outsideTails === true && window.tail !== undefined && sentUs > window.tail.fromUs) continue;
      count += 1;
    }
    return count;
  }

  /** `sender`'s sends with a send time in (fromUs, toUs], on every channel. */
  sendsOf(sender: number, fromUs: number, toUs: number): Array<{ channel: number; sentUs: number }> {
    const sends: Array<{ channel: number; sentUs: number }> = [];
    for (const channel of this.channelsBySender.get(sender) ?? []) {
      for (const sentUs of this.channels.get(channel)?.bySender.get(sender)?.valuesAboveUpTo(fromUs, toUs) ?? []) sends.push({ channel, sentUs });
    }
    return sends;
  }

  /**
   * Sends of the window's channel in [startUs, toUs], or in (afterUs, toUs] when afterUs is at or past the
   * window's start; less the receiver's own unless includeSelf.
   */
  private countExpected(window: Window, includeSelf: boolean, toUs: number, afterUs = Number.NEGATIVE_INFINITY): number {
    const count = (times: SortedTimes): number =>
      afterUs < window.startUs ? times.countInRange(window.startUs, toUs) : times.countAboveUpTo(afterUs, toUs);
    let expected = count(window.sends.all);
    if (!includeSelf) {
      const own = window.sends.bySender.get(window.receiver);
      if (own !== undefined) expected -= count(own);
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

function mapOf<V>(map: Map<number, Map<number, V>>, key: number): Map<number, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

function listOf<V>(map: Map<number, V[]>, key: number): V[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}
