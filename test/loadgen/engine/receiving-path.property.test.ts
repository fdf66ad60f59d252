/**
 * Property test of the real receiving path: the worker's EventReceiver and DeliveryRecorder (one connection
 * object per connect) fed by a fake server under a manual clock, their logs laid on the coordinator's
 * DeliveryLedger and FanoutTracker exactly as the coordinator does, and the resulting totals compared with a
 * brute-force count from the fake server's own record of what it routed, dropped, duplicated, delayed and
 * misrouted, over random sequences of join, leave, reconnect (with the old socket draining), server disconnect,
 * broadcast and stop.
 *
 * The oracle applies DESIGN.md's rules directly: a message is expected through a connection when its send time
 * lies in one of that connection's windows on the room (join ack to leave decision, or to the connection's
 * end), bounds included, the sender excluded; a receipt counts once per connection; an expected message that
 * never arrived is undeliverable (or in flight at stop) when the connection ended abruptly (or by the stop)
 * less than the in-flight horizon after it was sent, lost otherwise.
 *
 * One file, though over 300 lines: the generator of sequences, the fake server and the oracle are read together
 * to trust the property.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DeliveryChannels } from '../../../loadgen/measure/delivery-channels.js';
import { DeliveryRecorder } from '../../../loadgen/engine/delivery-recorder.js';
import { EventReceiver } from '../../../loadgen/engine/event-receiver.js';
import { FanoutTracker } from '../../../loadgen/engine/fanout-tracker.js';
import type { LedgerDelta } from '../../../loadgen/engine/messages.js';
import type { ReceiverConnection } from '../../../loadgen/engine/receiver-connection.js';
import { createSimClient, roomName } from '../../../loadgen/engine/sim-client.js';
import { manualClock } from '../../../loadgen/measure/clock.js';
import { DeliveryLedger } from '../../../loadgen/measure/delivery-ledger.js';
import { RunAccumulator } from '../../../loadgen/measure/run-accumulator.js';
import { SenderTails } from '../../../loadgen/measure/sender-tails.js';
import { WorkerMetrics } from '../../../loadgen/measure/worker-metrics.js';
import { mulberry32, randomInt } from '../../../loadgen/membership/prng.js';
import type { Action } from '../../../loadgen/scenario/action-schema.js';
import type { DeliveryCounts } from '../../../loadgen/run-result.js';

const CLIENTS = 5;
const ROOMS = 3;
const HORIZON_US = 400;
const DRAIN_US = 400;

export type Op =
  | { kind: 'join'; dtUs: number; client: number; room: number; serverUs: number; ackUs: number }
  | { kind: 'leave'; dtUs: number; client: number; room: number }
  | { kind: 'reconnect'; dtUs: number; client: number }
  | { kind: 'serverDisconnect'; dtUs: number; client: number; noticeUs: number }
  | { kind: 'broadcast'; dtUs: number; client: number; room: number; fates: number };

/** Steps of 0 µs are common: boundaries (a send at the very µs a window opens or closes) must be exact. */
const step = (maxUs: number): fc.Arbitrary<number> => fc.oneof(fc.constant(0), fc.integer({ min: 0, max: maxUs }));

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), dtUs: step(300), client: fc.nat(CLIENTS - 1), room: fc.nat(ROOMS - 1), serverUs: fc.integer({ min: 1, max: 50 }), ackUs: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('leave' as const), dtUs: step(300), client: fc.nat(CLIENTS - 1), room: fc.nat(ROOMS - 1) }),
  fc.record({ kind: fc.constant('reconnect' as const), dtUs: step(300), client: fc.nat(CLIENTS - 1) }),
  fc.record({ kind: fc.constant('serverDisconnect' as const), dtUs: step(300), client: fc.nat(CLIENTS - 1), noticeUs: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ kind: fc.constant('broadcast' as const), dtUs: step(100), client: fc.nat(CLIENTS - 1), room: fc.nat(ROOMS - 1), fates: fc.nat() }),
  fc.record({ kind: fc.constant('broadcast' as const), dtUs: step(100), client: fc.nat(CLIENTS - 1), room: fc.nat(ROOMS - 1), fates: fc.nat() }),
);

