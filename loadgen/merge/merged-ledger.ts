/**
 * The delivery accounting of a sharded run, recomputed from every slice's ledger: all sends and membership
 * windows laid on one DeliveryLedger per delivering metric give the exact expected deliveries, and all
 * partial fan-outs with all broadcast windows on one FanoutTracker give the exact fan-out completion (the
 * time until the last member in ANY slice had a broadcast). Pure: no I/O.
 */
import { FanoutTracker } from '../engine/fanout-tracker.js';
import { DeliveryLedger } from '../measure/delivery-ledger.js';
import { LatencyRecorder } from '../measure/latency-recorder.js';
import type { EncodedMetricHistograms } from '../run-result.js';
import { FANOUT_FIELDS, SEND_FIELDS, WINDOW_FIELDS, type ShardLedger } from '../shard/ledger-log.js';

/** The recomputed accounting of all slices together. */
export interface MergedAccounting {
  expected: { broadcast: number; direct: number };
  /** Broadcasts whose fan-out reached every expected member, and those that did not. */
  fanoutComplete: number;
  fanoutIncomplete: number;
  /** Fan-out completion histograms (one sample per complete broadcast); undefined when there was none. */
  fanoutCompletion: EncodedMetricHistograms | undefined;
}

/**
 * Recomputes expected deliveries and fan-out completion over `ledgers` (one per slice, any order).
 * `includeSelf` says whether broadcasts reach their sender. Throws RangeError when the ledgers contradict each
 * other (a receiver's window opened twice: the same slice given twice).
 */
export function mergeLedgers(ledgers: readonly ShardLedger[], includeSelf: boolean): MergedAccounting {
  const rooms = ledgers[0]?.rooms ?? 0;
  const broadcast = new DeliveryLedger();
  const direct = new DeliveryLedger();
  const recorder = new LatencyRecorder();
  const fanout = new FanoutTracker(recorder, () => includeSelf);
  try {
    for (const ledger of ledgers) {
      const { sends, windows } = ledger;
      for (let i = 0; i < sends.length; i += SEND_FIELDS) {
        const channel = sends[i]!;
        (channel < rooms ? broadcast : direct).addSends(channel, sends[i + 1]!, [sends[i + 2]!]);
      }
      for (let i = 0; i < windows.length; i += WINDOW_FIELDS) {
        const channel = windows[i]!;
        const receiver = windows[i + 1]!;
        const atUs = windows[i + 2]!;
        const open = windows[i + 3] === 1;
        const target = channel < rooms ? broadcast : direct;
        if (open) target.openWindow(channel, receiver, atUs);
        else target.closeWindow(channel, receiver, atUs);
        if (channel < rooms) fanout.window({ channel, receiver, atUs, open });
      }
    }
    for (const ledger of ledgers) {
      const parts = ledger.fanout;
      for (let i = 0; i < parts.length; i += FANOUT_FIELDS) {
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
      expected: {
        broadcast: broadcast.expectedUpTo(Number.POSITIVE_INFINITY, { includeSelf: () => includeSelf }),
        direct: direct.expectedUpTo(Number.POSITIVE_INFINITY, { includeSelf: () => false }),
      },
      fanoutComplete: fanout.complete,
      fanoutIncomplete: fanout.incomplete,
      fanoutCompletion: recorder.takeInterval(),
    };
  } finally {
    recorder.destroy();
  }
}
