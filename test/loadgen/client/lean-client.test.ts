/**
 * What the shared contract tests (client-kinds.test.ts) do not cover: heartbeats (both kinds, a fake server),
 * lean's refusal of msgpack, wire byte counters, connect failures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, type ClientKind } from '../../../loadgen/client/create-client.js';
import { LEAN_MSGPACK_UNSUPPORTED } from '../../../loadgen/client/lean-client.js';
import { ClientConnectError } from '../../../loadgen/client/virtual-client.js';
import { WireByteCounter } from '../../../loadgen/client/wire-bytes.js';
import { HandlerRecorder, clientOptions, startSocketIoServer, waitFor } from './client-fixtures.js';
import { startFakeEngineServer } from './fake-engine-server.js';

describe('heartbeat', { timeout: 20_000 }, () => {
  for (const kind of ['lean', 'official'] as ClientKind[]) {
    it(`${kind}: a server that stops pinging ends the connection with 'ping timeout'`, async () => {
      const server = await startFakeEngineServer({ pingIntervalMs: 40, pingTimeoutMs: 40, onConnected: () => undefined });
      try {
        const recorder = new HandlerRecorder();
        const client = createClient(kind)(clientOptions(server.url, 'websocket'), recorder.handlers);
        await client.connect();
        assert.equal(client.id, 'fake-socket');
        assert.equal((await recorder.nextDisconnect()).reason, 'ping timeout');
        assert.equal(client.connected, false);
      } finally {
        await server.close();
      }
    });
  }

  it('lean: answers each ping with a pong, and pings keep the connection alive', async () => {
    let pingsSent = 0;
    let pongs = 0;
    let onFifthPong: () => void = () => undefined;
    const fifthPong = waitFor<void>('five pongs', (resolve) => { onFifthPong = resolve; });
    const server = await startFakeEngineServer({
      // A window far wider than the pings' spacing: the test must not depend on timer precision.
      pingIntervalMs: 2000,
      pingTimeoutMs: 2000,
      onConnected: (socket) => {
        // Ping well within the window, five times; the client must answer each and stay connected.
        const timer = setInterval(() => {
          socket.send('2');
          if (++pingsSent === 5) clearInterval(timer);
        }, 20);
        socket.on('close', () => clearInterval(timer));
      },
      onText: (text) => {
        if (text === '3' && ++pongs === 5) onFifthPong();
      },
    });
    try {
      const recorder = new HandlerRecorder();
      const client = createClient('lean')(clientOptions(server.url, 'websocket'), recorder.handlers);
      await client.connect();
      await fifthPong;
      assert.equal(client.connected, true);
      assert.deepEqual(recorder.disconnects, []);
      client.disconnect();
    } finally {
      await server.close();
    }
  });
});

describe('parser', { timeout: 20_000 }, () => {
  it('lean: rejects parser msgpack clearly', async () => {
    const client = createClient('lean')(clientOptions('http://127.0.0.1:9', 'websocket', { parser: 'msgpack' }), new HandlerRecorder().handlers);
    await assert.rejects(client.connect(), (error: unknown) => {
      assert.ok(error instanceof ClientConnectError);
      assert.equal(error.kind, 'protocol');
      assert.equal(error.message, LEAN_MSGPACK_UNSUPPORTED);
      return true;
    });
  });

});

describe('lean wire counters and failures', { timeout: 20_000 }, () => {
  it('counts websocket frame bytes exactly', async () => {
    const server = await startSocketIoServer({ transports: ['websocket'] });
    try {
      const serverSocket = waitFor<import('socket.io').Socket>('connection', (resolve) => server.io.once('connection', resolve));
      const recorder = new HandlerRecorder();
      const client = createClient('lean')(clientOptions(server.url, 'websocket'), recorder.handlers);
      await client.connect();
      const socket = await serverSocket;
      const sentBefore = client.wireBytes.sentBytes;
      const received = waitFor<void>('hello', (resolve) => socket.once('hello', () => resolve()));
      client.emit('hello', ['abc']); // '42["hello","abc"]': 17 bytes + 2 header + 4 mask
      await received;
      assert.equal(client.wireBytes.sentBytes - sentBefore, 23);
      const receivedBefore = client.wireBytes.receivedBytes;
      socket.emit('push', 'x'); // '42["push","x"]': 14 bytes + 2 header, unmasked
      await recorder.nextEvent();
      assert.equal(client.wireBytes.receivedBytes - receivedBefore, 16);
      client.disconnect();
    } finally {
      await server.close();
    }
  });

  it('clients given one counter add to it, and what a closed client counted stays counted', async () => {
    const server = await startSocketIoServer({ transports: ['websocket'] });
    try {
      const wireBytes = new WireByteCounter();
      const hellos = waitFor<void>('two hellos', (resolve) => {
        let seen = 0;
        server.io.on('connection', (socket) => socket.once('hello', () => (++seen === 2 ? resolve() : undefined)));
      });
      const a = createClient('lean')(clientOptions(server.url, 'websocket', { wireBytes }), new HandlerRecorder().handlers);
      const b = createClient('lean')(clientOptions(server.url, 'websocket', { wireBytes }), new HandlerRecorder().handlers);
      await Promise.all([a.connect(), b.connect()]);
      assert.equal(a.wireBytes, wireBytes);
      const sentBefore = wireBytes.sentBytes;
      a.emit('hello', ['abc']); // 23 bytes on the wire each (see above)
      b.emit('hello', ['abc']);
      await hellos;
      assert.equal(wireBytes.sentBytes - sentBefore, 46);
      const beforeClose = wireBytes.sentBytes;
      a.disconnect(); // a DISCONNECT frame '41' (2 + 6 B) and the close frame (2 + 2 + 4 B)
      assert.equal(wireBytes.sentBytes - beforeClose, 16);
      b.disconnect();
    } finally {
      await server.close();
    }
  });

  it("rejects with kind 'transport' when nothing listens", async () => {
    const server = await startSocketIoServer();
    const url = server.url;
    await server.close();
    for (const transport of ['websocket', 'polling'] as const) {
      const client = createClient('lean')(clientOptions(url, transport), new HandlerRecorder().handlers);
      await assert.rejects(client.connect(), (error: unknown) => error instanceof ClientConnectError && error.kind === 'transport' && /ECONNREFUSED/.test(error.message));
    }
  });

  it("rejects with kind 'timeout' after connectTimeoutMs", async () => {
    // A server that accepts the namespace but never answers the CONNECT.
    const server = await startSocketIoServer();
    server.io.use(() => undefined);
    try {
      const client = createClient('lean')(clientOptions(server.url, 'websocket', { connectTimeoutMs: 50 }), new HandlerRecorder().handlers);
      await assert.rejects(client.connect(), (error: unknown) => error instanceof ClientConnectError && error.kind === 'timeout');
      assert.equal(client.connected, false);
    } finally {
      await server.close();
    }
  });
});
