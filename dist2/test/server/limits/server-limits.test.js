/**
 * The reference server's limits against real clients on loopback: rooms per client, connection rate per IP,
 * the auth token, CORS's wildcard-with-credentials refusal and the 127.0.0.1 default bind. Each refusal is the
 * protocol's own (ErrorAck, HTTP 429, CONNECT_ERROR) and is counted exactly in /metrics.json.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import WebSocket from 'ws';
import { UNAUTHORIZED } from '../../../server/limits/auth-token.js';
import { CONNECTION_RATE_BODY, CONNECTION_RATE_REFUSAL } from '../../../server/limits/connection-rate-limit.js';
import { parseLimitFlags } from '../../../server/limits/limit-flags.js';
import { DEFAULT_MAX_ROOMS_PER_CLIENT, effectiveLimits } from '../../../server/limits/limit-options.js';
import { ROOM_LIMIT_REFUSAL, roomLimitAck } from '../../../server/limits/room-limit.js';
import { createReferenceServer } from '../../../server/reference-server.js';
import { defaultServerOptions, resolveServerOptions } from '../../../server/server-options.js';
import { call, connectClient, connectRefused, metricsJson, WAIT_MS } from '../apps/app-test-clients.js';
import { killProcess, startServe } from '../../reliability/cli-process.js';
test('maxRoomsPerClient: a join beyond the limit gets an ErrorAck and is counted; re-joins and joins after a leave pass', async (t) => {
    const server = await createReferenceServer({ app: 'bench', maxRoomsPerClient: 2 });
    const client = await connectClient(server.url, 'websocket', { clientIndex: 0 });
    t.after(async () => {
        client.close();
        await server.close();
    });
    assert.deepEqual(await call(client, 'join', { room: 'a' }), { room: 'a', members: 1 });
    assert.deepEqual(await call(client, 'join', { room: 'b' }), { room: 'b', members: 1 });
    assert.deepEqual(await call(client, 'join', { room: 'c' }), roomLimitAck(2));
    assert.deepEqual(await call(client, 'join', { room: 'a' }), { room: 'a', members: 1 }, 'a room it is in already');
    await call(client, 'leave', { room: 'b' });
    assert.deepEqual(await call(client, 'join', { room: 'c' }), { room: 'c', members: 1 });
    assert.deepEqual(server.rooms(client.id).sort(), [client.id, 'a', 'c', 'client:0'].sort());
    const metrics = await metricsJson(server.url);
    assert.deepEqual(metrics.refusedByKind, { [ROOM_LIMIT_REFUSAL]: 1 });
    assert.equal(effectiveLimits(defaultServerOptions).maxRoomsPerClient, DEFAULT_MAX_ROOMS_PER_CLIENT);
});
test('connectionsPerSecPerIp: handshakes beyond the burst get HTTP 429 (polling and websocket), existing sessions are not limited', async (t) => {
    // 0.01/s: no token comes back during the test, so the outcome does not depend on how fast the machine is.
    const server = await createReferenceServer({ app: 'bench', connectionsPerSecPerIp: 0.01, connectionBurstPerIp: 2 });
    t.after(() => server.close());
    const handshake = () => fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { signal: AbortSignal.timeout(WAIT_MS) });
    const first = await handshake();
    const sid = /"sid":"([^"]+)"/.exec(await first.text())?.[1];
    assert.equal(first.status, 200);
    assert.equal((await handshake()).status, 200);
    const refused = await handshake();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '100');
    assert.equal(await refused.text(), CONNECTION_RATE_BODY);
    const upgrade = await new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.address.port}/socket.io/?EIO=4&transport=websocket`);
        ws.once('unexpected-response', (_req, res) => {
            resolve(res.statusCode ?? 0);
            ws.terminate();
        });
        ws.once('open', () => reject(new Error('a websocket handshake beyond the limit was accepted')));
        ws.once('error', () => undefined);
    });
    assert.equal(upgrade, 429);
    // The first session goes on: its namespace CONNECT over polling is not a new connection.
    const post = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '40', signal: AbortSignal.timeout(WAIT_MS) });
    assert.equal(post.status, 200);
    await post.arrayBuffer();
    const poll = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { signal: AbortSignal.timeout(WAIT_MS) });
    assert.match(await poll.text(), /^40\{"sid"/);
    assert.deepEqual((await metricsJson(server.url)).refusedByKind, { [CONNECTION_RATE_REFUSAL]: 2 });
});
test("authToken: clients without the token get CONNECT_ERROR 'unauthorized' (counted), clients with it are served", async (t) => {
    const server = await createReferenceServer({ app: 'bench', authToken: 's3cret' });
    t.after(() => server.close());
    assert.equal((await connectRefused(server.url, 'websocket', { clientIndex: 0 })).message, UNAUTHORIZED);
    assert.equal((await connectRefused(server.url, 'polling', { clientIndex: 1, token: 'guess' })).message, UNAUTHORIZED);
    assert.equal((await connectRefused(server.url, 'websocket', { token: 42 })).message, UNAUTHORIZED);
    const client = await connectClient(server.url, 'websocket', { clientIndex: 2, token: 's3cret' });
    t.after(() => client.close());
    assert.equal(await call(client, 'echo', 'in'), 'in');
    assert.deepEqual((await metricsJson(server.url)).refusedByKind, { [UNAUTHORIZED]: 3 });
});
test('serve --auth-token and --max-rooms-per-client reach the server; bad limit flags are named', async (t) => {
    const serve = await startServe(0, ['--auth-token', 'tok', '--max-rooms-per-client', '1', '--transports', 'websocket']);
    t.after(() => killProcess(serve.child, 'SIGTERM'));
    assert.equal((await connectRefused(serve.url, 'websocket', {})).message, UNAUTHORIZED);
    const client = await connectClient(serve.url, 'websocket', { token: 'tok' });
    t.after(() => client.close());
    assert.deepEqual(await call(client, 'join', { room: 'one' }), { room: 'one', members: 1 });
    assert.deepEqual(await call(client, 'join', { room: 'two' }), roomLimitAck(1));
    assert.deepEqual(parseLimitFlags({ maxRoomsPerClient: '0', maxConnectionsPerSecPerIp: 'fast', connectionBurstPerIp: '1.5', authToken: '' }), {
        ok: false,
        problems: [
            '--max-rooms-per-client must be an integer >= 1 (got "0")',
            '--max-connections-per-sec-per-ip must be a number >= 0, 0 = no limit (got "fast")',
            '--connection-burst-per-ip must be an integer >= 1 (got "1.5")',
            '--auth-token must not be empty',
        ],
    });
});
test('CORS never combines a wildcard origin with credentials; the server binds 127.0.0.1 unless told; bad limits are named', async (t) => {
    assert.throws(() => resolveServerOptions({ cors: { origin: '*', credentials: true } }), /options\.cors\.credentials cannot be true with a wildcard origin/);
    assert.throws(() => resolveServerOptions({ maxRoomsPerClient: 0, connectionsPerSecPerIp: -1, connectionBurstPerIp: 0, authToken: '' }), (error) => error.message ===
        'options.maxRoomsPerClient must be a positive integer (got 0); options.connectionsPerSecPerIp must be a non-negative number, 0 = no limit (got -1); ' +
            'options.connectionBurstPerIp must be a positive integer (got 0); options.authToken must be a non-empty string or absent (got "")');
    const server = await createReferenceServer({ cors: { origin: ['http://app.example'], credentials: true } });
    t.after(() => server.close());
    assert.equal(server.address.host, '127.0.0.1');
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
        headers: { origin: 'http://app.example' },
        signal: AbortSignal.timeout(WAIT_MS),
    });
    await response.arrayBuffer();
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://app.example');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
});
//# sourceMappingURL=server-limits.test.js.map