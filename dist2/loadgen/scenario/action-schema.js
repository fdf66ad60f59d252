/**
 * The actions a virtual client performs: a discriminated union on `kind`. Bench-protocol actions (join, leave,
 * broadcast, direct, echo) need a server that speaks the bench protocol; custom and listen work with any
 * Socket.IO server; churn disconnects and reconnects clients.
 */
import { z } from 'zod';
import { formatDurationMs } from '../units.js';
import { DEFAULT_PAYLOAD, durationMsSchema, nameSchema, payloadSchema, positiveDurationMsSchema, rateSchema, } from './fields.js';
/** Ack timeout of every action that waits for an answer, when none is given, ms. */
export const DEFAULT_ACK_TIMEOUT_MS = 5_000;
/** HTTP connections of an http action, when none is given. */
export const DEFAULT_HTTP_CONNECTIONS = 10;
/** Request timeout of an http action, when none is given, ms. */
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;
/** Pause between a churn disconnect and the reconnect, when none is given, ms. */
export const DEFAULT_RECONNECT_DELAY_MS = 1_000;
/**
 * Who a server delivers a custom action's message to: the members of the room it was sent to (`room`: the sender
 * excepted, as `socket.to(room).emit`; `room-and-sender`: as `io.to(room).emit`), the sender alone (`sender`), or
 * every client of the namespace (`everyone`: `io.emit`; `everyone-else`: `socket.broadcast.emit`).
 */
export const DELIVERY_AUDIENCES = ['room', 'room-and-sender', 'sender', 'everyone', 'everyone-else'];
const common = { name: nameSchema.optional() };
const timeout = { timeout: positiveDurationMsSchema.optional() };
/**
 * At most this many requests of the action outstanding per client; a slot that finds them all outstanding waits
 * for the next ack and is then sent, its latency still counted from its intended time (wrk2's model).
 */
const maxInFlight = { maxInFlight: z.number().int().positive().optional() };
const joinInput = z.strictObject({ kind: z.literal('join'), ...common, ...timeout });
const leaveInput = z.strictObject({ kind: z.literal('leave'), ...common, ...timeout });
const broadcastInput = z.strictObject({
    kind: z.literal('broadcast'),
    ...common,
    rate: rateSchema,
    payload: payloadSchema.optional(),
    includeSelf: z.boolean().default(false),
});
const directInput = z.strictObject({ kind: z.literal('direct'), ...common, rate: rateSchema, payload: payloadSchema.optional() });
const echoInput = z.strictObject({ kind: z.literal('echo'), ...common, rate: rateSchema, payload: payloadSchema.optional(), ...timeout, ...maxInFlight });
const customInput = z.strictObject({
    kind: z.literal('custom'),
    ...common,
    event: z.string().min(1),
    args: z.array(z.unknown()).default([]),
    payload: payloadSchema.optional(),
    ack: z.boolean().default(false),
    reply: z.strictObject({ event: z.string().min(1), correlationField: z.string().min(1).optional() }).optional(),
    joins: z.boolean().default(false),
    leaves: z.boolean().default(false),
    delivers: z
        .strictObject({
        event: z.string().min(1),
        to: z.enum(DELIVERY_AUDIENCES),
        idField: z.string().min(1),
    })
        .optional(),
    rate: rateSchema.optional(),
    ...timeout,
    ...maxInFlight,
});
const listenInput = z.strictObject({
    kind: z.literal('listen'),
    ...common,
    event: z.string().min(1),
    timestampField: z.string().min(1).optional(),
});
const churnInput = z.strictObject({
    kind: z.literal('churn'),
    ...common,
    rate: rateSchema,
    reconnectDelay: durationMsSchema.prefault(formatDurationMs(DEFAULT_RECONNECT_DELAY_MS)),
});
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const httpInput = z.strictObject({
    kind: z.literal('http'),
    ...common,
    path: z.string().startsWith('/', { error: 'must start with /' }).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    method: z.enum(HTTP_METHODS).default('GET'),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.string().optional(),
    connections: z.number().int().positive().default(DEFAULT_HTTP_CONNECTIONS),
    rate: z.number().positive().optional().describe('requests per second over all connections (absent: as fast as the connections go)'),
    amount: z.number().int().positive().optional().describe('stop after this many requests in each active stretch of phases'),
    ...timeout,
});
/** The kinds that speak the bench protocol (they need the bench app, or a server that implements its events). */
export const BENCH_ACTION_KINDS = new Set(['join', 'leave', 'broadcast', 'direct', 'echo']);
/** An action in YAML; `name` defaults to the kind. */
export const actionSchema = z
    .discriminatedUnion('kind', [joinInput, leaveInput, broadcastInput, directInput, echoInput, customInput, listenInput, churnInput, httpInput])
    .transform((input) => {
    const name = input.name ?? input.kind;
    switch (input.kind) {
        case 'join':
        case 'leave':
            return { kind: input.kind, name, timeoutMs: input.timeout ?? DEFAULT_ACK_TIMEOUT_MS };
        case 'broadcast':
            return { kind: 'broadcast', name, rate: input.rate, payload: input.payload ?? { ...DEFAULT_PAYLOAD }, includeSelf: input.includeSelf };
        case 'direct':
            return { kind: 'direct', name, rate: input.rate, payload: input.payload ?? { ...DEFAULT_PAYLOAD } };
        case 'echo':
            return {
                kind: 'echo',
                name,
                rate: input.rate,
                payload: input.payload ?? { ...DEFAULT_PAYLOAD },
                timeoutMs: input.timeout ?? DEFAULT_ACK_TIMEOUT_MS,
                ...(input.maxInFlight !== undefined ? { maxInFlight: input.maxInFlight } : {}),
            };
        case 'custom':
            return {
                kind: 'custom',
                name,
                event: input.event,
                args: input.args,
                ...(input.payload !== undefined ? { payload: input.payload } : {}),
                ack: input.ack,
                ...(input.reply !== undefined ? { reply: input.reply } : {}),
                joins: input.joins,
                leaves: input.leaves,
                ...(input.delivers !== undefined ? { delivers: input.delivers } : {}),
                ...(input.rate !== undefined ? { rate: input.rate } : {}),
                timeoutMs: input.timeout ?? DEFAULT_ACK_TIMEOUT_MS,
                ...(input.maxInFlight !== undefined ? { maxInFlight: input.maxInFlight } : {}),
            };
        case 'listen':
            return { kind: 'listen', name, event: input.event, ...(input.timestampField !== undefined ? { timestampField: input.timestampField } : {}) };
        case 'churn':
            return { kind: 'churn', name, rate: input.rate, reconnectDelayMs: input.reconnectDelay };
        case 'http':
            // The YAML says `rate` (a plain number); the action says ratePerSec, so that nothing takes it for a per-client rate.
            return {
                kind: 'http',
                name,
                ...(input.path !== undefined ? { path: input.path } : {}),
                ...(input.url !== undefined ? { url: input.url } : {}),
                method: input.method,
                ...(input.headers !== undefined ? { headers: input.headers } : {}),
                ...(input.body !== undefined ? { body: input.body } : {}),
                connections: input.connections,
                ...(input.rate !== undefined ? { ratePerSec: input.rate } : {}),
                ...(input.amount !== undefined ? { amount: input.amount } : {}),
                timeoutMs: input.timeout ?? DEFAULT_HTTP_TIMEOUT_MS,
            };
    }
});
//# sourceMappingURL=action-schema.js.map