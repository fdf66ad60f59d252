/**
 * The coordinator's side of the exact delivery accounting: the books kept from each worker's ledger delta,
 * the receipts by send second that the live view settles by, and at the end the final accounts folded into the
 * run's totals and each second of the series.
 */
import type { DeliveryChannels } from '../measure/delivery-channels.js';
import type { LatencyRecorder } from '../measure/latency-recorder.js';
import type { RunAccumulator } from '../measure/run-accumulator.js';
import type { SeriesPoint } from '../run-result.js';
import { DeliveryBooks } from './delivery-books.js';
import { LiveDelivery } from './live-delivery.js';
import type { LedgerDelta } from './messages.js';
import { setDeliveryBySendSecond } from './series-delivery.js';

/** A broadcast counts as settled (its fan-out complete or not) this long after it was sent, µs. */
export const FANOUT_SETTLE_US = 3_000_000;

export class RunDelivery {
  private readonly books: DeliveryBooks;
  private readonly live: LiveDelivery;

  constructor(channels: DeliveryChannels, fanoutRecorder: (metric: string) => LatencyRecorder) {
    this.books = new DeliveryBooks(channels, fanoutRecorder);
    this.live = new LiveDelivery(this.books, FANOUT_SETTLE_US);
  }

  /** Adds one worker's ledger delta: its sends, window events, tails, message partials and receipts. */
  apply(delta: LedgerDelta): void {
    for (const batch of delta.sends) this.books.addSends(batch.channel, batch.sender, batch.sentUs);
    for (const event of delta.windows) this.books.window(event.channel, event.receiver, event.connection, event.atUs, event.open);
    for (const tail of delta.tails) this.books.addTail(tail);
    for (const part of delta.messages) this.books.partial(part);
    for (const tail of delta.senderTails) this.books.addSenderTail(tail);
    this.live.addReceipts(delta.receipts);
  }

  /** Judges the fan-outs of the messages sent at least FANOUT_SETTLE_US before `nowUs`. */
  settle(nowUs: number): void {
    this.books.settle(nowUs, FANOUT_SETTLE_US);
  }

  /** The live view's delivery figures at `nowUs`. */
  liveAt(nowUs: number, runStartUs: number, series: readonly SeriesPoint[]): ReturnType<LiveDelivery['at']> {
    return this.live.at(nowUs, runStartUs, series);
  }

  /** Judges every message still open: the run is over. */
  settleAll(): void {
    this.books.settleAll();
  }

  /** Sets the final accounts in the totals, and each second's expected and received deliveries in the series. */
  fold(accumulator: RunAccumulator, series: SeriesPoint[], runStartUs: number, seconds: number): void {
    for (const { metric, account } of this.books.finalAccounts()) accumulator.setAccounting(metric, account);
    setDeliveryBySendSecond(
      series,
      this.books.expectedBySendSecond(runStartUs, seconds).map(({ metric, expected }) => ({
        metric,
        expected,
        received: this.live.receivedBySendSecond(metric, seconds),
      })),
    );
  }

  fanoutJudgements(): ReturnType<DeliveryBooks['fanoutJudgements']> {
    return this.books.fanoutJudgements();
  }
}
