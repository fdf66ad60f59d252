import { LIMIT_OPTION_KEYS, validateLimitOptions } from './limits/limit-options.js';
import { faultOptionsProblems } from './faults/fault-options.js';
import { describeValue } from './describe-value.js';
/** Every transport mode, in the order `--help` lists them. */
export const transportModes = ['polling-upgrade', 'polling', 'websocket'];
/** Every parser kind. */
export const parserKinds = ['default', 'msgpack'];
/** Every app name. */
export const appNames = ['bench', 'seed-chat', 'none'];
/** Compression defaults: socket.io's own (no per-message deflate, HTTP compression on, 1024-byte threshold). */
export const defaultCompressionOptions = {
    perMessageDeflate: false,
    httpCompression: true,
    thresholdBytes: 1024,
};
/** CORS defaults when CORS is asked for without details: any origin, no credentials, GET and POST. */
export const defaultCorsOptions = { origin: '*', credentials: false, methods: ['GET', 'POST'] };
/** Fault injection defaults: everything off. */
export const defaultFaultOptions = {
    replyDelayFraction: 0,
    replyDelayMs: 0,
    stallEveryMs: 0,
    stallForMs: 0,
    dropBroadcastFraction: 0,
    disconnectFraction: 0,
    disconnectAtMs: 0,
    disconnectEveryMs: 0,
    clientDrainMs: 0,
    seed: 1,
};
/** The API's defaults (`sio-bench serve` overrides port and app). Timings are socket.io's own defaults. */
export const defaultServerOptions = {
    host: '127.0.0.1',
    port: 0,
    path: '/socket.io/',
    transports: 'polling-upgrade',
    parser: 'default',
    compression: defaultCompressionOptions,
    cors: undefined,
    pingIntervalMs: 25_000,
    pingTimeoutMs: 20_000,
    connectTimeoutMs: 45_000,
    maxHttpBufferSizeBytes: 1_000_000,
    listenBacklog: 4096,
    app: 'none',
    faults: defaultFaultOptions,
};
/** Thrown by `resolveServerOptions` with every problem found; `issues` lists them one by one. */
export class ServerOptionsError extends TypeError {
    issues;
    constructor(issues) {
        super(issues.join('; '));
        this.issues = issues;
        this.name = 'ServerOptionsError';
    }
}
// The limits are optional (their defaults apply where they are used), so they are not among the defaults' keys.
const topLevelKeys = new Set([...Object.keys(defaultServerOptions), ...LIMIT_OPTION_KEYS]);
/** Fills in defaults and validates; throws ServerOptionsError naming every bad option path. */
export function resolveServerOptions(input = {}) {
    const issues = [];
    for (const key of Object.keys(input)) {
        if (!topLevelKeys.has(key))
            issues.push(`options.${key} is not a known option`);
    }
    const resolved = {
        ...defaultServerOptions,
        ...stripUndefined(input),
        compression: { ...defaultCompressionOptions, ...stripUndefined(input.compression ?? {}) },
        cors: input.cors === undefined ? undefined : { ...defaultCorsOptions, ...stripUndefined(input.cors) },
        faults: { ...defaultFaultOptions, ...stripUndefined(input.faults ?? {}) },
    };
    issues.push(...validateServerOptions(resolved));
    if (issues.length > 0)
        throw new ServerOptionsError(issues);
    return resolved;
}
/** Every problem of a complete options object, each as `options.<path> <what is wrong>`. Empty when valid. */
export function validateServerOptions(options) {
    const issues = [];
    const check = (ok, path, rule, value) => {
        if (!ok)
            issues.push(`options.${path} ${rule} (got ${describeValue(value)})`);
    };
    check(typeof options.host === 'string' && options.host.length > 0, 'host', 'must be a non-empty string', options.host);
    check(isIntegerIn(options.port, 0, 65_535), 'port', 'must be an integer from 0 to 65535', options.port);
    check(typeof options.path === 'string' && options.path.startsWith('/'), 'path', "must be a string starting with '/'", options.path);
    check(transportModes.includes(options.transports), 'transports', `must be one of ${transportModes.join(', ')}`, options.transports);
    check(parserKinds.includes(options.parser), 'parser', `must be one of ${parserKinds.join(', ')}`, options.parser);
    check(appNames.includes(options.app), 'app', `must be one of ${appNames.join(', ')}`, options.app);
    for (const key of ['pingIntervalMs', 'pingTimeoutMs', 'connectTimeoutMs', 'maxHttpBufferSizeBytes', 'listenBacklog']) {
        check(isIntegerIn(options[key], 1, Number.MAX_SAFE_INTEGER), key, 'must be a positive integer', options[key]);
    }
    issues.push(...validateCompression(options.compression));
    if (options.cors !== undefined)
        issues.push(...validateCors(options.cors));
    issues.push(...faultOptionsProblems(options.faults, 'options.faults'));
    issues.push(...validateLimitOptions(options));
    return issues;
}
function validateCompression(compression) {
    const issues = [];
    for (const key of ['perMessageDeflate', 'httpCompression']) {
        if (typeof compression[key] !== 'boolean') {
            issues.push(`options.compression.${key} must be a boolean (got ${describeValue(compression[key])})`);
        }
    }
    if (!isIntegerIn(compression.thresholdBytes, 0, Number.MAX_SAFE_INTEGER)) {
        issues.push(`options.compression.thresholdBytes must be a non-negative integer (got ${describeValue(compression.thresholdBytes)})`);
    }
    return issues;
}
function validateCors(cors) {
    const issues = [];
    const originOk = cors.origin === '*' ||
        (Array.isArray(cors.origin) && cors.origin.length > 0 && cors.origin.every((o) => typeof o === 'string' && o.length > 0));
    if (!originOk)
        issues.push(`options.cors.origin must be '*' or a non-empty list of origins (got ${describeValue(cors.origin)})`);
    if (typeof cors.credentials !== 'boolean') {
        issues.push(`options.cors.credentials must be a boolean (got ${describeValue(cors.credentials)})`);
    }
    else if (cors.credentials && cors.origin === '*') {
        // Browsers refuse credentialed responses with a wildcard origin; reflecting any origin instead would be unsafe.
        issues.push("options.cors.credentials cannot be true with a wildcard origin '*': list the allowed origins");
    }
    const methodsOk = Array.isArray(cors.methods) && cors.methods.length > 0 && cors.methods.every((m) => /^[A-Z]+$/.test(m));
    if (!methodsOk)
        issues.push(`options.cors.methods must be a non-empty list of upper-case HTTP methods (got ${describeValue(cors.methods)})`);
    return issues;
}
function isIntegerIn(value, min, max) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}
/** Drops keys whose value is undefined so that they do not overwrite defaults when spread. */
function stripUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=server-options.js.map