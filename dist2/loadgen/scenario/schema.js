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
import { targetSchema } from './target-schema.js';
import { capacitySchema } from '../capacity/capacity-schema.js';
import { formatDurationMs } from '../units.js';
/** Grace after the last phase for in-flight messages, when none is given, ms. */
export const DEFAULT_DRAIN_MS = 2_000;
/** Every phase kind. */
export const PHASE_KINDS = ['ramp-up', 'hold', 'spike', 'ramp-down'];
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
function normalizePopulation(population) {
    const { distribution, sourceAddresses, roomsPerClient, ...rest } = population;
    return {
        ...rest,
        roomsPerClient: roomsPerClient ?? (population.rooms > 0 ? 1 : 0),
        distribution: distribution === 'uniform' ? { kind: 'uniform' } : { kind: 'zipf', exponent: distribution.zipf },
        ...(sourceAddresses !== undefined ? { sourceAddresses } : {}),
    };
}
function normalizePhase(phase) {
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
function normalizeScenario(input) {
    const draft = input;
    // The server's parser defaults to the clients'; a conflicting explicit one is reported by the cross-checks.
    const target = input.target.kind === 'builtin'
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
export function totalPhasesMs(scenario) {
    return scenario.phases.reduce((sum, phase) => sum + phase.durationMs, 0);
}
/** Most clients connected at once by the schedule: the population plus the largest spike. */
export function peakClients(scenario) {
    const largestSpike = Math.max(0, ...scenario.phases.map((phase) => phase.extraClients ?? 0));
    return scenario.population.clients + largestSpike;
}
//# sourceMappingURL=schema.js.map