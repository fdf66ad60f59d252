/**
 * The largest hold one reference-server process takes here: 19,000 lean websocket clients (one process may have
 * at most 20,000 file descriptors), through the real engine, twice: a connect storm at 4,000 per second (the
 * connect rate and latency), and a slower ramp held idle for 60 s (heartbeats only: is every client still there). The engine spreads them by itself over load processes (15,000 clients per
 * process by default) and loopback source addresses. Reports whether every client was still open at the end of
 * the hold, the connect rate achieved and the connect latency, and the memory and CPU of both sides.
 * Run alone: node dist/bench/run-all.js loadgen-hold [--quick]
 */
import { runScenario } from '../loadgen/engine/coordinator.js';
import { requestMemoryBaselines } from '../loadgen/engine/loadgen-memory.js';
import { sourceAddressesFor } from '../loadgen/engine/source-addresses.js';
import { parseScenarioText } from '../loadgen/scenario/load-scenario.js';
import { measureWindow, phaseSeconds, ResourceProbe } from './loadgen-probe.js';
import { MEMORY_NOTE, MEMORY_ROWS } from './memory-per-client.js';
/** No clients connected yet: the server's memory baseline (the load generator's is read before its slots exist). */
const IDLE_SEC = 3;
/** Extra ramp time after the last scheduled connect, for the last handshakes to finish, s. */
const RAMP_SLACK_SEC = 2;
/**
 * The hold phase runs this much longer than the measured hold: the ramp-down's first departures are due at its
 * very start, and the merged second that ends there may already count them.
 */
