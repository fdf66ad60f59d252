/**
 * The actions a virtual client performs: a discriminated union on `kind`. Bench-protocol actions (join, leave,
 * broadcast, direct, echo) need a server that speaks the bench protocol; custom and listen work with any
 * Socket.IO server; churn disconnects and reconnects clients.
 * One file, though over 300 lines: the union is one type, and each member's schema reads beside the others'.
 */
import { z } from 'zod';
import { formatDurationMs } from '../units.js';
import {
  DEFAULT_PAYLOAD,
  durationMsSchema,
  nameSchema,
  payloadSchema,
  positiveDurationMsSchema,
  rateSchema,
  type Payload,
  type Rate,
} from './fields.js';

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
 * excepted, as `socket.to(room).emit`; `room-and-sender`: as `io.to(room).emit`), the sender alone (`sender`), the
 * one peer whose sid the args carry (`peer`: `{{peerSid}}`, as `socket.to(sid).emit`), or every client of the
 * namespace (`everyone`: `io.emit`; `everyone-else`: `socket.broadcast.emit`).
 */
export const DELIVERY_AUDIENCES = ['room', 'room-and-sender', 'sender', 'peer', 'everyone', 'everyone-else'] as const;
export type DeliveryAudience = (typeof DELIVERY_AUDIENCES)[number];

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

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
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

/** Joins each of the client's rooms once, right after it connects (join ack latency). */
export interface JoinAction {
  kind: 'join';
  /** Default: the kind. Unique within the scenario. */
  name: string;
  /** Ack timeout, ms. Default 5000. */
  timeoutMs: number;
}

/** Leaves the client's rooms (leave ack latency) at the start of each ramp-down phase; phase lists do not move it. */
export interface LeaveAction {
  kind: 'leave';
  name: string;
  /** Ack timeout, ms. Default 5000. */
  timeoutMs: number;
}

/** Broadcasts to one of the client's rooms (fan-out latency at every member, completion, loss, duplicates). */
export interface BroadcastAction {
  kind: 'broadcast';
  name: string;
  rate: Rate;
  payload: Payload;
  /** Whether the sender receives its own broadcast. Default false. */
  includeSelf: boolean;
}

/** Sends to a random other client, chosen deterministically from the population seed. */
export interface DirectAction {
  kind: 'direct';
  name: string;
  rate: Rate;
  payload: Payload;
}

/** Emits `echo` with an ack (round trip). */
export interface EchoAction {
  kind: 'echo';
  name: string;
  rate: Rate;
  payload: Payload;
  /** Ack timeout, ms. Default 5000. */
  timeoutMs: number;
  /**
   * Most echoes outstanding per client (absent: no limit). A slot that finds the limit reached waits for the next
   * ack; its latency still counts from its intended time, so a stalled server shows in the corrected figures.
   */
  maxInFlight?: number;
}

/**
 * Emits any event, for servers that do not speak the bench protocol. `args` may hold placeholders (see
 * custom-args.ts): `{{sid}}`, `{{id}}`, `{{nowMs}}`.
 */
export interface CustomAction {
  kind: 'custom';
  name: string;
  event: string;
  /** The event's arguments; a generated `payload` is appended as the last argument when given. Default []. */
  args: unknown[];
  payload?: Payload;
  /** Ask for an ack and measure its latency (metric customAck). Default false. */
  ack: boolean;
  /**
   * Measure the latency until this client receives `reply.event` (metric customReply). With `correlationField`
   * (a dotted path into the reply's first argument) a reply completes the oldest pending request whose
   * correlation value equals the value found there; without it, every `reply.event` completes the oldest one.
   */
  reply?: { event: string; correlationField?: string };
  /**
   * The action enters the client into the room its args name (`{{room}}`, once per room of the client; or the one
   * fixed room its args name): its membership there starts when the ack or reply confirms it. Default false.
   */
  joins: boolean;
  /** The action takes the client out of that room; it runs at the start of each ramp-down phase. Default false. */
  leaves: boolean;
  /** What the server delivers for each message of this action, and to whom: exact delivery accounting. */
  delivers?: DeclaredDelivery;
  /** Absent: sent once per client, right after it connects (like join). */
  rate?: Rate;
  /** Ack or reply timeout, ms. Default 5000. */
  timeoutMs: number;
  /** Most requests outstanding per client when `ack` is set (absent: no limit); see EchoAction.maxInFlight. */
  maxInFlight?: number;
}

/**
 * A custom action's declared delivery: the server relays each message as `event` to `to`, and the delivered
 * event's first argument carries, at the dotted path `idField`, the `{{messageId}}` the action sent.
 */
export interface DeclaredDelivery {
  event: string;
  to: DeliveryAudience;
  idField: string;
}

/** Listens to a server-pushed event: counts it, and measures push latency when `timestampField` holds epoch ms. */
export interface ListenAction {
  kind: 'listen';
  name: string;
  event: string;
  /** Dotted path into the event's first argument holding the server's send time, epoch ms. */
  timestampField?: string;
}

/** Disconnects clients at `rate` and reconnects each after `reconnectDelayMs` (reconnect latency). */
export interface ChurnAction {
  kind: 'churn';
  name: string;
  rate: Rate;
  /** Default 1000 ms. */
  reconnectDelayMs: number;
}

/**
 * HTTP load with autocannon, run by the load generator itself (not per client) during the phases that list it:
 * by default GET of the Engine.IO handshake (`<path>?EIO=4&transport=polling`), a connection storm over
 * long-polling; or any endpoint of the target (`path`) or anywhere (`url`). Latency goes to the `http` metric,
 * non-2xx responses and request errors to the result's errors.
 */
export interface HttpAction {
  kind: 'http';
  name: string;
  /** Path (and query) on the target. Default: the Engine.IO handshake `<scenario path>?EIO=4&transport=polling`. */
  path?: string;
  /** Full URL instead of the target's (wins over path). */
  url?: string;
  /** Default GET. */
  method: (typeof HTTP_METHODS)[number];
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent HTTP connections (keep-alive). Default 10. */
  connections: number;
  /** Requests per second over all connections; absent: as fast as the connections go (closed loop). */
  ratePerSec?: number;
  /** Requests per active stretch of phases, after which the action rests until the next; absent: no limit. */
  amount?: number;
  /** Request timeout, ms. Default 10,000. */
  timeoutMs: number;
}

/** One action of a scenario. */
export type Action = JoinAction | LeaveAction | BroadcastAction | DirectAction | EchoAction | CustomAction | ListenAction | ChurnAction | HttpAction;

/** Every action kind. */
export type ActionKind = Action['kind'];

/** The kinds that speak the bench protocol (they need the bench app, or a server that implements its events). */
export const BENCH_ACTION_KINDS: ReadonlySet<ActionKind> = new Set<ActionKind>(['join', 'leave', 'broadcast', 'direct', 'echo']);

/** An action in YAML; `name` defaults to the kind. */
export const actionSchema = z
  .discriminatedUnion('kind', [joinInput, leaveInput, broadcastInput, directInput, echoInput, customInput, listenInput, churnInput, httpInput])
  .transform((input): Action => {
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
