/**
 * The IPC messages between the facade-overhead benchmark and its server child processes: each server runs in
 * its own process so that its CPU time is measured alone (process.cpuUsage in the child).
 */

/** Which server a child runs. */
export type EchoServerKind =
  /** The reference server (createReferenceServer, app 'bench'), websocket only. */
  | 'reference'
  /** A bare `socket.io` Server with an equivalent `echo` handler, websocket only. */
  | 'bare';

export const ECHO_SERVER_KINDS: readonly EchoServerKind[] = ['reference', 'bare'];

/** Parent → child. */
export type ToChildMessage =
  /** Report the child's cumulative CPU time now. */
  | { type: 'read-cpu' }
  /** Start a V8 CPU profile of the child (inspector). */
  | { type: 'profile-start' }
  /** Stop it and report the facade's share of the busy time (see profile-share.ts). */
  | { type: 'profile-stop' }
  /** Close the server and exit. */
  | { type: 'stop' };

/** Child → parent. */
export type FromChildMessage =
  | { type: 'listening'; port: number }
  /** Cumulative CPU time of the child process (process.cpuUsage), microseconds. */
  | { type: 'cpu'; userUs: number; systemUs: number }
  /** The profile's busy time and the self time of the reference server's own code (dist/server/), µs. */
  | { type: 'profile-share'; busyUs: number; matchedUs: number }
  | { type: 'profile-started' }
  | { type: 'failed'; message: string };

/** Narrows an IPC message from a child (parse boundary: IPC delivers `unknown`). */
export function isFromChildMessage(value: unknown): value is FromChildMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const type = (value as { type: unknown }).type;
  return type === 'listening' || type === 'cpu' || type === 'profile-started' || type === 'profile-share' || type === 'failed';
}

/** Narrows an IPC message from the parent. */
export function isToChildMessage(value: unknown): value is ToChildMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const type = (value as { type: unknown }).type;
  return type === 'read-cpu' || type === 'profile-start' || type === 'profile-stop' || type === 'stop';
}
