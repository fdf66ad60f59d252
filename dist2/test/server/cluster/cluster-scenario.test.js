/**
 * The load generator's delivery accounting proves the cluster right: a rooms scenario run against a 2-process
 * built-in server (node:cluster, @socket.io/cluster-adapter, @socket.io/sticky) gets every broadcast and direct
 * exactly once, over websocket and over long-polling, and its server samples come per process and in total.
 */
import { test } from 'node:test';
import { assertExactDelivery, assertPerProcessSamples, pollingRates, roomsScenarioText, runRooms } from './rooms-scenario.js';
test('rooms scenario against a 2-process cluster over websocket (lean clients): exact delivery', async () => {
    const result = await runRooms(roomsScenarioText('{builtin: {workers: 2}}', 'lean', 'websocket'));
    assertExactDelivery(result);
    assertPerProcessSamples(result);
});
// Lean clients: the official client over polling only loses deliveries against a single-process server too (a
// load-generator matter, reported separately), so it could not tell anything about the cluster here.
// This one failed now and then with one connect failure (`400 Session ID unknown`: sticky routed a request of a
// brand-new session before its worker's IPC message named the worker); session-registry.test.ts covers the fix.
test('rooms scenario against a 2-process cluster over long-polling (lean clients): exact delivery', async () => {
    const result = await runRooms(roomsScenarioText('{builtin: {workers: 2, transports: polling}}', 'lean', 'polling', pollingRates));
    assertExactDelivery(result);
});
//# sourceMappingURL=cluster-scenario.test.js.map