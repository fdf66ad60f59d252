/**
 * Lean vs official client on the same load, through the real engine (runScenario, worker threads, the built-in
 * reference server as a child process), side by side in one run: load-generator memory per idle connected
 * client, load-generator CPU per delivered broadcast message beside the server's CPU for the same messages,
 * and the broadcast latency percentiles. Run alone: node dist/bench/run-all.js loadgen-client-kinds [--quick]
 */
import { runScenario } from '../loadgen/engine/coordinator.js';
import { requestMemoryBaselines } from '../loadgen/engine/loadgen-memory.js';
import { parseScenarioText } from '../loadgen/scenario/load-scenario.js';
import { measureWindow, phaseSeconds, ResourceProbe } from './loadgen-probe.js';
import { bytesPerClient, MEMORY_NOTE } from './memory-per-client.js';
export const DEFAULT_CLIENT_KINDS_LOAD = { clients: 1000, rooms: 10, broadcastsPerSec: 100, payloadBytes: 100, steadySec: 15 };
/**
 * Idle (no clients: the server's memory baseline; the load generator's is read before its slots exist), ramp-up,
 * settle (idle clients: the memory reading), steady (broadcasts).
 */
const IDLE_SEC = 3;
const RAMP_SEC = 4;
const SETTLE_SEC = 4;
function scenarioText(kind, load) {
    return `
name: bench-client-kinds-${kind}
target: builtin
client: ${kind}
transport: websocket
population: {clients: ${load.clients}, rooms: ${load.rooms}, roomsPerClient: 1, seed: 1}
phases:
  - {name: idle, kind: hold, duration: ${IDLE_SEC}s, actions: []}
  - {name: ramp-up, kind: ramp-up, duration: ${RAMP_SEC}s, actions: []}
  - {name: settle, kind: hold, duration: ${SETTLE_SEC}s, actions: []}
  - {name: steady, kind: hold, duration: ${load.steadySec}s, actions: [broadcast]}
  - {name: ramp-down, kind: ramp-down, duration: 2s, actions: []}
actions:
  - kind: join
  - kind: broadcast
    rate: {total: ${load.broadcastsPerSec}}
    payload: {bytes: ${load.payloadBytes}, kind: text}
thresholds:
  - delivery.lost == 0
drain: 2s
`;
}
/** Runs the scenario with one client kind and reads its figures. */
export async function measureClientKind(kind, load) {
    const loaded = parseScenarioText(scenarioText(kind, load), `bench-client-kinds-${kind}.yml`);
    const settle = phaseSeconds(loaded.scenario, 'settle');
    const probe = new ResourceProbe(`loadgen-client-kinds ${kind}`, 5, settle.endSec);
    const restoreEnvironment = requestMemoryBaselines();
    let result;
    try {
        result = await runScenario({
            loaded,
            reporter: probe,
            notice: (line) => process.stderr.write(`  ${kind}: ${line}\n`),
        });
    }
    finally {
        restoreEnvironment();
    }
    const steady = phaseSeconds(loaded.scenario, 'steady');
    const broadcast = result.totals.delivery.broadcast;
    return {
        kind,
        status: result.status,
        failure: result.failure?.message,
        idle: measureWindow(probe, result.series, IDLE_SEC - 1, settle.endSec),
        loadgenMemory: await probe.memory(),
        steady: measureWindow(probe, result.series, steady.startSec + 1, steady.endSec),
        broadcastLatency: result.totals.latency.broadcast?.corrected,
        fanoutCompletion: result.totals.latency.fanoutCompletion?.corrected,
        lost: broadcast?.lost ?? 0,
        duplicated: broadcast?.duplicated ?? 0,
    };
}
/** Load-generator heap + external growth per idle connected client after forced GC, every thread, bytes. */
export function loadgenBytesPerClient(figures) {
    return bytesPerClient(figures.loadgenMemory, (growth) => growth.heapPlusExternalBytes);
}
/** Load-generator and server CPU per delivered broadcast message in the steady window, µs. */
export function cpuPerDeliveryUs(figures) {
    const { steady } = figures;
    if (steady === undefined)
        return { loadgenUs: undefined, serverUs: undefined };
    const deliveries = Math.max(1, steady.broadcastDeliveries);
    return { loadgenUs: steady.loadgenCpuUs / deliveries, serverUs: steady.serverCpuUs === undefined ? undefined : steady.serverCpuUs / deliveries };
}
function ratio(a, b) {
    return a === undefined || b === undefined ? undefined : a / b;
}
function fixed(value, digits) {
    return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}
