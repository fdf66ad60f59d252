/**
 * Which socket.io adapter carries broadcasts, room changes and acks between server processes, and how many
 * processes `sio-bench serve` runs: the scale-out settings, separate from ReferenceServerOptions because they
 * decide how processes are arranged, not how one server behaves.
 */
/** Every adapter kind, in the order `--help` lists them. */
export const adapterKinds = ['memory', 'cluster', 'redis', 'redis-streams'];
/** Does `kind` need a Redis server? */
export function usesRedis(kind) {
    switch (kind) {
        case 'memory':
        case 'cluster':
            return false;
        case 'redis':
        case 'redis-streams':
            return true;
        default:
            throw new RangeError(`unknown adapter ${JSON.stringify(kind)}`);
    }
}
/**
 * Every problem of a scale-out setting, each naming the serve flag it comes from. A `memory` adapter cannot
 * carry broadcasts between workers, and a `cluster` adapter needs node:cluster workers, so both are refused
 * where they would silently lose messages.
 */
export function scaleOutProblems(options) {
    const problems = [];
    if (!Number.isSafeInteger(options.workers) || options.workers < 1)
        problems.push(`--workers must be a positive integer (got ${options.workers})`);
    if (options.adapter === 'memory' && options.workers > 1) {
        problems.push('--adapter memory cannot carry broadcasts between --workers processes: use cluster, redis or redis-streams');
    }
    if (options.adapter === 'cluster' && options.workers < 2)
        problems.push('--adapter cluster needs --workers 2 or more');
    if (usesRedis(options.adapter) && options.redisUrl === undefined)
        problems.push(`--adapter ${options.adapter} needs --redis-url redis://HOST:PORT`);
    if (!usesRedis(options.adapter) && options.redisUrl !== undefined)
        problems.push(`--redis-url is only used by --adapter redis or redis-streams (got --adapter ${options.adapter})`);
    if (options.redisUrl !== undefined && !isRedisUrl(options.redisUrl)) {
        problems.push(`--redis-url must be a redis:// or rediss:// URL (got ${JSON.stringify(options.redisUrl)})`);
    }
    return problems;
}
function isRedisUrl(text) {
    if (!URL.canParse(text))
        return false;
    const { protocol, hostname } = new URL(text);
    return (protocol === 'redis:' || protocol === 'rediss:') && hostname.length > 0;
}
/** The scale-out part of serve's `config` line, e.g. ` workers=2 adapter=cluster` (empty for one in-memory process). */
export function describeScaleOut(options) {
    if (options.workers === 1 && options.adapter === 'memory')
        return '';
    // The URL may carry a password: print only where Redis is.
    const redis = options.redisUrl === undefined ? '' : ` redis=${new URL(options.redisUrl).host}`;
    return ` workers=${options.workers} adapter=${options.adapter}${redis}`;
}
//# sourceMappingURL=adapter-kind.js.map