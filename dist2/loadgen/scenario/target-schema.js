/**
 * The scenario's target: the built-in reference server (started by the run in a child process) with its
 * options, or the URL of any Socket.IO v4/v5 server.
 */
import { z } from 'zod';
import { adapterKinds } from '../../server/adapters/adapter-kind.js';
import { durationMsSchema, positiveDurationMsSchema } from './fields.js';
const httpUrlSchema = z.string().refine((text) => {
    if (!URL.canParse(text))
        return false;
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
}, { error: 'expected an http:// or https:// URL' });
const faultsSchema = z
    .strictObject({
    replyDelayFraction: z.number().min(0).max(1).default(0),
    replyDelay: z
        .union([durationMsSchema, z.strictObject({ min: durationMsSchema, max: durationMsSchema })], {
        error: 'expected a duration, or {min: D, max: D}',
    })
        .default(0),
    stallEvery: durationMsSchema.default(0),
    stallFor: durationMsSchema.default(0),
    dropBroadcastFraction: z.number().min(0).max(1).default(0),
    /** The server disconnects this fraction of its connected clients (once at disconnectAt, then every disconnectEvery). */
    disconnectFraction: z.number().min(0).max(1).default(0),
    disconnectAt: durationMsSchema.default(0),
    disconnectEvery: durationMsSchema.default(0),
    seed: z.number().int().default(1),
})
    .refine((faults) => faults.disconnectFraction > 0 || (faults.disconnectAt === 0 && faults.disconnectEvery === 0), {
    error: 'disconnectAt and disconnectEvery need disconnectFraction above 0',
    path: ['disconnectFraction'],
})
    .refine((faults) => typeof faults.replyDelay === 'number' || faults.replyDelay.min <= faults.replyDelay.max, {
    error: 'replyDelay.min must not exceed replyDelay.max',
    path: ['replyDelay'],
})
    .refine((faults) => (faults.stallEvery === 0) === (faults.stallFor === 0), {
    error: 'stallEvery and stallFor go together: set both, or neither',
    path: ['stallFor'],
})
    .transform((faults) => ({
    replyDelayFraction: faults.replyDelayFraction,
    replyDelayMs: typeof faults.replyDelay === 'number' ? faults.replyDelay : { minMs: faults.replyDelay.min, maxMs: faults.replyDelay.max },
    stallEveryMs: faults.stallEvery,
    stallForMs: faults.stallFor,
    dropBroadcastFraction: faults.dropBroadcastFraction,
    ...(faults.disconnectFraction > 0
        ? { disconnectFraction: faults.disconnectFraction, disconnectAtMs: faults.disconnectAt, disconnectEveryMs: faults.disconnectEvery }
        : {}),
    seed: faults.seed,
}));
/** The `builtin:` map; `parser` stays optional here because its default is the scenario's top-level parser. */
const builtinServerSchema = z.strictObject({
    app: z.enum(['bench', 'seed-chat', 'none']).default('bench'),
    transports: z.enum(['polling-upgrade', 'polling', 'websocket']).default('polling-upgrade'),
    parser: z.enum(['default', 'msgpack']).optional(),
    perMessageDeflate: z.boolean().default(false),
    httpCompression: z.boolean().default(true),
    pingInterval: positiveDurationMsSchema.optional(),
    pingTimeout: positiveDurationMsSchema.optional(),
    faults: faultsSchema.optional(),
    workers: z.number().int().min(1).max(256).optional(),
    adapter: z.enum(adapterKinds).optional(),
    redisUrl: z.string().regex(/^rediss?:\/\/[^/\s]+/, { error: 'expected a redis:// or rediss:// URL' }).optional(),
}).refine((server) => (server.adapter === 'redis' || server.adapter === 'redis-streams') === (server.redisUrl !== undefined), {
    error: 'redisUrl goes with adapter redis or redis-streams: set both, or neither',
    path: ['redisUrl'],
});
function builtinDraft(server) {
    const { pingInterval, pingTimeout, ...rest } = server;
    return {
        kind: 'builtin',
        server: {
            ...rest,
            ...(pingInterval !== undefined ? { pingIntervalMs: pingInterval } : {}),
            ...(pingTimeout !== undefined ? { pingTimeoutMs: pingTimeout } : {}),
        },
    };
}
/**
 * `builtin` (default), a URL string, `{builtin: {app, transports, parser, ...}}` or `{url, metricsUrl}`.
 * The output is a draft: the scenario schema fills the built-in server's parser from the scenario's.
 */
export const targetSchema = z
    .union([
    z.literal('builtin'),
    httpUrlSchema,
    z.strictObject({ builtin: builtinServerSchema }),
    z.strictObject({ url: httpUrlSchema, metricsUrl: httpUrlSchema.optional() }),
], { error: "expected 'builtin', an http(s) URL, {builtin: {...server options}} or {url: URL, metricsUrl: URL}" })
    .transform((target) => {
    if (target === 'builtin')
        return builtinDraft(builtinServerSchema.parse({}));
    if (typeof target === 'string')
        return { kind: 'url', url: target };
    if ('builtin' in target)
        return builtinDraft(target.builtin);
    return { kind: 'url', url: target.url, ...(target.metricsUrl !== undefined ? { metricsUrl: target.metricsUrl } : {}) };
});
//# sourceMappingURL=target-schema.js.map