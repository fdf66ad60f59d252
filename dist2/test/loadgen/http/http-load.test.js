import assert from 'node:assert/strict';
import { test } from 'node:test';
import { responseTimeUs } from '../../../loadgen/http/autocannon-driver.js';
import { handshakePath, HttpLoad, httpActionUrl } from '../../../loadgen/http/http-load.js';
import { manualClock } from '../../../loadgen/measure/clock.js';
import { summarizeEncoded } from '../../../loadgen/measure/histogram-factory.js';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
const ACTION = { kind: 'http', name: 'storm', method: 'GET', connections: 4, amount: 5, timeoutMs: 10_000 };
test("autocannon's ms-with-decimals response time becomes integer µs", () => {
    assert.equal(responseTimeUs(1.2345), 1235);
    assert.equal(responseTimeUs(0.0004), 0);
    assert.equal(responseTimeUs(250), 250_000);
});
test('an http action requests the Engine.IO handshake by default, else its path or url', () => {
    assert.equal(handshakePath('/socket.io/'), '/socket.io/?EIO=4&transport=polling');
    assert.equal(httpActionUrl(ACTION, 'http://127.0.0.1:4000', '/socket.io/'), 'http://127.0.0.1:4000/socket.io/?EIO=4&transport=polling');
    assert.equal(httpActionUrl({ ...ACTION, path: '/health?x=1' }, 'http://127.0.0.1:4000/', '/socket.io/'), 'http://127.0.0.1:4000/health?x=1');
    assert.equal(httpActionUrl({ ...ACTION, url: 'http://10.0.0.1:80/a' }, 'http://127.0.0.1:4000', '/socket.io/'), 'http://10.0.0.1:80/a');
});
test('the scenario schema reads an http action: rate becomes ratePerSec, defaults filled in', () => {
    const { scenario } = parseScenarioText(`
name: h
target: builtin
population: {clients: 1}
phases: [{kind: hold, duration: 1s}]
actions:
  - {kind: http, name: storm, rate: 50, connections: 2}
  - {kind: http, name: post, method: POST, path: /x, body: hi, amount: 7, timeout: 2s}
thresholds: ['http.latency p(99) < 50ms']
`, 'h.yml');
    assert.deepEqual(scenario.actions, [
        { kind: 'http', name: 'storm', method: 'GET', connections: 2, ratePerSec: 50, timeoutMs: 10_000 },
        { kind: 'http', name: 'post', method: 'POST', path: '/x', body: 'hi', connections: 10, amount: 7, timeoutMs: 2000 },
    ]);
});
test('HttpLoad records every response into the http histograms and every non-2xx or failure as an error', async () => {
    const metrics = new WorkerMetrics();
    const started = [];
    let calledResolve;
    const called = new Promise((resolve) => {
        calledResolve = resolve;
    });
    const fake = (options, sink) => {
        started.push(options);
        calledResolve();
        sink.response(200, 1500);
        sink.response(200, 2000);
        sink.response(503, 900);
        sink.error('connect ECONNREFUSED');
        return { done: Promise.resolve(), stop: () => undefined };
    };
    const clock = manualClock(1_000_000);
    const load = new HttpLoad({
        actions: [ACTION],
        windows: new Map([['storm', [[0, 2000]]]]),
        targetUrl: 'http://127.0.0.1:4000',
        scenarioPath: '/socket.io/',
        runStartUs: 1_000_000,
        clock,
        metrics,
        start: fake,
    });
    load.start();
    await called;
    await load.stop();
    assert.deepEqual(started, [
        { url: 'http://127.0.0.1:4000/socket.io/?EIO=4&transport=polling', method: 'GET', connections: 4, amount: 5, durationSec: 2, timeoutMs: 10_000 },
    ]);
    const snapshot = metrics.takeSnapshot(-1, 0, 1000, { target: 0, open: 0, connecting: 0, failed: 0 });
    const summary = summarizeEncoded(snapshot.histograms.http.corrected);
    assert.deepEqual([summary.count, summary.minUs, summary.maxUs], [3, 900, 2000]);
    assert.equal(snapshot.errors.http_status_503?.count, 1);
    assert.match(snapshot.errors.http_status_503?.lastMessage ?? '', /storm: GET .* answered 503/);
    assert.equal(snapshot.errors.http_error?.count, 1);
    metrics.destroy();
});
//# sourceMappingURL=http-load.test.js.map