import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createFrontDoor, routeByPath } from '../../../server/cluster/front-door.js';
import { fakeSticky, listenFrontDoor } from './front-door-client.js';
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
    const { workers } = fakeSticky('workers ');
    const door = createFrontDoor({ route: routeByPath(['/metrics.json']), local, workers });
    const send = await listenFrontDoor(t, door);
    assert.equal(await send('GET', '/metrics.json?t=1'), 'local GET /metrics.json?t=1');
    // A body large enough to arrive in several chunks after the first.
    assert.equal(await send('POST', '/socket.io/?EIO=4', 'x'.repeat(100_000)), `workers POST /socket.io/?EIO=4 ${'x'.repeat(100_000)}`);
});
//# sourceMappingURL=front-door.test.js.map