import { analyzeCapacity } from '../../../loadgen/capacity/analyze-capacity.js';
function summary(p99Us) {
    return { count: 1000, minUs: 100, meanUs: Math.round(p99Us / 3), p50Us: Math.round(p99Us / 4), p90Us: Math.round(p99Us / 2), p99Us, p999Us: p99Us * 2, maxUs: p99Us * 3 };
}
/** A step with `spec`'s figures; server samples are two per step at the same clients (load) and CPU. */
export function makeStep(index, spec) {
    const outcome = spec.outcome ?? 'met';
    const cpuPercent = spec.cpuPercent ?? 10;
    const rssBytes = spec.rssBytes ?? 50 * 2 ** 20;
    const deliveriesPerSec = spec.deliveriesPerSec ?? spec.load * 10;
    const passed = outcome !== 'slo-broken';
    return {
        index,
        load: spec.load,
        overrides: [`clients=${spec.load}`],
        status: outcome === 'run-failed' ? 'failed' : 'completed',
        ...(outcome === 'run-failed' ? { failure: { kind: 'server_died', message: 'the built-in server exited' } } : {}),
        window: { startSec: 5, endSec: 25, durationMs: 20_000, points: 20 },
        latency: { broadcast: { corrected: summary(spec.p99Us), uncorrected: summary(spec.p99Us) } },
        histograms: {},
        counters: {
            eventsSent: spec.load * 20,
            eventsReceived: spec.load * 200,
            acksTimedOut: 0,
            droppedSlots: 0,
            connectAttempts: 0,
            connectSuccesses: 0,
            connectFailures: 0,
            disconnects: 0,
            reconnects: 0,
            bytesSent: 0,
            bytesReceived: 0,
        },
        offeredSendPerSec: spec.load,
        sendPerSec: spec.load,
        receivePerSec: spec.load * 10,
        deliveriesPerSec,
        delivery: { expected: deliveriesPerSec * 20, received: deliveriesPerSec * 20 - (spec.lost ?? 0), lost: spec.lost ?? 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 },
        connectionsOpen: spec.load,
        server: {
            samples: 2,
            processes: 1,
            cpuPercentMean: cpuPercent,
            cpuPercentMax: cpuPercent,
            rssBytesMean: rssBytes,
            rssBytesMax: rssBytes,
            connectedClientsMean: spec.load,
            eventLoopDelayP99UsMax: spec.serverDelayP99Us ?? 2_000,
            eventLoopUtilizationMean: cpuPercent / 100,
        },
        serverPoints: [
            { connectedClients: spec.load, rssBytes, cpuPercent },
            { connectedClients: spec.load, rssBytes, cpuPercent },
        ],
        loadgen: { eventLoopUtilization: spec.loadgenUtilization ?? 0.3, eventLoopDelayP99Us: spec.loadgenDelayP99Us ?? 5_000, eventLoopDelayMaxUs: 20_000 },
        loadgenSaturatedSeconds: outcome === 'loadgen-saturated' ? 20 : 0,
        hostStarvedSeconds: spec.hostStarvedSeconds ?? 0,
        loadgenSaturated: outcome === 'loadgen-saturated',
        slos: [
            {
                expression: 'broadcast.latency p(99) < 100ms',
                passed,
                actual: spec.p99Us / 1000,
                limit: 100,
                unit: 'ms',
                message: spec.brokenMessage ?? `broadcast.latency p(99) = ${spec.p99Us / 1000}ms (limit < 100ms)`,
                noSamples: false,
            },
        ],
        outcome,
        warnings: [],
    };
}
/** Memory limit the synthetic analyses use: 8 GiB. */
export const SYNTHETIC_MEMORY_BYTES = 8 * 2 ** 30;
/** A whole capacity result over `specs`, analysed, with a fixed environment and times. */
export function makeCapacityResult(specs, projection) {
    const steps = specs.map((spec, index) => makeStep(index, spec));
    const last = steps[steps.length - 1];
    const stopReason = last === undefined || last.outcome === 'met' ? { kind: 'max-reached' } : { kind: last.outcome, stepIndex: last.index };
    return {
        version: 1,
        scenario: { name: 'rooms', file: 'scenarios/rooms.yml', text: 'name: rooms <&>\n', overrides: [] },
        dimension: 'clients',
        loadUnit: 'clients',
        phase: 'steady',
        plan: { loads: specs.map((spec) => spec.load), step: { kind: 'multiply', factor: 2 }, holdPerStepMs: 20_000, warmupMs: 5_000 },
        slos: ['broadcast.latency p(99) < 100ms'],
        environment: {
            toolVersion: '0.1.0',
            nodeVersion: 'v20.0.0',
            platform: 'linux',
            arch: 'x64',
            cpuModel: 'Test CPU',
            cpuCount: 2,
            totalMemoryBytes: SYNTHETIC_MEMORY_BYTES,
            hostname: 'test',
        },
        target: { kind: 'builtin', url: 'http://127.0.0.1:1' },
        startedAt: '2026-01-01T00:00:00.000Z',
        endedAt: '2026-01-01T00:02:00.000Z',
        steps,
        stopReason,
        analysis: analyzeCapacity(steps, { memoryLimitBytes: SYNTHETIC_MEMORY_BYTES, ...(projection !== undefined ? { projection } : {}) }),
    };
}
/** rss 60/70/90 MiB, CPU 20/40/97% at 1k/2k/3.5k deliveries/s; the third step breaks p(99) < 100ms. */
export function threeStepResult() {
    return makeCapacityResult([
        { load: 100, p99Us: 10_000, cpuPercent: 20, rssBytes: 60 * 2 ** 20, deliveriesPerSec: 1000 },
        { load: 200, p99Us: 14_000, cpuPercent: 40, rssBytes: 70 * 2 ** 20, deliveriesPerSec: 2000 },
        {
            load: 400,
            p99Us: 180_000,
            cpuPercent: 97,
            rssBytes: 90 * 2 ** 20,
            deliveriesPerSec: 3500,
            outcome: 'slo-broken',
            brokenMessage: 'broadcast.latency p(99) = 180ms (limit < 100ms)',
        },
    ], {
        target: { clients: 200_000, ratePerClientPerSec: 1, roomSize: 50 },
        limits: { cpuBudgetPercent: 80, memoryPerProcessBytes: 2 ** 30, connectionsPerProcess: 20_000 },
    });
}
//# sourceMappingURL=synthetic-steps.js.map