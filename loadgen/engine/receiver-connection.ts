/**
 * One connection of a simulated client as a receiver: its membership windows (membership-window.ts), its own
 * order and duplicate tracker, and the send times of what it received lately (for the tail of a window that
 * ends without a drain). A client that reconnects gets a new ReceiverConnection; what still arrives through the
 * old one is judged by the old one's windows, so a draining socket never feeds the new connection's count.
 */
import { OPEN_END_US, PENDING_START_US, windowHolds } from '../measure/membership-window.js';
import { StreamTracker } from '../measure/stream-tracker.js';

/** A window of this connection on one channel. */
export interface ConnectionWindow {
  channel: number;
  /** PENDING_START_US until the join is acknowledged. */
  startUs: number;
  /** OPEN_END_US while open. */
  endUs: number;
  /** Send times of the distinct receipts counted in this window lately (kept only with an in-flight horizon). */
  recentSentUs: number[];
}

/** What a receipt through this connection is to the accounting. */
export type ReceiptWindow =
  /** Inside a window of this connection on the channel: counted. */
  | ConnectionWindow
  /** The connection joined (or is joining) the channel, but the send time is outside its windows: a join or leave
   * racing the message, which the server may or may not have routed here, so neither expected nor received. */
  | 'outside'
  /** The connection never joined the channel: the server should not have sent it here. */
  | 'unknown';

const NO_WINDOWS: ReadonlyMap<number, ConnectionWindow[]> = new Map();

export class ReceiverConnection {
  /**
   * The connection's windows per channel, oldest first (a connection may leave a room and join it again); made on
   * the first join, so that a connection that joins nothing (a connect storm's) costs no Map.
   */
  private windows: Map<number, ConnectionWindow[]> | undefined;
  /** The channel a receipt was looked up on last, and its list (lists are never replaced): most receipts of a connection are on one channel. */
  private lastChannel = -1;
  private lastList: ConnectionWindow[] | undefined;
  readonly tracker = new StreamTracker();
  /** When it opened (its connect, or its first window where a test opens windows only), µs; Infinity before. */
  openedUs = Number.POSITIVE_INFINITY;
  /** From when it sends nothing more (a planned close keeps it open to drain, but sends go through the next one), µs. */
  sendsUntilUs = Number.POSITIVE_INFINITY;

  constructor(
    /** Unique in the run (membership-window.ts connectionId). */
    readonly id: number,
    /** The client's global index. */
    readonly clientIndex: number,
  ) {}

  /** Notes that a join of `channel` was sent: receipts on it are no longer unknown, but not yet counted. */
  expect(channel: number): void {
    if (this.openWindowOn(channel) !== undefined) return;
    const list = this.windows?.get(channel);
    if (list !== undefined && list.some((window) => window.startUs === PENDING_START_US)) return;
    this.listOf(channel).push({ channel, startUs: PENDING_START_US, endUs: OPEN_END_US, recentSentUs: [] });
  }

  /** Opens the window on `channel` at `atUs` (the join ack, or the connect for the direct channel). */
  open(channel: number, atUs: number): void {
    const list = this.listOf(channel);
    const pending = list.find((window) => window.startUs === PENDING_START_US);
    if (pending !== undefined) pending.startUs = atUs;
    else list.push({ channel, startUs: atUs, endUs: OPEN_END_US, recentSentUs: [] });
  }

  /** Closes the open window on `channel` at `atUs`; returns false when none was open. A pending join is dropped. */
  close(channel: number, atUs: number): boolean {
    const list = this.windows?.get(channel);
    if (list === undefined) return false;
    const at = list.findIndex((window) => window.startUs === PENDING_START_US);
    if (at >= 0) list.splice(at, 1);
    const window = this.openWindowOn(channel);
    if (window === undefined) return false;
    window.endUs = atUs;
    return true;
  }

  /** The open window on `channel`, if any. */
  openWindowOn(channel: number): ConnectionWindow | undefined {
    const list = this.windows?.get(channel);
    if (list === undefined) return undefined;
    for (const window of list) if (window.startUs !== PENDING_START_US && window.endUs === OPEN_END_US) return window;
    return undefined;
  }

  /** Channels with an open window. */
  openChannels(): number[] {
    const channels: number[] = [];
    for (const [channel, list] of this.windows ?? NO_WINDOWS) {
      if (list.some((window) => window.startUs !== PENDING_START_US && window.endUs === OPEN_END_US)) channels.push(channel);
    }
    return channels;
  }

  /** Every window that opened, open or closed. */
  *allWindows(): IterableIterator<ConnectionWindow> {
    for (const list of (this.windows ?? NO_WINDOWS).values()) for (const window of list) if (window.startUs !== PENDING_START_US) yield window;
  }

  /** Where a message on `channel` sent at `sentUs` falls (see ReceiptWindow). */
  windowFor(channel: number, sentUs: number): ReceiptWindow {
    let list = this.lastList;
    if (channel !== this.lastChannel || list === undefined) {
      list = this.windows?.get(channel);
      if (list === undefined) return 'unknown';
      this.lastChannel = channel;
      this.lastList = list;
    }
    for (const window of list) if (windowHolds(window.startUs, window.endUs, sentUs)) return window;
    return 'outside';
  }

  /** Forgets recent receipts sent at or before `beforeUs` (they can no longer fall in a tail). */
  prune(beforeUs: number): void {
    if (this.windows === undefined) return;
    for (const list of this.windows.values()) {
      for (const window of list) {
        const recent = window.recentSentUs;
        if (recent.length === 0 || recent[0]! > beforeUs) continue;
        window.recentSentUs = recent.filter((sentUs) => sentUs > beforeUs);
      }
    }
  }

  private listOf(channel: number): ConnectionWindow[] {
    const windows = (this.windows ??= new Map());
    let list = windows.get(channel);
    if (list === undefined) {
      list = [];
      windows.set(channel, list);
    }
    return list;
  }
}
