/**
 * What `sio-bench serve` runs, whatever the scale-out: one reference server in this process (with the in-memory
 * adapter, or a Redis adapter joining it to servers elsewhere), or the primary of a node:cluster of workers.
 * Both look the same to the caller: an address, the effective options, a failure to watch and close().
 */
import type { ScaleOutOptions } from '../adapters/adapter-kind.js';
import { openAdapter } from '../adapters/open-adapter.js';
import { createReferenceServer } from '../reference-server.js';
import type { ReferenceServerOptionsInput } from '../server-options.js';
import type { ReferenceServerOptions } from '../types.js';
import { startClusterPrimary } from './cluster-primary.js';

/** A running server of one or several processes. */
export interface ScaledServer {
  url: string;
  options: ReferenceServerOptions;
  scaleOut: ScaleOutOptions;
  /** Resolves with a sentence when part of the server dies while serving (a worker); never for one process. */
  failure: Promise<string>;
  /** Disconnects every client, closes every process and the adapter's connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the server that `scaleOut` describes. Rejects as createReferenceServer does (ServerOptionsError, listen
 * errors), with RedisConnectError when Redis cannot be reached, and with ClusterStartError when a worker ends
 * before it is ready. Call it in the primary only; a node:cluster worker runs runClusterWorker instead.
 */
export async function startScaledServer(input: ReferenceServerOptionsInput, scaleOut: ScaleOutOptions): Promise<ScaledServer> {
  if (scaleOut.workers > 1) return startClusterPrimary(input, scaleOut);
  const opened = await openAdapter(scaleOut.adapter, scaleOut.redisUrl === undefined ? {} : { redisUrl: scaleOut.redisUrl });
  let server;
  try {
    server = await createReferenceServer({ ...input, adapter: opened.adapter });
  } catch (error) {
    await opened.close();
    throw error;
  }
  const running = server;
  let closing: Promise<void> | undefined;
  return {
    url: running.url,
    options: running.options,
    scaleOut,
    // One process has no part that can die without the whole: nothing to report here.
    failure: new Promise<string>(() => undefined),
    close: () =>
      (closing ??= (async () => {
        await running.close();
        await opened.close();
      })()),
  };
}
