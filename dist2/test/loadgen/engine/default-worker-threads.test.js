import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultWorkerThreads, serverProcessesOnThisMachine } from '../../../loadgen/engine/default-worker-threads.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
function targetOf(target) {
    const text = `
name: t
target: ${target}
population: {clients: 10}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s}
`;
    return parseScenarioText(text, 't.yml').scenario.target;
}
test('server processes on this machine: the built-in server and its workers, or one on loopback', () => {
    assert.equal(serverProcessesOnThisMachine(targetOf('builtin')), 1);
    assert.equal(serverProcessesOnThisMachine(targetOf('{builtin: {workers: 4, transports: websocket}}')), 4);
    assert.equal(serverProcessesOnThisMachine(targetOf('http://127.0.0.1:3000')), 1);
    assert.equal(serverProcessesOnThisMachine(targetOf('http://127.0.0.2:3000')), 1);
    assert.equal(serverProcessesOnThisMachine(targetOf('http://localhost:3000')), 1);
    assert.equal(serverProcessesOnThisMachine(targetOf('"http://[::1]:3000"')), 1);
    assert.equal(serverProcessesOnThisMachine(targetOf('https://chat.example.com')), 0);
    assert.equal(serverProcessesOnThisMachine(targetOf('{url: "http://10.0.0.5:3000"}')), 0);
});
test('default worker threads: the cores left over, at least one', () => {
    assert.equal(defaultWorkerThreads(2, 1), 1);
    assert.equal(defaultWorkerThreads(8, 1), 7);
    assert.equal(defaultWorkerThreads(2, 8), 1);
    assert.equal(defaultWorkerThreads(4, 0), 4);
});
//# sourceMappingURL=default-worker-threads.test.js.map