/**
 * Turns two consecutive readings of a server's `/metrics.json` into one ServerSample: CPU percent from the delta
 * of CPU seconds over the delta of the server's own elapsed time, event rates from the deltas of their counters.
 * Pure (no clock, no I/O), so it is tested exactly.
 */
import { serverMetricsSchemaVersion } from '../../server/metrics/metrics-json.js';
const NUMERIC_FIELDS = [
    'uptimeSeconds',
    'connectedClients',
    'eventsReceivedTotal',
    'eventsEmittedTotal',
    'eventLoopDelayP50Us',
    'eventLoopDelayP99Us',
    'eventLoopDelayMaxUs',
    'eventLoopUtilizationRatio',
    'cpuSecondsTotal',
    'rssBytes',
    'heapUsedBytes',
];
/**
 * Checks a parsed `/metrics.json` body. Returns the reading, or a sentence saying why it is not one (wrong
 * schemaVersion, missing or non-numeric fields), for the "target serves no usable /metrics.json" notice.
 */
export function parseMetricsReading(body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        return 'the body is not a JSON object';
    const record = body;
    if (record.schemaVersion !== serverMetricsSchemaVersion) {
        return `schemaVersion is ${JSON.stringify(record.schemaVersion)}, expected ${serverMetricsSchemaVersion}`;
    }
    const missing = NUMERIC_FIELDS.filter((field) => typeof record[field] !== 'number' || !Number.isFinite(record[field]));
    if (missing.length > 0)
        return `missing or non-numeric fields: ${missing.join(', ')}`;
    const namespaces = record.namespaces;
    if (!Array.isArray(namespaces) || !namespaces.every((n) => typeof n === 'object' && n !== null && typeof n.rooms === 'number')) {
        return 'namespaces is not a list of { rooms: number }';
    }
    // Every field of MetricsReading was checked above.
    return record;
}
/**
 * The sample for the interval from `previous` to `current` (both readings of the same server process), stamped
 * with `tSec` (seconds since the run start) and `process`. Returns undefined when the two readings do not span
 * time forward (same reading twice, or the server restarted and its counters began again): the caller then keeps
 * `current` as the new baseline. cpuPercent is of one core (200 means two cores busy), as `top` shows it.
 */
export function computeServerSample(previous, current, stamp) {
    const elapsedSeconds = current.uptimeSeconds - previous.uptimeSeconds;
    const countersWentBack = current.cpuSecondsTotal < previous.cpuSecondsTotal ||
        current.eventsReceivedTotal < previous.eventsReceivedTotal ||
        current.eventsEmittedTotal < previous.eventsEmittedTotal;
    if (elapsedSeconds <= 0 || countersWentBack)
        return undefined;
    return {
        tSec: stamp.tSec,
        process: stamp.process,
        cpuPercent: ((current.cpuSecondsTotal - previous.cpuSecondsTotal) / elapsedSeconds) * 100,
        rssBytes: current.rssBytes,
        heapUsedBytes: current.heapUsedBytes,
        eventLoopDelayP50Us: current.eventLoopDelayP50Us,
        eventLoopDelayP99Us: current.eventLoopDelayP99Us,
        eventLoopDelayMaxUs: current.eventLoopDelayMaxUs,
        eventLoopUtilization: current.eventLoopUtilizationRatio,
        connectedClients: current.connectedClients,
        rooms: current.namespaces.reduce((sum, namespace) => sum + namespace.rooms, 0),
        eventsReceivedPerSec: (current.eventsReceivedTotal - previous.eventsReceivedTotal) / elapsedSeconds,
        // Emit operations (one per emit call, whatever the fan-out), as the server counts them.
        eventsEmittedPerSec: (current.eventsEmittedTotal - previous.eventsEmittedTotal) / elapsedSeconds,
    };
}
//# sourceMappingURL=server-sample.js.map