import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import { peakClients, scenarioSchema, totalPhasesMs } from '../../../loadgen/scenario/schema.js';
const MINIMAL = `
name: minimal
population: {clients: 10}
phases:
  - {kind: ramp-up, duration: 2s}
`;
test('a minimal scenario gets every default', () => {
    const { scenario } = parseScenarioText(MINIMAL, 'minimal.yml');
    const expected = {
        name: 'minimal',
        target: {
            kind: 'builtin',
            server: { app: 'bench', transports: 'polling-upgrade', parser: 'default', perMessageDeflate: false, httpCompression: true },
        },
        client: 'lean',
        transport: 'websocket',
        parser: 'default',
        namespace: '/',
        path: '/socket.io/',
        headers: {},
        population: { clients: 10, rooms: 0, roomsPerClient: 0, distribution: { kind: 'uniform' }, seed: 1 },
        phases: [{ name: 'ramp-up', kind: 'ramp-up', durationMs: 2000 }],
        actions: [],
        thresholds: [],
        maxDurationMs: 2000,
        drainMs: 2000,
    };
    assert.deepEqual(scenario, expected);
});
test('every field of the user-facing form maps to the effective shape', () => {
    const text = `
name: full
description: all of it
target:
  builtin:
    app: bench
    transports: websocket
    parser: msgpack
    perMessageDeflate: true
    httpCompression: false
    pingInterval: 10s
    pingTimeout: 5000
    faults: {replyDelayFraction: 0.5, replyDelay: {min: 1ms, max: 5ms}, stallEvery: 1s, stallFor: 100ms, dropBroadcastFraction: 0.01, seed: 3}
client: official
transport: websocket
parser: msgpack
namespace: /chat
path: /io/
auth: {token: abc}
headers: {x-a: b}
population:
  clients: 100
  rooms: 10
  distribution: {zipf: 1.1}
  sourceAddresses: [127.0.0.2, 127.0.0.3]
  seed: 9
phases:
  - {name: up, kind: ramp-up, duration: 10s, connectRate: 20, actions: [join]}
  - {kind: hold, duration: 1m}
  - {kind: spike, duration: 5s, extraClients: 50, connectRate: 10}
  - {kind: ramp-down, duration: 500, actions: [leave]}
actions:
  - kind: join
  - {kind: broadcast, rate: {perClient: 0.5}, payload: {bytes: 1KiB, kind: binary}, includeSelf: true}
  - {kind: direct, rate: {total: 200}}
  - {kind: echo, rate: {closedLoop: {concurrency: 2, thinkTime: 5ms}}, timeout: 2s}
  - kind: leave
  - {kind: custom, name: chat, event: sendMessage, args: [{content: hi}], ack: true, rate: {perClient: 1}, payload: {bytes: 16}}
  - {kind: custom, name: ask, event: message, reply: {event: reply, correlationField: sid}, rate: {total: 1}}
  - {kind: custom, name: once, event: hello}
  - {kind: listen, event: tick, timestampField: t}
  - {kind: churn, rate: {perClient: 0.01}, reconnectDelay: 2s}
thresholds: [broadcast.latency p(99) < 50ms]
maxDuration: 5m
drain: 3s
`;
    const { scenario } = parseScenarioText(text, 'full.yml');
    const expected = {
        name: 'full',
        description: 'all of it',
        target: {
            kind: 'builtin',
            server: {
                app: 'bench',
                transports: 'websocket',
                parser: 'msgpack',
                perMessageDeflate: true,
                httpCompression: false,
                pingIntervalMs: 10_000,
                pingTimeoutMs: 5_000,
                faults: {
                    replyDelayFraction: 0.5,
                    replyDelayMs: { minMs: 1, maxMs: 5 },
                    stallEveryMs: 1000,
                    stallForMs: 100,
                    dropBroadcastFraction: 0.01,
                    seed: 3,
                },
            },
        },
        client: 'official',
        transport: 'websocket',
        parser: 'msgpack',
        namespace: '/chat',
        path: '/io/',
        auth: { token: 'abc' },
        headers: { 'x-a': 'b' },
        population: {
            clients: 100,
            rooms: 10,
            roomsPerClient: 1,
            distribution: { kind: 'zipf', exponent: 1.1 },
            sourceAddresses: ['127.0.0.2', '127.0.0.3'],
            seed: 9,
        },
        phases: [
            { name: 'up', kind: 'ramp-up', durationMs: 10_000, connectRatePerSec: 20, actions: ['join'] },
            { name: 'hold', kind: 'hold', durationMs: 60_000 },
            { name: 'spike', kind: 'spike', durationMs: 5_000, extraClients: 50, connectRatePerSec: 10 },
            { name: 'ramp-down', kind: 'ramp-down', durationMs: 500, actions: ['leave'] },
        ],
        actions: [
            { kind: 'join', name: 'join', timeoutMs: 5000 },
            { kind: 'broadcast', name: 'broadcast', rate: { kind: 'perClient', perSec: 0.5 }, payload: { bytes: 1024, kind: 'binary' }, includeSelf: true },
            { kind: 'direct', name: 'direct', rate: { kind: 'total', perSec: 200 }, payload: { bytes: 64, kind: 'text' } },
            { kind: 'echo', name: 'echo', rate: { kind: 'closedLoop', concurrency: 2, thinkTimeMs: 5 }, payload: { bytes: 64, kind: 'text' }, timeoutMs: 2000 },
            { kind: 'leave', name: 'leave', timeoutMs: 5000 },
            {
                kind: 'custom',
                joins: false,
                leaves: false,
                name: 'chat',
                event: 'sendMessage',
                args: [{ content: 'hi' }],
                payload: { bytes: 16, kind: 'text' },
                ack: true,
                rate: { kind: 'perClient', perSec: 1 },
                timeoutMs: 5000,
            },
            {
                kind: 'custom',
                joins: false,
                leaves: false,
                name: 'ask',
                event: 'message',
                args: [],
                ack: false,
                reply: { event: 'reply', correlationField: 'sid' },
                rate: { kind: 'total', perSec: 1 },
                timeoutMs: 5000,
            },
            { kind: 'custom',
                joins: false,
                leaves: false, name: 'once', event: 'hello', args: [], ack: false, timeoutMs: 5000 },
            { kind: 'listen', name: 'listen', event: 'tick', timestampField: 't' },
            { kind: 'churn', name: 'churn', rate: { kind: 'perClient', perSec: 0.01 }, reconnectDelayMs: 2000 },
        ],
        thresholds: ['broadcast.latency p(99) < 50ms'],
        maxDurationMs: 300_000,
        drainMs: 3000,
    };
    assert.deepEqual(scenario, expected);
    assert.equal(totalPhasesMs(scenario), 75_500);
    assert.equal(peakClients(scenario), 150);
});
test('URL targets, as a string or a map', () => {
    const base = 'name: u\npopulation: {clients: 1}\nphases: [{kind: hold, duration: 1s}]\n';
    assert.deepEqual(parseScenarioText(`${base}target: http://127.0.0.1:5000\n`, 'u.yml').scenario.target, {
        kind: 'url',
        url: 'http://127.0.0.1:5000',
    });
    assert.deepEqual(parseScenarioText(`${base}target: {url: 'https://example.test', metricsUrl: 'https://example.test/metrics.json'}\n`, 'u.yml').scenario.target, { kind: 'url', url: 'https://example.test', metricsUrl: 'https://example.test/metrics.json' });
    assert.deepEqual(parseScenarioText(`${base}target: {builtin: {}}\n`, 'u.yml').scenario.target, parseScenarioText(base, 'u.yml').scenario.target);
});
test('the schema can be used directly on plain objects (the engine re-validates effective input this way)', () => {
    const result = scenarioSchema.safeParse({ name: 'x', population: { clients: 2 }, phases: [{ kind: 'hold', duration: 1000 }] });
    assert.equal(result.success, true);
    const bad = scenarioSchema.safeParse({ name: 'x', population: { clients: 0 }, phases: [] });
    assert.equal(bad.success, false);
});
//# sourceMappingURL=schema.test.js.map