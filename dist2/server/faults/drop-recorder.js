import { millisecondsToMicroseconds, monotonicNowUs } from '../metrics/units.js';
import { DropLedger } from './drop-ledger.js';
/**
 * The disconnect reasons (socket.io's DisconnectReason) that the client caused: its disconnect, or its closing of
 * the transport. The load generator sends either only after its drain. Every other reason is the server's doing.
 */
const CLIENT_DISCONNECT_REASONS = new Set(['client namespace disconnect', 'transport close', 'transport error']);
/** Who ended a connection that closed for `reason`. */
export function disconnectEnder(reason) {
    return CLIENT_DISCONNECT_REASONS.has(reason) ? 'client' : 'server';
}
/** True when the drop fault is on. */
export function dropFaultEnabled(options) {
    return options.dropBroadcastFraction > 0;
}
/**
 * Starts recording on `nsp`, or returns undefined when the drop fault is off. `options` must be valid
 * (faultOptionsProblems). `nowUs` is the monotonic clock of `sentUs` (default: process.hrtime), injectable for tests.
 */
export function startDropRecorder(options, nsp, nowUs = monotonicNowUs) {
    if (!dropFaultEnabled(options))
        return undefined;
    const ledger = new DropLedger({ nowUs, clientDrainUs: millisecondsToMicroseconds(options.clientDrainMs ?? 0) });
    const membersOf = (room) => nsp.adapter.rooms.get(room) ?? new Set();
    const onConnection = (socket) => {
        // socket.io sends the CONNECT just before 'connection': the client's windows on its own rooms open with it.
        for (const room of socket.rooms)
            ledger.joinAcknowledged(socket.id, room);
        socket.once('disconnecting', (reason) => ledger.endedAll(socket.id, disconnectEnder(reason)));
    };
    // Any leave that neither a leave request nor a disconnect announced (closeRoom, a refused connect) is the server's.
    const onLeaveRoom = (room, sid) => ledger.ended(sid, room, 'server');
    nsp.on('connection', onConnection);
    nsp.adapter.on('leave-room', onLeaveRoom);
    return {
        joinAcknowledged(sid, room) {
            // A delayed ack may go out after the client left the room again: then no window opened on the server's side.
            if (membersOf(room).has(sid))
                ledger.joinAcknowledged(sid, room);
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
//# sourceMappingURL=drop-recorder.js.map