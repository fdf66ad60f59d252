import { planRun } from '../engine/run-plan.js';
import { LedgerLog } from './ledger-log.js';
import { finishShardResult } from './shard-result.js';
import { clientsInShard, formatShardSpec } from './shard-spec.js';
/** One sharded run's extra work. Construct before the run; pass `log.add` as the coordinator's onLedger. */
export class ShardRun {
    slice;
    scenario;
    log = new LedgerLog();
    /** Throws RangeError (meant for the user) when the slice would hold no client. */
    constructor(slice, scenario) {
        this.slice = slice;
        this.scenario = scenario;
        const totalClients = planRun(scenario).totalClients;
        if (clientsInShard(totalClients, slice) === 0) {
            throw new RangeError(`--shard ${formatShardSpec(slice)}: the scenario has ${totalClients} clients, fewer than ${slice.count} slices; every slice needs at least one`);
        }
    }
    /** Writes the ledger into `outDir` and marks `result` (mutated) as this slice. Call before writing result.json. */
    async finish(result, outDir) {
        await finishShardResult(result, this.slice, this.scenario.population.rooms, this.log, outDir);
    }
}
/**
 * A slice's exit code: its thresholds were evaluated on the slice alone, so only the run's own outcome counts
 * (0 completed, 3 failed, 130 interrupted); `sio-bench merge` gates on the thresholds.
 */
export function sliceExitCode(result, codes) {
    switch (result.status) {
        case 'completed':
            return codes.ok;
        case 'failed':
            return codes.runFailed;
        case 'interrupted':
            return codes.interrupted;
    }
}
//# sourceMappingURL=shard-run.js.map