import { formatHold, measureHold } from './loadgen-hold-bench.js';
/**
 * 100,000 clients over 8 server workers (12,500 each, well under the 20,000 descriptors of a process), connected
 * at a rate the cluster's primary keeps up with on 2 cores beside the load generator (a connect waiting longer
 * than the client's 10 s connect timeout fails), then held idle for 60 s.
 */
export const CLUSTER_HOLD_LOAD = { clients: 100_000, connectRatePerSec: 350, holdSec: 60, serverWorkers: 8 };
export const clusterHoldBench = {
    name: 'cluster-hold',
    description: '100,000 lean clients held 60 s against an 8-worker reference-server cluster on this machine',
    async run(settings) {
        const load = { ...CLUSTER_HOLD_LOAD, holdSec: settings.quick ? 15 : CLUSTER_HOLD_LOAD.holdSec };
        const figures = await measureHold(load);
        return formatHold([{ title: 'hold', figures }], `cluster-hold: lean websocket clients against a ${load.serverWorkers}-worker reference-server cluster`);
    },
};
//# sourceMappingURL=cluster-hold-bench.js.map