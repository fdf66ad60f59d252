/**
 * Interoperability with a Socket.IO server no one here wrote: python-socketio (Debian python3-socketio with
 * python3-eventlet) serving its classic chat example. The bundled seed-chat scenario and a custom-event scenario
 * run against it with both client kinds: connects, events, acks, rooms and a broadcast, all measured, nothing lost.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { runScenario } from '../../../loadgen/engine/coordinator.js';
import { loadScenarioFile, parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';
import type { RunResult } from '../../../loadgen/run-result.js';
import { skipUnlessAvailable } from '../../helpers/require-service.js';
import { recordingReporter } from '../../helpers/silent-reporter.js';

const PYTHON = '/usr/bin/python3';
const SERVER_SCRIPT = fileURLToPath(new URL('../../../../test/loadgen/interop/python/chat_server.py', import.meta.url));
const SEED_CHAT = fileURLToPath(new URL('../../../../scenarios/seed-chat.yml', import.meta.url));

const pythonReady = spawnSync(PYTHON, ['-c', 'import socketio, eventlet'], { stdio: 'ignore' }).status === 0;
const skip = skipUnlessAvailable(pythonReady, 'python-socketio with eventlet', 'apt-get install -y python3-socketio python3-eventlet python3-websocket');

let server: ChildProcess | undefined;
let url = '';

before(async () => {
  if (skip) return;
  server = spawn(PYTHON, [SERVER_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await Promise.race([
    once(server.stdout!, 'data'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('python-socketio server did not start within 15 s')), 15_000).unref()),
  ])) as [Buffer];
  const match = /listening (http:\/\/\S+)/.exec(line.toString());
  assert.ok(match, `unexpected first line ${line.toString()}`);
  url = match[1]!;
});

after(() => {
  server?.kill('SIGKILL');
});

function assertClean(result: RunResult): void {
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  assert.deepEqual(result.totals.errors, {}, 'no errors');
  assert.equal(result.totals.counters.connectFailures, 0);
  assert.equal(result.totals.counters.acksTimedOut, 0, 'every reply and ack arrived');
  assert.equal(result.totals.counters.disconnects, 0);
}

// The seed's own server (two-argument connect) at the scenario's full default duration, longer than any reply
// timeout: both client kinds, websocket and long-polling.
for (const [client, transport] of [['lean', 'websocket'], ['official', 'polling']] as const) {
  test(`seed-chat.yml as it is against python-socketio's chat example as the seed writes it (${client} client, ${transport})`, { skip }, async () => {
    const loaded = await loadScenarioFile(SEED_CHAT, [`target=${url}`, `client=${client}`, `transport=${transport}`]);
    const result = await runScenario({ loaded, reporter: recordingReporter(), workers: 1 });
    assertClean(result);
    assert.equal(result.totals.latency.connect?.corrected.count, loaded.scenario.population.clients);
    assert.ok((result.totals.latency.message?.corrected.count ?? 0) > 0, 'message replies matched to their requests');
    assert.ok((result.totals.latency['send-message']?.corrected.count ?? 0) > 0, 'sendMessage replies matched to their requests');
    const relayed = result.totals.delivery['my-message'];
    assert.ok(relayed !== undefined && relayed.expected > 1000, JSON.stringify(relayed));
    assert.deepEqual([relayed.received, relayed.lost, relayed.duplicated, relayed.unexpected], [relayed.expected, 0, 0, 0]);
    // The scenario's non-latency thresholds hold; its latency ones depend on the machine and are not asserted here.
    for (const threshold of result.thresholds.filter((t) => !t.expression.includes('latency'))) assert.ok(threshold.passed, threshold.expression);
  });
}

for (const client of ['lean', 'official'] as const) {
  test(`custom events, acks, a room and a broadcast against python-socketio, nothing lost (${client} client)`, { skip }, async () => {
    const members = 20;
    const text = `
name: python-custom
target: ${url}
client: ${client}
transport: ${client === 'lean' ? 'websocket' : 'polling-upgrade'}
population: {clients: ${members}}
phases:
  - {name: ramp-up, kind: ramp-up, duration: 1s, actions: [enter]}
  - {name: settle, kind: hold, duration: 3s, actions: [enter]}
  - {name: steady, kind: hold, duration: 4s}
actions:
  - {kind: custom, name: enter, event: enter room, args: [{room: hall}], ack: true, joins: true}
  - kind: custom
    name: ping
    event: ping
    args: [{n: 1, blob: x}]
    ack: true
    rate: {perClient: 2}
  - kind: custom
    name: shout
    event: shout
    args: [{room: hall, id: '{{messageId}}'}]
    rate: {total: 5}
    delivers: {event: shouted, to: room-and-sender, idField: id}
drain: 2s
`;
    const result = await runScenario({ loaded: parseScenarioText(text, 'python-custom.yml'), reporter: recordingReporter(), workers: 1 });
    assertClean(result);
    const acks = result.totals.latency.customAck?.corrected.count ?? 0;
    assert.ok(acks >= 100, `ping acks measured (${acks})`);
    const shouts = result.totals.latency['shout.fanout']?.corrected.count ?? 0;
    assert.ok(shouts >= 10, `shouts whose fan-out completed (${shouts})`);
    // python-socketio emits to the whole room, sender included: every shout reaches every member exactly once. The
    // 3 s settle lets every 'enter room' be acknowledged before the first shout, even for the official client's
    // long-polling on a loaded machine (with 1 s, a CI run saw members join after the first shouts).
    const shout = result.totals.delivery.shout;
    assert.deepEqual([shout?.expected, shout?.received, shout?.lost, shout?.duplicated], [shouts * members, shouts * members, 0, 0]);
    assert.equal(result.totals.latency.shout?.corrected.count, shouts * members, 'a latency sample at every member');
  });
}