/** One connection as the fake server and the oracle see it. */
interface ModelConnection {
  client: number;
  receiver: ReceiverConnection;
  /** Client-side windows per room: [startUs, endUs] (endUs Infinity while open). */
  windows: Array<{ room: number; startUs: number; endUs: number }>;
  /** Rooms it sent a join for (a misrouted message goes to a room outside these). */
  attempted: Set<number>;
  /** Client-side: the connection's end (Infinity while it may receive) and why. */
  endUs: number;
  endCause: 'planned' | 'undeliverable' | 'inFlightAtStop' | undefined;
  /** Server-side: it no longer routes to this connection, nor reads from it. */
  serverGone: boolean;
  /** When it connected (its direct channel's window opened). */
  openedUs: number;
}

interface Send {
  room: number;
  sender: number;
  senderConnection: ModelConnection;
  seq: number;
  sentUs: number;
}

interface Arrival {
  send: Send;
  to: ModelConnection;
  atUs: number;
  /** When it arrived, the connection had never sent a join for the room. */
  stray?: boolean;
}

/** The broadcast delivery counts of a run, and its fan-outs judged complete or not. */
interface Outcome extends DeliveryCounts {
  fanoutComplete: number;
  fanoutIncomplete: number;
}

/** Runs `ops` through the production receiving path; returns its figures and the oracle's. */
export function simulate(ops: readonly Op[], stopAfterUs: number): { actual: Outcome; oracle: Outcome } {
  const clock = manualClock(1_000);
  const metrics = new WorkerMetrics();
  const recorder = new DeliveryRecorder(metrics, new DeliveryChannels(ROOMS, CLIENTS), HORIZON_US, 0);
  const actions: Action[] = [{ kind: 'broadcast', rate: { kind: 'total', perSec: 1 }, includeSelf: false, payload: { bytes: 0, kind: 'text' } } as unknown as Action];
  const receiver = new EventReceiver(actions, metrics, recorder, clock);
  const sims = Array.from({ length: CLIENTS }, (_, index) => createSimClient(index, [], []));
  const epochs = new Array<number>(CLIENTS).fill(0);
  const current: Array<ModelConnection | undefined> = new Array(CLIENTS).fill(undefined);
  const all: ModelConnection[] = [];
  const sends: Send[] = [];
  const arrivals: Arrival[] = [];
  const processed: Arrival[] = [];
  const serverMembers = Array.from({ length: ROOMS }, () => new Set<ModelConnection>());
  const seqs = new Map<string, number>();
  /** Timed events (server joins, acks, deliveries, drain ends, notices), run in time order, ties in order made. */
  const pending: Array<{ atUs: number; order: number; run: () => void }> = [];
  let order = 0;
  const later = (atUs: number, run: () => void): void => {
    pending.push({ atUs, order: order++, run });
  };
  const runUntil = (untilUs: number): void => {
    for (;;) {
      pending.sort((a, b) => a.atUs - b.atUs || a.order - b.order);
      const next = pending[0];
      if (next === undefined || next.atUs > untilUs) break;
      pending.shift();
      if (next.atUs > clock.nowUs()) clock.setUs(next.atUs);
      next.run();
    }
    if (untilUs > clock.nowUs()) clock.setUs(untilUs);
  };
  const connect = (client: number): ModelConnection => {
    const connection: ModelConnection = {
      client,
      receiver: recorder.connection(client, epochs[client]!),
      windows: [],
      attempted: new Set(),
      endUs: Infinity,
      endCause: undefined,
      serverGone: false,
      openedUs: clock.nowUs(),
    };
    recorder.openWindow(connection.receiver, ROOMS + client, clock.nowUs());
    epochs[client]! += 1;
    current[client] = connection;
    all.push(connection);
    return connection;
  };
  const end = (connection: ModelConnection, atUs: number, cause: ModelConnection['endCause']): void => {
    if (connection.endUs !== Infinity) return;
    connection.endUs = atUs;
    connection.endCause = cause;
    for (const window of connection.windows) if (window.endUs === Infinity) window.endUs = atUs;
    recorder.endConnection(connection.receiver, atUs, cause === 'planned' ? undefined : cause);
  };
  const serverDrop = (connection: ModelConnection): void => {
    connection.serverGone = true;
    for (const members of serverMembers) members.delete(connection);
  };
  for (let client = 0; client < CLIENTS; client += 1) connect(client);

  const startUs = clock.nowUs();
  for (const step of ops) {
    const nowUs = clock.nowUs() + step.dtUs;
    if (nowUs - startUs > stopAfterUs) break;
    runUntil(nowUs);
    const connection = current[step.client];
    switch (step.kind) {
      case 'join': {
        if (connection === undefined || connection.attempted.has(step.room)) break;
        connection.attempted.add(step.room);
        connection.receiver.expect(step.room);
        later(nowUs + step.serverUs, () => {
          if (connection.serverGone) return;
          serverMembers[step.room]!.add(connection);
          later(clock.nowUs() + step.ackUs, () => {
            if (connection.endUs !== Infinity || connection.serverGone) return;
            connection.windows.push({ room: step.room, startUs: clock.nowUs(), endUs: Infinity });
            recorder.openWindow(connection.receiver, step.room, clock.nowUs());
          });
        });
        break;
      }
      case 'leave': {
        const window = connection?.windows.find((w) => w.room === step.room && w.endUs === Infinity);
        if (connection === undefined || window === undefined) break;
        window.endUs = nowUs;
        recorder.closeWindow(connection.receiver, step.room, nowUs);
        // The leave goes out after the drain; the server then stops routing the room to this connection.
        later(nowUs + DRAIN_US, () => serverMembers[step.room]!.delete(connection));
        break;
      }
      case 'reconnect': {
        if (connection !== undefined) {
          // Churn: windows close now, the old socket drains, then disconnects.
          for (const window of connection.windows) if (window.endUs === Infinity) window.endUs = nowUs;
          recorder.closeAll(connection.receiver, nowUs);
          later(nowUs + DRAIN_US, () => {
            serverDrop(connection);
            end(connection, clock.nowUs(), 'planned');
          });
        }
        // A connect takes time: the new connection opens after anything that ended the old one (as on a real
        // network, where the handshake alone takes far longer than a microsecond).
        runUntil(clock.nowUs() + 1);
        clock.setUs(clock.nowUs() + 1);
        connect(step.client);
        break;
      }
      case 'serverDisconnect': {
        if (connection === undefined || connection.serverGone) break;
        serverDrop(connection);
        // Until the client notices, it still sends through the closed connection: those sends go nowhere.
        later(nowUs + step.noticeUs, () => {
          end(connection, clock.nowUs(), 'undeliverable');
          if (current[step.client] === connection) current[step.client] = undefined;
        });
        break;
      }
      case 'broadcast': {
        if (connection === undefined || connection.endUs !== Infinity) break;
        const key = `${step.client}:${step.room}`;
        const seq = seqs.get(key) ?? 0;
        seqs.set(key, seq + 1);
        const send: Send = { room: step.room, sender: step.client, senderConnection: connection, seq, sentUs: nowUs };
        sends.push(send);
        recorder.recordSend(step.room, step.client, nowUs);
        const random = mulberry32(step.fates);
        later(nowUs + 1 + randomInt(random, 40), () => {
          if (send.senderConnection.serverGone) return; // the server closed the sender's connection first
          // One object for every copy of the message, as the lean client hands a broadcast's receivers in one
          // thread the args it decoded once (repeated-event.ts).
          const args = Object.freeze([
            Object.freeze({ room: roomName(send.room), from: send.sender, seq: send.seq, t0Us: send.sentUs, sentUs: send.sentUs, payload: '' }),
          ]);
          const deliver = (to: ModelConnection, atUs: number): void => {
            const arrival = { send, to, atUs };
            arrivals.push(arrival);
            later(atUs, () => {
              if (to.endUs !== Infinity && clock.nowUs() > to.endUs) return; // its socket is gone
              processed.push({ ...arrival, stray: !to.attempted.has(send.room) });
              receiver.onEvent(sims[to.client]!, to.receiver, 'broadcast', args);
            });
          };
          for (const member of [...serverMembers[send.room]!]) {
            if (member === send.senderConnection) continue;
            const fate = randomInt(random, 10);
            const atUs = clock.nowUs() + 1 + randomInt(random, 100);
            if (fate === 0) continue; // dropped by the server
            deliver(member, atUs);
            if (fate === 1) deliver(member, atUs + randomInt(random, 50)); // sent twice
            if (fate === 2) deliver(member, atUs + 200 + randomInt(random, 400)); // held back: reordered, or too late
          }
          // Now and then the server routes to a connection that never joined the room.
          if (randomInt(random, 8) === 0) {
            const stray = all.find((candidate) => candidate.endUs === Infinity && !candidate.attempted.has(send.room) && candidate !== send.senderConnection);
            if (stray !== undefined) deliver(stray, clock.nowUs() + 5);
          }
        });
        break;
      }
    }
  }
  // The run stops: no drain; whatever is still scheduled never arrives.
  const stopUs = clock.nowUs() + 1;
  runUntil(stopUs);
  for (const connection of all) end(connection, stopUs, 'inFlightAtStop');

  // ---- the production side, as the coordinator assembles it ----
  const delta: LedgerDelta = recorder.takeDelta(stopUs);
  const broadcastLedger = new DeliveryLedger(() => false);
  const fanoutRecorder = new WorkerMetrics();
  const fanout = new FanoutTracker(fanoutRecorder.latency('fanoutCompletion'), broadcastLedger);
  for (const batch of delta.sends) broadcastLedger.addSends(batch.channel, batch.sender, batch.sentUs);
  for (const event of delta.windows) {
    if (event.channel >= ROOMS) continue;
    if (event.open) broadcastLedger.openWindow(event.channel, event.receiver, event.connection, event.atUs);
    else broadcastLedger.closeWindow(event.channel, event.connection, event.atUs);
  }
  for (const tail of delta.tails) if (tail.channel < ROOMS) broadcastLedger.addTail(tail);
  const senderTails = new SenderTails();
  for (const part of delta.messages) {
    senderTails.reached(part.channel, part.sender, part.sentUs, part.seq);
    if (part.channel < ROOMS) fanout.partial(part);
  }
  for (const tail of delta.senderTails) senderTails.add(tail);
  fanout.settle(Number.POSITIVE_INFINITY);
  const accumulator = new RunAccumulator();
  accumulator.add(metrics.takeSnapshot(0, 0, 1000, { target: 0, open: 0, connecting: 0, failed: 0 }));
  accumulator.closeSecond(1, 0, 'hold');
  const account = broadcastLedger.account(Number.POSITIVE_INFINITY);
  accumulator.setAccounting('broadcast', { ...account, undeliverable: account.undeliverable + senderTails.undeliverable(broadcastLedger) });
  const counts = accumulator.totals().delivery.broadcast;
  accumulator.destroy();
  metrics.destroy();
  fanoutRecorder.destroy();
  const actual: Outcome = {
    expected: counts?.expected ?? 0,
    received: counts?.received ?? 0,
    lost: counts?.lost ?? 0,
    inFlightAtStop: counts?.inFlightAtStop ?? 0,
    undeliverable: counts?.undeliverable ?? 0,
    duplicated: counts?.duplicated ?? 0,
    outOfOrder: counts?.outOfOrder ?? 0,
    unexpected: counts?.unexpected ?? 0,
    fanoutComplete: fanout.complete,
    fanoutIncomplete: fanout.incomplete,
  };

  // ---- the oracle, by brute force over the fake server's record ----
  const oracle: Outcome = { expected: 0, received: 0, lost: 0, inFlightAtStop: 0, undeliverable: 0, duplicated: 0, outOfOrder: 0, unexpected: 0, fanoutComplete: 0, fanoutIncomplete: 0 };
  const holds = (connection: ModelConnection, send: Send): boolean =>
    connection.windows.some((w) => w.room === send.room && w.startUs <= send.sentUs && send.sentUs <= w.endUs);
  // Receipts through each connection in arrival order: counted when inside one of its windows.
  const counted = new Map<ModelConnection, Map<Send, number>>();
  const maxSeqByStream = new Map<string, number>();
  for (const arrival of processed) {
    const { send, to } = arrival;
    if (arrival.stray === true) {
      oracle.unexpected += 1;
      continue;
    }
    if (!holds(to, send) || send.sender === to.client) continue;
    const mine = counted.get(to) ?? new Map<Send, number>();
    counted.set(to, mine);
    const copies = mine.get(send) ?? 0;
    mine.set(send, copies + 1);
    if (copies > 0) {
      oracle.duplicated += 1;
      continue;
    }
    oracle.received += 1;
    const stream = `${all.indexOf(to)}:${send.sender}:${send.room}`;
    const highest = maxSeqByStream.get(stream);
    if (highest !== undefined && send.seq < highest) oracle.outOfOrder += 1;
    if (highest === undefined || send.seq > highest) maxSeqByStream.set(stream, send.seq);
  }
  for (const send of sends) {
    let members = 0;
    let got = 0;
    for (const connection of all) {
      if (connection.client === send.sender || !holds(connection, send)) continue;
      members += 1;
      oracle.expected += 1;
      if ((counted.get(connection)?.get(send) ?? 0) > 0) {
        got += 1;
        continue;
      }
      const inFlight = connection.endCause !== 'planned' && send.sentUs > connection.endUs - HORIZON_US;
      if (inFlight && connection.endCause === 'undeliverable') oracle.undeliverable += 1;
      else if (inFlight && connection.endCause === 'inFlightAtStop') oracle.inFlightAtStop += 1;
      else oracle.lost += 1;
    }
    // A message that reached nobody, sent shortly before its sender's connection was closed under it, may never have
    // reached the server: undeliverable at every member whose own end does not already account for it.
    const sender = send.senderConnection;
    const senderSide = got === 0 && sender.endCause === 'undeliverable' && send.sentUs > Math.max(sender.endUs - HORIZON_US, sender.openedUs);
    if (senderSide) {
      for (const connection of all) {
        if (connection.client === send.sender || !holds(connection, send)) continue;
        const ownTail = connection.endCause !== 'planned' && send.sentUs > connection.endUs - HORIZON_US;
        if (!ownTail) {
          oracle.lost -= 1;
          oracle.undeliverable += 1;
        }
      }
    }
    // A fan-out is judged once some member got it: complete when every expected member did.
    if (got > 0 && got === members) oracle.fanoutComplete += 1;
    else if (got > 0) oracle.fanoutIncomplete += 1;
  }
  return { actual, oracle };
}

