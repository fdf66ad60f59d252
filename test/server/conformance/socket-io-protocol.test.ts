/**
 * The Socket.IO protocol suite's 32 behaviours (socketio/socket.io-protocol `test-suite/`, v5 over EIO=4) as the
 * project's own tests, against a server written with the facade as python-socketio's documentation shows
 * (protocol-suite-app.ts): the 16 Engine.IO behaviours at /socket.io/ and 16 Socket.IO ones (connect,
 * disconnect, messages with and without acks and binary attachments, malformed packets).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ReferenceServer } from '../../../server/types.js';
import { describeEngineIoCases } from './engine-io-cases.js';
import { startProtocolSuiteServer, CONNECT_TIMEOUT_MS } from './protocol-suite-app.js';
import { RawWebSocket, wsUrl, type Frame } from './raw-protocol-client.js';

const PATH = '/socket.io/';

/** The Socket.IO CONNECT of the main namespace and its two answers, as the round trip of an upgraded session. */
async function connectMainNamespace(socket: RawWebSocket): Promise<void> {
  socket.send('40');
  assertConnectAnswer(await socket.next('the CONNECT answer', true), '40');
  assert.equal(await socket.next('the auth packet', true), '42["auth",{}]');
}

function assertConnectAnswer(frame: Frame, prefix: string): void {
  assert.equal(typeof frame, 'string');
  const text = frame as string;
  assert.ok(text.startsWith(prefix), text);
  const handshake = JSON.parse(text.slice(prefix.length)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(handshake), ['sid']);
  assert.equal(typeof handshake.sid, 'string');
}

describeEngineIoCases('Socket.IO protocol suite, Engine.IO part, against the facade server', {
  path: PATH,
  start: startProtocolSuiteServer,
  roundTrip: connectMainNamespace,
  echo: false,
});

