import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinServerOptions } from '../../../loadgen/engine/builtin-options.js';
import { serveFlagsFor } from '../../../loadgen/target/builtin-server.js';
test('scenario server options become serve flags, compression and faults included', () => {
    const options = builtinServerOptions({
        app: 'bench',
        transports: 'websocket',
        parser: 'default',
        perMessageDeflate: true,
        httpCompression: false,
        pingIntervalMs: 1000,
        faults: { replyDelayFraction: 0.5, replyDelayMs: { minMs: 10, maxMs: 20 }, stallEveryMs: 0, stallForMs: 0, dropBroadcastFraction: 0.1, seed: 7 },
    });
    const flags = serveFlagsFor(options);
    for (const flag of ['--app=bench', '--transports=websocket', '--per-message-deflate', '--no-http-compression', '--ping-interval-ms=1000', '--fault-reply-delay-fraction=0.5', '--fault-reply-delay-ms=10-20', '--fault-drop-fraction=0.1', '--fault-seed=7']) {
        assert.ok(flags.includes(flag), `${flag} in ${flags.join(' ')}`);
    }
});
//# sourceMappingURL=builtin-options.test.js.map