/**
 * Feeds the drop ledger (drop-ledger.ts) from one bench namespace: the bench app reports each join ack it sends,
 * each leave it handles and each drop; the namespace tells of connects (the personal and sid rooms' acks: the
 * CONNECT), disconnects (who ended them, by socket.io's reason) and any other way a client leaves a room.
 * Created only while the drop fault is on.
 */
import type { Namespace, Socket } from 'socket.io';
import type { RoomName, Sid } from '../ids.js';
import type { DropFaultJson } from '../metrics/metrics-json.js';
import { millisecondsToMicroseconds, monotonicNowUs } from '../metrics/units.js';
import type { FaultOptions } from '../types.js';
import { DropLedger, type MembershipEnder } from './drop-ledger.js';

export interface DropRecorder {
  /** The ack of `sid`'s join of `room` is being sent now (call it when it really goes out, after any injected delay). */
  joinAcknowledged(sid: Sid, room: RoomName): void;
  /** `sid`'s leave of `room` is being handled: call it before the server leaves the room. */
  leaving(sid: Sid, room: RoomName): void;
  /** A bench broadcast from `senderSid` to `room` was dropped (the sender is left out unless `includeSelf`). */
  broadcastDropped(room: RoomName, sentUs: number, senderSid: Sid, includeSelf: boolean): void;
  /** A bench direct to `to` (a sid or a personal room) was dropped. */
  directDropped(to: RoomName, sentUs: number): void;
  json(): DropFaultJson;
  /** Stops listening to the namespace. */
  stop(): void;
}

/**
 * The disconnect reasons (socket.io's DisconnectReason) that the client caused: its disconnect, or its closing of
 * the transport. The load generator sends either only after its drain. Every other reason is the server's doing.
 */
const CLIENT_DISCONNECT_REASONS: ReadonlySet<string> = new Set(['client namespace disconnect', 'transport close', 'transport error']);

/** Who ended a connection that closed for `reason`. */
export function disconnectEnder(reason: string): MembershipEnder {
  return CLIENT_DISCONNECT_REASONS.has(reason) ? 'client' : 'server';
}

/** True when the drop fault is on. */
export function dropFaultEnabled(options: FaultOptions): boolean {
  return options.dropBroadcastFraction > 0;
}

/**
 * Starts recording on `nsp`, or returns undefined when the drop fault is off. `options` must be valid
 * (faultOptionsProblems). `nowUs` is the monotonic clock of `sentUs` (default: process.hrtime), injectable for tests.
 */
export function startDropRecorder(options: FaultOptions, nsp: Namespace, nowUs: () => number = monotonicNowUs): DropRecorder | undefined {
  if (!dropFaultEnabled(options)) return undefined;
  const ledger = new DropLedger({ nowUs, clientDrainUs: millisecondsToMicroseconds(options.clientDrainMs ?? 0) });
  const membersOf = (room: RoomName): ReadonlySet<Sid> => nsp.adapter.rooms.get(room) ?? new Set();

  const onConnection = (socket: Socket): void => {
    // socket.io sends the CONNECT just before 'connection': the client's windows on its own rooms open with it.
    for (const room of socket.rooms) ledger.joinAcknowledged(socket.id, room);
    socket.once('disconnecting', (reason: string) => ledger.endedAll(socket.id, disconnectEnder(reason)));
  };
  // Any leave that neither a leave request nor a disconnect announced (closeRoom, a refused connect) is the server's.
  const onLeaveRoom = (room: RoomName, sid: Sid): void => ledger.ended(sid, room, 'server');
  nsp.on('connection', onConnection);
  nsp.adapter.on('leave-room', onLeaveRoom);

  return {
    joinAcknowledged(sid, room) {
      // A delayed ack may go out after the client left the room again: then no window opened on the server's side.
      if (membersOf(room).has(sid)) ledger.joinAcknowledged(sid, room);
    },
    leaving: (sid, room) => ledger.ended(sid, room, 'client'),
    broadcastDropped(room, sentUs, senderSid, includeSelf) {
      const members = membersOf(room);
      const receivers = includeSelf || !members.has(senderSid) ? members : [...members].filter((sid) => sid !== senderSid);
      ledger.broadcastDropped(receivers, room, sentUs);
    },
    directDropped: (to, sentUs) => ledger.directDropped(membersOf(to), to, sentUs),
    json() {
      const counts = ledger.counts();
      return {
        broadcastsCertain: counts.broadcastsCertain,
        broadcastsAmbiguous: counts.broadcastsAmbiguous,
        broadcastsNotExpected: counts.broadcastsNotExpected,
        directsCertain: counts.directsCertain,
        directsAmbiguous: counts.directsAmbiguous,
        directsNotExpected: counts.directsNotExpected,
        unsettledDeliveries: counts.unsettledDeliveries,
      };
    },
    stop() {
      nsp.off('connection', onConnection);
      nsp.adapter.off('leave-room', onLeaveRoom);
    },
  };
}
