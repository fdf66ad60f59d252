/**
 * The actions a virtual client performs: a discriminated union on `kind`. Bench-protocol actions (join, leave,
 * broadcast, direct, echo) need a server that speaks the bench protocol; custom and listen work with any
 * Socket.IO server; churn disconnects and reconnects clients.
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
/** Pause between a churn disconnect and the reconnect, when none is given, ms. */
export const DEFAULT_RECONNECT_DELAY_MS = 1_000;

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
  /** Absent: sent once per client, right after it connects (like join). */
  rate?: Rate;
  /** Ack or reply timeout, ms. Default 5000. */
  timeoutMs: number;
  /** Most requests outstanding per client when `ack` is set (absent: no limit); see EchoAction.maxInFlight. */
  maxInFlight?: number;
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

/** One action of a scenario. */
export type Action = JoinAction | LeaveAction | BroadcastAction | DirectAction | EchoAction | CustomAction | ListenAction | ChurnAction;

/** Every action kind. */
export type ActionKind = Action['kind'];

/** An action in YAML; `name` defaults to the kind. */
export const actionSchema = z
  .discriminatedUnion('kind', [joinInput, leaveInput, broadcastInput, directInput, echoInput, customInput, listenInput, churnInput])
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
          ...(input.rate !== undefined ? { rate: input.rate } : {}),
          timeoutMs: input.timeout ?? DEFAULT_ACK_TIMEOUT_MS,
          ...(input.maxInFlight !== undefined ? { maxInFlight: input.maxInFlight } : {}),
        };
      case 'listen':
        return { kind: 'listen', name, event: input.event, ...(input.timestampField !== undefined ? { timestampField: input.timestampField } : {}) };
      case 'churn':
        return { kind: 'churn', name, rate: input.rate, reconnectDelayMs: input.reconnectDelay };
    }
  });
