import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskedTextFrame, RawConnection, type RawConnectionEvents } from '../../../bench/raw-floor/raw-connection.js';
import { achievedConnectRate, stormSettledSec } from '../../../bench/raw-floor/raw-floor-bench.js';
import type { SeriesPoint } from '../../../loadgen/run-result.js';
import { createReferenceServer } from '../../../server/reference-server.js';

test('achieved connect rate: clients over (last scheduled connect + worst latency), only when all connected', () => {
  // 3,000 clients at 1,000/s: the last is due at 2.999 s; with a worst latency of 1.001 s all were in by 4 s.
  assert.equal(achievedConnectRate(3000, 1000, 3000, 1001), 750);
  assert.equal(achievedConnectRate(3000, 1000, 2999, 1), undefined);
});

test('the engine storm window ends with the second in which every client is open or failed, at the latest the hold', () => {
  const point = (tSec: number, open: number, failed: number) => ({ tSec, connections: { target: 10, open, connecting: 10 - open - failed, failed } }) as SeriesPoint;
  const series = [point(1, 0, 0), point(2, 0, 0), point(3, 4, 0), point(4, 9, 1), point(5, 10, 0), point(6, 10, 0)];
  assert.equal(stormSettledSec(series, 2, 9, 10), 4, 'open + failed reach the clients in second 4');
  assert.equal(stormSettledSec(series, 4, 9, 10), 5, 'only seconds after the start count');
  assert.equal(stormSettledSec(series.slice(0, 3), 2, 9, 10), 9, 'never settled: the hold end');
});

test('masked frames carry short and 126-length payloads', () => {
  const short = maskedTextFrame('40');
  assert.deepEqual([short[0], short[1], short.length], [0x81, 0x80 | 2, 8]);
  const long = maskedTextFrame('x'.repeat(300));
  assert.deepEqual([long[1], long.readUInt16BE(2), long.length], [0x80 | 126, 300, 308]);
  // Unmasking gives the text back.
  const mask = long.subarray(4, 8);
  const text = Buffer.from(long.subarray(8).map((byte, i) => byte ^ mask[i & 3]!)).toString();
  assert.equal(text, 'x'.repeat(300));
});

test('raw connections open, join a room and count every broadcast the reference server forwards', async (t) => {
  const server = await createReferenceServer({ app: 'bench', transports: 'websocket' });
  const connections: RawConnection[] = [];
  // Clients first: the server's close waits for its connections.
  t.after(async () => {
    connections.forEach((connection) => connection.closeQuietly());
    await server.close();
  });
  const { host, port } = server.address;
  let events = 0;
  const failures: string[] = [];
  let waiting: { left: number; resolve: () => void } | undefined;
  const step = (): void => {
    if (waiting !== undefined && --waiting.left === 0) waiting.resolve();
  };
  const handlers: RawConnectionEvents = {
    onOpen: step,
    onAck: step,
    onEvent() {
      events++;
      step();
    },
    onFail: (_connection, reason) => failures.push(reason),
  };
  const until = (left: number, start: () => void): Promise<void> =>
    new Promise((resolve) => {
      waiting = { left, resolve };
      start();
    });
  await until(4, () => {
    for (let i = 0; i < 4; i++) connections.push(new RawConnection(handlers, RawConnection.connectFrameFor(i), host, port));
  });
  assert.ok(connections.every((connection) => connection.isOpen));
  assert.equal(server.io.of('/').sockets.size, 4);
  await until(4, () => connections.forEach((connection) => connection.sendFrame(maskedTextFrame('420["join",{"room":"r"}]'))));
  assert.equal(server.io.of('/').adapter.rooms.get('r')?.size, 4);
  // 5 broadcasts of 200 bytes from client 0: each reaches the 3 others (the sender is skipped).
  await until(15, () => {
    for (let seq = 0; seq < 5; seq++) {
      connections[0]!.sendFrame(maskedTextFrame(`42["broadcast",{"room":"r","from":0,"seq":${seq},"t0Us":1,"sentUs":1,"payload":"${'p'.repeat(200)}"}]`));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(events, 15);
  assert.deepEqual(failures, []);
});
