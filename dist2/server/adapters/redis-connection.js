/**
 * A connected `redis` v4 client for the Redis adapters. The first connection must succeed within a few
 * attempts (a wrong URL fails the start at once instead of retrying forever); a connection lost later is
 * retried with a growing delay, and its errors are reported without flooding stderr.
 */
import { createClient } from 'redis';
/** Thrown when Redis cannot be reached at start-up; `serve` reports it as a failed start, not a bug. */
export class RedisConnectError extends Error {
    redisUrl;
    constructor(redisUrl, cause) {
        super(`cannot connect to Redis at ${safeUrl(redisUrl)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        this.redisUrl = redisUrl;
        this.name = 'RedisConnectError';
    }
}
/** Delay between start-up attempts, ms. */
const START_RETRY_DELAY_MS = 200;
/** Longest delay between reconnection attempts once running, ms. */
const MAX_RECONNECT_DELAY_MS = 2000;
/** After the first error, report every this many. */
const ERROR_REPORT_EVERY = 20;
/** Connects a client to `options.url`; rejects with RedisConnectError when the start-up attempts all fail. */
export async function connectRedis(options) {
    const startAttempts = options.startAttempts ?? 3;
    const onError = options.onError ?? ((message) => process.stderr.write(`sio-bench server: redis: ${message}\n`));
    let connectedOnce = false;
    let errors = 0;
    const client = createClient({
        url: options.url,
        socket: {
            connectTimeout: options.connectTimeoutMs ?? 3000,
            reconnectStrategy: (retries, cause) => {
                if (!connectedOnce)
                    return retries + 1 >= startAttempts ? cause : START_RETRY_DELAY_MS;
                return Math.min(MAX_RECONNECT_DELAY_MS, 100 * (retries + 1));
            },
        },
    });
    // Without an 'error' listener the client's errors would crash the process.
    client.on('error', (error) => {
        if (!connectedOnce)
            return;
        errors += 1;
        if (errors === 1 || errors % ERROR_REPORT_EVERY === 0) {
            onError(`${error instanceof Error ? error.message : String(error)} (${errors} error(s) so far; reconnecting)`);
        }
    });
    try {
        await client.connect();
    }
    catch (error) {
        throw new RedisConnectError(options.url, error);
    }
    connectedOnce = true;
    return client;
}
/** Closes `client` at once (pending commands are abandoned); a client that is already closed is left alone. */
export async function closeRedis(client) {
    if (client.isOpen)
        await client.disconnect();
}
/** The URL without its password, for messages. */
export function safeUrl(url) {
    if (!URL.canParse(url))
        return url;
    const parsed = new URL(url);
    if (parsed.password !== '')
        parsed.password = '***';
    return parsed.href;
}
//# sourceMappingURL=redis-connection.js.map