/**
 * IPC messages of the client-cost benchmark: the parent, a bare socket.io server child, and one client child per
 * client kind (so each kind's memory is measured in a process of its own, with --expose-gc).
 */

/** Parent → server child. */
export type ToServerMessage =
  /** Report cumulative CPU time now. */
  | { type: 'read-cpu' }
  /** Broadcast `messages` events of `payloadBytes` to every connected client, one per event-loop turn. */
  | { type: 'broadcast'; messages: number; payloadBytes: number }
  | { type: 'stop' };

/** Server child → parent. */
export type FromServerMessage =
  | { type: 'listening'; port: number }
  /** Cumulative CPU time (process.cpuUsage), microseconds, and connected sockets. */
  | { type: 'cpu'; cpuUs: number; connections: number }
  | { type: 'broadcast-sent' };

/** Parent → client child. */
export type ToClientMessage =
  /** Start counting received broadcasts and CPU; answer once `expected` events arrived in total. */
  | { type: 'arm'; expected: number }
  | { type: 'stop' };

/** Client child → parent. */
export type FromClientMessage =
  /** Memory deltas per connected idle client, bytes. */
  | { type: 'memory'; clients: number; heapPlusExternalBytesPerClient: number; rssBytesPerClient: number }
  /** CPU spent between 'arm' and the last expected event, microseconds. */
  | { type: 'received'; events: number; cpuUs: number }
  | { type: 'failed'; message: string };

function hasType(value: unknown, types: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return types.includes(String((value as { type: unknown }).type));
}

/** Narrowing at the IPC parse boundary. */
export function isToServerMessage(value: unknown): value is ToServerMessage {
  return hasType(value, ['read-cpu', 'broadcast', 'stop']);
}
export function isFromServerMessage(value: unknown): value is FromServerMessage {
  return hasType(value, ['listening', 'cpu', 'broadcast-sent']);
}
export function isToClientMessage(value: unknown): value is ToClientMessage {
  return hasType(value, ['arm', 'stop']);
}
export function isFromClientMessage(value: unknown): value is FromClientMessage {
  return hasType(value, ['memory', 'received', 'failed']);
}

/** process.cpuUsage() as one figure, microseconds (user + system). */
export function cpuNowUs(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}
