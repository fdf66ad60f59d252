/**
 * The official kind beyond the shared contract tests: the msgpack parser, which the lean kind does not speak.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import msgpackParser from 'socket.io-msgpack-parser';
import { createClient } from '../../../loadgen/client/create-client.js';
import { HandlerRecorder, clientOptions, startSocketIoServer, waitFor } from './client-fixtures.js';

describe('official client', { timeout: 20_000 }, () => {
  it('official: counts the bytes of the packets it sends and receives', async () => {
    const server = await startSocketIoServer();
    server.io.on('connection', (socket) => socket.on('echo', (value: unknown, ack: (reply: unknown) => void) => ack(value)));
    const payload = 'x'.repeat(1000);
    try {
      const client = createClient('official')(clientOptions(server.url, 'websocket'), new HandlerRecorder().handlers);
      await client.connect();
      const afterConnect = { sent: client.wireBytes.sentBytes, received: client.wireBytes.receivedBytes };
      // CONNECT is '40' (2 bytes); the answer is the open packet and '40{"sid":...}', each with a 20-character sid.
      assert.equal(afterConnect.sent, 2);
      assert.ok(afterConnect.received > 2 * 20 && afterConnect.received < 300, `received ${afterConnect.received} bytes to connect`);
      await waitFor<unknown[]>('ack', (resolve) => client.emitWithAck('echo', [payload], 5000, (_e, args) => resolve(args)));
      // Out: '420["echo","x…x"]'; in: the ack '430["x…x"]'. The payload dominates both, the framing is a few bytes.
      assert.equal(client.wireBytes.sentBytes - afterConnect.sent, `420["echo","${payload}"]`.length);
      assert.equal(client.wireBytes.receivedBytes - afterConnect.received, `430["${payload}"]`.length);
      client.disconnect();
    } finally {
      await server.close();
    }
  });

  it('official: speaks msgpack with a msgpack server, binary included', async () => {
    const server = await startSocketIoServer({ parser: msgpackParser });
    server.io.on('connection', (socket) => socket.on('echo', (value: unknown, ack: (reply: unknown) => void) => ack(value)));
    try {
      const client = createClient('official')(clientOptions(server.url, 'websocket', { parser: 'msgpack' }), new HandlerRecorder().handlers);
      await client.connect();
      const reply = await waitFor<unknown[]>('ack', (resolve) => client.emitWithAck('echo', [{ n: 1, b: Buffer.from([5]) }], 5000, (_e, args) => resolve(args)));
      const value = reply[0] as { n: number; b: Uint8Array };
      assert.equal(value.n, 1);
      assert.deepEqual([...value.b], [5]);
      client.disconnect();
    } finally {
      await server.close();
    }
  });
});
