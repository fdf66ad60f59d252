/**
 * `cluster-hold` (issue 6): 100,000 concurrent lean websocket clients held against a cluster of the reference
 * server on this one machine, all alive after a 60 s hold, with the memory per connection of each side. One
 * process may hold at most 20,000 file descriptors here, so the scenario names only the clients and the server's
 * workers; the engine spreads the clients itself over load processes (15,000 each) and loopback source
 * addresses (10,000 each), the cluster's primary hands each connection to a worker.
 * Run alone: node dist/bench/run-all.js cluster-hold [--quick]
 */
import type { BenchModule, BenchSettings } from './bench-module.js';
import { formatHold, measureHold, type HoldLoad } from './loadgen-hold-bench.js';

/**
 * 100,000 clients over 8 server workers (12,500 each, well under the 20,000 descriptors of a process), connected
 * at a rate the cluster's primary keeps up with on 2 cores beside the load generator (a connect waiting longer
 * than the client's 10 s connect timeout fails), then held idle for 60 s.
 */
export const CLUSTER_HOLD_LOAD: HoldLoad = { clients: 100_000, connectRatePerSec: 350, holdSec: 60, serverWorkers: 8 };

export const clusterHoldBench: BenchModule = {
  name: 'cluster-hold',
  description: '100,000 lean clients held 60 s against an 8-worker reference-server cluster on this machine',
  async run(settings: BenchSettings): Promise<string> {
    const load: HoldLoad = { ...CLUSTER_HOLD_LOAD, holdSec: settings.quick ? 15 : CLUSTER_HOLD_LOAD.holdSec };
    const figures = await measureHold(load);
    return formatHold([{ title: 'hold', figures }], `cluster-hold: lean websocket clients against a ${load.serverWorkers}-worker reference-server cluster`);
  },
};
