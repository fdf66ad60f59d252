/**
 * Transport modes, compression, CORS, parser and path of the reference server, checked on the wire: what the
 * handshake advertises, which headers and websocket extensions are negotiated.
 */
import assert from 'node:assert/strict';
import { get, request, type IncomingHttpHeaders } from 'node:http';
import { describe, test } from 'node:test';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { WebSocket } from 'ws';
import { createReferenceServer } from '../../server/reference-server.js';
import type { ReferenceServer } from '../../server/types.js';
import { connectClient, connectError, openClient, startServer, withTimeout } from './support/socket-test-kit.js';

interface RawResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One HTTP request without any client-side decoding, so content-encoding is seen as sent. */
function rawRequest(server: ReferenceServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const req = request(`${server.url}${path}`, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    }),
    `HTTP ${path}`,
  );
}

const handshakePath = '/socket.io/?EIO=4&transport=polling';

/** The Engine.IO open packet of a polling handshake. */
async function pollingHandshake(server: ReferenceServer): Promise<{ upgrades: string[] }> {
  const response = await rawRequest(server, handshakePath);
  assert.equal(response.statusCode, 200);
  const text = response.body.toString();
  assert.equal(text[0], '0');
  return JSON.parse(text.slice(1)) as { upgrades: string[] };
}

function openRawWebSocket(server: ReferenceServer, perMessageDeflate: boolean): Promise<WebSocket> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate });
  return withTimeout(
    new Promise((resolve, reject) => {
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    }),
    'websocket open',
  );
}

describe('transports', { timeout: 30_000 }, () => {
  test("'websocket' refuses polling and accepts websocket", async (t) => {
    const server = await startServer(t, { transports: 'websocket' });
    const polling = openClient(t, server, 'polling');
    assert.equal((await connectError(polling)).message, 'xhr poll error');
    const ws = await connectClient(t, server, 'websocket');
    assert.equal(ws.connected, true);
    assert.equal(server.metrics.snapshot().refusedByKind['engine-unknown-transport'], 1);
  });

  test("'polling' refuses websocket and advertises no upgrade", async (t) => {
    const server = await startServer(t, { transports: 'polling' });
    const ws = openClient(t, server, 'websocket');
    assert.equal((await connectError(ws)).message, 'websocket error');
    assert.deepEqual((await pollingHandshake(server)).upgrades, []);
    const polling = await connectClient(t, server, 'polling');
    assert.equal(polling.io.engine.transport.name, 'polling');
  });

  test("'polling-upgrade' starts on polling and upgrades to websocket", async (t) => {
    const server = await startServer(t, { transports: 'polling-upgrade' });
    assert.deepEqual((await pollingHandshake(server)).upgrades, ['websocket']);
    const client = openClient(t, server, 'polling', { transports: ['polling', 'websocket'] });
    const upgraded = withTimeout(new Promise<string>((resolve) => client.io.engine.once('upgrade', (transport: { name: string }) => resolve(transport.name))), 'upgrade');
    assert.equal(await upgraded, 'websocket');
    server.on('ping', () => 'pong');
    assert.equal(await client.emitWithAck('ping'), 'pong');
  });

  test('a custom path is served and the default one is not', async (t) => {
    const server = await startServer(t, { path: '/rt/' });
    const client = await connectClient(t, server, 'websocket', { path: '/rt/' });
    assert.equal(client.connected, true);
    assert.equal((await rawRequest(server, handshakePath)).statusCode, 404);
  });
});

