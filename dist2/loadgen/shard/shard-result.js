/**
 * Turns a finished run of one slice (`run --shard i/n`) into a shard result: writes its delivery ledger beside
 * result.json, records which slice it is, and says in its warnings that its delivery figures and thresholds
 * cover this slice alone until `sio-bench merge` combines every slice.
 */
import path from 'node:path';
import { LEDGER_FILE_NAME, writeLedgerFile } from './ledger-file.js';
import { formatShardSpec } from './shard-spec.js';
/**
 * What this slice's receivers counted, summed from the series. The series points carry the workers' tallies
 * uncapped; the totals cap received at the slice's own (partial) expectation, so they cannot be used here.
 */
export function receiptsFromSeries(series) {
    const receipts = {};
    for (const point of series) {
        for (const [metric, tally] of Object.entries(point.delivery)) {
            if (tally === undefined)
                continue;
            const sum = (receipts[metric] ??= { received: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 });
            sum.received += tally.received;
            sum.duplicated += tally.duplicated;
            sum.outOfOrder += tally.outOfOrder;
            sum.unexpected += tally.unexpected;
        }
    }
    return receipts;
}
/** The run's time zero, epoch ms, read back from its series (each point's epochMs is start + tSec s). */
export function runStartEpochMsOf(result) {
    const first = result.series[0];
    return first === undefined ? Date.parse(result.startedAt) : first.epochMs - first.tSec * 1000;
}
/** Writes `log` to `outDir`/ledger.bin.gz and marks `result` as slice `slice` (mutates it). Returns the ledger path. */
export async function finishShardResult(result, slice, rooms, log, outDir) {
    const ledgerPath = path.join(outDir, LEDGER_FILE_NAME);
    await writeLedgerFile(ledgerPath, log.finish(slice, rooms, receiptsFromSeries(result.series)));
    result.shard = { position: slice.index + 1, count: slice.count, ledgerFile: LEDGER_FILE_NAME, runStartEpochMs: runStartEpochMsOf(result) };
    result.warnings.push(`shard ${formatShardSpec(slice)}: delivery figures (expected, lost, unexpected, fan-out completion) and thresholds cover this slice alone; run \`sio-bench merge\` over every slice's result.json for the whole run`);
    return ledgerPath;
}
//# sourceMappingURL=shard-result.js.map