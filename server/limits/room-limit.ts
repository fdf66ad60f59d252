/**
 * Maximum rooms per client: a `join` request (the bench protocol's `{room}`) that would put a client in more
 * than `maxRooms` rooms is refused before the app's join handler runs: the handler's place is taken by an
 * ErrorAck (sent when the client asked for an ack, dropped otherwise), counted as `room-limit`. The rooms a
 * client is in when it connects (its own sid room, the bench app's client room) do not count; joining a room it
 * is already in is always allowed.
 */
import type { Socket } from 'socket.io';
import type { ErrorAck } from '../bench-protocol.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';

/** The refusal kind counted in /metrics for a join beyond the limit. */
export const ROOM_LIMIT_REFUSAL = 'room-limit';

/** The ErrorAck of a join beyond the limit. */
export function roomLimitAck(maxRooms: number): ErrorAck {
  return { error: `join: room limit reached (at most ${maxRooms} rooms per client)` };
}

export class RoomLimit {
  /** Rooms each socket was in once connected; a WeakMap so that a gone socket takes its entry with it. */
  private readonly baseline = new WeakMap<Socket, number>();

  constructor(
    readonly maxRooms: number,
    private readonly metrics: ServerMetrics,
  ) {}

  /** Notes the rooms a socket starts in (call it on 'connection'). */
  track(socket: Socket): void {
    this.baseline.set(socket, socket.rooms.size);
  }

  /** The ErrorAck refusing `request` from `socket` (counted), or undefined when the join is within the limit. */
  refusal(socket: Socket | undefined, request: unknown): ErrorAck | undefined {
    if (socket === undefined) return undefined;
    const joined = socket.rooms.size - (this.baseline.get(socket) ?? socket.rooms.size);
    if (joined < this.maxRooms) return undefined;
    const room = typeof request === 'object' && request !== null ? (request as { room?: unknown }).room : undefined;
    if (typeof room === 'string' && socket.rooms.has(room)) return undefined;
    this.metrics.countRefused(ROOM_LIMIT_REFUSAL);
    return roomLimitAck(this.maxRooms);
  }

  /** Wraps an app's `join` handler so that a join beyond the limit never reaches it. */
  guard<Args extends unknown[]>(socketOf: (sid: string) => Socket | undefined, handler: (sid: string, ...args: Args) => unknown): (sid: string, ...args: Args) => unknown {
    return (sid, ...args) => this.refusal(socketOf(sid), args[0]) ?? handler(sid, ...args);
  }
}
