import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderProgressLine } from '../../reports/progress-line.js';
import { counters, latencySummary, metricLatency, seriesPoint } from './fixtures/hand-built-result.js';
const context = {
    phase: 'steady',
    phaseRemainingMs: 47_600,
    elapsedMs: 12_400,
    totalMs: 60_000,
    connectionsTarget: 2000,
    errorsTotal: 0,
};
describe('renderProgressLine', () => {
    it('shows time, phase, connections, rates, the headline p99 and errors on one plain line', () => {
        const point = seriesPoint({
            latency: {
                connect: metricLatency(latencySummary(10, 900, 1000, 5000, 5000, 5000), 5000),
                broadcast: metricLatency(latencySummary(48_000, 800, 1500, 3104, 4000, 9000), 2000),
            },
        });
        assert.equal(renderProgressLine(point, context), '[ 12s/60s] steady   (48s left)  conns 2000/2000  sent 1.2k/s recv 48k/s  broadcast p99 3.1ms  errors 0');
    });
    it('prefers a metric with samples in this second, and adds failed, dropped and lost when there are some', () => {
        const point = seriesPoint({
            latency: {
                broadcast: metricLatency(latencySummary(0, 0, 0, 0, 0, 0), 0),
                echo: metricLatency(latencySummary(20, 400, 600, 850, 900, 900), 850),
            },
            counters: counters({ droppedSlots: 7 }),
            connections: { target: 2000, open: 1990, connecting: 6, failed: 4 },
            sendRatePerSec: 12.5,
            receiveRatePerSec: 0,
        });
        assert.equal(renderProgressLine(point, { ...context, phase: 'ramp-up-long', phaseRemainingMs: 0, elapsedMs: 125_000, totalMs: 1_200_000, lost: 3, errorsTotal: 11 }), '[ 125s/1200s] ramp-up-long (0s left)  conns 1990/2000 (4 failed)  sent 12.5/s recv 0/s  echo p99 850µs  dropped 7  lost 3  errors 11');
    });
    it('leaves out the latency, lost and errors when it has none of them', () => {
        const { errorsTotal: _omitted, ...withoutErrors } = context;
        assert.equal(renderProgressLine(seriesPoint({ sendRatePerSec: 0, receiveRatePerSec: 0 }), { ...withoutErrors, elapsedMs: 0 }), '[  0s/60s] steady   (48s left)  conns 2000/2000  sent 0/s recv 0/s');
    });
});
//# sourceMappingURL=progress-line.test.js.map