import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { Server } from 'socket.io';
import { probeTarget } from '../../../loadgen/engine/probe-target.js';

test("the probe closes its Engine.IO session: the server counts no client of it once the probe is done", async () => {
  const httpServer = http.createServer();
  const io = new Server(httpServer);
  let handshakes = 0;
  io.engine.on('connection', () => {
    handshakes += 1;
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  try {
    await probeTarget(`http://127.0.0.1:${port}`, '/socket.io/');
    assert.equal(handshakes, 1, 'the probe did open a session');
    assert.equal(io.engine.clientsCount, 0, 'the session is closed before the load starts');
  } finally {
    await io.close();
  }
});

test('the probe rejects a server that answers with something other than Engine.IO', async () => {
  const httpServer = http.createServer((_request, response) => response.end('<html>hello</html>'));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  try {
    await assert.rejects(probeTarget(`http://127.0.0.1:${port}`, '/socket.io/'), /body that is not Engine\.IO \("<html>hello<\/html>"\)/);
  } finally {
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  }
});
