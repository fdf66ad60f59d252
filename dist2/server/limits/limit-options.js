/** Most rooms one client may join with `join` requests (its own rooms not counted). Default 1000. */
export const DEFAULT_MAX_ROOMS_PER_CLIENT = 1_000;
/**
 * New connections (Engine.IO handshakes) accepted per second from one IP address; 0 = no limit. Default 0: a
 * benchmark server is hammered on purpose by a load generator on a handful of addresses, so the limit is opt-in.
 */
export const DEFAULT_CONNECTIONS_PER_SEC_PER_IP = 0;
/** Handshakes one IP address may make at once before the per-second rate applies (the bucket's size). Default 100. */
export const DEFAULT_CONNECTION_BURST_PER_IP = 100;
/** The names of the limit options. */
export const LIMIT_OPTION_KEYS = ['maxRoomsPerClient', 'connectionsPerSecPerIp', 'connectionBurstPerIp', 'authToken'];
/** The limits in force: the given ones, defaults for the rest. */
export function effectiveLimits(options) {
    return {
        maxRoomsPerClient: options.maxRoomsPerClient ?? DEFAULT_MAX_ROOMS_PER_CLIENT,
        connectionsPerSecPerIp: options.connectionsPerSecPerIp ?? DEFAULT_CONNECTIONS_PER_SEC_PER_IP,
        connectionBurstPerIp: options.connectionBurstPerIp ?? DEFAULT_CONNECTION_BURST_PER_IP,
        ...(options.authToken !== undefined ? { authToken: options.authToken } : {}),
    };
}
/** Every problem of the limit options given, each as `options.<name> <rule> (got ...)`. Empty when valid. */
export function validateLimitOptions(options) {
    const issues = [];
    const got = (value) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
    if (options.maxRoomsPerClient !== undefined && !isIntegerAtLeast(options.maxRoomsPerClient, 1)) {
        issues.push(`options.maxRoomsPerClient must be a positive integer (got ${got(options.maxRoomsPerClient)})`);
    }
    const rate = options.connectionsPerSecPerIp;
    if (rate !== undefined && (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0)) {
        issues.push(`options.connectionsPerSecPerIp must be a non-negative number, 0 = no limit (got ${got(rate)})`);
    }
    if (options.connectionBurstPerIp !== undefined && !isIntegerAtLeast(options.connectionBurstPerIp, 1)) {
        issues.push(`options.connectionBurstPerIp must be a positive integer (got ${got(options.connectionBurstPerIp)})`);
    }
    const token = options.authToken;
    if (token !== undefined && (typeof token !== 'string' || token.length === 0)) {
        issues.push(`options.authToken must be a non-empty string or absent (got ${got(token)})`);
    }
    return issues;
}
function isIntegerAtLeast(value, min) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}
//# sourceMappingURL=limit-options.js.map