import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatCompact, formatDurationMs, formatInteger, formatLatencyMs, formatLatencyUs, formatPercent, formatSignificant, } from '../../reports/format.js';
describe('formatSignificant', () => {
    it('keeps three significant digits and drops trailing zeros', () => {
        assert.equal(formatSignificant(3.104), '3.1');
        assert.equal(formatSignificant(12.35), '12.3'); // 12.35 is 12.3499... in binary
        assert.equal(formatSignificant(12.36), '12.4');
        assert.equal(formatSignificant(0.001234), '0.00123');
        assert.equal(formatSignificant(1234), '1234');
        assert.equal(formatSignificant(0), '0');
        assert.equal(formatSignificant(-2.5), '-2.5');
        assert.equal(formatSignificant(7, 2), '7');
    });
});
describe('formatLatencyUs', () => {
    it('shows whole microseconds below a millisecond', () => {
        assert.equal(formatLatencyUs(0), '0µs');
        assert.equal(formatLatencyUs(1), '1µs');
        assert.equal(formatLatencyUs(850), '850µs');
        assert.equal(formatLatencyUs(999), '999µs');
        assert.equal(formatLatencyUs(999.4), '999µs');
    });
    it('shows milliseconds with three significant digits', () => {
        assert.equal(formatLatencyUs(999.6), '1ms');
        assert.equal(formatLatencyUs(1000), '1ms');
        assert.equal(formatLatencyUs(1234), '1.23ms');
        assert.equal(formatLatencyUs(3104), '3.1ms');
        assert.equal(formatLatencyUs(9996), '10ms');
        assert.equal(formatLatencyUs(12_345), '12.3ms');
        assert.equal(formatLatencyUs(123_456), '123ms');
        assert.equal(formatLatencyUs(999_400), '999ms');
    });
    it('switches to seconds when milliseconds would round to 1000', () => {
        assert.equal(formatLatencyUs(999_700), '1s');
        assert.equal(formatLatencyUs(2_500_000), '2.5s');
        assert.equal(formatLatencyUs(61_234_000), '61.2s');
        assert.equal(formatLatencyUs(1_234_567_890), '1235s');
    });
    it('shows impossible values as they are instead of hiding them', () => {
        assert.equal(formatLatencyUs(-5), '-5µs');
        assert.equal(formatLatencyUs(Number.NaN), 'NaNµs');
    });
    it('formatLatencyMs takes milliseconds', () => {
        assert.equal(formatLatencyMs(50), '50ms');
        assert.equal(formatLatencyMs(0.5), '500µs');
        assert.equal(formatLatencyMs(1500), '1.5s');
    });
});
describe('formatCompact', () => {
    it('keeps counts below 1000 as they are', () => {
        assert.equal(formatCompact(0), '0');
        assert.equal(formatCompact(999), '999');
        assert.equal(formatCompact(12.5), '12.5');
        assert.equal(formatCompact(1 / 3), '0.333');
    });
    it('uses k, M and G with one decimal below 10', () => {
        assert.equal(formatCompact(999.7), '1k');
        assert.equal(formatCompact(1000), '1k');
        assert.equal(formatCompact(1234), '1.2k');
        assert.equal(formatCompact(9940), '9.9k');
        assert.equal(formatCompact(9960), '10k');
        assert.equal(formatCompact(48_000), '48k');
        assert.equal(formatCompact(480_400), '480k');
        assert.equal(formatCompact(999_600), '1M');
        assert.equal(formatCompact(2_500_000), '2.5M');
        assert.equal(formatCompact(3_000_000_000), '3G');
        assert.equal(formatCompact(-1234), '-1.2k');
    });
});
describe('formatInteger', () => {
    it('groups thousands with commas', () => {
        assert.equal(formatInteger(0), '0');
        assert.equal(formatInteger(999), '999');
        assert.equal(formatInteger(1000), '1,000');
        assert.equal(formatInteger(1_234_567), '1,234,567');
        assert.equal(formatInteger(-1_234_567), '-1,234,567');
        assert.equal(formatInteger(1234.6), '1,235');
    });
});
describe('formatBytes', () => {
    it('uses binary units', () => {
        assert.equal(formatBytes(0), '0 B');
        assert.equal(formatBytes(512), '512 B');
        assert.equal(formatBytes(1023), '1023 B');
        assert.equal(formatBytes(1024), '1 KiB');
        assert.equal(formatBytes(1536), '1.5 KiB');
        assert.equal(formatBytes(12.3 * 2 ** 20), '12.3 MiB');
        assert.equal(formatBytes(3 * 2 ** 30), '3 GiB');
    });
});
describe('formatPercent and formatDurationMs', () => {
    it('formats fractions as percentages', () => {
        assert.equal(formatPercent(0.0012), '0.12%');
        assert.equal(formatPercent(1), '100%');
        assert.equal(formatPercent(0), '0%');
    });
    it('formats durations from milliseconds to hours', () => {
        assert.equal(formatDurationMs(850), '850ms');
        assert.equal(formatDurationMs(999.6), '1s');
        assert.equal(formatDurationMs(12_345), '12.3s');
        assert.equal(formatDurationMs(59_960), '1m00s');
        assert.equal(formatDurationMs(245_000), '4m05s');
        assert.equal(formatDurationMs(3_720_000), '1h02m');
    });
});
//# sourceMappingURL=format.test.js.map