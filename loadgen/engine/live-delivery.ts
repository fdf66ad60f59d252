/**
 * Delivery while the run is live, settled like the final figures: expected and received count everything up to
 * now, but lost and undeliverable only among messages sent in whole seconds that ended at least `settleUs` ago,
 * from the same ledgers and the receipts counted by send second, so a loss shows while the run is live.
 */
import type { LiveState } from '../live-state.js';
import type { SeriesPoint } from '../run-result.js';
import type { DeliveryBooks } from './delivery-books.js';
import type { ReceiptsBySendSec } from './messages.js';

export class LiveDelivery {
  /** Distinct receipts per delivering metric, by the second of the run in which they were sent. */
  private readonly receiptsBySendSec = new Map<string, number[]>();

  constructor(
    private readonly books: DeliveryBooks,
    /** How long after its send second a message is judged, µs. */
    private readonly settleUs: number,
  ) {}

  /** Adds one worker interval's receipts. */
  addReceipts(receipts: readonly ReceiptsBySendSec[]): void {
    for (const { metric, sendSec, count } of receipts) {
      let bySec = this.receiptsBySendSec.get(metric);
      if (bySec === undefined) {
        bySec = [];
        this.receiptsBySendSec.set(metric, bySec);
      }
      // A message sent before the run's time zero (a connect-phase send) counts in its first second.
      const sec = Math.max(0, sendSec);
      bySec[sec] = (bySec[sec] ?? 0) + count;
    }
  }

  /**
   * Distinct receipts of `metric` by the second in which they were sent, over `seconds` seconds: the last
   * element also holds those sent later, as DeliveryLedger.expectedBySendSecond counts them.
   */
  receivedBySendSecond(metric: string, seconds: number): number[] {
    const out = new Array<number>(Math.max(0, seconds)).fill(0);
    if (seconds <= 0) return out;
    this.receiptsBySendSec.get(metric)?.forEach((count, sec) => {
      out[Math.min(seconds - 1, sec)]! += count;
    });
    return out;
  }

  /** The live figures at `nowUs` of a run that started at `runStartUs`; duplicates are summed from `series`. */
  at(nowUs: number, runStartUs: number, series: readonly SeriesPoint[]): LiveState['delivery'] {
    const settledSec = Math.floor((nowUs - this.settleUs - runStartUs) / 1_000_000);
    const settledUpToUs = runStartUs + settledSec * 1_000_000 - 1;
    const all = this.books.accounts(nowUs).map(({ account }) => account);
    const settled = this.books.accounts(settledUpToUs).map(({ account }) => account);
    const sum = (accounts: typeof all, field: keyof (typeof all)[number]): number => accounts.reduce((total, account) => total + account[field], 0);
    let received = 0;
    let settledReceived = 0;
    for (const bySec of this.receiptsBySendSec.values()) {
      bySec.forEach((count, sec) => {
        received += count;
        if (sec < settledSec) settledReceived += count;
      });
    }
    const duplicated = series.reduce((total, p) => total + Object.values(p.delivery).reduce((sum, tally) => sum + (tally?.duplicated ?? 0), 0), 0);
    const missing = sum(settled, 'inFlightAtStop') + sum(settled, 'undeliverable');
    return {
      expected: sum(all, 'expected'),
      received,
      lost: Math.max(0, sum(settled, 'expected') - settledReceived - missing),
      undeliverable: sum(settled, 'undeliverable'),
      duplicated,
    };
  }
}
