/** The live `stats` event: subscribe in any namespace, receive the metrics JSON periodically, unsubscribe. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectClient, nextEvent, startServer } from '../support/socket-test-kit.js';
test('stats:subscribe acks a snapshot and then pushes `stats`; stats:unsubscribe stops it', { timeout: 30_000 }, async (t) => {
    const server = await startServer(t, { statsIntervalMs: 50 });
    server.on('noop', () => undefined, '/chat');
    const client = await connectClient(t, server, 'websocket', { namespace: '/chat' });
    const first = (await client.emitWithAck('stats:subscribe'));
    assert.equal(first.schemaVersion, 1);
    assert.deepEqual(first.namespaces.find((n) => n.namespace === '/chat'), { namespace: '/chat', connectedClients: 1, rooms: 0 });
    const [pushed] = (await nextEvent(client, 'stats'));
    assert.equal(pushed.schemaVersion, 1);
    assert.equal(pushed.connectedClients, 1);
    assert.equal(pushed.eventsReceivedByEvent['stats:subscribe'], 1);
    assert.equal(await client.emitWithAck('stats:unsubscribe'), undefined);
});
//# sourceMappingURL=stats-broadcaster.test.js.map