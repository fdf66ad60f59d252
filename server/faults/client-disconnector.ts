/**
 * The disconnect fault: disconnects a seeded-random fraction of the bench namespace's connected clients, once at
 * `disconnectAtMs` after the namespace's first connection and then every `disconnectEveryMs` (if set), with
 * `socket.disconnect(true)` (the client sees 'io server disconnect'). It keeps the server's own exact count of
 * what that makes undeliverable (undeliverable-ledger.ts), fed by the bench app for every broadcast and direct.
 * Created only when the fault is on.
 */
import type { Namespace } from 'socket.io';
import type { RoomName, Sid } from '../ids.js';
import type { DisconnectFaultJson } from '../metrics/metrics-json.js';
import { monotonicNowUs } from '../metrics/units.js';
import type { FaultOptions } from '../types.js';
import { chooseIndices, disconnectCount } from './disconnect-choice.js';
import { createSeededRandom } from '../seeded-random.js';
import { UNDELIVERABLE_AMBIGUITY_US, UndeliverableLedger } from './undeliverable-ledger.js';

/** Mixed into `seed` so that the disconnect fault draws from a stream of its own, apart from the reply faults'. */
const DISCONNECT_SEED_MIX = 0x5bd1_e995;

export interface ClientDisconnector {
  /** A bench broadcast to `room` is being handled (before any other fault decides its fate). */
  countBroadcast(room: RoomName, sentUs: number, senderSid: Sid, includeSelf: boolean): void;
  /** A bench direct to `to` is being handled. */
  countDirect(to: RoomName, sentUs: number): void;
  /** What the fault did so far. */
  json(): DisconnectFaultJson;
  /** Cancels the pending and repeating disconnects. */
  stop(): void;
}

/** True when the disconnect fault is on. */
export function disconnectFaultEnabled(options: FaultOptions): boolean {
  return (options.disconnectFraction ?? 0) > 0;
}

/** The longest ack delay that the reply faults may inject, ms (0 when acks are not delayed). */
function longestAckDelayMs(options: FaultOptions): number {
  if (options.replyDelayFraction === 0) return 0;
  return typeof options.replyDelayMs === 'number' ? options.replyDelayMs : options.replyDelayMs.maxMs;
}

/**
 * Starts the fault on `nsp`, or returns undefined when it is off. `options` must be valid (faultOptionsProblems).
 * `nowUs` is the monotonic clock of `sentUs` (default: process.hrtime), injectable for tests.
 */
export function startClientDisconnector(options: FaultOptions, nsp: Namespace, nowUs: () => number = monotonicNowUs): ClientDisconnector | undefined {
  if (!disconnectFaultEnabled(options)) return undefined;
  const fraction = options.disconnectFraction ?? 0;
  const atMs = options.disconnectAtMs ?? 0;
  const everyMs = options.disconnectEveryMs ?? 0;
  const random = createSeededRandom((options.seed ^ DISCONNECT_SEED_MIX) >>> 0);
  const ledger = new UndeliverableLedger({ nowUs, joinAmbiguityUs: UNDELIVERABLE_AMBIGUITY_US + Math.ceil(longestAckDelayMs(options) * 1000) });
  // When each local client joined each of its rooms (its own sid room and personal room at connect, others at
  // `join`): the client's membership window on a room opens no earlier than that.
  const joinedUsBySid = new Map<Sid, Map<RoomName, number>>();
  const onJoin = (room: RoomName, sid: Sid): void => {
    let rooms = joinedUsBySid.get(sid);
    if (rooms === undefined) joinedUsBySid.set(sid, (rooms = new Map()));
    rooms.set(room, nowUs());
  };
  const onLeave = (room: RoomName, sid: Sid): void => {
    const rooms = joinedUsBySid.get(sid);
    rooms?.delete(room);
    if (rooms?.size === 0) joinedUsBySid.delete(sid);
  };
  nsp.adapter.on('join-room', onJoin);
  nsp.adapter.on('leave-room', onLeave);

  let disconnectedClients = 0;
  const disconnectSome = (): void => {
    const sockets = [...nsp.sockets.values()];
    for (const index of chooseIndices(sockets.length, disconnectCount(sockets.length, fraction), random)) {
      const socket = sockets[index];
      if (socket === undefined || !socket.connected) continue;
      const disconnectedUs = nowUs();
      ledger.recordDisconnect(socket.id, joinedUsBySid.get(socket.id) ?? new Map(), disconnectedUs);
      socket.disconnect(true);
      disconnectedClients += 1;
    }
  };

  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const startSchedule = (): void => {
    if (stopped) return;
    const first = setTimeout(() => {
      disconnectSome();
      if (everyMs > 0 && !stopped) {
        const repeat = setInterval(disconnectSome, everyMs);
        repeat.unref();
        timers.push(repeat);
      }
    }, atMs);
    // The fault must not keep a process alive on its own; the server's close() stops it anyway.
    first.unref();
    timers.push(first);
  };
  nsp.once('connection', startSchedule);

  return {
    countBroadcast: (room, sentUs, senderSid, includeSelf) => ledger.countBroadcast(room, sentUs, senderSid, includeSelf),
    countDirect: (to, sentUs) => ledger.countDirect(to, sentUs),
    json() {
      const counts = ledger.counts();
      return {
        disconnectedClients,
        undeliverableBroadcastsCertain: counts.broadcastsCertain,
        undeliverableBroadcastsAmbiguous: counts.broadcastsAmbiguous,
        undeliverableDirectsCertain: counts.directsCertain,
        undeliverableDirectsAmbiguous: counts.directsAmbiguous,
      };
    },
    stop() {
      stopped = true;
      nsp.off('connection', startSchedule);
      nsp.adapter.off('join-room', onJoin);
      nsp.adapter.off('leave-room', onLeave);
      for (const timer of timers) {
        clearTimeout(timer);
        clearInterval(timer);
      }
      timers.length = 0;
    },
  };
}
