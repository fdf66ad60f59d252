import { makeRunResult } from '../../fixtures/make-run-result.js';
function latency(p50Us, p99Us) {
    return { count: 500, minUs: Math.round(p50Us / 2), meanUs: p50Us, p50Us, p90Us: p50Us, p99Us, p999Us: p99Us, maxUs: p99Us };
}
function totalsOf(figures) {
    const events = figures.events ?? 1000;
    const summary = latency(figures.echoP50Us, figures.echoP99Us ?? 2 * figures.echoP50Us);
    const totals = {
        latency: { echo: { corrected: summary, uncorrected: summary } },
        histograms: {},
        counters: {
            eventsSent: events,
            eventsReceived: events,
            acksTimedOut: 0,
            droppedSlots: 0,
            connectAttempts: 100,
            connectSuccesses: 100,
            connectFailures: 0,
            disconnects: 0,
            reconnects: 0,
            bytesSent: 0,
            bytesReceived: 0,
        },
        delivery: {},
        errors: {},
        disconnectReasons: {},
        peakConnections: 100,
    };
    const lost = 'directLost' in figures ? figures.directLost : 0;
    if (lost !== undefined) {
        totals.delivery.direct = { expected: 1000, received: 1000 - lost, lost, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 };
    }
    return totals;
}
/**
 * A result of one run (one entry) or of `--repeat N` (several entries: each a repetition, the top level from
 * the first, which a repetitions comparison does not read).
 */
export function handResult(runs, scenarioName = 'hand') {
    const base = makeRunResult({ durationSec: 10, seriesHistograms: false });
    const first = runs[0];
    const result = {
        ...base,
        status: 'completed',
        verdict: 'passed',
        scenario: { ...base.scenario, name: scenarioName },
        durationMs: first.durationMs ?? 10_000,
        totals: totalsOf(first),
        server: [],
        thresholds: [],
        warnings: [],
    };
    if (runs.length > 1) {
        result.repetitions = runs.map((figures, position) => {
            const totals = totalsOf(figures);
            const durationMs = figures.durationMs ?? 10_000;
            const summary = {
                index: position + 1,
                status: 'completed',
                verdict: 'passed',
                startedAt: base.startedAt,
                durationMs,
                latency: totals.latency,
                histograms: {},
                counters: totals.counters,
                delivery: totals.delivery,
                errors: totals.errors,
                sendRatePerSec: totals.counters.eventsSent / (durationMs / 1000),
                receiveRatePerSec: totals.counters.eventsReceived / (durationMs / 1000),
            };
            if (figures.server !== undefined)
                summary.server = figures.server;
            return summary;
        });
    }
    return result;
}
/** Runs whose echo p50 are `p50s` (µs), everything else equal. */
export function echoRuns(p50s) {
    return p50s.map((echoP50Us) => ({ echoP50Us }));
}
//# sourceMappingURL=hand-results.js.map