/**
 * Opens the socket.io adapter of one server process: the constructor to hand to createReferenceServer's
 * `adapter`, and what to close once that server has closed (the Redis clients). The cluster adapter works only
 * in a node:cluster worker whose primary ran `setupPrimary` (see server/cluster/cluster-primary.ts). Each adapter's
 * package (and the Redis client) is loaded only when that adapter is opened: a one-process server never loads them.
 */
import type { AdapterConstructor } from '../socket-io-options.js';
import type { AdapterKind } from './adapter-kind.js';
import { closeRedis, connectRedis, type RedisConnection } from './redis-connection.js';

/** An adapter ready to use, and how to release it. */
export interface OpenedAdapter {
  kind: AdapterKind;
  /** undefined for 'memory' (socket.io's default adapter). */
  adapter: AdapterConstructor | undefined;
  /** Closes the adapter's own connections; call after the server closed. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenAdapterOptions {
  /** Required by the redis adapters. */
  redisUrl?: string;
  /** Receives Redis connection errors after start-up. Default: stderr. */
  onRedisError?: (message: string) => void;
}

/**
 * How long the streams adapter blocks in one XREAD, ms. It returns as soon as a message arrives, so this costs no
 * latency; it bounds how long a closing server waits for the reading connection to end (default would be 5000).
 */
const STREAMS_BLOCK_MS = 1000;

/** Opens the adapter of `kind`; rejects with RedisConnectError when Redis cannot be reached. */
export async function openAdapter(kind: AdapterKind, options: OpenAdapterOptions = {}): Promise<OpenedAdapter> {
  switch (kind) {
    case 'memory':
      return { kind, adapter: undefined, close: () => Promise.resolve() };
    case 'cluster': {
      const { createAdapter } = await import('@socket.io/cluster-adapter');
      return { kind, adapter: createAdapter(), close: () => Promise.resolve() };
    }
    case 'redis': {
      const url = requireUrl(kind, options.redisUrl);
      const { createAdapter } = await import('@socket.io/redis-adapter');
      const publisher = await connectRedis({ url, onError: options.onRedisError });
      let subscriber: RedisConnection;
      try {
        subscriber = await connectRedis({ url, onError: options.onRedisError });
      } catch (error) {
        await closeRedis(publisher);
        throw error;
      }
      return { kind, adapter: createAdapter(publisher, subscriber), close: once(() => closeAll([publisher, subscriber])) };
    }
    case 'redis-streams': {
      const url = requireUrl(kind, options.redisUrl);
      const { createAdapter } = await import('@socket.io/redis-streams-adapter');
      // The adapter duplicates this client for its reading and subscribing connections and closes those itself.
      const client = await connectRedis({ url, onError: options.onRedisError });
      return { kind, adapter: createAdapter(client, { blockTimeInMs: STREAMS_BLOCK_MS }), close: once(() => closeAll([client])) };
    }
    default:
      throw new RangeError(`unknown adapter ${JSON.stringify(kind satisfies never)}`);
  }
}

function requireUrl(kind: AdapterKind, url: string | undefined): string {
  if (url === undefined) throw new TypeError(`the ${kind} adapter needs options.redisUrl`);
  return url;
}

async function closeAll(clients: readonly RedisConnection[]): Promise<void> {
  await Promise.all(clients.map(closeRedis));
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}
