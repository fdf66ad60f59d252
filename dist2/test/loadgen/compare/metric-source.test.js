import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverFigures } from '../../../loadgen/compare/metric-source.js';
function sample(process, cpuPercent, rssBytes, connectedClients) {
    return {
        tSec: 1,
        process,
        cpuPercent,
        rssBytes,
        heapUsedBytes: 0,
        eventLoopDelayP50Us: 0,
        eventLoopDelayP99Us: 0,
        eventLoopDelayMaxUs: 0,
        eventLoopUtilization: 0,
        connectedClients,
        rooms: 0,
        eventsReceivedPerSec: 0,
        eventsEmittedPerSec: 0,
    };
}
test('server CPU per message and RSS per client come from the total samples only', () => {
    const samples = [sample('total', 50, 100e6, 100), sample('total', 30, 120e6, 200), sample('worker-1', 99, 1e9, 1000)];
    const counters = { eventsSent: 1000, eventsReceived: 3000 };
    // Mean CPU 40% of 10 s = 4 s = 4e6 µs over 4000 messages.
    assert.deepEqual(serverFigures(samples, counters, 10_000), {
        cpuPercentMean: 40,
        cpuUsPerMessage: 1000,
        rssBytesPeak: 120e6,
        rssBytesPerClient: 600_000,
        peakConnectedClients: 200,
    });
    assert.equal(serverFigures([sample('worker-1', 1, 1, 1)], counters, 10_000), undefined);
    const idle = serverFigures([sample('total', 5, 50e6, 0)], { ...counters, eventsSent: 0, eventsReceived: 0 }, 10_000);
    assert.deepEqual(idle, { cpuPercentMean: 5, rssBytesPeak: 50e6, peakConnectedClients: 0 });
});
//# sourceMappingURL=metric-source.test.js.map