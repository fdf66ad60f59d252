/**
 * Opens the socket.io adapter of one server process: the constructor to hand to createReferenceServer's
 * `adapter`, and what to close once that server has closed (the Redis clients). The cluster adapter works only
 * in a node:cluster worker whose primary ran `setupPrimary` (see server/cluster/cluster-primary.ts).
 */
import { createAdapter as createClusterAdapter } from '@socket.io/cluster-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { closeRedis, connectRedis } from './redis-connection.js';
/**
 * How long the streams adapter blocks in one XREAD, ms. It returns as soon as a message arrives, so this costs no
 * latency; it bounds how long a closing server waits for the reading connection to end (default would be 5000).
 */
const STREAMS_BLOCK_MS = 1000;
/** Opens the adapter of `kind`; rejects with RedisConnectError when Redis cannot be reached. */
export async function openAdapter(kind, options = {}) {
    switch (kind) {
        case 'memory':
            return { kind, adapter: undefined, close: () => Promise.resolve() };
        case 'cluster':
            return { kind, adapter: createClusterAdapter(), close: () => Promise.resolve() };
        case 'redis': {
            const url = requireUrl(kind, options.redisUrl);
            const publisher = await connectRedis({ url, onError: options.onRedisError });
            let subscriber;
            try {
                subscriber = await connectRedis({ url, onError: options.onRedisError });
            }
            catch (error) {
                await closeRedis(publisher);
                throw error;
            }
            return { kind, adapter: createRedisAdapter(publisher, subscriber), close: once(() => closeAll([publisher, subscriber])) };
        }
        case 'redis-streams': {
            const url = requireUrl(kind, options.redisUrl);
            // The adapter duplicates this client for its reading and subscribing connections and closes those itself.
            const client = await connectRedis({ url, onError: options.onRedisError });
            return { kind, adapter: createRedisStreamsAdapter(client, { blockTimeInMs: STREAMS_BLOCK_MS }), close: once(() => closeAll([client])) };
        }
        default:
            throw new RangeError(`unknown adapter ${JSON.stringify(kind)}`);
    }
}
function requireUrl(kind, url) {
    if (url === undefined)
        throw new TypeError(`the ${kind} adapter needs options.redisUrl`);
    return url;
}
async function closeAll(clients) {
    await Promise.all(clients.map(closeRedis));
}
function once(close) {
    let closing;
    return () => (closing ??= close());
}
//# sourceMappingURL=open-adapter.js.map