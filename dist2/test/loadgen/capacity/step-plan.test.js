import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStepIncrement, formatStepIncrement } from '../../../loadgen/capacity/capacity-schema.js';
import { MAX_CAPACITY_STEPS, planSteps, roundLoad } from '../../../loadgen/capacity/step-plan.js';
test('an added step goes from start to max inclusive', () => {
    assert.deepEqual(planSteps({ dimension: 'clients', start: 100, step: { kind: 'add', amount: 100 }, max: 500 }), [100, 200, 300, 400, 500]);
    assert.deepEqual(planSteps({ dimension: 'clients', start: 100, step: { kind: 'add', amount: 150 }, max: 500 }), [100, 250, 400]);
});
test('a factor multiplies; max is a ceiling, not rounded to', () => {
    assert.deepEqual(planSteps({ dimension: 'clients', start: 20, step: { kind: 'multiply', factor: 2 }, max: 80 }), [20, 40, 80]);
    assert.deepEqual(planSteps({ dimension: 'clients', start: 20, step: { kind: 'multiply', factor: 2 }, max: 79 }), [20, 40]);
    assert.deepEqual(planSteps({ dimension: 'clients', start: 10, step: { kind: 'multiply', factor: 1.5 }, max: 40 }), [10, 15, 23, 34]);
});
test('whole clients skip steps that round to the previous load; rates keep fractions', () => {
    assert.deepEqual(planSteps({ dimension: 'rooms', start: 1, step: { kind: 'multiply', factor: 1.2 }, max: 3 }), [1, 2, 3]);
    assert.deepEqual(planSteps({ dimension: 'rate', start: 0.5, step: { kind: 'multiply', factor: 1.1 }, max: 0.7 }), [0.5, 0.55, 0.605, 0.6655]);
    assert.equal(roundLoad('rate', 0.1 + 0.2), 0.3);
});
test('start equal to max is one step; misuse throws naming the field', () => {
    assert.deepEqual(planSteps({ dimension: 'clients', start: 50, step: { kind: 'add', amount: 10 }, max: 50 }), [50]);
    assert.throws(() => planSteps({ dimension: 'clients', start: 100, step: { kind: 'add', amount: 10 }, max: 50 }), /capacity.max must be at least start/);
    assert.throws(() => planSteps({ dimension: 'clients', start: 0, step: { kind: 'add', amount: 10 }, max: 50 }), /capacity.start must be > 0/);
    assert.throws(() => planSteps({ dimension: 'clients', start: 1, step: { kind: 'multiply', factor: 1 }, max: 50 }), /factor > 1/);
    assert.throws(() => planSteps({ dimension: 'clients', start: 1, step: { kind: 'add', amount: 1 }, max: 1000 }), new RegExp(`more than ${MAX_CAPACITY_STEPS} steps`));
});
test('steps parse from text: amounts and factors', () => {
    assert.deepEqual(parseStepIncrement('100'), { kind: 'add', amount: 100 });
    assert.deepEqual(parseStepIncrement('+25'), { kind: 'add', amount: 25 });
    assert.deepEqual(parseStepIncrement('x2'), { kind: 'multiply', factor: 2 });
    assert.deepEqual(parseStepIncrement('×1.5'), { kind: 'multiply', factor: 1.5 });
    assert.deepEqual(parseStepIncrement(40), { kind: 'add', amount: 40 });
    assert.equal(parseStepIncrement('x1'), undefined);
    assert.equal(parseStepIncrement('0'), undefined);
    assert.equal(parseStepIncrement('double'), undefined);
    assert.equal(formatStepIncrement({ kind: 'multiply', factor: 2 }), '×2');
    assert.equal(formatStepIncrement({ kind: 'add', amount: 100 }), '+100');
});
//# sourceMappingURL=step-plan.test.js.map