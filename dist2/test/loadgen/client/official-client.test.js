/**
 * The official kind beyond the shared contract tests: the msgpack parser, which the lean kind does not speak.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import msgpackParser from 'socket.io-msgpack-parser';
import { createClient } from '../../../loadgen/client/create-client.js';
import { HandlerRecorder, clientOptions, startSocketIoServer, waitFor } from './client-fixtures.js';
describe('official client', { timeout: 20_000 }, () => {
    it('official: speaks msgpack with a msgpack server, binary included', async () => {
        const server = await startSocketIoServer({ parser: msgpackParser });
        server.io.on('connection', (socket) => socket.on('echo', (value, ack) => ack(value)));
        try {
            const client = createClient('official')(clientOptions(server.url, 'websocket', { parser: 'msgpack' }), new HandlerRecorder().handlers);
            await client.connect();
            const reply = await waitFor('ack', (resolve) => client.emitWithAck('echo', [{ n: 1, b: Buffer.from([5]) }], 5000, (_e, args) => resolve(args)));
            const value = reply[0];
            assert.equal(value.n, 1);
            assert.deepEqual([...value.b], [5]);
            client.disconnect();
        }
        finally {
            await server.close();
        }
    });
});
//# sourceMappingURL=official-client.test.js.map