function ms(summary, field) {
    return summary === undefined ? 'n/a' : (summary[field] / 1000).toFixed(2);
}
/** The side-by-side table: one row per figure, one column per kind, and official/lean. */
export function formatClientKinds(load, lean, official) {
    const rows = [
        ['idle clients connected', (f) => f.idle?.openAtEnd, (v) => fixed(v, 0)],
        ['**load-generator heap+external per idle client, KiB** (forced GC, every thread)', (f) => ratio(loadgenBytesPerClient(f), 1024), (v) => fixed(v, 2)],
        ['  of which in the worker threads, KiB', (f) => ratio(bytesPerClient(f.loadgenMemory, (growth) => growth.workerHeapPlusExternalBytes), 1024), (v) => fixed(v, 2)],
        ['load-generator RSS growth per idle client, KiB (upper bound)', (f) => ratio(bytesPerClient(f.loadgenMemory, (growth) => growth.rssBytes), 1024), (v) => fixed(v, 2)],
        ['server RSS growth per idle client, KiB (no forced GC)', (f) => ratio(f.idle?.serverRssDeltaBytes, Math.max(1, f.idle?.openAtEnd ?? 0) * 1024), (v) => fixed(v, 2)],
        ['broadcast deliveries measured', (f) => f.steady?.broadcastDeliveries, (v) => fixed(v, 0)],
        ['deliveries per second', (f) => f.steady && f.steady.broadcastDeliveries / (f.steady.toSec - f.steady.fromSec), (v) => fixed(v, 0)],
        ['load-generator CPU per delivery, µs', (f) => cpuPerDeliveryUs(f).loadgenUs, (v) => fixed(v, 2)],
        ['server CPU per delivery, µs', (f) => cpuPerDeliveryUs(f).serverUs, (v) => fixed(v, 2)],
        ['load generator / server CPU', (f) => ratio(cpuPerDeliveryUs(f).loadgenUs, cpuPerDeliveryUs(f).serverUs), (v) => fixed(v, 3)],
        ['busiest worker event-loop utilisation, %', (f) => ratio(f.steady?.maxLoadgenUtilization, 0.01), (v) => fixed(v, 0)],
        ['load average (1 min) at the end of steady', (f) => f.steady?.loadAverage1m, (v) => fixed(v, 2)],
    ];
    const lines = [
        `### loadgen-client-kinds: ${load.clients} clients in ${load.rooms} rooms (${Math.floor(load.clients / load.rooms)} members), ` +
            `${load.broadcastsPerSec} broadcasts/s of ${load.payloadBytes} B, websocket, built-in server`,
        '',
        '| figure | lean | official | official/lean |',
        '|---|---:|---:|---:|',
    ];
    for (const [label, read, format] of rows) {
        const a = read(lean);
        const b = read(official);
        lines.push(`| ${label} | ${format(a)} | ${format(b)} | ${fixed(ratio(b, a), 2)} |`);
    }
    for (const field of ['p50Us', 'p90Us', 'p99Us', 'p999Us', 'maxUs']) {
        lines.push(`| broadcast latency ${field.replace('Us', '')}, ms | ${ms(lean.broadcastLatency, field)} | ${ms(official.broadcastLatency, field)} | |`);
    }
    lines.push(`| fan-out completion p99, ms | ${ms(lean.fanoutCompletion, 'p99Us')} | ${ms(official.fanoutCompletion, 'p99Us')} | |`);
    lines.push(`| broadcast lost / duplicated | ${lean.lost} / ${lean.duplicated} | ${official.lost} / ${official.duplicated} | |`);
    lines.push(`| run status | ${lean.status} | ${official.status} | |`);
    lines.push('');
    lines.push(`Steady window: the steady phase without its first second; memory: read at the end of the settle phase (idle connected clients). ` +
        `Server: RSS then minus RSS before any client connected.`, '', MEMORY_NOTE);
    for (const figures of [lean, official]) {
        if (figures.failure)
            lines.push(`${figures.kind} run failed: ${figures.failure}`);
        if (figures.loadgenMemory.type === 'failed')
            lines.push(`${figures.kind} memory reading failed: ${figures.loadgenMemory.message}`);
    }
    return lines.join('\n');
}
export const loadgenClientKindsBench = {
    name: 'loadgen-client-kinds',
    description: 'lean vs official client through the engine, same load: memory per idle client, CPU per delivery vs the server, latency',
    async run(settings) {
        const load = { ...DEFAULT_CLIENT_KINDS_LOAD, steadySec: settings.quick ? 6 : DEFAULT_CLIENT_KINDS_LOAD.steadySec };
        const lean = await measureClientKind('lean', load);
        const official = await measureClientKind('official', load);
        return formatClientKinds(load, lean, official);
    },
};
//# sourceMappingURL=loadgen-client-kinds-bench.js.map