test('the receiving path counts exactly what the fake server did, under churn, faults and a stop', () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 5, maxLength: 80 }), fc.integer({ min: 2_000, max: 20_000 }), (ops, stopAfterUs) => {
      const { actual, oracle } = simulate(ops, stopAfterUs);
      assert.deepEqual(actual, oracle);
    }),
    { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
  );
});

test('a hand-made churn: the old socket drains while the new connection has rejoined, nothing is counted twice', () => {
  // Client 0 joins room 0; client 1 joins; client 0 churns and rejoins; client 1 broadcasts while client 0's
  // old socket is still in the room on the server: the old socket gets the message too, outside its window.
  const ops: Op[] = [
    { kind: 'join', dtUs: 0, client: 0, room: 0, serverUs: 1, ackUs: 1 },
    { kind: 'join', dtUs: 0, client: 1, room: 0, serverUs: 1, ackUs: 1 },
    { kind: 'reconnect', dtUs: 100, client: 0 },
    { kind: 'join', dtUs: 0, client: 0, room: 0, serverUs: 1, ackUs: 1 },
    { kind: 'broadcast', dtUs: 50, client: 1, room: 0, fates: 7 },
  ];
  const { actual, oracle } = simulate(ops, 10_000);
  assert.deepEqual(actual, oracle);
  assert.equal(actual.duplicated, 0);
  assert.equal(actual.unexpected, 0);
});
