/**
 * The race behind the cluster's occasional `400 Session ID unknown` over long-polling: a worker answers the
 * handshake on the client's socket before its IPC message tells the primary (and sticky) which worker holds the
 * new sid, so the client's next request could be routed as a new session. The front door now holds a request for
 * a sid the primary has not heard of until it has; these tests drive that ordering by hand.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { createFrontDoor, routeByPath, sessionIdIn } from '../../../server/cluster/front-door.js';
import { SessionRegistry } from '../../../server/cluster/session-registry.js';
import { fakeSticky, listenFrontDoor } from './front-door-client.js';
const SID = 'AbCdEfGhIj-_KlMnOpQr';
const OTHER_SID = 'zzzzzzzzzzzzzzzzzzzz';
test('sessionIdIn: the 20-character sid of the query, as sticky reads it', () => {
    assert.equal(sessionIdIn(`GET /socket.io/?EIO=4&transport=polling&sid=${SID} HTTP/1.1`), SID);
    assert.equal(sessionIdIn(`POST /socket.io/?sid=${SID}&EIO=4 HTTP/1.1`), SID);
    assert.equal(sessionIdIn('GET /socket.io/?EIO=4&transport=polling HTTP/1.1'), undefined);
    assert.equal(sessionIdIn(`GET /socket.io/?xsid=${SID} HTTP/1.1`), undefined);
    assert.equal(sessionIdIn(`GET /socket.io/?sid=${SID}x HTTP/1.1`), undefined, '21 characters is no Engine.IO sid');
});
test('SessionRegistry: sticky messages make a sid live, then closed; a wait ends on the next tick after the message', async () => {
    const registry = new SessionRegistry({ closedMemory: 1 });
    assert.equal(registry.status(SID), 'unknown');
    registry.observe({ type: 'sticky:http-chunk', data: Buffer.from('x'), connectionId: 'c' });
    registry.observe({ type: 'sio-bench:worker-ready', workerIndex: 1, pid: 1 });
    registry.observe(null);
    assert.equal(registry.status(SID), 'unknown');
    const outcomes = [];
    const waited = new Promise((resolve) => registry.waitFor(SID, 60_000, (outcome) => (outcomes.push(outcome), resolve())));
    const cancel = registry.waitFor(SID, 60_000, () => outcomes.push('timeout'));
    cancel();
    assert.equal(registry.waitingSids, 1);
    registry.observe({ type: 'sticky:connection', data: SID });
    assert.equal(registry.status(SID), 'live');
    assert.deepEqual(outcomes, [], 'not within the message listener: sticky learns the sid in a listener of its own');
    await waited;
    assert.deepEqual(outcomes, ['live']);
    assert.equal(registry.waitingSids, 0);
    registry.observe({ type: 'sticky:disconnection', data: SID });
    assert.equal(registry.status(SID), 'closed');
    registry.observe({ type: 'sticky:connection', data: OTHER_SID });
    registry.observe({ type: 'sticky:disconnection', data: OTHER_SID });
    assert.deepEqual([registry.status(SID), registry.status(OTHER_SID)], ['unknown', 'closed'], 'closedMemory 1 keeps the latest');
    const timedOut = await new Promise((resolve) => registry.waitFor(SID, 1, resolve));
    assert.equal(timedOut, 'timeout');
    assert.throws(() => new SessionRegistry({ closedMemory: -1 }), /options\.closedMemory must be a non-negative integer/);
});
/** A lookup whose answers the test gives: records each wait and lets the test end it. */
class ManualSessions {
    statuses = new Map();
    waits = [];
    onWait;
    status(sid) {
        return this.statuses.get(sid) ?? 'unknown';
    }
    waitFor(sid, timeoutMs, done) {
        this.waits.push({ sid, timeoutMs, done });
        this.onWait?.();
        return () => undefined;
    }
    nextWait() {
        return new Promise((resolve) => (this.onWait = () => resolve('held')));
    }
}
test('the front door holds a request for a sid not yet known until it is, then routes it whole; known sids pass at once', async (t) => {
    const sessions = new ManualSessions();
    const sticky = fakeSticky();
    const door = createFrontDoor({ route: routeByPath(['/metrics.json']), local: new EventEmitter(), workers: sticky.workers, sessions, unknownSessionWaitMs: 1234 });
    const send = await listenFrontDoor(t, door);
    // The GET of a session whose worker has not told the primary yet: held, not routed as a new session.
    const getPath = `/socket.io/?EIO=4&transport=polling&sid=${SID}`;
    let held = sessions.nextWait();
    let routed = sticky.nextRequest();
    const answer = send('GET', getPath);
    assert.equal(await Promise.race([held, routed]), 'held');
    assert.deepEqual(sessions.waits.map(({ sid, timeoutMs }) => ({ sid, timeoutMs })), [{ sid: SID, timeoutMs: 1234 }]);
    assert.deepEqual(sticky.requests, []);
    sessions.statuses.set(SID, 'live');
    sessions.waits[0].done('live');
    assert.equal(await answer, `GET ${getPath} `);
    // A POST whose body arrives in several chunks while it is held reaches sticky whole and in order.
    const postPath = `/socket.io/?EIO=4&transport=polling&sid=${OTHER_SID}`;
    const body = Array.from({ length: 20_000 }, (_, i) => String(i % 10)).join('');
    held = sessions.nextWait();
    routed = sticky.nextRequest();
    const posted = send('POST', postPath, body);
    assert.equal(await Promise.race([held, routed]), 'held');
    sessions.waits[1].done('timeout');
    assert.equal(await posted, `POST ${postPath} ${body}`);
    // Live, closed, or no sid at all: routed at once.
    sessions.statuses.set(OTHER_SID, 'closed');
    assert.equal(await send('GET', getPath), `GET ${getPath} `);
    assert.equal(await send('GET', postPath), `GET ${postPath} `);
    assert.equal(await send('GET', '/socket.io/?EIO=4&transport=polling'), 'GET /socket.io/?EIO=4&transport=polling ');
    assert.equal(sessions.waits.length, 2);
});
//# sourceMappingURL=session-registry.test.js.map