import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_FAULTS } from '../../../server/faults/fault-decider.js';
import { faultOptionsProblems } from '../../../server/faults/fault-options.js';
import { resolveServerOptions, ServerOptionsError } from '../../../server/server-options.js';
test('faultOptionsProblems names each bad option', () => {
    assert.deepEqual(faultOptionsProblems(NO_FAULTS), []);
    assert.deepEqual(faultOptionsProblems({ ...NO_FAULTS, replyDelayFraction: 1.5, dropBroadcastFraction: -0.1, replyDelayMs: { minMs: 9, maxMs: 3 }, stallEveryMs: 10, stallForMs: 10, seed: 0.5 }), [
        'faults.replyDelayFraction must be a number from 0 to 1 (got 1.5)',
        'faults.dropBroadcastFraction must be a number from 0 to 1 (got -0.1)',
        'faults.replyDelayMs.maxMs must be a number >= minMs (got 3)',
        'faults.stallForMs must be less than stallEveryMs (got 10 >= 10)',
        'faults.seed must be an integer (got 0.5)',
    ]);
    assert.deepEqual(faultOptionsProblems({ ...NO_FAULTS, disconnectFraction: 1.1, disconnectAtMs: -1, disconnectEveryMs: 2.5 }), [
        'faults.disconnectFraction must be a number from 0 to 1 (got 1.1)',
        'faults.disconnectAtMs must be a non-negative integer (got -1)',
        'faults.disconnectEveryMs must be a non-negative integer (got 2.5)',
    ]);
    assert.deepEqual(faultOptionsProblems({ ...NO_FAULTS, disconnectAtMs: 500 }), [
        'faults.disconnectFraction must be above 0 when disconnectAtMs or disconnectEveryMs is set (got 0)',
    ]);
    assert.deepEqual(faultOptionsProblems({ ...NO_FAULTS, clientDrainMs: 2.5 }), ['faults.clientDrainMs must be a non-negative integer (got 2.5)']);
    assert.deepEqual(faultOptionsProblems({ ...NO_FAULTS, clientDrainMs: -1 }), ['faults.clientDrainMs must be a non-negative integer (got -1)']);
    // Absent optional options are off (option objects from before they existed stay valid).
    const { disconnectFraction: _f, disconnectAtMs: _a, disconnectEveryMs: _e, clientDrainMs: _d, ...older } = NO_FAULTS;
    assert.deepEqual(faultOptionsProblems(older), []);
});
test('the server options and the fault injector report the same fault problems (one check, two paths)', () => {
    const samples = [
        { replyDelayFraction: 2, replyDelayMs: { minMs: 10, maxMs: 5 } },
        { clientDrainMs: 1.5, seed: 0.5 },
        { disconnectEveryMs: 1000, stallEveryMs: 100, stallForMs: 100 },
    ];
    for (const faults of samples) {
        const viaInjector = faultOptionsProblems({ ...NO_FAULTS, ...faults }).map((problem) => `options.${problem}`);
        let viaServer = [];
        try {
            resolveServerOptions({ faults });
        }
        catch (error) {
            assert.ok(error instanceof ServerOptionsError);
            viaServer = error.issues;
        }
        assert.ok(viaInjector.length > 0);
        assert.deepEqual(viaServer, viaInjector);
    }
});
test('clientDrainMs defaults to 0', () => {
    assert.equal(resolveServerOptions({}).faults.clientDrainMs, 0);
    assert.equal(resolveServerOptions({ faults: { clientDrainMs: 2000 } }).faults.clientDrainMs, 2000);
});
//# sourceMappingURL=fault-options.test.js.map