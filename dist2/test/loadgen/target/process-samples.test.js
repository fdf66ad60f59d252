import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeProcessSamples, parseProcessReadings } from '../../../loadgen/target/process-samples.js';
function reading(uptimeSeconds, cpuSecondsTotal, eventsReceivedTotal, connectedClients) {
    return {
        uptimeSeconds,
        connectedClients,
        namespaces: [{ namespace: '/', connectedClients, rooms: 2 }],
        eventsReceivedTotal,
        eventsEmittedTotal: 0,
        eventLoopDelayP50Us: 10,
        eventLoopDelayP99Us: 20,
        eventLoopDelayMaxUs: 30,
        eventLoopUtilizationRatio: 0.1,
        cpuSecondsTotal,
        rssBytes: 1000,
        heapUsedBytes: 500,
    };
}
test('parseProcessReadings keeps every well-formed named process and nothing else', () => {
    const good = { schemaVersion: 1, process: 'worker-1', ...reading(1, 1, 1, 1) };
    const readings = parseProcessReadings({ processes: [good, { schemaVersion: 1, process: 'worker-2' }, { ...good, process: 'total' }, { ...good, process: 7 }] });
    assert.deepEqual([...readings.keys()], ['worker-1']);
    assert.deepEqual(parseProcessReadings({ cpuSecondsTotal: 1 }), new Map());
    assert.deepEqual(parseProcessReadings(null), new Map());
});
test('one sample per process present in both readings, computed from that process alone', () => {
    const previous = new Map([
        ['primary', reading(10, 1, 0, 0)],
        ['worker-1', reading(10, 2, 100, 3)],
    ]);
    const current = new Map([
        ['primary', reading(12, 1.5, 0, 0)],
        ['worker-1', reading(12, 3, 160, 4)],
        ['worker-2', reading(1, 0.5, 10, 1)],
    ]);
    const samples = computeProcessSamples(previous, current, 7);
    assert.deepEqual(samples.map((s) => [s.process, s.tSec, s.cpuPercent, s.eventsReceivedPerSec, s.connectedClients]), [
        ['primary', 7, 25, 0, 0],
        ['worker-1', 7, 50, 30, 4],
    ]);
});
//# sourceMappingURL=process-samples.test.js.map