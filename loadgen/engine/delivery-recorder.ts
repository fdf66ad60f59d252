/**
 * Worker-side delivery accounting. Senders log every broadcast and direct they send (channel, sender, actual
 * send time); each receiving connection logs its membership windows and classifies each message it gets. The
 * coordinator's DeliveryLedger turns the logs into the exact number of deliveries expected; this side counts
 * what arrived, per connection (membership-window.ts holds the one rule both sides use).
 *
 * Channels: delivery-channels.ts numbers them (a room of a bench broadcast or of a custom delivery, a client's
 * own channel, the namespace).
 */
import type { DeliveryChannels } from '../measure/delivery-channels.js';
import { connectionId, type MissingCause, type WindowTail } from '../measure/membership-window.js';
import type { StreamOutcome } from '../measure/stream-tracker.js';
import type { WorkerMetrics } from '../measure/worker-metrics.js';
import type { SenderTail } from '../measure/sender-tails.js';
import type { MessagePartial, LedgerDelta, ReceiptsBySendSec, SendBatch, WindowEvent } from './messages.js';
import { ReceiverConnection } from './receiver-connection.js';

export class DeliveryRecorder {
  private sends = new Map<number, SendBatch>();
  private windows: WindowEvent[] = [];
  private tails: WindowTail[] = [];
  private receipts: ReceiptsBySendSec[] = [];
  private readonly receiptCounts = new Map<string, Map<number, ReceiptsBySendSec>>();
  /** Message partials by stream (channel * totalClients + sender), then by seq: numeric keys, no string per receipt. */
  private messages = new Map<number, Map<number, MessagePartial>>();
  /**
   * The partial and the receipt count touched last: a broadcast reaches the room's members in this worker one
   * after another, so most receipts add to the same message and send second as the one before.
   */
  private lastPartial: MessagePartial | undefined;
  private lastReceipts: ReceiptsBySendSec | undefined;
  private senderTails: SenderTail[] = [];
  /** Connections that may still receive (open or draining), for pruning their recent receipts. */
  private readonly live = new Set<ReceiverConnection>();

  constructor(
    private readonly metrics: WorkerMetrics,
    /** The run's channels: which metric each belongs to and whether it includes the sender. */
    readonly channels: DeliveryChannels,
    /**
     * How long a message may be in flight, µs (the scenario's drain): what a connection that ends without a drain
     * expected within this span before its end is counted by cause, not as lost. 0: nothing is in flight.
     */
    private readonly inFlightHorizonUs: number,
    /** The run's time zero (monotonic µs), for receipts by send second. */
    private runStartUs = 0,
  ) {}

  /** Sets the run's time zero once it is known. */
  startAt(runStartUs: number): void {
    this.runStartUs = runStartUs;
  }

  /** The channel of directs to `recipient`. */
  directChannel(recipient: number): number {
    return this.channels.personal(0, recipient);
  }

  /** A new receiving connection for client `clientIndex`, its `epoch`-th (0 first). */
  connection(clientIndex: number, epoch: number): ReceiverConnection {
    const connection = new ReceiverConnection(connectionId(clientIndex, epoch, this.channels.totalClients), clientIndex);
    this.live.add(connection);
    return connection;
  }

  /** The connection is open at `atUs`: its windows on the channels it is a member of from its connect open. */
  connected(connection: ReceiverConnection, atUs: number): void {
    if (connection.openedUs === Number.POSITIVE_INFINITY) connection.openedUs = atUs;
    for (const channel of this.channels.connectChannels(connection.clientIndex)) this.openWindow(connection, channel, atUs);
  }

  recordSend(channel: number, sender: number, sentUs: number): void {
    const key = channel * this.channels.totalClients + sender;
    let batch = this.sends.get(key);
    if (!batch) {
      batch = { channel, sender, sentUs: [] };
      this.sends.set(key, batch);
    }
    batch.sentUs.push(sentUs);
  }

  /** Opens the connection's window on `channel` at `atUs` (join ack, or connect for its direct channel). */
  openWindow(connection: ReceiverConnection, channel: number, atUs: number): void {
    if (connection.openedUs === Number.POSITIVE_INFINITY) connection.openedUs = atUs;
    connection.open(channel, atUs);
    this.windows.push({ channel, receiver: connection.clientIndex, connection: connection.id, atUs, open: true });
  }

  /** Closes the connection's window on `channel` at `atUs` if one is open (a pending join is dropped). */
  closeWindow(connection: ReceiverConnection, channel: number, atUs: number): void {
    if (connection.close(channel, atUs)) {
      this.windows.push({ channel, receiver: connection.clientIndex, connection: connection.id, atUs, open: false });
    }
  }

  /** Closes every open window of the connection at `atUs` (a leave of everything, or a disconnect decided now). */
  closeAll(connection: ReceiverConnection, atUs: number): void {
    if (atUs < connection.sendsUntilUs) connection.sendsUntilUs = atUs;
    for (const channel of connection.openChannels()) this.closeWindow(connection, channel, atUs);
  }

