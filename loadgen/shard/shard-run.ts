/**
 * What `run --shard i/n` adds to a run: checks that the slice is not empty, keeps every worker's ledger data,
 * and at the end writes it beside the result and marks the result as a slice.
 */
import type { RunResult } from '../run-result.js';
import type { Scenario } from '../scenario/schema.js';
import type { ShardSlice } from '../engine/messages.js';
import { planRun } from '../engine/run-plan.js';
import { LedgerLog } from './ledger-log.js';
import { finishShardResult } from './shard-result.js';
import { clientsInShard, formatShardSpec } from './shard-spec.js';

/** One sharded run's extra work. Construct before the run; pass `log.add` as the coordinator's onLedger. */
export class ShardRun {
  readonly log = new LedgerLog();

  /** Throws RangeError (meant for the user) when the slice would hold no client. */
  constructor(
    readonly slice: ShardSlice,
    private readonly scenario: Scenario,
  ) {
    const totalClients = planRun(scenario).totalClients;
    if (clientsInShard(totalClients, slice) === 0) {
      throw new RangeError(`--shard ${formatShardSpec(slice)}: the scenario has ${totalClients} clients, fewer than ${slice.count} slices; every slice needs at least one`);
    }
  }

  /** Writes the ledger into `outDir` and marks `result` (mutated) as this slice. Call before writing result.json. */
  async finish(result: RunResult, outDir: string): Promise<void> {
    await finishShardResult(result, this.slice, this.scenario.population.rooms, this.log, outDir);
  }
}
