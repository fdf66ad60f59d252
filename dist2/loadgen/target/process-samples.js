import { computeServerSample, parseMetricsReading } from './server-sample.js';
/** The per-process readings of a metrics body, by process name; empty when the body lists none (one process). */
export function parseProcessReadings(body) {
    const readings = new Map();
    if (typeof body !== 'object' || body === null)
        return readings;
    const processes = body.processes;
    if (!Array.isArray(processes))
        return readings;
    for (const entry of processes) {
        const name = typeof entry === 'object' && entry !== null ? entry.process : undefined;
        if (typeof name !== 'string' || name.length === 0 || name === 'total')
            continue;
        const reading = parseMetricsReading(entry);
        // A malformed entry costs that process its sample; the total and the other processes are still usable.
        if (typeof reading !== 'string')
            readings.set(name, reading);
    }
    return readings;
}
/**
 * One sample per process present in both `previous` and `current` (a process that just appeared gets its first
 * sample one interval later; one that restarted, as computeServerSample decides, gets none), in `current`'s order.
 */
export function computeProcessSamples(previous, current, tSec) {
    const samples = [];
    for (const [name, reading] of current) {
        const before = previous.get(name);
        if (before === undefined)
            continue;
        const sample = computeServerSample(before, reading, { tSec, process: name });
        if (sample !== undefined)
            samples.push(sample);
    }
    return samples;
}
//# sourceMappingURL=process-samples.js.map