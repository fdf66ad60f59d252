/**
 * The scenario's target: the built-in reference server (started by the run in a child process) with its
 * options, or the URL of any Socket.IO v4/v5 server.
 */
import { z } from 'zod';
import type { AppName, FaultOptions, ParserKind, TransportMode } from '../../server/types.js';
import { adapterKinds, type AdapterKind } from '../../server/adapters/adapter-kind.js';
import { durationMsSchema, positiveDurationMsSchema } from './fields.js';

/** The reference server's options that a scenario may set; they mirror ReferenceServerOptions. */
export interface BuiltinServerOptions {
  /** The app served. Default 'bench' (the bench protocol). */
  app: AppName;
  /** Transports the server accepts. Default 'polling-upgrade' (both, as socket.io), so every client transport works. */
  transports: TransportMode;
  /** Default: the scenario's `parser` (client and server must agree). */
  parser: ParserKind;
  /** Default false (socket.io's default). */
  perMessageDeflate: boolean;
  /** Default true (socket.io's default). */
  httpCompression: boolean;
  /** Engine.IO heartbeat interval, ms. Default: the server's (25000). */
  pingIntervalMs?: number;
  /** Engine.IO heartbeat timeout, ms. Default: the server's (20000). */
  pingTimeoutMs?: number;
  /** Server-side fault injection; absent = off. */
  faults?: FaultOptions;
  /** Server processes behind one port (node:cluster, `serve --workers`). Default 1. */
  workers?: number;
  /** Adapter between server processes. Default: 'cluster' when workers > 1, else 'memory'. */
  adapter?: AdapterKind;
  /** Redis URL for the redis adapters (`redis://HOST:PORT`). */
  redisUrl?: string;
}

/** What the run measures. */
export type Target =
  | { kind: 'builtin'; server: BuiltinServerOptions }
  | {
      kind: 'url';
      /** Base URL of the server, e.g. http://127.0.0.1:3000 */
      url: string;
      /** Where the server's JSON metrics are, when it serves them (the engine may also try `<url>/metrics.json`). */
      metricsUrl?: string;
      /**
       * Prometheus endpoints to scrape for the server figures instead of /metrics.json: one per server process
       * (summed into the total) and optionally a node_exporter for the host's CPU (`--server-metrics`).
       */
      serverMetrics?: string[];
    };

const httpUrlSchema = z.string().refine(
  (text) => {
    if (!URL.canParse(text)) return false;
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  },
  { error: 'expected an http:// or https:// URL' },
);

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
  .transform(
    (faults): FaultOptions => ({
      replyDelayFraction: faults.replyDelayFraction,
      replyDelayMs:
        typeof faults.replyDelay === 'number' ? faults.replyDelay : { minMs: faults.replyDelay.min, maxMs: faults.replyDelay.max },
      stallEveryMs: faults.stallEvery,
      stallForMs: faults.stallFor,
      dropBroadcastFraction: faults.dropBroadcastFraction,
      ...(faults.disconnectFraction > 0
        ? { disconnectFraction: faults.disconnectFraction, disconnectAtMs: faults.disconnectAt, disconnectEveryMs: faults.disconnectEvery }
        : {}),
      seed: faults.seed,
    }),
  );

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
  adapter: z.enum(adapterKinds as [AdapterKind, ...AdapterKind[]]).optional(),
  redisUrl: z.string().regex(/^rediss?:\/\/[^/\s]+/, { error: 'expected a redis:// or rediss:// URL' }).optional(),
}).refine((server) => (server.adapter === 'redis' || server.adapter === 'redis-streams') === (server.redisUrl !== undefined), {
  error: 'redisUrl goes with adapter redis or redis-streams: set both, or neither',
  path: ['redisUrl'],
});

/** A target before the scenario-wide defaults (the server's parser) are filled in. */
export type TargetDraft =
  | { kind: 'builtin'; server: Omit<BuiltinServerOptions, 'parser'> & { parser?: ParserKind } }
  | Extract<Target, { kind: 'url' }>;

function builtinDraft(server: z.output<typeof builtinServerSchema>): TargetDraft {
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
  .union(
    [
      z.literal('builtin'),
      httpUrlSchema,
      z.strictObject({ builtin: builtinServerSchema }),
      z.strictObject({
        url: httpUrlSchema,
        metricsUrl: httpUrlSchema.optional(),
        serverMetrics: z.union([httpUrlSchema, z.array(httpUrlSchema).min(1)], { error: 'expected an http(s) URL or a list of them' }).optional(),
      }),
    ],
    { error: "expected 'builtin', an http(s) URL, {builtin: {...server options}} or {url: URL, metricsUrl: URL, serverMetrics: URL or [URL, ...]}" },
  )
  .transform((target): TargetDraft => {
    if (target === 'builtin') return builtinDraft(builtinServerSchema.parse({}));
    if (typeof target === 'string') return { kind: 'url', url: target };
    if ('builtin' in target) return builtinDraft(target.builtin);
    return {
      kind: 'url',
      url: target.url,
      ...(target.metricsUrl !== undefined ? { metricsUrl: target.metricsUrl } : {}),
      ...(target.serverMetrics !== undefined ? { serverMetrics: typeof target.serverMetrics === 'string' ? [target.serverMetrics] : target.serverMetrics } : {}),
    };
  });
