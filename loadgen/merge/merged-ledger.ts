/**
 * The delivery accounting of a sharded run, recomputed from every slice's ledger: all sends and membership
 * windows laid on one DeliveryLedger per delivering metric give the exact expected deliveries, and all
 * partial fan-outs with all broadcast windows on one FanoutTracker give the exact fan-out completion (the
 * time until the last member in ANY slice had a broadcast). Pure: no I/O.
 */
import { FanoutTracker } from '../engine/fanout-tracker.js';
import { DeliveryLedger, type LedgerAccount } from '../measure/delivery-ledger.js';
import { LatencyRecorder } from '../measure/latency-recorder.js';
import type { EncodedMetricHistograms } from '../run-result.js';
import { SenderTails } from '../measure/sender-tails.js';
import { MESSAGE_FIELDS, SENDER_TAIL_FIELDS, SEND_FIELDS, TAIL_CAUSES, TAIL_FIELDS, WINDOW_FIELDS, type ShardLedger } from '../shard/ledger-log.js';

/** The recomputed accounting of all slices together. */
export interface MergedAccounting {
  /** Expected deliveries and the missing ones by cause, per delivering metric. */
  accounts: { broadcast: LedgerAccount; direct: LedgerAccount };
  /** Broadcasts whose fan-out reached every expected member, and those that did not. */
  fanoutComplete: number;
  fanoutIncomplete: number;
  /** Fan-out completion histograms (one sample per complete broadcast); undefined when there was none. */
  fanoutCompletion: EncodedMetricHistograms | undefined;
}

/**
 * Recomputes expected deliveries and fan-out completion over `ledgers` (one per slice, any order).
 * `includeSelf` says whether broadcasts reach their sender. Throws RangeError when the ledgers contradict each
 * other (a connection's window opened twice: the same slice given twice).
 */
export function mergeLedgers(ledgers: readonly ShardLedger[], includeSelf: boolean): MergedAccounting {
  const rooms = ledgers[0]?.rooms ?? 0;
  const broadcast = new DeliveryLedger(() => includeSelf);
  const direct = new DeliveryLedger(() => false);
  const recorder = new LatencyRecorder();
  const fanout = new FanoutTracker(recorder, broadcast);
  const senderTails = new SenderTails();
  try {
    for (const ledger of ledgers) {
      const { sends, windows, tails } = ledger;
      for (let i = 0; i < sends.length; i += SEND_FIELDS) {
        const channel = sends[i]!;
        (channel < rooms ? broadcast : direct).addSends(channel, sends[i + 1]!, [sends[i + 2]!]);
      }
      for (let i = 0; i < windows.length; i += WINDOW_FIELDS) {
        const channel = windows[i]!;
        const connection = windows[i + 2]!;
        const atUs = windows[i + 3]!;
        const target = channel < rooms ? broadcast : direct;
        if (windows[i + 4] === 1) target.openWindow(channel, windows[i + 1]!, connection, atUs);
        else target.closeWindow(channel, connection, atUs);
      }
      for (let i = 0; i < tails.length; i += TAIL_FIELDS) {
        const channel = tails[i]!;
        const cause = TAIL_CAUSES[tails[i + 5]!];
        if (cause === undefined) throw new RangeError(`tail cause ${tails[i + 5]} is not one of ${TAIL_CAUSES.join(', ')}`);
        (channel < rooms ? broadcast : direct).addTail({ channel, connection: tails[i + 1]!, fromUs: tails[i + 2]!, toUs: tails[i + 3]!, received: tails[i + 4]!, cause });
      }
    }
    // Every slice's sender tails first, so that each follows the messages of its range from any slice.
    for (const ledger of ledgers) {
      const list = ledger.senderTails;
      for (let i = 0; i < list.length; i += SENDER_TAIL_FIELDS) senderTails.add({ sender: list[i]!, fromUs: list[i + 1]!, toUs: list[i + 2]! });
    }
    for (const ledger of ledgers) {
      const parts = ledger.messages;
      for (let i = 0; i < parts.length; i += MESSAGE_FIELDS) {
        senderTails.reached(parts[i]!, parts[i + 1]!, parts[i + 4]!, parts[i + 2]!);
        if (parts[i]! >= rooms) continue;
        fanout.partial({
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
    fanout.settle(Number.POSITIVE_INFINITY);
    return {
      accounts: { broadcast: finalAccount(broadcast, senderTails), direct: finalAccount(direct, senderTails) },
      fanoutComplete: fanout.complete,
      fanoutIncomplete: fanout.incomplete,
      fanoutCompletion: recorder.takeInterval(),
    };
  } finally {
    recorder.destroy();
  }
}

/** The ledger's final account, with what the senders' abrupt ends made undeliverable. */
function finalAccount(ledger: DeliveryLedger, senderTails: SenderTails): LedgerAccount {
  const account = ledger.account(Number.POSITIVE_INFINITY);
  return { ...account, undeliverable: account.undeliverable + senderTails.undeliverable(ledger) };
}
