/**
 * The scenario's optional `capacity:` block: which dimension `sio-bench capacity` raises (clients, the message
 * rate of one action, or rooms), from where, by how much per step, up to what, and how long each step holds.
 * The CLI's --start/--step/--max/--hold flags override it; its absence means the defaults below.
 */
import { z } from 'zod';
import { durationMsSchema, nameSchema, positiveDurationMsSchema } from '../scenario/fields.js';
/** What a capacity run raises step by step. */
export const CAPACITY_DIMENSIONS = ['clients', 'rate', 'rooms'];
/** Default measured hold per step, ms. */
export const DEFAULT_HOLD_PER_STEP_MS = 20_000;
/** Default unmeasured warm-up at the start of each step's hold, ms. */
export const DEFAULT_WARMUP_MS = 5_000;
/** Default increment: double the load each step. */
export const DEFAULT_STEP = { kind: 'multiply', factor: 2 };
const STEP_PATTERN = /^\s*(?:[x×*]\s*(\d+(?:\.\d+)?)|\+?\s*(\d+(?:\.\d+)?))\s*$/;
/**
 * Parses a step as written: `100` or `+100` (add 100), `x2`, `×1.5` or `*2` (multiply). Returns undefined when
 * the text is not a step, or the step would not raise the load (an amount <= 0, a factor <= 1).
 */
export function parseStepIncrement(text) {
    if (typeof text === 'number')
        return text > 0 ? { kind: 'add', amount: text } : undefined;
    const match = STEP_PATTERN.exec(text);
    if (match === null)
        return undefined;
    if (match[1] !== undefined) {
        const factor = Number(match[1]);
        return factor > 1 ? { kind: 'multiply', factor } : undefined;
    }
    const amount = Number(match[2]);
    return amount > 0 ? { kind: 'add', amount } : undefined;
}
/** How a step reads: `+100` or `×2`. */
export function formatStepIncrement(step) {
    switch (step.kind) {
        case 'add':
            return `+${step.amount}`;
        case 'multiply':
            return `×${step.factor}`;
    }
}
const stepSchema = z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
    const parsed = parseStepIncrement(value);
    if (parsed === undefined) {
        ctx.addIssue({ code: 'custom', message: 'expected an amount > 0 (100, +100) or a factor > 1 (x2, ×1.5)' });
        return z.NEVER;
    }
    return parsed;
});
/** The `capacity:` block of a scenario. */
export const capacitySchema = z
    .strictObject({
    dimension: z.enum(CAPACITY_DIMENSIONS).default('clients').describe('What each step raises: clients, rate (of one action) or rooms'),
    start: z.number().positive().optional().describe("Load of the first step (default: the scenario's own value)"),
    step: stepSchema.optional().describe('Increment per step: an amount (100) or a factor (x2)'),
    max: z.number().positive().optional().describe('Highest load tried (default start × 16)'),
    holdPerStep: positiveDurationMsSchema.prefault('20s').describe('Measured part of each step'),
    warmup: durationMsSchema.prefault('5s').describe('Unmeasured start of each step\'s hold'),
    phase: nameSchema.optional().describe('The hold phase to stretch and measure (default: the last hold phase)'),
    action: nameSchema.optional().describe("Dimension rate: the action whose rate is raised (default: the first with a rate)"),
})
    .refine((block) => block.start === undefined || block.max === undefined || block.max >= block.start, {
    error: 'max must be at least start',
    path: ['max'],
})
    .transform((block) => ({
    dimension: block.dimension,
    ...(block.start !== undefined ? { start: block.start } : {}),
    step: block.step ?? DEFAULT_STEP,
    ...(block.max !== undefined ? { max: block.max } : {}),
    holdPerStepMs: block.holdPerStep,
    warmupMs: block.warmup,
    ...(block.phase !== undefined ? { phase: block.phase } : {}),
    ...(block.action !== undefined ? { action: block.action } : {}),
}));
//# sourceMappingURL=capacity-schema.js.map