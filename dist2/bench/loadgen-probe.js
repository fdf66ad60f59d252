import { loadAverage1m, loadgenTotals, readRunProcesses } from './loadgen-process-tree.js';
import { readMemoryOutcome } from './memory-per-client.js';
/**
 * A reporter that keeps a ProbeSample per merged second and prints a progress line every `progressEverySec`;
 * given `memoryAtSec`, it also reads every load-generator thread's memory (memory-per-client.ts) right after
 * that second is merged.
 */
export class ResourceProbe {
    label;
    progressEverySec;
    memoryAtSec;
    samples = [];
    memoryReading;
    constructor(
    /** Prefix of the progress lines on stderr. */
    label, 
    /** Seconds between progress lines. Default 5. */
    progressEverySec = 5, 
    /** Second (since the run start) after whose merge the memory is read. Default: never. */
    memoryAtSec) {
        this.label = label;
        this.progressEverySec = progressEverySec;
        this.memoryAtSec = memoryAtSec;
    }
    /** The memory read after second `memoryAtSec`; `not-reached` when the run never merged it. */
    memory() {
        return this.memoryReading ?? Promise.resolve({ type: 'not-reached' });
    }
    update(state) {
        const point = state.latest;
        if (point === undefined || this.samples.some((sample) => sample.tSec === point.tSec))
            return;
        const sample = { tSec: point.tSec, open: point.connections.open, usage: readRunProcesses(), loadAverage1m: loadAverage1m() };
        this.samples.push(sample);
        if (point.tSec === this.memoryAtSec)
            this.memoryReading = readMemoryOutcome(point.tSec, point.connections.open);
        if (point.tSec % this.progressEverySec === 0) {
            const earlier = this.at(point.tSec - this.progressEverySec);
            const cpu = (now, then) => now && then ? `${Math.round(((now.cpuUs - then.cpuUs) / (this.progressEverySec * 1_000_000)) * 100)}% CPU, ` : '';
            const server = sample.usage.server
                ? `, server ${cpu(sample.usage.server, earlier?.usage.server)}RSS ${mib(sample.usage.server.rssBytes)} MiB`
                : '';
            process.stderr.write(`  ${this.label}: t=${point.tSec}s ${point.phase} open=${point.connections.open} connecting=${point.connections.connecting} ` +
                `failed=${point.connections.failed}, load generator ${cpu(loadgenTotals(sample.usage), earlier && loadgenTotals(earlier.usage))}` +
                `RSS ${mib(loadgenTotals(sample.usage).rssBytes)} MiB${server}, load ${sample.loadAverage1m}\n`);
        }
    }
    async finish(_result) {
        return undefined;
    }
    onStopRequest(_callback) {
        // A benchmark is never stopped from a keyboard.
    }
    /** The sample taken after second `tSec` was merged; undefined when the run never got there (it failed). */
    at(tSec) {
        return this.samples.find((candidate) => candidate.tSec === tSec);
    }
}
function mib(bytes) {
    return (bytes / 1024 / 1024).toFixed(0);
}
/**
 * Window figures between the samples of seconds `fromSec` and `toSec` (fromSec < toSec); undefined when the run
 * did not reach both (a failed run's figures stop where it stopped).
 */
export function measureWindow(probe, series, fromSec, toSec) {
    if (!(fromSec < toSec))
        throw new RangeError(`measureWindow: fromSec (${fromSec}) must be before toSec (${toSec})`);
    const from = probe.at(fromSec);
    const to = probe.at(toSec);
    if (from === undefined || to === undefined)
        return undefined;
    const points = series.filter((point) => point.tSec > fromSec && point.tSec <= toSec);
    const utilizations = points.flatMap((point) => (point.loadgen ? [point.loadgen.eventLoopUtilization] : []));
    const fromLoadgen = loadgenTotals(from.usage);
    const toLoadgen = loadgenTotals(to.usage);
    return {
        fromSec,
        toSec,
        loadgenCpuUs: toLoadgen.cpuUs - fromLoadgen.cpuUs,
        serverCpuUs: from.usage.server && to.usage.server ? to.usage.server.cpuUs - from.usage.server.cpuUs : undefined,
        broadcastDeliveries: points.reduce((sum, point) => sum + (point.delivery.broadcast?.received ?? 0), 0),
        disconnects: points.reduce((sum, point) => sum + point.counters.disconnects, 0),
        minOpen: Math.min(to.open, ...points.map((point) => point.connections.open)),
        openAtEnd: to.open,
        loadgenRssDeltaBytes: toLoadgen.rssBytes - fromLoadgen.rssBytes,
        serverRssDeltaBytes: from.usage.server && to.usage.server ? to.usage.server.rssBytes - from.usage.server.rssBytes : undefined,
        maxLoadgenUtilization: utilizations.length > 0 ? Math.max(...utilizations) : undefined,
        loadAverage1m: to.loadAverage1m,
    };
}
/** A phase's planned bounds in whole seconds since the run start (the benchmarks' phases last whole seconds). */
export function phaseSeconds(scenario, phaseName) {
    let startMs = 0;
    for (const phase of scenario.phases) {
        if (phase.name === phaseName)
            return { startSec: Math.round(startMs / 1000), endSec: Math.round((startMs + phase.durationMs) / 1000) };
        startMs += phase.durationMs;
    }
    throw new Error(`the scenario has no phase '${phaseName}'`);
}
//# sourceMappingURL=loadgen-probe.js.map