/**
 * The one schema of a scenario file: the source of the scenario's TypeScript types, of its validation errors
 * and of the JSON Schema that `sio-bench schema` prints for editors. The input side is the YAML a person
 * writes (durations as '10s', rates as {perClient: 0.5}); the output side, `Scenario`, is what the engine
 * runs: defaults filled in, units in the names (durationMs, perSec), unions tagged with `kind`.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { actionSchema } from './action-schema.js';
import { crossCheckScenario } from './cross-checks.js';
import { durationMsSchema, nameSchema, positiveDurationMsSchema } from './fields.js';
import { targetSchema, type Target } from './target-schema.js';
import { capacitySchema } from '../capacity/capacity-schema.js';
import { formatDurationMs } from '../units.js';

export type { Action, ActionKind } from './action-schema.js';
export type { Payload, Rate } from './fields.js';
export type { BuiltinServerOptions, Target } from './target-schema.js';

/** Grace after the last phase for in-flight messages, when none is given, ms. */
export const DEFAULT_DRAIN_MS = 2_000;

/** How room memberships spread over the rooms. */
export type RoomDistribution =
  | { kind: 'uniform' }
  /** Room k (1-based) is chosen with weight 1 / k^exponent: a few large rooms and a long tail of small ones. */
  | { kind: 'zipf'; exponent: number };

/** Who connects and which rooms they are in. */
export interface Population {
  /** Clients connected during the hold, before spikes. */
  clients: number;
  /** Number of rooms; 0 = no rooms. Default 0. */
  rooms: number;
  /** Distinct rooms each client joins (<= rooms). Default 1 when there are rooms, else 0. */
  roomsPerClient: number;
  /** Default uniform. */
  distribution: RoomDistribution;
  /** Local addresses to connect from; absent: the engine picks (127.0.0.x spread on a loopback target). */
  sourceAddresses?: string[];
  /** Seed of every pseudo-random choice (memberships, direct recipients, send jitter). Default 1. */
  seed: number;
}

/** Every phase kind. */
export const PHASE_KINDS = ['ramp-up', 'hold', 'spike', 'ramp-down'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** One phase of the schedule; phases run one after the other. */
export interface Phase {
  /** Default: the kind. Unique within the scenario. */
  name: string;
  /** ramp-up: connect the population; hold: keep it; spike: connect extraClients more, then let them go; ramp-down: disconnect. */
  kind: PhaseKind;
  durationMs: number;
  /** Clients connected per second (ramp-up, spike). Absent: spread evenly over the phase's duration. */
  connectRatePerSec?: number;
  /** Clients connected on top of the population during a spike. */
  extraClients?: number;
  /**
   * Names of the rate-driven actions active in this phase. Absent: every action. Join (after connecting), leave
   * (at the start of each ramp-down phase) and custom actions without a rate run once, whatever the lists say.
   */
  actions?: string[];
}

const populationSchema = z.strictObject({
  clients: z.number().int().positive(),
  rooms: z.number().int().nonnegative().default(0),
  roomsPerClient: z.number().int().nonnegative().optional(),
  distribution: z
    .union([z.literal('uniform'), z.strictObject({ zipf: z.number().positive() })], {
      error: 'expected uniform or {zipf: EXPONENT} (exponent > 0)',
    })
    .default('uniform'),
  sourceAddresses: z.array(z.string().refine((text) => isIP(text) !== 0, { error: 'expected an IP address' })).min(1).optional(),
  seed: z.number().int().default(1),
});

const phaseSchema = z.strictObject({
  name: nameSchema.optional(),
  kind: z.enum(PHASE_KINDS),
  duration: positiveDurationMsSchema,
  connectRate: z.number().positive().optional(),
  extraClients: z.number().int().positive().optional(),
  actions: z.array(z.string()).optional(),
});

/** The scenario as written (input side), before normalisation. */
export const scenarioInputSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'a name uses letters, digits, ., - and _ (it names the results folder)' })
    .describe('Name of the scenario; results go to results/<name>-<timestamp>/'),
  description: z.string().optional().describe('One line on what the scenario shows'),
  target: targetSchema
    .prefault('builtin')
    .describe("'builtin' (the reference server, started by the run), an http(s) URL, {builtin: {...}} or {url, metricsUrl}"),
  client: z.enum(['lean', 'official']).default('lean').describe('lean: the built-in wire client (scale); official: socket.io-client (fidelity)'),
  transport: z.enum(['websocket', 'polling', 'polling-upgrade']).default('websocket').describe('How clients reach the server'),
  parser: z.enum(['default', 'msgpack']).default('default').describe('Socket.IO parser of the clients (and of the builtin server)'),
  namespace: z.string().startsWith('/', { error: "a namespace starts with '/'" }).default('/'),
  path: z.string().startsWith('/', { error: "a path starts with '/'" }).default('/socket.io/').describe('Engine.IO path'),
  auth: z.record(z.string(), z.unknown()).optional().describe('Sent in the namespace CONNECT packet'),
  headers: z.record(z.string(), z.string()).default({}).describe('Extra HTTP headers on the handshake'),
  population: populationSchema.describe('Who connects, and which rooms they are in'),
  phases: z.array(phaseSchema).min(1).describe('The schedule: ramp-up, hold, spike and ramp-down phases, one after the other'),
  actions: z.array(actionSchema).default([]).describe('What each client does, and how often'),
  thresholds: z
    .array(z.string())
    .default([])
    .describe('Pass/fail conditions, e.g. "broadcast.latency p(99) < 50ms", "errors.rate < 0.1%", "delivery.lost == 0"'),
  reconnect: z
    .strictObject({
      delay: durationMsSchema.prefault('1s'),
      maxAttempts: z.number().int().positive().default(5),
    })
    .optional()
    .describe('Reconnect a client after a disconnect it did not ask for (server gone, transport error): {delay: 1s, maxAttempts: 5}'),
  maxDuration: positiveDurationMsSchema.optional().describe('Cap on the phases: the run stops after this even if the phases last longer'),
  drain: durationMsSchema.prefault(formatDurationMs(DEFAULT_DRAIN_MS)).describe('Grace after the last phase for in-flight messages'),
  capacity: capacitySchema.optional().describe('How `sio-bench capacity` steps the load up: {dimension, start, step, max, holdPerStep, warmup}'),
});

