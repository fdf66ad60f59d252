/**
 * Drives one server with N raw echo clients in a closed loop for a warm-up and a measured window, and reads
 * the server's CPU time (through a callback) at the window's edges.
 */
import { connectRawEchoClient, type RawEchoClient } from './raw-echo-client.js';

/** CPU time of the server process, microseconds (user + system). */
export type ReadServerCpuUs = () => Promise<number>;

/** What one measured window saw. */
export interface WindowMeasurement {
  acks: number;
  /** Wall time of the window, ms (monotonic). */
  elapsedMs: number;
  /** Server CPU time spent in the window, µs. */
  serverCpuUs: number;
}

export interface ClosedLoopSettings {
  url: string;
  clients: number;
  warmupMs: number;
  measureMs: number;
  /** The echo argument, as JSON text. */
  payloadJson: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Optional work at the edges of the measured window (e.g. starting and stopping a profiler in the server). */
export interface WindowEdges {
  atStart(): Promise<void>;
  atEnd(): Promise<void>;
}

/** Connects the clients, runs warm-up then the measured window, closes the clients. */
export async function measureClosedLoop(settings: ClosedLoopSettings, readServerCpuUs: ReadServerCpuUs, edges?: WindowEdges): Promise<WindowMeasurement> {
  const clients: RawEchoClient[] = [];
  try {
    for (let i = 0; i < settings.clients; i += 1) clients.push(await connectRawEchoClient(settings.url, settings.payloadJson));
    for (const client of clients) client.start();
    await sleep(settings.warmupMs);
    await edges?.atStart();
    const cpuBeforeUs = await readServerCpuUs();
    for (const client of clients) client.takeAckCount();
    const startedMs = performance.now();
    await sleep(settings.measureMs);
    let acks = 0;
    for (const client of clients) acks += client.takeAckCount();
    const elapsedMs = performance.now() - startedMs;
    const cpuAfterUs = await readServerCpuUs();
    await edges?.atEnd();
    return { acks, elapsedMs, serverCpuUs: cpuAfterUs - cpuBeforeUs };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}
