/** The refusal kind counted in /metrics for a join beyond the limit. */
export const ROOM_LIMIT_REFUSAL = 'room-limit';
/** The ErrorAck of a join beyond the limit. */
export function roomLimitAck(maxRooms) {
    return { error: `join: room limit reached (at most ${maxRooms} rooms per client)` };
}
export class RoomLimit {
    maxRooms;
    metrics;
    /** Rooms each socket was in once connected; a WeakMap so that a gone socket takes its entry with it. */
    baseline = new WeakMap();
    constructor(maxRooms, metrics) {
        this.maxRooms = maxRooms;
        this.metrics = metrics;
    }
    /** Notes the rooms a socket starts in (call it on 'connection'). */
    track(socket) {
        this.baseline.set(socket, socket.rooms.size);
    }
    /** The ErrorAck refusing `request` from `socket` (counted), or undefined when the join is within the limit. */
    refusal(socket, request) {
        if (socket === undefined)
            return undefined;
        const joined = socket.rooms.size - (this.baseline.get(socket) ?? socket.rooms.size);
        if (joined < this.maxRooms)
            return undefined;
        const room = typeof request === 'object' && request !== null ? request.room : undefined;
        if (typeof room === 'string' && socket.rooms.has(room))
            return undefined;
        this.metrics.countRefused(ROOM_LIMIT_REFUSAL);
        return roomLimitAck(this.maxRooms);
    }
    /** Wraps an app's `join` handler so that a join beyond the limit never reaches it. */
    guard(socketOf, handler) {
        return (sid, ...args) => this.refusal(socketOf(sid), args[0]) ?? handler(sid, ...args);
    }
}
//# sourceMappingURL=room-limit.js.map