/**
 * The coordinator's side of exact delivery accounting for every delivering metric of a run at once: one
 * DeliveryLedger per metric (the bench protocol's broadcast and direct, each custom action's declared delivery),
 * one FanoutTracker per metric whose messages have several receivers, and the senders' abrupt ends. Fed with
 * the workers' ledger deltas (or a sharded run's slices), routed by the channel layout of delivery-channels.ts.
 */
import type { DeliveryChannels } from '../measure/delivery-channels.js';
import { DeliveryLedger, type LedgerAccount } from '../measure/delivery-ledger.js';
import type { LatencyRecorder } from '../measure/latency-recorder.js';
import type { WindowTail } from '../measure/membership-window.js';
import { SenderTails, type SenderTail } from '../measure/sender-tails.js';
import { fanoutMetricOf } from '../metric-names.js';
import { FanoutTracker } from './fanout-tracker.js';
import type { MessagePartial } from './messages.js';

/** How the fan-outs of one metric were judged. */
export interface FanoutJudgement {
  metric: string;
  complete: number;
  incomplete: number;
  lateReceipts: number;
}

export class DeliveryBooks {
  private readonly ledgers = new Map<string, DeliveryLedger>();
  private readonly fanouts = new Map<string, FanoutTracker>();
  private readonly senderTails = new SenderTails();

  constructor(
    readonly channels: DeliveryChannels,
    /** The recorder of a fan-out completion metric ('fanoutCompletion' for broadcasts, `<action>.fanout`). */
    fanoutRecorder: (metric: string) => LatencyRecorder,
  ) {
    for (const stream of channels.all) {
      const ledger = new DeliveryLedger((channel) => channels.includeSelf(channel));
      this.ledgers.set(stream.metric, ledger);
      if (stream.fansOut) this.fanouts.set(stream.metric, new FanoutTracker(fanoutRecorder(fanoutMetricName(stream.metric)), ledger));
    }
  }

  addSends(channel: number, sender: number, sentUs: Float64Array | readonly number[]): void {
    this.ledgerOf(channel).addSends(channel, sender, sentUs);
  }

  window(channel: number, receiver: number, connection: number, atUs: number, open: boolean): void {
    const ledger = this.ledgerOf(channel);
    if (open) ledger.openWindow(channel, receiver, connection, atUs);
    else ledger.closeWindow(channel, connection, atUs);
  }

  addTail(tail: WindowTail): void {
    this.ledgerOf(tail.channel).addTail(tail);
  }

  addSenderTail(tail: SenderTail): void {
    this.senderTails.add(tail);
  }

  /** One worker's partial receipts of a message: it reached the server; a fan-out to judge once it settles. */
  partial(part: MessagePartial): void {
    this.senderTails.reached(part.channel, part.sender, part.sentUs, part.seq);
    this.fanouts.get(this.channels.streamOf(part.channel).metric)?.partial(part);
  }

  /** Judges the fan-outs sent long enough before `nowUs` (at least `minimumUs`, see FanoutTracker). */
  settle(nowUs: number, minimumUs: number): void {
    for (const fanout of this.fanouts.values()) fanout.settle(fanout.settleCutoffUs(nowUs, minimumUs));
  }

  /** Judges every fan-out still pending (the end of the run). */
  settleAll(): void {
    for (const fanout of this.fanouts.values()) fanout.settle(Number.POSITIVE_INFINITY);
  }

  /** The used metrics' accounts of messages sent up to `cutoffUs` (without the senders' abrupt ends). */
  accounts(cutoffUs: number): Array<{ metric: string; account: LedgerAccount }> {
    return this.usedMetrics().map((metric) => ({ metric, account: this.ledgers.get(metric)!.account(cutoffUs) }));
  }

  /** The used metrics' final accounts, with what the senders' abrupt ends made undeliverable. */
  finalAccounts(): Array<{ metric: string; account: LedgerAccount }> {
    return this.usedMetrics().map((metric) => {
      const ledger = this.ledgers.get(metric)!;
      const account = ledger.account(Number.POSITIVE_INFINITY);
      return { metric, account: { ...account, undeliverable: account.undeliverable + this.senderTails.undeliverable(ledger) } };
    });
  }

  /** The used metrics' expected deliveries by send second (DeliveryLedger.expectedBySendSecond). */
  expectedBySendSecond(originUs: number, seconds: number): Array<{ metric: string; expected: number[] }> {
    return this.usedMetrics().map((metric) => ({ metric, expected: this.ledgers.get(metric)!.expectedBySendSecond(originUs, seconds) }));
  }

  /** How each used fan-out metric's messages were judged. */
  fanoutJudgements(): FanoutJudgement[] {
    const judgements: FanoutJudgement[] = [];
    for (const metric of this.usedMetrics()) {
      const fanout = this.fanouts.get(metric);
      if (fanout) judgements.push({ metric, complete: fanout.complete, incomplete: fanout.incomplete, lateReceipts: fanout.lateReceipts });
    }
    return judgements;
  }

  private usedMetrics(): string[] {
    return this.channels.all.filter((stream) => stream.used).map((stream) => stream.metric);
  }

  private ledgerOf(channel: number): DeliveryLedger {
    return this.ledgers.get(this.channels.streamOf(channel).metric)!;
  }
}

/** The fan-out completion metric of a delivering metric: 'fanoutCompletion' for bench broadcasts. */
export function fanoutMetricName(metric: string): string {
  return metric === 'broadcast' ? 'fanoutCompletion' : fanoutMetricOf(metric);
}
