/**
 * The delivery figures of each second of a run's series, fixed at the end of the run: expected (from the ledger)
 * and received (distinct receipts) of the messages SENT in that second, so that received / expected is the share
 * of that second's messages that arrived, whenever they arrived. Workers cannot count expected (only the ledger
 * knows the membership), and a count by arrival second would not pair with one by send second.
 */
import type { SeriesPoint } from '../run-result.js';

/** One delivering metric's counts by send second; element k is the second ending at tSec k + 1. */
export interface SendSecondDelivery {
  metric: string;
  expected: readonly number[];
  received: readonly number[];
}

/**
 * Sets `delivery[metric].expected` and `.received` of every point of `series` from `bySecond` (the point ending
 * at tSec t takes element t - 1); duplicated, out-of-order and unexpected stay as counted on arrival.
 */
export function setDeliveryBySendSecond(series: SeriesPoint[], bySecond: readonly SendSecondDelivery[]): void {
  for (const point of series) {
    const index = Math.round(point.tSec) - 1;
    for (const { metric, expected, received } of bySecond) {
      const expectedThen = expected[index] ?? 0;
      const receivedThen = received[index] ?? 0;
      const tally = point.delivery[metric];
      if (tally !== undefined) {
        tally.expected = expectedThen;
        tally.received = receivedThen;
      } else if (expectedThen > 0 || receivedThen > 0) {
        point.delivery[metric] = { expected: expectedThen, received: receivedThen, duplicated: 0, outOfOrder: 0, unexpected: 0 };
      }
    }
  }
}
