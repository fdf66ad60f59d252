import { makeRunResult } from '../fixtures/make-run-result.js';
/** A 10 s result whose totals, thresholds and errors are set by hand, so outputs can be written out exactly. */
export function smallResult(overrides = {}) {
    const base = makeRunResult({ durationSec: 10, seriesHistograms: false });
    const summary = { count: 1200, minUs: 300, meanUs: 900, p50Us: 850, p90Us: 1500, p99Us: 3104, p999Us: 12_345, maxUs: 20_000 };
    return {
        ...base,
        verdict: 'failed',
        scenario: { ...base.scenario, name: 'rooms <b>&</b>' },
        totals: {
            ...base.totals,
            latency: { echo: { corrected: summary, uncorrected: { ...summary, p99Us: 2000 } } },
            delivery: { broadcast: { expected: 10_000, received: 9_990, lost: 10, inFlightAtStop: 0, undeliverable: 0, duplicated: 2, outOfOrder: 1, unexpected: 0 } },
            errors: { connect_error: { count: 3, lastMessage: 'refused' }, 'ack|timeout': { count: 5, lastMessage: 'late' } },
            peakConnections: 1234,
        },
        thresholds: [
            { expression: 'echo.latency p(99) < 3ms', passed: false, actual: 3.104, limit: 3, unit: 'ms', firstBreachedAtSec: 7 },
            { expression: 'delivery.lost < 1%', passed: true, actual: 0.1, limit: 1, unit: '%' },
        ],
        ...overrides,
    };
}
//# sourceMappingURL=small-result.js.map