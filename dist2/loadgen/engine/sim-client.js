export const ClientState = {
    idle: 0,
    connecting: 1,
    open: 2,
    /** Disconnected after having been open (by plan, churn or the server). */
    closed: 3,
    /** The last connect attempt failed. */
    failed: 4,
};
/** A fresh client record for `index` with its rooms and direct peers. */
export function createSimClient(index, rooms, peers) {
    return {
        index,
        client: undefined,
        state: ClientState.idle,
        rooms,
        connection: undefined,
        connections: 0,
        leavesPending: 0,
        disconnectAfterLeaves: false,
        broadcastSeq: new Uint32Array(rooms.length),
        broadcastTurn: 0,
        peers,
        peerSeq: new Uint32Array(peers.length),
        peerTurn: 0,
        connectedUs: -1,
        reconnectStartUs: -1,
        wanted: false,
        pendingReplies: undefined,
        customTurn: 0,
        customSeq: undefined,
    };
}
/** Room names on the wire: `room:<index>`. */
export function roomName(roomIndex) {
    return `room:${roomIndex}`;
}
const ROOM_PREFIX_LENGTH = 'room:'.length;
/** The index of a room name made by roomName, or -1 when it is not one. */
export function parseRoomName(name) {
    if (typeof name !== 'string' || !name.startsWith('room:'))
        return -1;
    const index = Number(name.slice(ROOM_PREFIX_LENGTH));
    return Number.isInteger(index) && index >= 0 ? index : -1;
}
//# sourceMappingURL=sim-client.js.map