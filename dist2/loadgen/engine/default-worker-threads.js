import { isLoopbackHost } from './source-addresses.js';
/** Server processes that run on this machine for `target`: builtin's workers (default 1), 1 on loopback, else 0. */
export function serverProcessesOnThisMachine(target) {
    if (target.kind === 'builtin')
        return target.server.workers ?? 1;
    return isLoopbackHost(new URL(target.url).hostname) ? 1 : 0;
}
/** The default worker-thread count: `cores` less `serverProcesses`, at least 1. */
export function defaultWorkerThreads(cores, serverProcesses) {
    return Math.max(1, cores - serverProcesses);
}
//# sourceMappingURL=default-worker-threads.js.map