import { openAdapter } from '../adapters/open-adapter.js';
import { createReferenceServer } from '../reference-server.js';
import { startClusterPrimary } from './cluster-primary.js';
/**
 * Starts the server that `scaleOut` describes. Rejects as createReferenceServer does (ServerOptionsError, listen
 * errors), with RedisConnectError when Redis cannot be reached, and with ClusterStartError when a worker ends
 * before it is ready. Call it in the primary only; a node:cluster worker runs runClusterWorker instead.
 */
export async function startScaledServer(input, scaleOut) {
    if (scaleOut.workers > 1)
        return startClusterPrimary(input, scaleOut);
    const opened = await openAdapter(scaleOut.adapter, scaleOut.redisUrl === undefined ? {} : { redisUrl: scaleOut.redisUrl });
    let server;
    try {
        server = await createReferenceServer({ ...input, adapter: opened.adapter });
    }
    catch (error) {
        await opened.close();
        throw error;
    }
    const running = server;
    let closing;
    return {
        url: running.url,
        options: running.options,
        scaleOut,
        // One process has no part that can die without the whole: nothing to report here.
        failure: new Promise(() => undefined),
        close: () => (closing ??= (async () => {
            await running.close();
            await opened.close();
        })()),
    };
}
//# sourceMappingURL=scaled-server.js.map