describe('compression', { timeout: 30_000 }, () => {
  for (const httpCompression of [true, false]) {
    test(`polling responses are ${httpCompression ? '' : 'not '}gzipped with httpCompression ${String(httpCompression)}`, async (t) => {
      const server = await startServer(t, { compression: { httpCompression, thresholdBytes: 0 } });
      const response = await rawRequest(server, handshakePath, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(response.headers['content-encoding'], httpCompression ? 'gzip' : undefined);
      // gzip streams start with the magic bytes 1f 8b.
      assert.equal(response.body[0] === 0x1f && response.body[1] === 0x8b, httpCompression);
    });
  }

  test('a polling response under the threshold is sent as it is', async (t) => {
    const server = await startServer(t, { compression: { httpCompression: true, thresholdBytes: 100_000 } });
    const response = await rawRequest(server, handshakePath, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.headers['content-encoding'], undefined);
  });

  for (const perMessageDeflate of [true, false]) {
    test(`permessage-deflate is ${perMessageDeflate ? '' : 'not '}negotiated with perMessageDeflate ${String(perMessageDeflate)}`, async (t) => {
      const server = await startServer(t, { transports: 'websocket', compression: { perMessageDeflate, thresholdBytes: 0 } });
      const ws = await openRawWebSocket(server, true);
      t.after(() => ws.terminate());
      assert.equal(ws.extensions.startsWith('permessage-deflate'), perMessageDeflate);
    });
  }
});

describe('parser', { timeout: 30_000 }, () => {
  test('msgpack carries events, acks and nested binary', async (t) => {
    const server = await startServer(t, { parser: 'msgpack' });
    server.on('echo', (_sid, payload) => payload);
    for (const transport of ['websocket', 'polling'] as const) {
      const client = await connectClient(t, server, transport, { parser: msgpackParser });
      const reply = (await client.emitWithAck('echo', { n: 1, bin: Buffer.from([1, 2, 3]), list: ['a', { b: Buffer.from([4]) }] })) as {
        n: number;
        bin: Uint8Array;
        list: [string, { b: Uint8Array }];
      };
      assert.equal(reply.n, 1);
      assert.deepEqual([...new Uint8Array(reply.bin)], [1, 2, 3]);
      assert.equal(reply.list[0], 'a');
      assert.deepEqual([...new Uint8Array(reply.list[1].b)], [4]);
    }
  });
});

describe('CORS', { timeout: 30_000 }, () => {
  test('a listed origin is allowed with credentials; another is refused with 400 and no CORS headers', async (t) => {
    const server = await startServer(t, { cors: { origin: ['https://app.test'], credentials: true, methods: ['GET', 'POST'] } });
    const allowed = await rawRequest(server, handshakePath, { headers: { origin: 'https://app.test' } });
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://app.test');
    assert.equal(allowed.headers['access-control-allow-credentials'], 'true');
    const other = await rawRequest(server, handshakePath, { headers: { origin: 'https://evil.test' } });
    assert.equal(other.statusCode, 400);
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    const preflight = await rawRequest(server, handshakePath, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.test', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET,POST');
  });

  test("a wildcard origin answers '*'; no cors option sends no CORS header", async (t) => {
    const wildcard = await startServer(t, { cors: { origin: '*' } });
    const response = await rawRequest(wildcard, handshakePath, { headers: { origin: 'https://any.test' } });
    assert.equal(response.headers['access-control-allow-origin'], '*');
    const none = await startServer(t);
    const plain = await rawRequest(none, handshakePath, { headers: { origin: 'https://any.test' } });
    assert.equal(plain.headers['access-control-allow-origin'], undefined);
  });
});

describe('lifecycle', { timeout: 30_000 }, () => {
  test('close() disconnects clients, closes the port, and may be called twice', async (t) => {
    const server = await startServer(t);
    const client = await connectClient(t, server, 'websocket');
    const disconnected = withTimeout(new Promise<string>((resolve) => client.once('disconnect', resolve)), 'disconnect');
    const { url } = server;
    await server.close();
    await server.close();
    assert.equal(await disconnected, 'transport close');
    const refused = await withTimeout(
      new Promise<string>((resolve) => get(`${url}/metrics`).once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? ''))),
      'connection refused',
    );
    assert.equal(refused, 'ECONNREFUSED');
  });

  test('a port in use rejects with EADDRINUSE', async (t) => {
    const first = await startServer(t);
    await assert.rejects(createReferenceServer({ port: first.address.port }), { code: 'EADDRINUSE' });
  });

  test('options are validated before anything is bound', async () => {
    await assert.rejects(createReferenceServer({ pingTimeoutMs: 0 }), {
      name: 'ServerOptionsError', message: 'options.pingTimeoutMs must be a positive integer (got 0)',
    });
  });
});
