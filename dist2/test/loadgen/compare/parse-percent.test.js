import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePercent } from '../../../loadgen/compare/parse-percent.js';
test('percentages and bare fractions', () => {
    const any = { min: 0, max: 100 };
    assert.equal(parsePercent('10%', '--tolerance', any), 0.1);
    assert.equal(parsePercent('7%', '--tolerance', any), 0.07);
    assert.equal(parsePercent('2.5%', '--tolerance', any), 0.025);
    assert.equal(parsePercent('0.1', '--tolerance', any), 0.1);
    assert.equal(parsePercent('0%', '--tolerance', any), 0);
});
test('out of range or malformed values are bad input naming the flag', () => {
    const confidence = { min: 0.5, max: 1, exclusive: true };
    assert.equal(parsePercent('95%', '--confidence', confidence), 0.95);
    assert.throws(() => parsePercent('100%', '--confidence', confidence), /--confidence must be a percentage between 50% and 100%/);
    assert.throws(() => parsePercent('ten', '--tolerance', { min: 0, max: 100 }), /--tolerance must be a percentage from 0% to 10000%.*"ten"/);
    assert.throws(() => parsePercent('-5%', '--tolerance', { min: 0, max: 100 }), /--tolerance/);
});
//# sourceMappingURL=parse-percent.test.js.map