const HOLD_TAIL_SEC = 1;
function rampSec(load) {
    return Math.ceil(load.clients / load.connectRatePerSec) + RAMP_SLACK_SEC;
}
function scenarioText(load) {
    return `
name: bench-hold
target: ${(load.serverWorkers ?? 1) > 1 ? `{builtin: {workers: ${load.serverWorkers}, transports: websocket}}` : 'builtin'}
client: lean
transport: websocket
population: {clients: ${load.clients}}
phases:
  - {name: idle, kind: hold, duration: ${IDLE_SEC}s}
  - {name: ramp-up, kind: ramp-up, duration: ${rampSec(load)}s, connectRate: ${load.connectRatePerSec}}
  - {name: hold, kind: hold, duration: ${load.holdSec + HOLD_TAIL_SEC}s}
  - {name: ramp-down, kind: ramp-down, duration: 4s}
thresholds:
  - connect.failed == 0
drain: 2s
`;
}
/** Runs the hold and reads its figures. */
export async function measureHold(load) {
    const loaded = parseScenarioText(scenarioText(load), 'bench-hold.yml');
    const ramp = phaseSeconds(loaded.scenario, 'ramp-up');
    const holdPhase = phaseSeconds(loaded.scenario, 'hold');
    const hold = { startSec: holdPhase.startSec, endSec: holdPhase.endSec - HOLD_TAIL_SEC };
    const probe = new ResourceProbe('loadgen-hold', 5, hold.endSec);
    const restoreEnvironment = requestMemoryBaselines();
    let result;
    try {
        result = await runScenario({
            loaded,
            reporter: probe,
            notice: (line) => process.stderr.write(`  loadgen-hold: ${line}\n`),
        });
    }
    finally {
        restoreEnvironment();
    }
    const connect = result.totals.latency.connect;
    // Client i is scheduled at i / rate after the ramp's start and completes within the corrected (from the
    // scheduled time) connect latency, so the last completion is at most the last schedule plus the worst latency.
    const lastScheduledMs = ((load.clients - 1) * 1000) / load.connectRatePerSec;
    const allOpen = result.series.find((point) => point.tSec > ramp.startSec && point.connections.open === load.clients);
    const holdSamples = probe.samples.filter((sample) => sample.tSec > hold.startSec && sample.tSec <= hold.endSec);
    return {
        load,
        status: result.status,
        failure: result.failure?.message,
        warnings: result.warnings,
        loadgenProcesses: 1 + Math.max(0, ...holdSamples.map((sample) => sample.usage.loadProcesses.length)),
        serverProcesses: Math.max(0, ...holdSamples.map((sample) => sample.usage.server?.processes ?? 0)),
        sourceAddresses: sourceAddressesFor(result.target.url, load.clients),
        connects: connect?.corrected.count ?? 0,
        connectFailures: result.totals.counters.connectFailures,
        errors: Object.fromEntries(Object.entries(result.totals.errors).map(([kind, count]) => [kind, count.count])),
        connectLatency: connect?.corrected,
        connectLatencyUncorrected: connect?.uncorrected,
        allConnectedWithinMs: connect && connect.corrected.count === load.clients ? lastScheduledMs + connect.corrected.maxUs / 1000 : undefined,
        allOpenAfterSec: allOpen ? allOpen.tSec - ramp.startSec : undefined,
        hold: measureWindow(probe, result.series, hold.startSec, hold.endSec),
        memory: measureWindow(probe, result.series, IDLE_SEC - 1, hold.endSec),
        loadgenMemory: await probe.memory(),
    };
}
function ms(summary, field) {
    return summary === undefined ? 'n/a' : (summary[field] / 1000).toFixed(1);
}
function kib(bytes, clients) {
    return bytes === undefined ? 'n/a' : (bytes / Math.max(1, clients) / 1024).toFixed(2);
}
function percentOfCore(cpuUs, seconds) {
    return cpuUs === undefined ? 'n/a' : ((cpuUs / (seconds * 1_000_000)) * 100).toFixed(1);
}
const HOLD_ROWS = [
    ['run status', (f) => `${f.status}${f.failure ? ` (${f.failure})` : ''}`],
    ['load-generator processes (coordinator + load processes)', (f) => String(f.loadgenProcesses)],
    ['server processes (a cluster: primary + workers)', (f) => String(f.serverProcesses)],
    ['source addresses', (f) => (f.sourceAddresses.length > 0 ? f.sourceAddresses.join(', ') : '127.0.0.1 (one)')],
    ['connects / connect failures', (f) => `${f.connects} / ${f.connectFailures}`],
    ['errors', (f) => (Object.keys(f.errors).length === 0 ? 'none' : Object.entries(f.errors).map(([kind, count]) => `${kind}: ${count}`).join(', '))],
    ['connect latency p50 / p90 / p99 / p999 / max, ms (from the scheduled time)', (f) => ['p50Us', 'p90Us', 'p99Us', 'p999Us', 'maxUs'].map((p) => ms(f.connectLatency, p)).join(' / ')],
    ['connect latency p50 / p99 / max, ms (from the actual attempt)', (f) => ['p50Us', 'p99Us', 'maxUs'].map((p) => ms(f.connectLatencyUncorrected, p)).join(' / ')],
    ['all connected within, s (last schedule + worst latency)', (f) => (f.allConnectedWithinMs === undefined ? 'n/a' : (f.allConnectedWithinMs / 1000).toFixed(2))],
    ['**achieved connect rate, clients/s (at least)**', (f) => (f.allConnectedWithinMs === undefined ? 'n/a' : `**${((f.load.clients * 1000) / f.allConnectedWithinMs).toFixed(0)}**`)],
    ["every client open at the end of a merged second, s after the ramp's start", (f) => String(f.allOpenAfterSec ?? 'never')],
    ['open at the end of the hold / least open during it', (f) => (f.hold ? `${f.hold.openAtEnd} / ${f.hold.minOpen}` : 'n/a (hold not reached)')],
    ['disconnects during the hold', (f) => String(f.hold?.disconnects ?? 'n/a')],
    ['**every client alive after the hold**', (f) => `**${everyoneHeld(f) ? 'yes' : 'NO'}**`],
    ...MEMORY_ROWS.map(([label, read]) => [`${label}, end of hold`, (f) => read(f.loadgenMemory)]),
    ['server RSS growth per connected client, KiB (no clients → end of hold; no forced GC)', (f) => kib(f.memory?.serverRssDeltaBytes, f.hold?.openAtEnd ?? 0)],
    ['CPU during the idle hold (heartbeats), % of one core: load generator / server', (f) => `${percentOfCore(f.hold?.loadgenCpuUs, holdSeconds(f))} / ${percentOfCore(f.hold?.serverCpuUs, holdSeconds(f))}`],
    ['load average (1 min) at the end of the hold', (f) => String(f.hold?.loadAverage1m ?? 'n/a')],
];
function holdSeconds(f) {
    return f.hold ? f.hold.toSec - f.hold.fromSec : 0;
}
/** Every client open through the whole hold, none lost, none disconnected. */
export function everyoneHeld(f) {
    return f.hold !== undefined && f.hold.openAtEnd === f.load.clients && f.hold.minOpen === f.load.clients && f.hold.disconnects === 0;
}
/** The runs side by side as a Markdown table, one column per run. */
export function formatHold(runs, heading = 'loadgen-hold: lean websocket clients against one reference-server process') {
    const lines = [
        `### ${heading}`,
        '',
        `| figure | ${runs.map((run) => `${run.title}: ${run.figures.load.clients} clients at ${run.figures.load.connectRatePerSec}/s, ${run.figures.load.holdSec} s hold`).join(' | ')} |`,
        `|---|${runs.map(() => '---:').join('|')}|`,
    ];
    for (const [label, read] of HOLD_ROWS)
        lines.push(`| ${label} | ${runs.map((run) => read(run.figures)).join(' | ')} |`);
    lines.push('', MEMORY_NOTE);
    for (const run of runs)
        if (run.figures.warnings.length > 0)
            lines.push('', ...run.figures.warnings.map((warning) => `${run.title} warning: ${warning}`));
    return lines.join('\n');
}
/**
 * The storm: every client at the target connect rate, a short hold. The hold: the same clients at a rate this
 * shared machine's server keeps up with (a connect that waits in the server's accept queue longer than the
 * client's 10 s connect timeout fails), held for a minute, so that a slow connect storm cannot hide whether
 * the connections, once up, are held.
 */
export const STORM_LOAD = { clients: 19_000, connectRatePerSec: 4_000, holdSec: 5 };
export const LONG_HOLD_LOAD = { clients: 19_000, connectRatePerSec: 500, holdSec: 60 };
export const loadgenHoldBench = {
    name: 'loadgen-hold',
    description: '19,000 lean clients against one reference-server process: a connect storm at 4,000/s, and a 60 s hold',
    async run(settings) {
        const storm = await measureHold(STORM_LOAD);
        const hold = await measureHold({ ...LONG_HOLD_LOAD, holdSec: settings.quick ? 15 : LONG_HOLD_LOAD.holdSec });
        return formatHold([
            { title: 'storm', figures: storm },
            { title: 'hold', figures: hold },
        ]);
    },
};
//# sourceMappingURL=loadgen-hold-bench.js.map