import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { test } from 'node:test';
import { createFrontDoor, routeByPath } from '../../../server/cluster/front-door.js';
import { listenFrontDoor } from './front-door-client.js';

test('routeByPath: the local paths, whatever the method or query; everything else to the workers', () => {
  const route = routeByPath(['/metrics', '/metrics.json']);
  assert.equal(route('GET /metrics.json HTTP/1.1'), 'local');
  assert.equal(route('HEAD /metrics?x=1 HTTP/1.1'), 'local');
  assert.equal(route('GET /metrics.jsonx HTTP/1.1'), 'workers');
  assert.equal(route('GET /socket.io/?EIO=4&transport=polling HTTP/1.1'), 'workers');
  assert.equal(route('garbage'), 'workers');
});

test('the front door hands each connection, from its first byte, to the server its route names', async (t) => {
  const local = createServer((req, res) => res.end(`local ${req.method} ${req.url}`));
  // Stands in for sticky: takes over the socket's data on 'connection' and answers from the raw bytes.
  const workers = new EventEmitter();
  workers.on('connection', (socket: Socket) => {
    socket.removeAllListeners('data');
    let raw = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      raw = Buffer.concat([raw, chunk]);
      const headerEnd = raw.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const head = raw.subarray(0, headerEnd).toString('latin1');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (raw.length < headerEnd + 4 + length) return;
      const body = `workers ${head.split(' ', 2).join(' ')} ${raw.subarray(headerEnd + 4).toString('utf8')}`;
      socket.end(`HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
  });
  const door = createFrontDoor({ route: routeByPath(['/metrics.json']), local, workers });
  const send = await listenFrontDoor(t, door);
  assert.equal(await send('GET', '/metrics.json?t=1'), 'local GET /metrics.json?t=1');
  // A body large enough to arrive in several chunks after the first.
  assert.equal(await send('POST', '/socket.io/?EIO=4', 'x'.repeat(100_000)), `workers POST /socket.io/?EIO=4 ${'x'.repeat(100_000)}`);
});
