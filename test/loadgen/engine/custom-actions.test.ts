/**
 * Custom actions on fake clients and a manual clock: replies correlated per action (two actions waiting for
 * the same reply event, as the seed's `message` and `sendMessage` both wait for `reply`), and a declared delivery
 * carried by the injected message id from the sender to the receivers through the production code path
 * (ActionPerformer sends, EventReceiver receives, DeliveryRecorder counts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionPerformer, type RateAction } from '../../../loadgen/engine/action-performer.js';
import { PeerCursor } from '../../../loadgen/engine/peer-cursor.js';
import { DeliveryRecorder } from '../../../loadgen/engine/delivery-recorder.js';
import { EventReceiver } from '../../../loadgen/engine/event-receiver.js';
import { decodeMessageId, encodeMessageId } from '../../../loadgen/engine/message-id.js';
import { buildPayload } from '../../../loadgen/engine/payloads.js';
import { ClientState, createSimClient, type SimClient } from '../../../loadgen/engine/sim-client.js';
import { manualClock } from '../../../loadgen/measure/clock.js';
import { summarizeEncoded } from '../../../loadgen/measure/histogram-factory.js';
import { channelsOf } from '../../../loadgen/measure/delivery-channels.js';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';
import type { VirtualClient } from '../../../loadgen/client/virtual-client.js';
import { parseScenarioText } from '../../../loadgen/scenario/load-scenario.js';

interface Sent {
  event: string;
  args: readonly unknown[];
}

function fakeClient(id: string, sent: Sent[]): VirtualClient {
  return {
    connect: () => Promise.resolve(),
    emit: (event: string, args: readonly unknown[]) => void sent.push({ event, args }),
    emitWithAck: (event: string, args: readonly unknown[]) => void sent.push({ event, args }),
    disconnect: () => undefined,
    connected: true,
    id,
    bytesSent: 0,
    bytesReceived: 0,
  } as unknown as VirtualClient;
}

function setUp(actionsYaml: string, population = '{clients: 3}') {
  const { scenario } = parseScenarioText(
    `name: t\ntarget: http://127.0.0.1:1\npopulation: ${population}\nphases: [{kind: hold, duration: 1s}]\nactions:\n${actionsYaml}`,
    't.yml',
  );
  const clock = manualClock(1_000);
  const metrics = new WorkerMetrics();
  const delivery = new DeliveryRecorder(metrics, channelsOf(scenario, scenario.population.clients), 0);
  const receiver = new EventReceiver(scenario.actions, metrics, delivery, clock);
  const sent: Sent[] = [];
  const sims: SimClient[] = [0, 1, 2].map((index) => {
    const sim = createSimClient(index, [0], []);
    sim.client = fakeClient(`sid-${index}`, sent);
    sim.state = ClientState.open;
    sim.connection = delivery.connection(index, 0);
    for (const channel of delivery.channels.connectChannels(index)) delivery.openWindow(sim.connection, channel, 0);
    return sim;
  });
  const peers = new PeerCursor(sims);
  const performer = new ActionPerformer(scenario.actions, { metrics, delivery, clock, churn: () => undefined, peerOf: (sim) => peers.next(sim) });
  const perform = (sim: SimClient, name: string): void => {
    const action = scenario.actions.find((candidate) => candidate.name === name) as RateAction;
    performer.perform(sim, action, buildPayload(undefined), clock.nowUs(), undefined);
  };
  return { scenario, clock, metrics, delivery, receiver, sims, sent, perform };
}

test('two actions waiting for the same reply event each complete only their own requests', () => {
  const { clock, metrics, receiver, sims, perform } = setUp(`
  - {kind: custom, name: message, event: message, args: [hello], reply: {event: reply, correlationField: sid}, rate: {total: 1}}
  - {kind: custom, name: send-message, event: sendMessage, args: [{content: {id: '{{id}}'}, destId: '{{sid}}'}], reply: {event: reply, correlationField: id}, rate: {total: 1}}
`);
  const sim = sims[0]!;
  perform(sim, 'message');
  clock.advanceUs(100);
  perform(sim, 'send-message');
  clock.advanceUs(900);
  // The reply to sendMessage (its content) comes first: it must not complete the older message request.
  receiver.onEvent(sim, sim.connection!, 'reply', [{ id: '0.1' }]);
  // Another client's message reply, then this client's.
  receiver.onEvent(sim, sim.connection!, 'reply', [{ message: 'hello', sid: 'sid-2' }]);
  clock.advanceUs(1_000);
  receiver.onEvent(sim, sim.connection!, 'reply', [{ message: 'hello', sid: 'sid-0' }]);
  assert.equal(sim.pendingReplies?.length, 0);
  const snapshot = metrics.takeSnapshot(0, 0, 1, { target: 0, open: 0, connecting: 0, failed: 0 });
  assert.deepEqual(Object.keys(snapshot.histograms).sort(), ['customReply', 'message', 'send-message']);
  // send-message took 900 µs, message 2,000 µs: read back from the histograms.
  assert.equal(summarizeEncoded(snapshot.histograms['send-message']!.uncorrected).maxUs, 900);
  assert.equal(summarizeEncoded(snapshot.histograms.message!.uncorrected).maxUs, 2_000);
  metrics.destroy();
});

test('a declared delivery to the room: the injected id carries sender, channel, seq and times to every member', () => {
  const { metrics, delivery, receiver, sims, sent, perform, clock } = setUp(
    `
  - {kind: custom, name: join-room, event: join_room, args: ['{{room}}'], ack: true, joins: true}
  - kind: custom
    name: chat
    event: chat
    args: [{room: '{{room}}', id: '{{messageId}}', at: '{{sentUs}}', from: '{{index}}'}]
    rate: {perClient: 1}
    delivers: {event: chat_message, to: room, idField: id}
`,
    '{clients: 3, rooms: 1}',
  );
  const channel = delivery.channels.room(1, 0);
  for (const sim of sims) delivery.openWindow(sim.connection!, channel, 0);
  clock.advanceUs(500);
  perform(sims[0]!, 'chat');
  const [chat] = sent;
  assert.equal(chat?.event, 'chat');
  const message = chat!.args[0] as { room: string; id: string; at: number; from: number };
  assert.deepEqual([message.room, message.at, message.from], ['room:0', 1_500, 0]);
  assert.deepEqual(decodeMessageId(message.id), { sender: 0, channel, seq: 0, sentUs: 1_500, t0Us: 1_500 });
  clock.advanceUs(250);
  // The server relays it to the two other members, one of them twice; the sender does not get its own.
  receiver.onEvent(sims[1]!, sims[1]!.connection!, 'chat_message', [message]);
  receiver.onEvent(sims[2]!, sims[2]!.connection!, 'chat_message', [message]);
  receiver.onEvent(sims[2]!, sims[2]!.connection!, 'chat_message', [message]);
  // A relayed event without this run's id is an error, not a delivery.
  receiver.onEvent(sims[1]!, sims[1]!.connection!, 'chat_message', [{ room: 'room:0', id: 'x' }]);
  const snapshot = metrics.takeSnapshot(0, 0, 1, { target: 0, open: 0, connecting: 0, failed: 0 });
  assert.deepEqual(snapshot.delivery.chat, { expected: 0, received: 2, duplicated: 1, outOfOrder: 0, unexpected: 0 });
  assert.equal(snapshot.errors.bad_message?.count, 1);
  const delta = delivery.takeDelta(clock.nowUs());
  assert.deepEqual(delta.sends, [{ channel, sender: 0, sentUs: [1_500] }]);
  assert.deepEqual(delta.messages.map((part) => [part.channel, part.sender, part.seq, part.received, part.lastReceiveUs]), [[channel, 0, 0, 2, 1_750]]);
  metrics.destroy();
});

test("deliveries to everyone and to the sender: every connection's namespace and own channels, open from its connect", () => {
  const { metrics, delivery, receiver, sims, sent, perform } = setUp(`
  - {kind: custom, name: shout, event: shout, args: [{id: '{{messageId}}'}], rate: {perClient: 1}, delivers: {event: shouted, to: everyone, idField: id}}
  - {kind: custom, name: whisper, event: whisper, args: [{m: {id: '{{messageId}}'}}], rate: {perClient: 1}, delivers: {event: whispered, to: sender, idField: m.id}}
`);
  perform(sims[1]!, 'shout');
  perform(sims[1]!, 'whisper');
  const [shout, whisper] = sent.map((entry) => entry.args[0]);
  // io.emit reaches everyone, the sender included; the whisper comes back to its sender only.
  for (const sim of sims) receiver.onEvent(sim, sim.connection!, 'shouted', [shout]);
  receiver.onEvent(sims[1]!, sims[1]!.connection!, 'whispered', [whisper]);
  // A whisper delivered to another client is one it should not have got.
  receiver.onEvent(sims[2]!, sims[2]!.connection!, 'whispered', [whisper]);
  const snapshot = metrics.takeSnapshot(0, 0, 1, { target: 0, open: 0, connecting: 0, failed: 0 });
  assert.deepEqual(snapshot.delivery.shout, { expected: 0, received: 3, duplicated: 0, outOfOrder: 0, unexpected: 0 });
  assert.deepEqual(snapshot.delivery.whisper, { expected: 0, received: 1, duplicated: 0, outOfOrder: 0, unexpected: 1 });
  const channels = delivery.channels;
  assert.deepEqual(
    delivery.takeDelta(0).sends.map((batch) => batch.channel),
    [channels.namespace(1), channels.personal(2, 1)],
  );
  assert.deepEqual(channels.all.map((stream) => [stream.metric, stream.includeSelf, stream.fansOut, stream.used]), [
    ['broadcast', false, true, false],
    ['direct', false, false, false],
    ['shout', true, true, true],
    ['whisper', true, false, true],
  ]);
  metrics.destroy();
});

test('a direct message to a peer: {{peerSid}} names the other open clients of the worker in turn, and only that peer expects it', () => {
  const { metrics, delivery, receiver, sims, sent, perform } = setUp(`
  - {kind: custom, name: dm, event: direct_message, args: [{to: '{{peerSid}}', id: '{{messageId}}'}], rate: {perClient: 1}, delivers: {event: direct_message, to: peer, idField: id}}
`);
  sims[2]!.state = ClientState.closed;
  perform(sims[0]!, 'dm');
  perform(sims[0]!, 'dm');
  perform(sims[1]!, 'dm');
  // Client 2 is closed and the sender is never its own peer: 0 writes to 1, then to 1 again, and 1 writes to 0.
  const messages = sent.map((entry) => entry.args[0] as { to: string; id: string });
  assert.deepEqual(messages.map((message) => message.to), ['sid-1', 'sid-1', 'sid-0']);
  const channels = delivery.channels;
  assert.deepEqual(messages.map((message) => decodeMessageId(message.id)?.channel), [channels.personal(1, 1), channels.personal(1, 1), channels.personal(1, 0)]);
  // The server relays each to its peer; a copy that reaches a third client is unexpected there.
  receiver.onEvent(sims[1]!, sims[1]!.connection!, 'direct_message', [messages[0]]);
  receiver.onEvent(sims[1]!, sims[1]!.connection!, 'direct_message', [messages[1]]);
  receiver.onEvent(sims[0]!, sims[0]!.connection!, 'direct_message', [messages[2]]);
  receiver.onEvent(sims[2]!, sims[2]!.connection!, 'direct_message', [messages[2]]);
  const snapshot = metrics.takeSnapshot(0, 0, 1, { target: 0, open: 0, connecting: 0, failed: 0 });
  assert.deepEqual(snapshot.delivery.dm, { expected: 0, received: 3, duplicated: 0, outOfOrder: 0, unexpected: 1 });
  assert.deepEqual(channels.all.map((stream) => [stream.metric, stream.includeSelf, stream.fansOut]).slice(2), [['dm', false, false]]);
  // Every connection is a member of its own peer channel from its connect.
  assert.ok(channels.connectChannels(2).includes(channels.personal(1, 2)));
  metrics.destroy();
});

test('message ids round-trip and reject what is not one', () => {
  const identity = { sender: 12, channel: 345, seq: 6, sentUs: 7_000_000, t0Us: 6_999_000 };
  assert.deepEqual(decodeMessageId(encodeMessageId(identity)), identity);
  for (const bad of ['', '1.2.3', '1.2.3.4.x', 42, undefined, '1.2.3.4.5.6']) assert.equal(decodeMessageId(bad), undefined, String(bad));
});

