/**
 * IPC between the raw-floor benchmark and its raw-client child (one process of raw connections, so that their CPU
 * is read apart from the benchmark's own and from the server's).
 */

/** CPU time of the child since it was armed, µs, split as the kernel accounts it. */
export interface CpuSplit {
  userUs: number;
  systemUs: number;
}

/** Parent → child. */
export type ToRawChildMessage =
  /** Start: the storm's connects, or the receivers' broadcasts (CPU counts from here). */
  | { type: 'go' }
  /** Receive mode: report what arrived and the CPU spent since 'go'. */
  | { type: 'read' }
  | { type: 'stop' };

/** Child → parent. */
export type FromRawChildMessage =
  /** Storm mode: nothing to prepare. Receive mode: every client connected and in the room. */
  | { type: 'ready'; connected: number }
  /** Storm mode: every connect finished (or the storm's time ran out). Latencies count from the intended connect time. */
  | {
      type: 'storm-done';
      connected: number;
      failed: number;
      firstFailure: string | undefined;
      elapsedMs: number;
      latencyP50Ms: number;
      latencyP99Ms: number;
      latencyMaxMs: number;
      cpu: CpuSplit;
    }
  /** Receive mode: event frames received and broadcasts sent since 'go'. */
  | { type: 'received'; events: number; broadcastsSent: number; cpu: CpuSplit }
  | { type: 'failed'; message: string };

function hasType(value: unknown, types: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && 'type' in value && types.includes(String((value as { type: unknown }).type));
}

/** Narrowing at the IPC parse boundary. */
export function isToRawChildMessage(value: unknown): value is ToRawChildMessage {
  return hasType(value, ['go', 'read', 'stop']);
}
export function isFromRawChildMessage(value: unknown): value is FromRawChildMessage {
  return hasType(value, ['ready', 'storm-done', 'received', 'failed']);
}

/** This process's CPU time since `since` (a process.cpuUsage() reading). */
export function cpuSince(since: NodeJS.CpuUsage): CpuSplit {
  const usage = process.cpuUsage(since);
  return { userUs: usage.user, systemUs: usage.system };
}
