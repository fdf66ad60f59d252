/**
 * When a run's time zero is. By default a short lead after every worker is ready, so all start on one tick.
 * With `--start-at` the slices of one sharded run, started by an orchestrator at scattered times, share one
 * time zero: the given wall-clock instant. A sharded run's clock is epoch µs (epoch-clock.ts), so there the
 * instant is taken exactly; on the plain monotonic clock it is reached through the wall clock (ms resolution).
 */
/** Computes the run's time zero (see the file comment). A start already past (or too near) becomes now + leadMs. */
export function plannedRunStart(input) {
    const earliestEpochMs = input.nowEpochMs + input.leadMs;
    const wantedEpochMs = input.startAtEpochMs ?? earliestEpochMs;
    const startEpochMs = Math.max(wantedEpochMs, earliestEpochMs);
    const lateMs = input.startAtEpochMs === undefined ? 0 : Math.max(0, Math.round(startEpochMs - input.startAtEpochMs));
    if (input.epochClock && lateMs === 0 && input.startAtEpochMs !== undefined) {
        return { runStartUs: Math.round(input.startAtEpochMs * 1000), runStartEpochMs: input.startAtEpochMs, lateMs: 0 };
    }
    return { runStartUs: input.nowUs + Math.round((startEpochMs - input.nowEpochMs) * 1000), runStartEpochMs: startEpochMs, lateMs };
}
/** Parses `--start-at`: epoch milliseconds (digits) or an ISO 8601 timestamp. Throws RangeError for the user. */
export function parseStartAt(text) {
    const trimmed = text.trim();
    const epochMs = /^\d+$/.test(trimmed) ? Number(trimmed) : /^\d{4}-\d\d-\d\dT/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
    if (!Number.isSafeInteger(epochMs)) {
        throw new RangeError(`--start-at must be epoch milliseconds or an ISO timestamp such as 2026-11-26T12:00:00Z (got ${JSON.stringify(text)})`);
    }
    return epochMs;
}
//# sourceMappingURL=planned-start.js.map