describe('Socket.IO protocol suite, Socket.IO part, against the facade server', { timeout: 60_000 }, () => {
  let server: ReferenceServer;
  const sockets: RawWebSocket[] = [];
  /** A websocket past its Engine.IO OPEN packet. */
  const engineSession = async (): Promise<RawWebSocket> => {
    const socket = new RawWebSocket(wsUrl(server.url, PATH, 'EIO=4&transport=websocket'));
    sockets.push(socket);
    const open = await socket.next('the OPEN packet');
    assert.ok(String(open).startsWith('0{'));
    return socket;
  };
  /** A websocket connected to the main namespace (CONNECT answered, auth packet read). */
  const socketIoSession = async (): Promise<RawWebSocket> => {
    const socket = await engineSession();
    await connectMainNamespace(socket);
    return socket;
  };
  before(async () => {
    server = await startProtocolSuiteServer();
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
  });

  describe('connect', () => {
    test('to the main namespace: CONNECT answered with only a sid, then the auth the handler saw ({} for none)', async () => {
      await socketIoSession();
    });
    test('to the main namespace with a payload: the handler gets it as auth', async () => {
      const socket = await engineSession();
      socket.send('40{"token":"123"}');
      assertConnectAnswer(await socket.next('the CONNECT answer', true), '40');
      assert.equal(await socket.next('the auth packet', true), '42["auth",{"token":"123"}]');
    });
    test('to a custom namespace (a class-based namespace)', async () => {
      const socket = await engineSession();
      socket.send('40/custom,');
      assertConnectAnswer(await socket.next('the CONNECT answer', true), '40/custom,');
      assert.equal(await socket.next('the auth packet', true), '42/custom,["auth",{}]');
    });
    test('to a custom namespace with a payload', async () => {
      const socket = await engineSession();
      socket.send('40/custom,{"token":"abc"}');
      assertConnectAnswer(await socket.next('the CONNECT answer', true), '40/custom,');
      assert.equal(await socket.next('the auth packet', true), '42/custom,["auth",{"token":"abc"}]');
    });
    test('to an unknown namespace: CONNECT_ERROR "Invalid namespace"', async () => {
      const socket = await engineSession();
      socket.send('40/random');
      assert.equal(await socket.next('the CONNECT_ERROR', true), '44/random,{"message":"Invalid namespace"}');
    });
    test('an invalid handshake packet closes the connection', async () => {
      const socket = await engineSession();
      socket.send('4abc');
      await socket.waitClosed();
    });
    test('no CONNECT within the connect timeout closes the connection', async () => {
      const socket = await engineSession();
      // Answering pings keeps the Engine.IO session alive, so it is the missing CONNECT that closes it.
      socket.answerPings();
      const startedMs = performance.now();
      await socket.waitClosed(CONNECT_TIMEOUT_MS + 3_000);
      assert.ok(performance.now() - startedMs >= CONNECT_TIMEOUT_MS - 50, 'not before the connect timeout');
    });
  });

  describe('disconnect', () => {
    test('DISCONNECT from the main namespace keeps the Engine.IO session: the next frame is a ping', async () => {
      const socket = await socketIoSession();
      socket.send('41');
      assert.equal(await socket.next('the next ping'), '2');
    });
    test('connect to and disconnect from a custom namespace; the main namespace still answers', async () => {
      const socket = await socketIoSession();
      socket.send('40/custom');
      assertConnectAnswer(await socket.next('the CONNECT answer', true), '40/custom,');
      assert.equal(await socket.next('the auth packet', true), '42/custom,["auth",{}]');
      socket.send('41/custom');
      socket.send('42["message","message to main namespace"]');
      assert.equal(await socket.next('message-back', true), '42["message-back","message to main namespace"]');
    });
  });

  describe('message', () => {
    const placeholders = '{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}';
    test('a plain-text event with several arguments comes back with all of them', async () => {
      const socket = await socketIoSession();
      socket.send('42["message",1,"2",{"3":[true]}]');
      assert.equal(await socket.next('message-back', true), '42["message-back",1,"2",{"3":[true]}]');
    });
    test('an event with binary attachments comes back with the same attachments', async () => {
      const socket = await socketIoSession();
      socket.send(`452-["message",${placeholders}]`);
      socket.send(Uint8Array.from([1, 2, 3]));
      socket.send(Uint8Array.from([4, 5, 6]));
      const [header, first, second] = await socket.nextPackets(3, 'message-back and its attachments');
      assert.equal(header, `452-["message-back",${placeholders}]`);
      assert.deepEqual(first, Buffer.from([1, 2, 3]));
      assert.deepEqual(second, Buffer.from([4, 5, 6]));
    });
    test('a plain-text event with an ack is acked with every argument (a tuple)', async () => {
      const socket = await socketIoSession();
      socket.send('42456["message-with-ack",1,"2",{"3":[false]}]');
      assert.equal(await socket.next('the ack', true), '43456[1,"2",{"3":[false]}]');
    });
    test('an event with binary attachments and an ack gets a binary ack with the same attachments', async () => {
      const socket = await socketIoSession();
      socket.send(`452-789["message-with-ack",${placeholders}]`);
      socket.send(Uint8Array.from([1, 2, 3]));
      socket.send(Uint8Array.from([4, 5, 6]));
      const [header, first, second] = await socket.nextPackets(3, 'the binary ack and its attachments');
      assert.equal(header, `462-789[${placeholders}]`);
      assert.deepEqual(first, Buffer.from([1, 2, 3]));
      assert.deepEqual(second, Buffer.from([4, 5, 6]));
    });
    for (const [what, packet] of [
      ['an unknown packet type', '4abc'],
      ['an invalid payload', '42{}'],
      ['an invalid ack id', '42abc["message-with-ack",1,"2",{"3":[false]}]'],
    ] as const) {
      test(`${what} closes the connection`, async () => {
        const socket = await socketIoSession();
        socket.send(packet);
        await socket.waitClosed();
      });
    }
  });
});
