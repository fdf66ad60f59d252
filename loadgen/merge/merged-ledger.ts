/**
 * The delivery accounting of a sharded run, recomputed from every slice's ledger: all sends and membership
 * windows laid on one DeliveryLedger per delivering metric give the exact expected deliveries, and all
 * partial fan-outs with all windows on one FanoutTracker per fanning-out metric give the exact fan-out
 * completion (the time until the last member in ANY slice had a message). Pure: no I/O.
 */
import { DeliveryBooks } from '../engine/delivery-books.js';
import type { DeliveryChannels } from '../measure/delivery-channels.js';
import type { LedgerAccount } from '../measure/delivery-ledger.js';
import { LatencyRecorder } from '../measure/latency-recorder.js';
import type { EncodedMetricHistograms } from '../run-result.js';
import type { SendSecondDelivery } from '../engine/series-delivery.js';
import { MESSAGE_FIELDS, SENDER_TAIL_FIELDS, SEND_FIELDS, TAIL_CAUSES, TAIL_FIELDS, WINDOW_FIELDS, type ShardLedger } from '../shard/ledger-log.js';

/** The recomputed accounting of all slices together. */
export interface MergedAccounting {
  /** Expected deliveries and the missing ones by cause, per used delivering metric. */
  accounts: Array<{ metric: string; account: LedgerAccount }>;
  /** Per fan-out metric: messages whose fan-out reached every expected member, and those that did not. */
  fanouts: Array<{ metric: string; complete: number; incomplete: number }>;
  /** Fan-out completion histograms by metric (one sample per complete fan-out); only metrics that had one. */
  fanoutCompletion: Map<string, EncodedMetricHistograms>;
  /**
   * Per used delivering metric, expected and distinct received deliveries by the second (from `seconds.originUs`)
   * in which they were sent, for the merged series (series-delivery.ts); empty without `seconds`. A slice's own
   * per-second expected cannot serve: its ledger holds no other slice's sends.
   */
  bySendSecond: SendSecondDelivery[];
}

/**
 * Recomputes expected deliveries and fan-out completion over `ledgers` (one per slice, any order), laid out
 * by the run's `channels`. Throws RangeError when the ledgers contradict each other (a connection's window
 * opened twice: the same slice given twice).
 */
export function mergeLedgers(ledgers: readonly ShardLedger[], channels: DeliveryChannels, seconds?: { originUs: number; seconds: number }): MergedAccounting {
  const recorders = new Map<string, LatencyRecorder>();
  const books = new DeliveryBooks(channels, (metric) => {
    const recorder = new LatencyRecorder();
    recorders.set(metric, recorder);
    return recorder;
  });
  try {
    for (const ledger of ledgers) {
      const { sends, windows, tails } = ledger;
      for (let i = 0; i < sends.length; i += SEND_FIELDS) books.addSends(sends[i]!, sends[i + 1]!, [sends[i + 2]!]);
      for (let i = 0; i < windows.length; i += WINDOW_FIELDS) books.window(windows[i]!, windows[i + 1]!, windows[i + 2]!, windows[i + 3]!, windows[i + 4] === 1);
      for (let i = 0; i < tails.length; i += TAIL_FIELDS) {
        const cause = TAIL_CAUSES[tails[i + 5]!];
        if (cause === undefined) throw new RangeError(`tail cause ${tails[i + 5]} is not one of ${TAIL_CAUSES.join(', ')}`);
        books.addTail({ channel: tails[i]!, connection: tails[i + 1]!, fromUs: tails[i + 2]!, toUs: tails[i + 3]!, received: tails[i + 4]!, cause });
      }
    }
    // Every slice's sender tails first, so that each follows the messages of its range from any slice.
    for (const ledger of ledgers) {
      const list = ledger.senderTails;
      for (let i = 0; i < list.length; i += SENDER_TAIL_FIELDS) books.addSenderTail({ sender: list[i]!, fromUs: list[i + 1]!, toUs: list[i + 2]! });
    }
    // A partial's receipts are distinct and inside their windows (the worker logs only those), so they sum to received.
    const receivedBySecond = new Map<string, number[]>();
    const secondCount = seconds?.seconds ?? 0;
    for (const ledger of ledgers) {
      const parts = ledger.messages;
      for (let i = 0; i < parts.length; i += MESSAGE_FIELDS) {
        if (seconds !== undefined && secondCount > 0) {
          const metric = channels.streamOf(parts[i]!).metric;
          let bySecond = receivedBySecond.get(metric);
          if (bySecond === undefined) {
            bySecond = new Array<number>(secondCount).fill(0);
            receivedBySecond.set(metric, bySecond);
          }
          const second = Math.min(secondCount - 1, Math.max(0, Math.floor((parts[i + 4]! - seconds.originUs) / 1_000_000)));
          bySecond[second]! += parts[i + 5]!;
        }
        books.partial({
          channel: parts[i]!,
          sender: parts[i + 1]!,
          seq: parts[i + 2]!,
          t0Us: parts[i + 3]!,
          sentUs: parts[i + 4]!,
          received: parts[i + 5]!,
          lastReceiveUs: parts[i + 6]!,
        });
      }
    }
    books.settleAll();
    const fanoutCompletion = new Map<string, EncodedMetricHistograms>();
    for (const [metric, recorder] of recorders) {
      const encoded = recorder.takeInterval();
      if (encoded !== undefined) fanoutCompletion.set(metric, encoded);
    }
    return {
      accounts: books.finalAccounts(),
      fanouts: books.fanoutJudgements().map(({ metric, complete, incomplete }) => ({ metric, complete, incomplete })),
      fanoutCompletion,
      bySendSecond:
        seconds === undefined
          ? []
          : books.expectedBySendSecond(seconds.originUs, secondCount).map(({ metric, expected }) => ({
              metric,
              expected,
              received: receivedBySecond.get(metric) ?? new Array<number>(secondCount).fill(0),
            })),
    };
  } finally {
    for (const recorder of recorders.values()) recorder.destroy();
  }
}
