/**
 * The result's warnings about fan-outs that could not be judged cleanly: messages that had not reached every
 * expected member when judged, and receipts that came after their message had been judged.
 */
import { fanoutMetricName, type FanoutJudgement } from './delivery-books.js';

/** One warning per kind of trouble, per delivering metric, in the order of `judgements`. */
export function fanoutWarnings(judgements: readonly FanoutJudgement[]): string[] {
  const warnings: string[] = [];
  for (const { metric, incomplete, lateReceipts } of judgements) {
    const what = metric === 'broadcast' ? 'broadcasts' : `'${metric}' messages`;
    if (incomplete > 0) warnings.push(`${incomplete} ${what} did not reach every expected member in time to be judged (see ${metric}.delivery.lost)`);
    if (lateReceipts > 0) warnings.push(`${lateReceipts} ${what.replace(/s$/, '')} receipts arrived after their fan-out had been judged; ${fanoutMetricName(metric)} leaves those messages out`);
  }
  return warnings;
}
