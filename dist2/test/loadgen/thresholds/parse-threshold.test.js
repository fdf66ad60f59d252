import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isThresholdParseError, parseThreshold } from '../../../loadgen/thresholds/parse-threshold.js';
test('parses every documented form', () => {
    const cases = [
        ['broadcast.latency p(99) < 50ms', { subject: { kind: 'latency', metric: 'broadcast', corrected: true, aggregation: { kind: 'percentile', percentile: 99 } }, operator: '<', limit: 50, unit: 'ms' }],
        ['echo.latency p(50) <= 2ms', { subject: { kind: 'latency', metric: 'echo', corrected: true, aggregation: { kind: 'percentile', percentile: 50 } }, operator: '<=', limit: 2, unit: 'ms' }],
        ['connect.latency max < 1s', { subject: { kind: 'latency', metric: 'connect', corrected: true, aggregation: { kind: 'max' } }, operator: '<', limit: 1, unit: 's' }],
        ['direct.latency p(99.9) < 100ms', { subject: { kind: 'latency', metric: 'direct', corrected: true, aggregation: { kind: 'percentile', percentile: 99.9 } }, operator: '<', limit: 100, unit: 'ms' }],
        ['broadcast.latency.uncorrected p(99) < 800us', { subject: { kind: 'latency', metric: 'broadcast', corrected: false, aggregation: { kind: 'percentile', percentile: 99 } }, operator: '<', limit: 800, unit: 'us' }],
        ['echo.latency med < 1ms', { subject: { kind: 'latency', metric: 'echo', corrected: true, aggregation: { kind: 'percentile', percentile: 50 } }, operator: '<', limit: 1, unit: 'ms' }],
        ['echo.latency avg < 1ms', { subject: { kind: 'latency', metric: 'echo', corrected: true, aggregation: { kind: 'mean' } }, operator: '<', limit: 1, unit: 'ms' }],
        ['echo.latency count > 100', { subject: { kind: 'latency', metric: 'echo', corrected: true, aggregation: { kind: 'count' } }, operator: '>', limit: 100, unit: 'count' }],
        ['errors.rate < 0.1%', { subject: { kind: 'errorRate' }, operator: '<', limit: 0.1, unit: '%' }],
        ['errors.rate < 0.001', { subject: { kind: 'errorRate' }, operator: '<', limit: 0.001, unit: 'ratio' }],
        ['errors.count == 0', { subject: { kind: 'errorCount' }, operator: '==', limit: 0, unit: 'count' }],
        ['delivery.lost == 0', { subject: { kind: 'delivery', metric: 'all', field: 'lost' }, operator: '==', limit: 0, unit: 'count' }],
        ['broadcast.delivery.lost == 0', { subject: { kind: 'delivery', metric: 'broadcast', field: 'lost' }, operator: '==', limit: 0, unit: 'count' }],
        ['broadcast.delivery.duplicated == 0', { subject: { kind: 'delivery', metric: 'broadcast', field: 'duplicated' }, operator: '==', limit: 0, unit: 'count' }],
        ['direct.delivery.lost < 0.5%', { subject: { kind: 'delivery', metric: 'direct', field: 'lost' }, operator: '<', limit: 0.5, unit: '%' }],
        ['connect.failed == 0', { subject: { kind: 'counter', counter: 'connectFailures' }, operator: '==', limit: 0, unit: 'count' }],
        ['connect.failed < 1%', { subject: { kind: 'counter', counter: 'connectFailures' }, operator: '<', limit: 1, unit: '%' }],
        ['acks.timedOut < 10', { subject: { kind: 'counter', counter: 'acksTimedOut' }, operator: '<', limit: 10, unit: 'count' }],
        ['throughput.receive > 1000/s', { subject: { kind: 'throughput', direction: 'receive' }, operator: '>', limit: 1000, unit: '/s' }],
        ['connections.peak >= 2000', { subject: { kind: 'peakConnections' }, operator: '>=', limit: 2000, unit: 'count' }],
        ['slots.dropped != 1', { subject: { kind: 'counter', counter: 'droppedSlots' }, operator: '!=', limit: 1, unit: 'count' }],
        ['errors.rate<0.1%', { subject: { kind: 'errorRate' }, operator: '<', limit: 0.1, unit: '%' }],
    ];
    for (const [text, expected] of cases)
        assert.deepEqual(parseThreshold(text), { expression: text, ...expected }, text);
});
test('errors point at the column where the text goes wrong', () => {
    const cases = [
        ['chat.fanot.latency p(99) < 50ms', { error: "unknown threshold subject 'chat.fanot.latency' (one of: <metric>.latency, <metric>.latency.uncorrected, <action>.ack.latency, <action>.fanout.latency, errors.rate, errors.count, connect.failed, acks.timedOut, slots.dropped, disconnects.count, reconnects.count, throughput.send, throughput.receive, connections.peak, delivery.<field>, <broadcast|direct|action>.delivery.<field>)", column: 1 }],
        ['broadcast.latency p(99) < 50', { error: 'the limit needs a unit: a time with its unit: us, ms or s (e.g. 50ms)', column: 29 }],
        ['broadcast.latency p(99) < 50min', { error: "unexpected 'min': the limit is a time with its unit: us, ms or s (e.g. 50ms)", column: 29 }],
        ['broadcast.latency p(0) < 50ms', { error: 'a percentile must be > 0 and <= 100, got 0', column: 21 }],
        ['broadcast.latency p99 < 50ms', { error: "expected an aggregation: p(N), min, max, mean, med or count; got 'p'", column: 19 }],
        ['broadcast.latency < 50ms', { error: 'expected an aggregation: p(N), min, max, mean, med or count', column: 19 }],
        ['broadcast.latency.fast p(99) < 50ms', { error: 'expected broadcast.latency or broadcast.latency.uncorrected', column: 19 }],
        ['errors.rate ~ 1%', { error: 'expected a comparison: <= >= == != < >', column: 13 }],
        ['errors.rate < lots', { error: 'expected a number', column: 15 }],
        ['errors.count == 1%', { error: "unexpected '%': the limit is a plain count", column: 18 }],
        ['throughput.receive > 1000', { error: 'the limit needs a unit: a rate per second (e.g. 1000/s)', column: 26 }],
        ['delivery.lots == 0', { error: "unknown delivery counter 'lots' (one of: expected, received, lost, inFlightAtStop, undeliverable, duplicated, outOfOrder, unexpected)", column: 10 }],
        ['echo.delivery.lost == 0', { error: "'echo' does not deliver messages (delivering metrics: direct, broadcast, or a custom action that declares delivers)", column: 1 }],
        ['  cpu.usage < 50%', { error: "unknown threshold subject 'cpu.usage' (one of: <metric>.latency, <metric>.latency.uncorrected, <action>.ack.latency, <action>.fanout.latency, errors.rate, errors.count, connect.failed, acks.timedOut, slots.dropped, disconnects.count, reconnects.count, throughput.send, throughput.receive, connections.peak, delivery.<field>, <broadcast|direct|action>.delivery.<field>)", column: 3 }],
        ['', { error: 'expected a subject such as broadcast.latency or errors.rate', column: 1 }],
    ];
    for (const [text, expected] of cases)
        assert.deepEqual(parseThreshold(text), expected, text);
});
test("an action's own metrics: names with hyphens, its fan-out and ack, its delivery counters", () => {
    const parse = (text) => {
        const parsed = parseThreshold(text);
        assert.ok(!isThresholdParseError(parsed), JSON.stringify(parsed));
        return parsed.subject;
    };
    assert.deepEqual(parse('chat-message.latency p(99) < 100ms'), { kind: 'latency', metric: 'chat-message', corrected: true, aggregation: { kind: 'percentile', percentile: 99 } });
    assert.deepEqual(parse('join_room.latency.uncorrected max < 1s'), { kind: 'latency', metric: 'join_room', corrected: false, aggregation: { kind: 'max' } });
    assert.deepEqual(parse('chat.fanout.latency p(50) < 10ms'), { kind: 'latency', metric: 'chat.fanout', corrected: true, aggregation: { kind: 'percentile', percentile: 50 } });
    assert.deepEqual(parse('chat.ack.latency p(99) < 10ms'), { kind: 'latency', metric: 'chat.ack', corrected: true, aggregation: { kind: 'percentile', percentile: 99 } });
    assert.deepEqual(parse('chat-room.delivery.lost == 0'), { kind: 'delivery', metric: 'chat-room', field: 'lost' });
});
//# sourceMappingURL=parse-threshold.test.js.map