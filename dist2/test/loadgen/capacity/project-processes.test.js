import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectProcesses } from '../../../loadgen/capacity/project-processes.js';
const MIB = 2 ** 20;
const fit = { slope: 0, intercept: 0, r2: 1, n: 6, xMin: 0, xMax: 1 };
/** 10 µs of CPU per delivery on a 10% base; 10 KiB per client on a 100 MiB base. */
const COSTS = {
    cpu: { cpuUsPerDelivery: 10, baseCpuPercent: 10, cpuPercentPerDeliveryPerSec: 0.001, fit },
    memory: { bytesPerClient: 10 * 1024, baseRssBytes: 100 * MIB, fit },
};
const LIMITS = { cpuBudgetPercent: 80, memoryPerProcessBytes: 1024 * MIB, connectionsPerProcess: 20_000 };
const TARGET = { clients: 200_000, ratePerClientPerSec: 1, roomSize: 50 };
test('200,000 clients at 1/s in rooms of 50: CPU decides', () => {
    const projection = projectProcesses(TARGET, LIMITS, COSTS, 1);
    assert.equal(projection.messagesPerSec, 200_000);
    assert.equal(projection.deliveriesPerSec, 9_800_000);
    // CPU: 0.001 %/(delivery/s) × 9.8M = 9,800% of a core; 80 − 10 = 70% per process → 140 processes.
    assert.deepEqual(projection.cpu.kind === 'count' ? projection.cpu.processes : projection.cpu.kind, 140);
    // Memory: 200,000 × 10 KiB = 2,048,000,000 B; 1024 − 100 MiB = 968,884,224 B per process → 2.11 → 3.
    assert.deepEqual(projection.memory.kind === 'count' ? projection.memory.processes : projection.memory.kind, 3);
    // Connections: 200,000 / 20,000 = 10.
    assert.deepEqual(projection.connections.kind === 'count' ? projection.connections.processes : projection.connections.kind, 10);
    assert.equal(projection.processes, 140);
    assert.equal(projection.decidedBy, 'cpu');
    assert.ok(projection.perProcess !== undefined);
    assert.equal(projection.perProcess.deliveriesPerSec, 70_000);
    assert.ok(Math.abs((projection.perProcess.cpuPercent ?? 0) - 80) < 1e-9);
    assert.match(projection.assumptions.join('\n'), /no cross-process adapter cost/);
});
test('a light workload is bound by connections; a cluster run says the adapter is included', () => {
    const projection = projectProcesses({ clients: 200_000, ratePerClientPerSec: 0.01, roomSize: 2 }, LIMITS, COSTS, 4);
    // CPU: 2,000 deliveries/s × 0.001 = 2% → 1 process; memory 3; connections 10.
    assert.equal(projection.processes, 10);
    assert.equal(projection.decidedBy, 'connections');
    assert.match(projection.assumptions.join('\n'), /ran against 4 server processes.*includes the cross-process adapter/);
});
test('an idle process over the CPU budget is infeasible; an unknown fit leaves the other bounds', () => {
    const heavy = projectProcesses(TARGET, LIMITS, { ...COSTS, cpu: { ...COSTS.cpu, baseCpuPercent: 85 } }, 1);
    assert.equal(heavy.cpu.kind, 'infeasible');
    assert.equal(heavy.processes, undefined);
    const noCpu = projectProcesses(TARGET, LIMITS, { memory: COSTS.memory }, 1);
    assert.equal(noCpu.cpu.kind, 'unknown');
    assert.equal(noCpu.processes, 10);
    assert.equal(noCpu.decidedBy, 'connections');
});
//# sourceMappingURL=project-processes.test.js.map