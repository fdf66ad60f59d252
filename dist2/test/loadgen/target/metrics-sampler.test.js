import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import { describe, it } from 'node:test';
import { metricsUrlFor, startMetricsSampler } from '../../../loadgen/target/metrics-sampler.js';
import { reading } from './fixtures/metrics-reading.js';
/** Serves `bodies[i]` to the i-th request of /metrics.json (the last one again after the end), 404 elsewhere. */
async function scriptedServer(bodies, status = 200) {
    let served = 0;
    const server = http.createServer((request, response) => {
        if (request.url !== '/metrics.json' || status !== 200) {
            response.writeHead(status === 200 ? 404 : status).end('not here');
            return;
        }
        const body = bodies[Math.min(served, bodies.length - 1)];
        served += 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}/metrics.json`,
        requests: () => served,
        close: async () => {
            server.closeAllConnections();
            server.close();
            await once(server, 'close');
        },
    };
}
/** A clock that says 1000 ms more each time it is read, so tSec is 1, 2, 3... in sample order. */
function steppingClock() {
    let reads = 0;
    return () => {
        reads += 1;
        return reads * 1000;
    };
}
/** A promise with its resolve function outside (Promise.withResolvers is not in Node 20). */
function deferred() {
    let resolve = () => undefined;
    const promise = new Promise((settle) => {
        resolve = settle;
    });
    return { promise, resolve };
}
const v1 = (at) => ({ schemaVersion: 1, ...reading(at) });
describe('metricsUrlFor', () => {
    it('puts /metrics.json at the origin of the target URL', () => {
        assert.equal(metricsUrlFor('http://127.0.0.1:3000'), 'http://127.0.0.1:3000/metrics.json');
        assert.equal(metricsUrlFor('http://example.test:8080/socket.io/?x=1'), 'http://example.test:8080/metrics.json');
    });
});
describe('startMetricsSampler', () => {
    it('turns consecutive readings into samples and re-baselines when the server starts again', async () => {
        const server = await scriptedServer([
            v1({ uptimeSeconds: 10, cpuSecondsTotal: 2, eventsReceivedTotal: 1000 }),
            v1({ uptimeSeconds: 11, cpuSecondsTotal: 2.5, eventsReceivedTotal: 1400 }),
            // Restarted: its counters begin again, so this reading is only a new baseline.
            v1({ uptimeSeconds: 1, cpuSecondsTotal: 0.25, eventsReceivedTotal: 0, eventsEmittedTotal: 0 }),
            v1({ uptimeSeconds: 3, cpuSecondsTotal: 0.75, eventsReceivedTotal: 100, eventsEmittedTotal: 0 }),
        ]);
        const samples = [];
        const { promise: twoSamples, resolve } = deferred();
        const sampler = startMetricsSampler({
            url: server.url,
            intervalMs: 10,
            clock: steppingClock(),
            onSample: (sample) => {
                samples.push(sample);
                if (samples.length === 2)
                    resolve();
            },
        });
        await twoSamples;
        await sampler.stop();
        await server.close();
        assert.deepEqual(samples.map((s) => [s.tSec, s.process, s.cpuPercent, s.eventsReceivedPerSec, s.eventsEmittedPerSec]), [
            [1, 'total', 50, 400, 0],
            [3, 'total', 25, 50, 0],
        ]);
        assert.deepEqual(sampler.stats(), { state: 'stopped', samples: 2, errors: 0, baselineResets: 1 });
    });
    it('probes a target without /metrics.json once, says so once, and stops', async () => {
        const server = await scriptedServer([], 404);
        const notices = [];
        const { promise: noticed, resolve } = deferred();
        const sampler = startMetricsSampler({
            url: server.url,
            intervalMs: 10,
            clock: steppingClock(),
            onSample: () => assert.fail('no sample expected'),
            onNotice: (message) => {
                notices.push(message);
                resolve();
            },
        });
        await noticed;
        await sampler.stop();
        await server.close();
        assert.deepEqual(notices, [`target serves no /metrics.json (${server.url}: HTTP 404); server figures will be missing from the result`]);
        assert.deepEqual(sampler.stats(), { state: 'unavailable', samples: 0, errors: 0, baselineResets: 0 });
    });
    it('refuses a body of another schema at the probe', async () => {
        const server = await scriptedServer([{ schemaVersion: 9 }]);
        const { promise: noticed, resolve } = deferred();
        const sampler = startMetricsSampler({ url: server.url, intervalMs: 10, clock: steppingClock(), onSample: () => assert.fail('no sample'), onNotice: resolve });
        assert.equal(await noticed, `target serves no /metrics.json (${server.url}: schemaVersion is 9, expected 1); server figures will be missing from the result`);
        await sampler.stop();
        await server.close();
    });
    it('counts the errors after the server died instead of throwing', async () => {
        const server = await scriptedServer([v1({ uptimeSeconds: 10 }), v1({ uptimeSeconds: 11 })]);
        const errors = [];
        const { promise: sampled, resolve: resolveSampled } = deferred();
        const { promise: twoErrors, resolve: resolveErrors } = deferred();
        const sampler = startMetricsSampler({
            url: server.url,
            intervalMs: 10,
            clock: steppingClock(),
            onSample: () => resolveSampled(),
            onSampleError: (message, count) => {
                errors.push([message, count]);
                if (count === 2)
                    resolveErrors();
            },
        });
        await sampled;
        await server.close();
        await twoErrors;
        await sampler.stop();
        assert.deepEqual(errors.slice(0, 2).map(([message, count]) => [message.startsWith('fetch failed: '), count]), [
            [true, 1],
            [true, 2],
        ]);
        const stats = sampler.stats();
        assert.equal(stats.state, 'stopped');
        assert.equal(stats.samples, 1);
        assert.equal(stats.errors >= 2, true);
    });
    it('reports an onSample that threw when stopped', async () => {
        const server = await scriptedServer([v1({ uptimeSeconds: 10 }), v1({ uptimeSeconds: 11 })]);
        const { promise: called, resolve } = deferred();
        const sampler = startMetricsSampler({
            url: server.url,
            intervalMs: 10,
            clock: steppingClock(),
            onSample: () => {
                resolve();
                throw new Error('consumer bug');
            },
        });
        await called;
        await assert.rejects(sampler.stop(), /consumer bug/);
        assert.equal(server.requests(), 2);
        await server.close();
    });
    it('rejects a non-positive interval at once', () => {
        assert.throws(() => startMetricsSampler({ url: 'http://127.0.0.1:1/metrics.json', intervalMs: 0, clock: () => 0, onSample: () => undefined }), {
            name: 'RangeError',
            message: 'options.intervalMs must be a positive number of milliseconds',
        });
    });
});
//# sourceMappingURL=metrics-sampler.test.js.map