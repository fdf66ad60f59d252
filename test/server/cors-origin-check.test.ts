/**
 * `cors` with explicit origins refuses other origins with 400 as python-socketio does, over polling and for a
 * websocket upgrade; requests without Origin, and every origin under '*', are served.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import WebSocket from 'ws';
import { CORS_ORIGIN_BODY, CORS_ORIGIN_REFUSAL } from '../../server/cors-origin-check.js';
import { startServer } from './support/socket-test-kit.js';

const handshakePath = '/socket.io/?EIO=4&transport=polling';

/** The HTTP status of a websocket upgrade with `origin` (101 when it opened). */
function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { origin });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!error.message.includes('Unexpected server response')) reject(error);
    });
  });
}

test('with --cors ORIGINS, another Origin gets 400 "Not an accepted origin." over polling and websocket', async (t) => {
  const server = await startServer(t, { cors: { origin: ['http://a.example'] } });
  const allowed = await fetch(`${server.url}${handshakePath}`, { headers: { origin: 'http://a.example' } });
  assert.equal(allowed.status, 200);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://a.example');
  assert.ok((await allowed.text()).startsWith('0{'));
  const other = await fetch(`${server.url}${handshakePath}`, { headers: { origin: 'http://b.example' } });
  assert.equal(other.status, 400);
  assert.equal(await other.text(), CORS_ORIGIN_BODY);
  assert.equal(CORS_ORIGIN_BODY, '"Not an accepted origin."');
  const noOrigin = await fetch(`${server.url}${handshakePath}`);
  assert.equal(noOrigin.status, 200);
  await noOrigin.text();
  assert.equal(await upgradeStatus(server.url, 'http://b.example'), 400);
  assert.equal(await upgradeStatus(server.url, 'http://a.example'), 101);
  assert.equal(server.metrics.snapshot().refusedByKind[CORS_ORIGIN_REFUSAL], 2);
});

test("with --cors '*' and without --cors, every Origin is served", async (t) => {
  for (const cors of [{ origin: '*' as const }, undefined]) {
    const server = await startServer(t, { cors });
    const response = await fetch(`${server.url}${handshakePath}`, { headers: { origin: 'http://b.example' } });
    assert.equal(response.status, 200);
    await response.text();
    assert.equal(await upgradeStatus(server.url, 'http://b.example'), 101);
    assert.equal(server.metrics.snapshot().refusedByKind[CORS_ORIGIN_REFUSAL], undefined);
  }
});
