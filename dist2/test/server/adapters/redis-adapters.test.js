/**
 * The Redis adapters against a real redis-server on a loopback port. Two reference servers joined only through
 * Redis (each with its own adapter and connections, as two processes on two hosts would be) share rooms: the
 * facade's emit to a room, enterRoom of a client on the other server, closeRoom, rooms() and broadcast acks work
 * across them, with official clients. Then the load generator's accounting: a rooms scenario against 2 server
 * processes joined by Redis (behind the cluster primary, which only routes connections) loses nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { openAdapter } from '../../../server/adapters/open-adapter.js';
import { RedisConnectError } from '../../../server/adapters/redis-connection.js';
import { createReferenceServer } from '../../../server/reference-server.js';
import { redisSkipReason, startRedisServer } from '../../helpers/redis-server.js';
import { withTimeout } from '../support/socket-test-kit.js';
import { assertExactDelivery, pollingRates, roomsScenarioText, runRooms } from '../cluster/rooms-scenario.js';
const skip = redisSkipReason();
async function connect(url) {
    const client = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    await withTimeout(new Promise((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('connect_error', reject);
    }), 'connect');
    return client;
}
/** Every event a client gets until `fence`, in order (Socket.IO keeps per-client order). */
function eventsUntilFence(client) {
    const events = [];
    const record = (event, ...args) => {
        events.push(`${event}:${JSON.stringify(args.filter((a) => typeof a !== 'function'))}`);
    };
    client.onAny(record);
    return withTimeout(new Promise((resolve) => client.once('fence', () => {
        client.offAny(record);
        resolve(events.filter((e) => !e.startsWith('fence:')));
    })), 'fence');
}
describe('redis adapters', { skip }, () => {
    let redis;
    before(async () => {
        redis = await startRedisServer();
    });
    after(() => redis?.stop());
    test('an unreachable Redis fails the start with RedisConnectError naming the URL', async () => {
        // The port of a redis-server that has stopped: nothing listens there any more.
        const gone = await startRedisServer();
        await gone.stop();
        await assert.rejects(openAdapter('redis', { redisUrl: gone.url }), (error) => {
            assert.ok(error instanceof RedisConnectError);
            assert.ok(error.message.startsWith(`cannot connect to Redis at ${gone.url}`), error.message);
            return true;
        });
    });
    for (const kind of ['redis', 'redis-streams']) {
        test(`${kind}: the facade's rooms, emits, closeRoom and acks work across two servers`, async (t) => {
            const servers = [];
            for (let i = 0; i < 2; i += 1) {
                const opened = await openAdapter(kind, { redisUrl: redis.url });
                const server = await createReferenceServer({ adapter: opened.adapter, onHandlerError: () => undefined });
                t.after(async () => {
                    await server.close();
                    await opened.close();
                });
                servers.push(server);
            }
            const [one, two] = servers;
            const sidsOnTwo = [];
            two.on('connect', (sid) => {
                sidsOnTwo.push(sid);
                return true;
            });
            const a = await connect(one.url);
            t.after(() => a.close());
            const b = await connect(two.url);
            t.after(() => b.close());
            const sidA = a.id;
            const sidB = b.id;
            assert.deepEqual(sidsOnTwo, [sidB]);
            // enterRoom from server one for a client of server two travels through Redis, before the emit behind it.
            const seenByB = eventsUntilFence(b);
            one.enterRoom(sidB, 'mixed');
            one.enterRoom(sidA, 'mixed');
            one.emit('news', { n: 1 }, { to: 'mixed' });
            one.emit('news', { n: 2 }, { to: 'mixed', skipSid: sidA });
            one.emit('fence', null, { to: sidB });
            assert.deepEqual(await seenByB, ['news:[{"n":1}]', 'news:[{"n":2}]']);
            assert.deepEqual(two.rooms(sidB).sort(), ['mixed', sidB].sort(), 'server two sees the room it was told about');
            assert.deepEqual(one.rooms(sidB), [], 'rooms() answers for this server’s own clients only');
            // A broadcast ack collects every recipient's answer, whichever server holds it.
            a.on('ask', (question, ack) => ack(`a:${question}`));
            b.on('ask', (question, ack) => ack(`b:${question}`));
            const answers = await withTimeout(new Promise((resolve, reject) => {
                one.emit('ask', 'q', { to: 'mixed', timeoutMs: 4000, callback: (error, acks) => (error === null ? resolve(acks) : reject(error)) });
            }), 'broadcast acks');
            assert.deepEqual([...answers].sort(), ['a:q', 'b:q']);
            // closeRoom empties the room on both servers: nothing sent to it afterwards arrives.
            const afterClose = eventsUntilFence(b);
            one.closeRoom('mixed');
            one.emit('news', { n: 3 }, { to: 'mixed' });
            one.emit('fence', null, { to: sidB });
            assert.deepEqual(await afterClose, []);
            assert.deepEqual(two.rooms(sidB), [sidB]);
        });
    }
    test('rooms scenario against 2 processes joined by the redis adapter (websocket): exact delivery', async () => {
        assertExactDelivery(await runRooms(roomsScenarioText(`{builtin: {workers: 2, adapter: redis, redisUrl: '${redis.url}'}}`, 'lean', 'websocket')));
    });
    test('rooms scenario against 2 processes joined by the redis-streams adapter (long-polling): exact delivery', async () => {
        assertExactDelivery(await runRooms(roomsScenarioText(`{builtin: {workers: 2, adapter: redis-streams, redisUrl: '${redis.url}', transports: polling}}`, 'lean', 'polling', pollingRates)));
    });
});
//# sourceMappingURL=redis-adapters.test.js.map