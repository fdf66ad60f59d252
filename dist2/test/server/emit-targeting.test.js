import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveEmitTargets } from '../../server/emit-targeting.js';
test('to, room and skipSid are normalised to lists; no target means the whole namespace', () => {
    assert.deepEqual(resolveEmitTargets({}), { rooms: undefined, except: [] });
    assert.deepEqual(resolveEmitTargets({ to: 'a', skipSid: 's1' }), { rooms: ['a'], except: ['s1'] });
    assert.deepEqual(resolveEmitTargets({ room: ['a', 'b'], skipSid: ['s1', 's2'] }), { rooms: ['a', 'b'], except: ['s1', 's2'] });
    assert.deepEqual(resolveEmitTargets({ to: [] }), { rooms: [], except: [] });
});
test('misuse throws a TypeError naming the option', () => {
    assert.throws(() => resolveEmitTargets({ to: 'a', room: 'b' }), { name: 'TypeError', message: 'emit: options.to and options.room are aliases; give only one' });
    assert.throws(() => resolveEmitTargets({ timeoutMs: -1 }), {
        name: 'TypeError',
        message: 'emit: options.timeoutMs must be a non-negative number of milliseconds (got -1)',
    });
    assert.throws(() => resolveEmitTargets({ to: [1] }), { message: 'emit: options.to must be a string or a list of strings' });
    assert.throws(() => resolveEmitTargets({ skipSid: [2] }), { message: 'emit: options.skipSid must be a string or a list of strings' });
    assert.throws(() => resolveEmitTargets({ callback: 'no' }), { message: 'emit: options.callback must be a function' });
});
//# sourceMappingURL=emit-targeting.test.js.map