  /**
   * The connection is gone at `atUs`. Open windows close now. Without `cause` its windows had their drain (a
   * planned close); with one, every window that ended within the in-flight horizon before `atUs` gets a tail,
   * so that what it expected and did not get in that span is counted under `cause` instead of as lost.
   */
  endConnection(connection: ReceiverConnection, atUs: number, cause?: MissingCause): void {
    if (!this.live.delete(connection)) return;
    this.closeAll(connection, atUs);
    if (cause === undefined || this.inFlightHorizonUs <= 0) return;
    const fromUs = atUs - this.inFlightHorizonUs;
    // What it sent lately may not have reached the server either (a stop ends every receiver's windows too,
    // whose tails cover its messages already).
    const sendsFromUs = Math.max(fromUs, connection.openedUs);
    if (cause === 'undeliverable' && sendsFromUs < connection.sendsUntilUs) {
      this.senderTails.push({ sender: connection.clientIndex, fromUs: sendsFromUs, toUs: connection.sendsUntilUs });
    }
    for (const window of connection.allWindows()) {
      if (window.endUs <= fromUs) continue;
      let received = 0;
      for (const sentUs of window.recentSentUs) if (sentUs > fromUs && sentUs <= window.endUs) received += 1;
      this.tails.push({ channel: window.channel, connection: connection.id, fromUs, toUs: window.endUs, received, cause });
    }
  }

  /**
   * Classifies one message received through `connection` and counts it. Returns the outcome of a counted
   * receipt (a distinct one is 'new' or 'outOfOrder'), or undefined when it falls outside the connection's
   * windows (counted as unexpected when the connection never joined the channel).
   */
  received(
    metric: string,
    connection: ReceiverConnection,
    channel: number,
    sender: number,
    seq: number,
    sentUs: number,
  ): StreamOutcome | undefined {
    const window = connection.windowFor(channel, sentUs);
    if (window === 'unknown') {
      this.metrics.delivered(metric, 'unexpected');
      return undefined;
    }
    // Outside its windows, or its own message (through an older connection still draining) on a channel that
    // does not include the sender: the ledger expects neither, so neither counts.
    if (window === 'outside' || (sender === connection.clientIndex && !this.channels.includeSelf(channel))) return undefined;
    const outcome = connection.tracker.record(sender * this.channels.channelCount + channel, seq);
    this.metrics.delivered(metric, outcome);
    if (outcome !== 'duplicate') {
      if (this.inFlightHorizonUs > 0) window.recentSentUs.push(sentUs);
      this.countReceipt(metric, sentUs);
    }
    return outcome;
  }

  /** Adds one distinct receipt of a message to its partial (merged by the coordinator across workers). */
  messageReceived(channel: number, sender: number, seq: number, t0Us: number, sentUs: number, receiveUs: number): void {
    const last = this.lastPartial;
    if (last !== undefined && last.seq === seq && last.sender === sender && last.channel === channel) {
      last.received += 1;
      if (receiveUs > last.lastReceiveUs) last.lastReceiveUs = receiveUs;
      return;
    }
    const stream = channel * this.channels.totalClients + sender;
    let bySeq = this.messages.get(stream);
    if (bySeq === undefined) {
      bySeq = new Map();
      this.messages.set(stream, bySeq);
    }
    let partial = bySeq.get(seq);
    if (partial) {
      partial.received += 1;
      if (receiveUs > partial.lastReceiveUs) partial.lastReceiveUs = receiveUs;
    } else {
      partial = { channel, sender, seq, t0Us, sentUs, received: 1, lastReceiveUs: receiveUs };
      bySeq.set(seq, partial);
    }
    this.lastPartial = partial;
  }

  /** Everything logged since the last call; forgets recent receipts that can no longer fall in a tail. */
  takeDelta(nowUs: number): LedgerDelta {
    const messages: MessagePartial[] = [];
    for (const bySeq of this.messages.values()) for (const partial of bySeq.values()) messages.push(partial);
    const delta: LedgerDelta = {
      sends: [...this.sends.values()],
      windows: this.windows,
      tails: this.tails,
      messages,
      senderTails: this.senderTails,
      receipts: this.receipts,
    };
    this.senderTails = [];
    this.sends = new Map();
    this.windows = [];
    this.tails = [];
    this.messages = new Map();
    this.receipts = [];
    this.receiptCounts.clear();
    this.lastPartial = undefined;
    this.lastReceipts = undefined;
    if (this.inFlightHorizonUs > 0) {
      // A tail starts at most the horizon before the connection's end, which is now or later.
      for (const connection of this.live) connection.prune(nowUs - this.inFlightHorizonUs);
    }
    return delta;
  }

  /** Counts a distinct receipt by the second of the run in which it was sent (the live view settles by it). */
  private countReceipt(metric: string, sentUs: number): void {
    const sendSec = Math.floor((sentUs - this.runStartUs) / 1_000_000);
    const last = this.lastReceipts;
    if (last !== undefined && last.sendSec === sendSec && last.metric === metric) {
      last.count += 1;
      return;
    }
    let bySec = this.receiptCounts.get(metric);
    if (bySec === undefined) {
      bySec = new Map();
      this.receiptCounts.set(metric, bySec);
    }
    let entry = bySec.get(sendSec);
    if (entry === undefined) {
      entry = { metric, sendSec, count: 0 };
      bySec.set(sendSec, entry);
      this.receipts.push(entry);
    }
    entry.count += 1;
    this.lastReceipts = entry;
  }
}