type ScenarioInputOutput = z.output<typeof scenarioInputSchema>;

function normalizePopulation(population: ScenarioInputOutput['population']): Population {
  const { distribution, sourceAddresses, roomsPerClient, ...rest } = population;
  return {
    ...rest,
    roomsPerClient: roomsPerClient ?? (population.rooms > 0 ? 1 : 0),
    distribution: distribution === 'uniform' ? { kind: 'uniform' } : { kind: 'zipf', exponent: distribution.zipf },
    ...(sourceAddresses !== undefined ? { sourceAddresses } : {}),
  };
}

function normalizePhase(phase: ScenarioInputOutput['phases'][number]): Phase {
  return {
    name: phase.name ?? phase.kind,
    kind: phase.kind,
    durationMs: phase.duration,
    ...(phase.connectRate !== undefined ? { connectRatePerSec: phase.connectRate } : {}),
    ...(phase.extraClients !== undefined ? { extraClients: phase.extraClients } : {}),
    ...(phase.actions !== undefined ? { actions: phase.actions } : {}),
  };
}

/** Fills scenario-wide defaults that depend on other fields (the server's parser, maxDuration). */
function normalizeScenario(input: ScenarioInputOutput) {
  const draft = input;
  // The server's parser defaults to the clients'; a conflicting explicit one is reported by the cross-checks.
  const target: Target =
    input.target.kind === 'builtin'
      ? { kind: 'builtin', server: { ...input.target.server, parser: input.target.server.parser ?? input.parser } }
      : input.target;
  const phases = input.phases.map(normalizePhase);
  const phasesMs = phases.reduce((sum, phase) => sum + phase.durationMs, 0);
  return {
    name: draft.name,
    ...(draft.description !== undefined ? { description: draft.description } : {}),
    target,
    client: draft.client,
    transport: draft.transport,
    parser: draft.parser,
    namespace: draft.namespace,
    path: draft.path,
    ...(draft.auth !== undefined ? { auth: draft.auth } : {}),
    headers: draft.headers,
    population: normalizePopulation(draft.population),
    phases,
    actions: draft.actions,
    thresholds: draft.thresholds,
    /** Automatic reconnect after a server-initiated or transport disconnect; absent: a lost client stays down. */
    ...(draft.reconnect !== undefined ? { reconnect: { delayMs: draft.reconnect.delay, maxAttempts: draft.reconnect.maxAttempts } } : {}),
    /** Cap on the phases' time (drain comes after it), ms. Default: the phases' total duration. */
    maxDurationMs: draft.maxDuration ?? phasesMs,
    /** Grace after the last phase for in-flight messages, ms. Default 2000. */
    drainMs: draft.drain,
    /** The capacity plan (`sio-bench capacity`), when the scenario has one. */
    ...(draft.capacity !== undefined ? { capacity: draft.capacity } : {}),
  };
}

/** The schema without cross-field checks; its output type is the scenario's. */
const normalizedScenarioSchema = scenarioInputSchema.transform(normalizeScenario);

/** A scenario as the engine runs it: every default filled in, every duration in ms. */
export type Scenario = z.output<typeof normalizedScenarioSchema>;

/** The scenario schema: the input side is the YAML form, the output side is `Scenario`, checked across fields. */
export const scenarioSchema = normalizedScenarioSchema.superRefine((scenario, ctx) => {
  for (const problem of crossCheckScenario(scenario)) {
    ctx.addIssue({
      code: 'custom',
      path: problem.path,
      message: problem.message,
      ...(problem.column !== undefined ? { params: { column: problem.column } } : {}),
    });
  }
});

/** The sum of the phases' durations, ms (the run's planned length before drain and cap). */
export function totalPhasesMs(scenario: Pick<Scenario, 'phases'>): number {
  return scenario.phases.reduce((sum, phase) => sum + phase.durationMs, 0);
}

/** Most clients connected at once by the schedule: the population plus the largest spike. */
export function peakClients(scenario: Pick<Scenario, 'population' | 'phases'>): number {
  const largestSpike = Math.max(0, ...scenario.phases.map((phase) => phase.extraClients ?? 0));
  return scenario.population.clients + largestSpike;
}
