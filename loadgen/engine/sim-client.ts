/**
 * The state the engine keeps for one simulated client in a worker. Kept small: a worker holds thousands.
 */
import type { VirtualClient } from '../client/virtual-client.js';
import type { ReceiverConnection } from './receiver-connection.js';

export const ClientState = {
  idle: 0,
  connecting: 1,
  open: 2,
  /** Disconnected after having been open (by plan, churn or the server). */
  closed: 3,
  /** The last connect attempt failed. */
  failed: 4,
} as const;
export type ClientStateValue = (typeof ClientState)[keyof typeof ClientState];

/** A pending custom request that waits for a reply event. */
export interface PendingReply {
  /** The reply event it waits for, and the dotted path of its correlation value (absent: the oldest request). */
  event: string;
  field: string | undefined;
  /** The action's own latency metric (its name). */
  metric: string;
  id: string;
  t0Us: number;
  sentUs: number;
  deadlineUs: number;
}

export interface SimClient {
  /** Global client index (unique across workers and shards). */
  readonly index: number;
  client: VirtualClient | undefined;
  state: ClientStateValue;
  /** Room indices this client joins (from the membership); its windows on them live in `connection`. */
  readonly rooms: readonly number[];
  /** The receiving side of the current connection (a new one per connect). */
  connection: ReceiverConnection | undefined;
  /** Connections opened so far (the next connection's epoch). */
  connections: number;
  /** Leaves decided but not yet acknowledged (or failed): a planned disconnect waits for them. */
  leavesPending: number;
  /** A planned disconnect came while leaves were pending: it runs when the last one settles. */
  disconnectAfterLeaves: boolean;
  /** Next broadcast sequence number per room of `rooms` (a plain array: a typed array costs ~300 B of heap and an ArrayBuffer for the GC to track per client). */
  readonly broadcastSeq: number[];
  /** Round-robin position over `rooms` for broadcasts. */
  broadcastTurn: number;
  /** The fixed peers this client sends directs to, and the next sequence number per peer. */
  readonly peers: readonly number[];
  readonly peerSeq: number[];
  peerTurn: number;
  /** When the namespace CONNECT completed (monotonic µs), -1 when not open. */
  connectedUs: number;
  /** When a churn reconnect was started (monotonic µs), -1 otherwise. */
  reconnectStartUs: number;
  /** The plan says this client should be connected now. */
  wanted: boolean;
  /** Custom requests waiting for a reply event (created on first use). */
  pendingReplies: PendingReply[] | undefined;
  /** Round-robin position over `rooms` for custom actions that name `{{room}}`. */
  customTurn: number;
  /** Next sequence number per delivery channel of the custom messages it sends (created on first use). */
  customSeq: Map<number, number> | undefined;
}

/** No sequence numbers: one shared frozen array for the clients without rooms or peers (a connect storm's). */
const NO_SEQUENCE_NUMBERS: number[] = Object.freeze([]) as unknown as number[];

/** `count` sequence numbers starting at 0. */
function sequenceNumbers(count: number): number[] {
  return count === 0 ? NO_SEQUENCE_NUMBERS : new Array<number>(count).fill(0);
}

/** A fresh client record for `index` with its rooms and direct peers. */
export function createSimClient(index: number, rooms: readonly number[], peers: readonly number[]): SimClient {
  return {
    index,
    client: undefined,
    state: ClientState.idle,
    rooms,
    connection: undefined,
    connections: 0,
    leavesPending: 0,
    disconnectAfterLeaves: false,
    broadcastSeq: sequenceNumbers(rooms.length),
    broadcastTurn: 0,
    peers,
    peerSeq: sequenceNumbers(peers.length),
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
export function roomName(roomIndex: number): string {
  return `room:${roomIndex}`;
}

const ROOM_PREFIX_LENGTH = 'room:'.length;

/** The index of a room name made by roomName, or -1 when it is not one. */
export function parseRoomName(name: unknown): number {
  if (typeof name !== 'string' || !name.startsWith('room:')) return -1;
  const index = Number(name.slice(ROOM_PREFIX_LENGTH));
  return Number.isInteger(index) && index >= 0 ? index : -1;
}
