/**
 * A connected `redis` v4 client for the Redis adapters. The first connection must succeed within a few
 * attempts (a wrong URL fails the start at once instead of retrying forever); a connection lost later is
 * retried with a growing delay, and its errors are reported without flooding stderr.
 */
import type { createClient } from 'redis';

/** The client type the adapters are given. */
export type RedisConnection = ReturnType<typeof createClient>;

/** Thrown when Redis cannot be reached at start-up; `serve` reports it as a failed start, not a bug. */
export class RedisConnectError extends Error {
  constructor(
    readonly redisUrl: string,
    cause: unknown,
  ) {
    super(`cannot connect to Redis at ${safeUrl(redisUrl)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RedisConnectError';
  }
}

export interface RedisConnectionOptions {
  /** `redis://HOST:PORT[/DB]`. */
  url: string;
  /** Connection attempts at start-up before giving up. Default 3. */
  startAttempts?: number;
  /** Longest wait for one TCP connection, ms. Default 3000. */
  connectTimeoutMs?: number;
  /** Receives connection errors after start-up (the first, then every 20th). Default: one line to stderr. */
  onError?: (message: string) => void;
}

/** Delay between start-up attempts, ms. */
const START_RETRY_DELAY_MS = 200;
/** Longest delay between reconnection attempts once running, ms. */
const MAX_RECONNECT_DELAY_MS = 2000;
/** After the first error, report every this many. */
const ERROR_REPORT_EVERY = 20;

/** Connects a client to `options.url`; rejects with RedisConnectError when the start-up attempts all fail. */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const startAttempts = options.startAttempts ?? 3;
  const onError = options.onError ?? ((message: string) => process.stderr.write(`sio-bench server: redis: ${message}\n`));
  let connectedOnce = false;
  let errors = 0;
  // Loaded here, not at the top: only a server with a Redis adapter needs the client library.
  const { createClient } = await import('redis');
  const client = createClient({
    url: options.url,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 3000,
      reconnectStrategy: (retries: number, cause: Error) => {
        if (!connectedOnce) return retries + 1 >= startAttempts ? cause : START_RETRY_DELAY_MS;
        return Math.min(MAX_RECONNECT_DELAY_MS, 100 * (retries + 1));
      },
    },
  });
  // Without an 'error' listener the client's errors would crash the process.
  client.on('error', (error: unknown) => {
    if (!connectedOnce) return;
    errors += 1;
    if (errors === 1 || errors % ERROR_REPORT_EVERY === 0) {
      onError(`${error instanceof Error ? error.message : String(error)} (${errors} error(s) so far; reconnecting)`);
    }
  });
  try {
    await client.connect();
  } catch (error) {
    throw new RedisConnectError(options.url, error);
  }
  connectedOnce = true;
  return client;
}

/** Longest wait for QUIT's reply before the connection is dropped, ms. */
const QUIT_WAIT_MS = 2000;

/**
 * Closes `client`: QUIT first, which lets the replies already asked for arrive (an adapter's heartbeat in flight
 * would otherwise reject, unhandled inside the adapter, with "Disconnects client"), then, if the server did not
 * answer within QUIT_WAIT_MS (or QUIT failed), drops the connection. A client that is already closed is left alone.
 */
export async function closeRedis(client: RedisConnection): Promise<void> {
  if (!client.isOpen) return;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, QUIT_WAIT_MS);
  });
  // A failed QUIT (the server went away) is what the disconnect below is for.
  await Promise.race([client.quit().then(() => undefined, () => undefined), waited]);
  clearTimeout(timer);
  if (client.isOpen) await client.disconnect();
}

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}
