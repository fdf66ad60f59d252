/**
 * examples/chat-server.mjs, a plain Socket.IO chat server that knows nothing of sio-bench, load-tested with
 * examples/chat.yml: 300 clients in 30 rooms, chat messages relayed to the other members of the room. The
 * oracle is the server's own books (test/examples/fixtures/counting-chat-server.mjs, the same handlers plus
 * counters): every delivery it made, dropped and doubled, one per other member of the room at its emit, and one
 * per direct message to a connected socket.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { runScenario } from '../../loadgen/engine/coordinator.js';
import { loadScenarioFile } from '../../loadgen/scenario/load-scenario.js';
import { recordingReporter } from '../helpers/silent-reporter.js';

const SOURCE = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const CHAT_SCENARIO = SOURCE('examples/chat.yml');
const COUNTING_SERVER = SOURCE('test/examples/fixtures/counting-chat-server.mjs');
const EXAMPLE_SERVER = SOURCE('examples/chat-server.mjs');
/** A shorter run of the example: the same rooms and rates, a 6 s chat phase. */
const SHORT = ['phases.ramp-up.duration=3s', 'phases.steady.duration=6s', 'phases.ramp-down.duration=2s'];

interface ServerCounts {
  chats: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  directs: number;
  directDelivered: number;
  directDropped: number;
  directDuplicated: number;
}

const servers: ChildProcess[] = [];
after(() => {
  for (const server of servers) server.kill('SIGKILL');
});

async function startServer(script: string, env: Record<string, string> = {}): Promise<string> {
  const server = spawn(process.execPath, [script], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(server);
  const [line] = (await once(server.stdout!, 'data')) as [Buffer];
  const match = /listening (http:\/\/\S+)/.exec(line.toString());
  assert.ok(match, `unexpected first line ${line.toString()}`);
  return match[1]!;
}

async function countsOf(url: string): Promise<ServerCounts> {
  return (await (await fetch(`${url}/counts`)).json()) as ServerCounts;
}

test('the example server as it is: every chat message at every member, its fan-out, per-action thresholds', async () => {
  const url = await startServer(EXAMPLE_SERVER);
  const loaded = await loadScenarioFile(CHAT_SCENARIO, [`target=${url}`, ...SHORT]);
  const result = await runScenario({ loaded, reporter: recordingReporter(), workers: 2 });
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  assert.deepEqual(result.totals.errors, {});
  const chat = result.totals.delivery.chat!;
  // 30 rooms of 10 (uniform), all joined before the chat phase: each message is due at the 9 other members.
  const dm = result.totals.delivery.dm!;
  const sends = result.totals.counters.eventsSent - 300 - 300 - (result.totals.latency.ping?.corrected.count ?? 0) - dm.expected;
  assert.ok(sends > 500, `chat messages sent: ${sends}`);
  assert.equal(chat.expected, 9 * sends);
  assert.equal(chat.received, chat.expected);
  assert.deepEqual([chat.lost, chat.duplicated, chat.outOfOrder, chat.unexpected, chat.undeliverable, chat.inFlightAtStop], [0, 0, 0, 0, 0, 0]);
  assert.equal(result.totals.latency.chat?.corrected.count, chat.received, 'one latency sample per member that got a message');
  assert.equal(result.totals.latency['chat.fanout']?.corrected.count, sends, 'every message completed its fan-out');
  assert.equal(result.totals.latency['join-room']?.corrected.count, 300);
  assert.equal(result.totals.latency['leave-room']?.corrected.count, 300);
  // Each direct message is due at its one peer ({{peerSid}}), and got there once.
  assert.ok(dm.expected > 50, `direct messages: ${dm.expected}`);
  assert.deepEqual([dm.received, dm.lost, dm.duplicated, dm.outOfOrder, dm.unexpected, dm.undeliverable, dm.inFlightAtStop], [dm.expected, 0, 0, 0, 0, 0, 0]);
  assert.equal(result.totals.latency.dm?.corrected.count, dm.received);
  assert.equal(result.totals.latency['dm.fanout'], undefined, 'one receiver: no fan-out');
  assert.deepEqual(Object.keys(result.totals.delivery), ['chat', 'dm'], 'no bench-protocol rows for a scenario without them');
  const byExpression = new Map(result.thresholds.map((threshold) => [threshold.expression, threshold]));
  assert.equal(byExpression.get('chat.delivery.lost == 0')?.passed, true);
  assert.equal(byExpression.get('chat.latency p(99) < 100ms')?.actual, (result.totals.latency.chat?.corrected.p99Us ?? NaN) / 1000);
  assert.equal(byExpression.get('join-room.latency p(99) < 250ms')?.actual, (result.totals.latency['join-room']?.corrected.p99Us ?? NaN) / 1000);
});

test("a server that drops every 7th chat message and sends every 5th twice: lost and duplicated are the server's own counts", async () => {
  const url = await startServer(COUNTING_SERVER, { DROP_EVERY: '7', DUPLICATE_EVERY: '5' });
  const loaded = await loadScenarioFile(CHAT_SCENARIO, [`target=${url}`, ...SHORT]);
  const result = await runScenario({ loaded, reporter: recordingReporter(), workers: 2 });
  const counts = await countsOf(url);
  assert.equal(result.status, 'completed', JSON.stringify(result.failure));
  const chat = result.totals.delivery.chat!;
  assert.ok(counts.dropped > 0 && counts.duplicated > 0, JSON.stringify(counts));
  assert.equal(chat.lost, counts.dropped);
  assert.equal(chat.duplicated, counts.duplicated);
  assert.equal(chat.received, counts.delivered);
  assert.equal(chat.expected, counts.delivered + counts.dropped);
  assert.deepEqual([chat.outOfOrder, chat.unexpected, chat.undeliverable, chat.inFlightAtStop], [0, 0, 0, 0]);
  const dm = result.totals.delivery.dm!;
  assert.ok(counts.directDropped > 0 && counts.directDuplicated > 0, JSON.stringify(counts));
  assert.deepEqual([dm.expected, dm.received, dm.lost, dm.duplicated], [counts.directDelivered + counts.directDropped, counts.directDelivered, counts.directDropped, counts.directDuplicated]);
  assert.deepEqual([dm.outOfOrder, dm.unexpected, dm.undeliverable, dm.inFlightAtStop], [0, 0, 0, 0]);
  const lost = result.thresholds.find((threshold) => threshold.expression === 'chat.delivery.lost == 0');
  assert.deepEqual([lost?.passed, lost?.actual], [false, counts.dropped]);
  assert.equal(result.verdict, 'failed');
});
