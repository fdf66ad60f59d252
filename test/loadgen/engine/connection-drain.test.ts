/** Closing with a drain: what the delivery log is told, and when, under fake timers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VirtualClient } from '../../../loadgen/client/virtual-client.js';
import { ConnectionDrain } from '../../../loadgen/engine/connection-drain.js';
import type { DeliveryRecorder } from '../../../loadgen/engine/delivery-recorder.js';
import type { ReceiverConnection } from '../../../loadgen/engine/receiver-connection.js';
import { manualClock } from '../../../loadgen/measure/clock.js';

function fixture(): { drain: ConnectionDrain; log: unknown[][]; client(connected: boolean): VirtualClient; clock: ReturnType<typeof manualClock> } {
  const log: unknown[][] = [];
  const delivery = {
    closeAll: (_connection: ReceiverConnection, atUs: number) => log.push(['closeAll', atUs]),
    endConnection: (_connection: ReceiverConnection, atUs: number, cause?: string) => log.push(['end', atUs, cause]),
  } as unknown as DeliveryRecorder;
  const clock = manualClock(1_000);
  const client = (connected: boolean): VirtualClient => ({ connected, disconnect: () => log.push(['disconnect']) }) as unknown as VirtualClient;
  return { drain: new ConnectionDrain(delivery, clock), log, client, clock };
}

const receiver = {} as ReceiverConnection;

test('without a drain, or when not connected, the connection ends at once with its cause', () => {
  const { drain, log, client } = fixture();
  drain.close(client(true), receiver, 500, 0, 'inFlightAtStop');
  drain.close(client(false), receiver, 600, 250);
  assert.deepEqual(log, [['disconnect'], ['end', 500, 'inFlightAtStop'], ['disconnect'], ['end', 600, undefined]]);
});

test('with a drain the windows close now and the socket closes drainMs later, at that time', (context) => {
  context.mock.timers.enable({ apis: ['setTimeout'] });
  const { drain, log, client, clock } = fixture();
  drain.close(client(true), receiver, 2_000, 250);
  assert.deepEqual(log, [['closeAll', 2_000]]);
  context.mock.timers.tick(249);
  assert.equal(log.length, 1);
  clock.setUs(252_000);
  context.mock.timers.tick(1);
  assert.deepEqual(log, [['closeAll', 2_000], ['disconnect'], ['end', 252_000, undefined]]);
  // Ended: the server closing it now is no longer a draining connection's end.
  assert.equal(drain.serverClosed(receiver, 300_000), false);
});

test('a draining connection the server drops ends as undeliverable, and its timer is cancelled', (context) => {
  context.mock.timers.enable({ apis: ['setTimeout'] });
  const { drain, log, client } = fixture();
  drain.close(client(true), receiver, 2_000, 250);
  assert.equal(drain.serverClosed(receiver, 3_000), true);
  context.mock.timers.tick(1_000);
  assert.deepEqual(log, [['closeAll', 2_000], ['end', 3_000, 'undeliverable']]);
});

test('the stop ends every draining connection now, what it still expected counted as in flight', (context) => {
  context.mock.timers.enable({ apis: ['setTimeout'] });
  const { drain, log, client } = fixture();
  drain.close(client(true), receiver, 2_000, 250);
  drain.stop(2_100);
  context.mock.timers.tick(1_000);
  assert.deepEqual(log, [['closeAll', 2_000], ['disconnect'], ['end', 2_100, 'inFlightAtStop']]);
  assert.equal(drain.serverClosed(receiver, 3_000), false);
});
