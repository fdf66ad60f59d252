/** Most connections one process is planned for here (file descriptors, kernel buffers, heartbeat timers). Default 20,000. */
export const DEFAULT_CONNECTIONS_PER_PROCESS = 20_000;
/**
 * Resident memory a process is planned for, bytes: 2 GiB, near V8's default old-space limit on 64-bit hosts,
 * beyond which a Node.js process needs --max-old-space-size anyway. Default of `--memory-per-process`.
 */
export const DEFAULT_MEMORY_PER_PROCESS_BYTES = 2 * 2 ** 30;
/** CPU a process may use at the target, % of one core: 20% headroom for spikes, GC and reconnect storms. Default 80. */
export const DEFAULT_CPU_BUDGET_PERCENT = 80;
/** ceil(need / available) but at least 1, for a need and an availability > 0. */
function countFor(need, available) {
    return Math.max(1, Math.ceil(need / available - 1e-9));
}
function cpuBound(costs, deliveriesPerSec, budgetPercent) {
    const cpu = costs.cpu;
    if (cpu === undefined)
        return { kind: 'unknown', reason: 'CPU per delivery could not be fitted (no steps with deliveries, or no spread in deliveries/s)' };
    if (!(cpu.cpuPercentPerDeliveryPerSec > 0))
        return { kind: 'unknown', reason: `the CPU fit has no positive slope (${cpu.cpuPercentPerDeliveryPerSec.toExponential(2)} %/(delivery/s)): the steps did not load the CPU measurably` };
    const base = Math.max(0, cpu.baseCpuPercent);
    const available = budgetPercent - base;
    if (available <= 0)
        return { kind: 'infeasible', reason: `an idle process already uses ${base.toFixed(1)}% of a core, at or above the ${budgetPercent}% budget` };
    const need = cpu.cpuPercentPerDeliveryPerSec * deliveriesPerSec;
    return { kind: 'count', processes: countFor(need, available), need, availablePerProcess: available };
}
function memoryBound(costs, clients, memoryPerProcessBytes) {
    const memory = costs.memory;
    if (memory === undefined)
        return { kind: 'unknown', reason: 'memory per client could not be fitted (the steps did not vary the connected clients)' };
    if (!(memory.bytesPerClient > 0))
        return { kind: 'unknown', reason: `the memory fit has no positive slope (${memory.bytesPerClient.toFixed(0)} B per client)` };
    const base = Math.max(0, memory.baseRssBytes);
    const available = memoryPerProcessBytes - base;
    if (available <= 0)
        return { kind: 'infeasible', reason: `an idle process already uses ${(base / 2 ** 20).toFixed(0)} MiB, at or above the ${(memoryPerProcessBytes / 2 ** 20).toFixed(0)} MiB budget` };
    const need = memory.bytesPerClient * clients;
    return { kind: 'count', processes: countFor(need, available), need, availablePerProcess: available };
}
/** Projects the processes `target` needs from the fitted costs. `clusterProcesses` > 1 when the steps ran against a cluster. */
export function projectProcesses(target, limits, costs, clusterProcesses) {
    const messagesPerSec = target.clients * target.ratePerClientPerSec;
    const deliveriesPerSec = messagesPerSec * Math.max(0, target.roomSize - 1);
    const cpu = cpuBound(costs, deliveriesPerSec, limits.cpuBudgetPercent);
    const memory = memoryBound(costs, target.clients, limits.memoryPerProcessBytes);
    const connections = {
        kind: 'count',
        processes: countFor(target.clients, limits.connectionsPerProcess),
        need: target.clients,
        availablePerProcess: limits.connectionsPerProcess,
    };
    const assumptions = [
        `deliveries/s = clients × rate × (room size − 1) = ${target.clients} × ${target.ratePerClientPerSec} × ${target.roomSize - 1}; every client in one room of ${target.roomSize}, rooms spread evenly over the processes`,
        'CPU grows linearly with deliveries and memory with connected clients, as fitted from the steps; beyond the loads measured the lines are extrapolated',
        'the cost per delivery does not depend on room size or payload beyond what the measured scenario had',
        `each process may use ${limits.cpuBudgetPercent}% of one core, ${(limits.memoryPerProcessBytes / 2 ** 20).toFixed(0)} MiB and ${limits.connectionsPerProcess} connections`,
        clusterProcesses > 1
            ? `the steps ran against ${clusterProcesses} server processes, so the fitted CPU per delivery is the cluster's total and includes the cross-process adapter's cost per message`
            : 'no cross-process adapter cost: the steps ran against one process. With n > 1 processes every broadcast is also published to the other n − 1 through the adapter; measure that cost by running this capacity scenario against a cluster of the server and comparing CPU per delivery',
    ];
    const bounds = { cpu, memory, connections };
    if (cpu.kind === 'infeasible' || memory.kind === 'infeasible')
        return { target, limits, messagesPerSec, deliveriesPerSec, cpu, memory, connections, assumptions };
    let decidedBy = 'connections';
    let processes = 0;
    for (const key of ['cpu', 'memory', 'connections']) {
        const bound = bounds[key];
        if (bound.kind === 'count' && bound.processes > processes) {
            processes = bound.processes;
            decidedBy = key;
        }
    }
    const perDeliveries = deliveriesPerSec / processes;
    const perClients = target.clients / processes;
    return {
        target,
        limits,
        messagesPerSec,
        deliveriesPerSec,
        cpu,
        memory,
        connections,
        processes,
        decidedBy,
        perProcess: {
            clients: perClients,
            deliveriesPerSec: perDeliveries,
            ...(costs.cpu !== undefined ? { cpuPercent: Math.max(0, costs.cpu.baseCpuPercent) + costs.cpu.cpuPercentPerDeliveryPerSec * perDeliveries } : {}),
            ...(costs.memory !== undefined ? { rssBytes: Math.max(0, costs.memory.baseRssBytes) + costs.memory.bytesPerClient * perClients } : {}),
        },
        assumptions,
    };
}
//# sourceMappingURL=project-processes.js.map