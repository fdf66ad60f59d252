import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selfTimeShare } from '../../../bench/facade-overhead/profile-share.js';
test('selfTimeShare: self time under the prefix over the non-idle time', () => {
    const frame = (id, functionName, url) => ({ id, callFrame: { functionName, url } });
    const profile = {
        nodes: [
            frame(1, '(root)', ''),
            frame(2, '(idle)', ''),
            frame(3, 'dispatch', 'file:///app/dist/server/namespace-handlers.js'),
            frame(4, 'onevent', 'file:///app/node_modules/socket.io/dist/socket.js'),
            frame(5, 'writev', ''),
        ],
        samples: [2, 3, 4, 5, 3, 2, 99],
        timeDeltas: [1000, 10, 60, 30, 20, 500, 7],
    };
    assert.deepEqual(selfTimeShare(profile, 'file:///app/dist/server/'), { busyUs: 120, matchedUs: 30, share: 0.25 });
    assert.deepEqual(selfTimeShare({ nodes: [] }, 'x'), { busyUs: 0, matchedUs: 0, share: 0 });
});
//# sourceMappingURL=profile-share.test.js.map