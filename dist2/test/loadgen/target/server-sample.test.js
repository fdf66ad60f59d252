import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeServerSample, parseMetricsReading } from '../../../loadgen/target/server-sample.js';
import { reading } from './fixtures/metrics-reading.js';
describe('computeServerSample', () => {
    it('computes CPU percent and event rates from the deltas over the server elapsed time', () => {
        const previous = reading();
        const current = reading({
            uptimeSeconds: 12,
            cpuSecondsTotal: 3.5,
            eventsReceivedTotal: 1600,
            eventsEmittedTotal: 900,
            rssBytes: 81_000_000,
            heapUsedBytes: 31_000_000,
            eventLoopDelayP99Us: 1500,
        });
        assert.deepEqual(computeServerSample(previous, current, { tSec: 7.25, process: 'total' }), {
            tSec: 7.25,
            process: 'total',
            cpuPercent: 75, // 1.5 CPU seconds over 2 seconds
            rssBytes: 81_000_000,
            heapUsedBytes: 31_000_000,
            eventLoopDelayP50Us: 120,
            eventLoopDelayP99Us: 1500,
            eventLoopDelayMaxUs: 4000,
            eventLoopUtilization: 0.25,
            connectedClients: 100,
            rooms: 10,
            eventsReceivedPerSec: 300,
            eventsEmittedPerSec: 200,
        });
    });
    it('reports more than 100% for a server busy on more than one core', () => {
        const sample = computeServerSample(reading(), reading({ uptimeSeconds: 10.5, cpuSecondsTotal: 2.875 }), { tSec: 1, process: 'p1' });
        assert.equal(sample?.cpuPercent, 175); // 0.875 CPU seconds over 0.5 seconds (all exact in binary)
        assert.equal(sample?.process, 'p1');
    });
    it('gives no sample when time did not move forward or the counters began again', () => {
        const stamp = { tSec: 1, process: 'total' };
        assert.equal(computeServerSample(reading(), reading(), stamp), undefined);
        assert.equal(computeServerSample(reading(), reading({ uptimeSeconds: 1, cpuSecondsTotal: 0.1 }), stamp), undefined);
        assert.equal(computeServerSample(reading(), reading({ uptimeSeconds: 11, eventsReceivedTotal: 3 }), stamp), undefined);
        assert.equal(computeServerSample(reading(), reading({ uptimeSeconds: 11, eventsEmittedTotal: 3 }), stamp), undefined);
    });
});
describe('parseMetricsReading', () => {
    it('accepts a reading of the current schema', () => {
        const body = { schemaVersion: 1, ...reading() };
        assert.deepEqual(parseMetricsReading(body), body);
    });
    it('says why a body is not a reading', () => {
        assert.equal(parseMetricsReading([1]), 'the body is not a JSON object');
        assert.equal(parseMetricsReading({ ...reading(), schemaVersion: 2 }), 'schemaVersion is 2, expected 1');
        assert.equal(parseMetricsReading({ ...reading(), schemaVersion: 1, cpuSecondsTotal: '3', rssBytes: null }), 'missing or non-numeric fields: cpuSecondsTotal, rssBytes');
        assert.equal(parseMetricsReading({ ...reading(), schemaVersion: 1, namespaces: [{}] }), 'namespaces is not a list of { rooms: number }');
    });
});
//# sourceMappingURL=server-sample.test.js.map