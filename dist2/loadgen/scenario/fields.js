/**
 * Field schemas shared by the scenario schema: durations, rates, payloads. Each accepts the user-facing YAML
 * form and outputs the engine's form with units in the names (`durationMs`, `perSec`).
 */
import { z } from 'zod';
import { BYTE_SIZE_PATTERN, DURATION_PATTERN, parseByteSize, parseDurationMs } from '../units.js';
/** The input side of a duration: a string with a unit (500ms, 10s, 2m, 1h, 1m30s) or whole milliseconds. */
export const durationInputSchema = z.union([
    z
        .string()
        .regex(DURATION_PATTERN, { error: 'expected a duration such as 500ms, 10s, 2m, 1h or 1m30s' })
        .refine((text) => {
        // Only whole-millisecond durations; text that is no duration at all is reported by the regex above.
        const ms = parseDurationMs(text);
        return ms === undefined || Number.isInteger(ms);
    }, { error: 'durations are whole milliseconds' }),
    z.number().int({ error: 'a number here is whole milliseconds' }).nonnegative(),
], { error: 'expected a duration: a string such as 10s, or whole milliseconds' });
/** A duration in whole milliseconds (>= 0). */
export const durationMsSchema = durationInputSchema.transform((value) => typeof value === 'number' ? value : (parseDurationMs(value) ?? Number.NaN));
/** A duration in whole milliseconds that must be > 0. */
export const positiveDurationMsSchema = durationMsSchema.refine((ms) => ms > 0, { error: 'must be longer than 0ms' });
/** A rate: `{perClient: 0.5}`, `{total: 1000}` (per second) or `{closedLoop: {concurrency: 1, thinkTime: 0ms}}`. */
export const rateSchema = z
    .union([
    z.strictObject({ perClient: z.number().positive() }),
    z.strictObject({ total: z.number().positive() }),
    z.strictObject({
        closedLoop: z.strictObject({
            concurrency: z.number().int().positive().default(1),
            thinkTime: durationMsSchema.prefault('0ms'),
        }),
    }),
], { error: 'expected a rate: {perClient: N} or {total: N} (per second), or {closedLoop: {concurrency: N, thinkTime: D}}' })
    .transform((rate) => {
    if ('perClient' in rate)
        return { kind: 'perClient', perSec: rate.perClient };
    if ('total' in rate)
        return { kind: 'total', perSec: rate.total };
    return { kind: 'closedLoop', concurrency: rate.closedLoop.concurrency, thinkTimeMs: rate.closedLoop.thinkTime };
});
/** A byte count: whole bytes, or a size string such as 512B, 1KiB, 4kB. */
export const byteSizeSchema = z
    .union([
    z
        .string()
        .regex(BYTE_SIZE_PATTERN, { error: 'expected a size such as 128, 512B, 1KiB or 4kB' })
        .refine((text) => !BYTE_SIZE_PATTERN.test(text) || parseByteSize(text) !== undefined, { error: 'sizes are whole bytes' }),
    z.number().int().nonnegative(),
], { error: 'expected a size: whole bytes, or a string such as 1KiB' })
    .transform((value) => (typeof value === 'number' ? value : (parseByteSize(value) ?? Number.NaN)));
/** The payload of actions that send one when none is given. */
export const DEFAULT_PAYLOAD = { bytes: 64, kind: 'text' };
/** A payload: `{bytes: 128, kind: text}`; both keys optional. */
export const payloadSchema = z
    .strictObject({
    bytes: byteSizeSchema.optional(),
    kind: z.enum(['text', 'binary']).optional(),
})
    .transform((payload) => ({ bytes: payload.bytes ?? DEFAULT_PAYLOAD.bytes, kind: payload.kind ?? DEFAULT_PAYLOAD.kind }));
/** Names that `--set actions.NAME...` and phase `actions` lists can address. */
export const nameSchema = z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'names use letters, digits, - and _ only (so that --set actions.NAME.x=... can address them)' });
//# sourceMappingURL=fields.js.map