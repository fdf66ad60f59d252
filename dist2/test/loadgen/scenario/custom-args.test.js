import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandCustomArgs, expectedCorrelationValue, findUnknownPlaceholders, readField, usesRequestId } from '../../../loadgen/scenario/custom-args.js';
const VALUES = { sid: 'abc', requestId: '7-3', nowMs: 1_700_000_000_000, index: 7, sentUs: 123_456 };
test('placeholders are replaced with typed values, deep in arrays and maps; other strings stay', () => {
    const args = [{ content: { id: '{{id}}', text: 'hi {{sid}}' }, destId: '{{sid}}', t: '{{nowMs}}' }, ['{{id}}', 5, null], 'plain'];
    assert.deepEqual(expandCustomArgs(args, VALUES), [
        { content: { id: '7-3', text: 'hi {{sid}}' }, destId: 'abc', t: 1_700_000_000_000 },
        ['7-3', 5, null],
        'plain',
    ]);
    // The scenario's args are not modified.
    assert.equal(args[0].destId, '{{sid}}');
});
test('unknown placeholders are found with their paths', () => {
    assert.deepEqual(findUnknownPlaceholders([{ a: '{{what}}', b: ['{{sid}}', '{{SID}}'] }, '{{}}']), [
        { path: [0, 'a'], text: '{{what}}' },
        { path: [0, 'b', 1], text: '{{SID}}' },
        { path: [1], text: '{{}}' },
    ]);
});
test('correlation: by request id when the args carry {{id}}, else by the sid', () => {
    assert.equal(usesRequestId([{ content: { id: '{{id}}' } }]), true);
    assert.equal(usesRequestId(['hello']), false);
    assert.equal(expectedCorrelationValue([{ content: { id: '{{id}}' } }], VALUES), '7-3');
    assert.equal(expectedCorrelationValue(['hello'], VALUES), 'abc');
    assert.equal(readField({ message: 'hello', sid: 'abc' }, 'sid'), 'abc');
    assert.equal(readField({ a: { b: { c: 3 } } }, 'a.b.c'), 3);
    assert.equal(readField({ a: 1 }, 'a.b'), undefined);
    assert.equal(readField('text', 'a'), undefined);
});
//# sourceMappingURL=custom-args.test.js.map