/**
 * The bench protocol: the events that the reference server's `bench` app implements so that any scenario can
 * measure rooms, direct sends and broadcasts end to end (see DESIGN.md). This file is the one typed event map
 * shared by the server and the load generator; names are the contract that other servers implement too.
 *
 * Times are integer microseconds of the machine's monotonic clock (`process.hrtime`), shared by every process
 * on one machine, so `receiveUs - t0Us` is the true end-to-end latency.
 */
import type { ClientIndex, RoomName, Sid } from './ids.js';

/**
 * A load-generator client may send `{ clientIndex }` in its CONNECT auth; the bench server then puts it in the
 * room `clientRoom(clientIndex)`, so other simulated clients can address it by index without knowing its sid.
 */
export interface BenchAuth {
  clientIndex?: ClientIndex;
}
/** The personal room of a simulated client. */
export function clientRoom(clientIndex: ClientIndex): RoomName {
  return `client:${clientIndex}`;
}

/** Any payload the scenario sends: JSON text or binary (Buffer/Uint8Array), possibly nested. */
export type BenchPayload = unknown;

export interface JoinRequest {
  room: RoomName;
}
export interface LeaveRequest {
  room: RoomName;
}
/** Ack of join/leave: the room and how many members it has after the change. */
export interface RoomAck {
  room: RoomName;
  members: number;
}
/** Ack sent instead of the normal one when a request is malformed; the server counts it and stays up. */
export interface ErrorAck {
  error: string;
}

/** A message addressed to one other client; the server forwards it unchanged as a `direct` event. */
export interface DirectMessage {
  /** The recipient: its sid, or its personal room `client:<index>` (see BenchAuth). */
  to: Sid | RoomName;
  /** The sender's client index, so the receiver can check per-sender order. */
  from: ClientIndex;
  /** Sender's per-recipient-stream sequence number, from 0. */
  seq: number;
  /** Intended send time (open-model schedule slot) in monotonic microseconds. */
  t0Us: number;
  /** Actual send time in monotonic microseconds (>= t0Us); the uncorrected latency counts from here. */
  sentUs: number;
  payload: BenchPayload;
}

/** A message to every member of a room; the server forwards it unchanged as a `broadcast` event. */
export interface BroadcastMessage {
  room: RoomName;
  from: ClientIndex;
  /** Sender's per-room sequence number, from 0. */
  seq: number;
  /** Intended and actual send time, monotonic microseconds (see DirectMessage). */
  t0Us: number;
  sentUs: number;
  /** Deliver to the sender too (default false: the sender is skipped). */
  includeSelf?: boolean;
  payload: BenchPayload;
}

/** Events the load generator (client) emits to a bench-protocol server. */
export interface BenchClientToServerEvents {
  join: (request: JoinRequest, ack: (reply: RoomAck | ErrorAck) => void) => void;
  leave: (request: LeaveRequest, ack: (reply: RoomAck | ErrorAck) => void) => void;
  echo: (payload: BenchPayload, ack: (reply: BenchPayload) => void) => void;
  direct: (message: DirectMessage) => void;
  broadcast: (message: BroadcastMessage) => void;
}

/** Events a bench-protocol server emits to its clients. */
export interface BenchServerToClientEvents {
  direct: (message: DirectMessage) => void;
  broadcast: (message: BroadcastMessage) => void;
}

/** The names of the bench protocol's events, for validation and metrics. */
export const BENCH_EVENTS = ['join', 'leave', 'echo', 'direct', 'broadcast'] as const;
export type BenchEventName = (typeof BENCH_EVENTS)[number];
