import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultServerOptions, resolveServerOptions, ServerOptionsError } from '../../server/server-options.js';
function issuesOf(input) {
    try {
        resolveServerOptions(input);
    }
    catch (error) {
        assert.ok(error instanceof ServerOptionsError);
        return error.issues;
    }
    assert.fail('expected a ServerOptionsError');
}
test('no input gives the defaults: loopback, free port, socket.io timings, no CORS', () => {
    const options = resolveServerOptions();
    assert.deepEqual(options, defaultServerOptions);
    assert.equal(options.host, '127.0.0.1');
    assert.equal(options.port, 0);
    assert.equal(options.path, '/socket.io/');
    assert.equal(options.pingIntervalMs, 25_000);
    assert.equal(options.cors, undefined);
});
test('nested groups may be partial and are completed with their defaults', () => {
    const options = resolveServerOptions({ compression: { perMessageDeflate: true }, cors: { origin: ['http://a.test'] }, faults: { seed: 7 } });
    assert.deepEqual(options.compression, { perMessageDeflate: true, httpCompression: true, thresholdBytes: 1024 });
    assert.deepEqual(options.cors, { origin: ['http://a.test'], credentials: false, methods: ['GET', 'POST'] });
    assert.equal(options.faults.seed, 7);
    assert.equal(options.faults.replyDelayFraction, 0);
});
test('every bad option is reported at once, each naming its path', () => {
    assert.deepEqual(issuesOf({ pingIntervalMs: -1, port: 70_000, path: 'socket.io', transports: 'carrier-pigeon' }), [
        'options.port must be an integer from 0 to 65535 (got 70000)',
        "options.path must be a string starting with '/' (got \"socket.io\")",
        'options.transports must be one of polling-upgrade, polling, websocket (got "carrier-pigeon")',
        'options.pingIntervalMs must be a positive integer (got -1)',
    ]);
});
test('unknown options are errors', () => {
    assert.deepEqual(issuesOf({ pingInterval: 5 }), ['options.pingInterval is not a known option']);
});
test('a wildcard CORS origin with credentials is refused', () => {
    assert.deepEqual(issuesOf({ cors: { origin: '*', credentials: true } }), [
        "options.cors.credentials cannot be true with a wildcard origin '*': list the allowed origins",
    ]);
    assert.equal(resolveServerOptions({ cors: { origin: ['https://app.test'], credentials: true } }).cors?.credentials, true);
});
test('compression, CORS and fault details are checked', () => {
    assert.deepEqual(issuesOf({
        compression: { thresholdBytes: 1.5 },
        cors: { origin: [], methods: ['get'] },
        faults: { replyDelayFraction: 2, replyDelayMs: { minMs: 10, maxMs: 5 }, stallEveryMs: 100, stallForMs: 100 },
    }), [
        'options.compression.thresholdBytes must be a non-negative integer (got 1.5)',
        "options.cors.origin must be '*' or a non-empty list of origins (got [])",
        'options.cors.methods must be a non-empty list of upper-case HTTP methods (got ["get"])',
        'options.faults.replyDelayFraction must be a number from 0 to 1 (got 2)',
        'options.faults.replyDelayMs.maxMs must be a number >= minMs (got 5)',
        'options.faults.stallForMs must be less than stallEveryMs (got 100 >= 100)',
    ]);
    assert.deepEqual(issuesOf({ faults: { disconnectFraction: -0.5, disconnectAtMs: 1.5 } }), [
        'options.faults.disconnectFraction must be a number from 0 to 1 (got -0.5)',
        'options.faults.disconnectAtMs must be a non-negative integer (got 1.5)',
    ]);
    assert.deepEqual(issuesOf({ faults: { disconnectEveryMs: 1000 } }), [
        'options.faults.disconnectFraction must be above 0 when disconnectAtMs or disconnectEveryMs is set (got 0)',
    ]);
    const resolved = resolveServerOptions({ faults: { disconnectFraction: 0.25 } }).faults;
    assert.deepEqual([resolved.disconnectFraction, resolved.disconnectAtMs, resolved.disconnectEveryMs], [0.25, 0, 0]);
});
test('the error message joins the issues', () => {
    assert.throws(() => resolveServerOptions({ maxHttpBufferSizeBytes: 0 }), {
        name: 'ServerOptionsError',
        message: 'options.maxHttpBufferSizeBytes must be a positive integer (got 0)',
    });
});
test('listenBacklog defaults to 4096 and must be a positive integer', () => {
    assert.equal(resolveServerOptions({}).listenBacklog, 4096);
    assert.throws(() => resolveServerOptions({ listenBacklog: 0 }), { message: 'options.listenBacklog must be a positive integer (got 0)' });
});
//# sourceMappingURL=server-options.test.js.map