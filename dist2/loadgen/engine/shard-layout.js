import { ChildShardHost } from './load-process.js';
import { registerShardHost } from './loadgen-memory.js';
import { LocalShardHost } from './shard-host.js';
/** Processes = ceil(clients / clientsPerProcess); the threads are shared out over them (at least one each). */
export function planShards(input) {
    if (!Number.isInteger(input.threads) || input.threads < 1)
        throw new RangeError('workers must be a positive integer');
    if (!Number.isInteger(input.clientsPerProcess) || input.clientsPerProcess < 1)
        throw new RangeError('clientsPerProcess must be a positive integer');
    const processes = Math.max(1, Math.ceil(input.totalClients / input.clientsPerProcess));
    const threadsPerProcess = Math.max(1, Math.ceil(input.threads / processes));
    // Never more workers than clients: an empty worker would only add noise.
    const workerCount = Math.max(1, Math.min(processes * threadsPerProcess, input.totalClients));
    return { processes, threadsPerProcess, workerCount };
}
/** Starts the hosts of `layout`: all threads in this process, or `processes` child processes. */
export function startShardHosts(layout, base, onMessage) {
    const tasks = [];
    for (let workerId = 0; workerId < layout.workerCount; workerId += 1)
        tasks.push({ ...base, workerId });
    const hosts = [];
    if (layout.processes === 1) {
        hosts.push(new LocalShardHost(tasks));
    }
    else {
        for (let p = 0; p < layout.processes; p += 1) {
            const own = tasks.filter((task) => task.workerId % layout.processes === p);
            if (own.length > 0)
                hosts.push(new ChildShardHost(own, `load process ${p + 1}`));
        }
    }
    for (const host of hosts) {
        registerShardHost(host);
        host.start(onMessage);
    }
    return hosts;
}
//# sourceMappingURL=shard-layout.js.map