/**
 * Validation of bench-protocol requests. Each check returns the reason a request is malformed, or undefined
 * when it is usable; they run on every message, so they only read fields (no allocation on success).
 */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isName(value) {
    return typeof value === 'string' && value.length > 0;
}
function isCount(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
function isTime(value) {
    return typeof value === 'number' && Number.isFinite(value);
}
/** `join`/`leave`: a JoinRequest/LeaveRequest `{ room }` with a non-empty room name. */
export function roomRequestProblem(request) {
    if (!isRecord(request))
        return 'expected an object { room }';
    if (!isName(request.room))
        return 'room must be a non-empty string';
    return undefined;
}
/** The fields that `direct` and `broadcast` share: from, seq, t0Us, sentUs. */
function streamFieldsProblem(message) {
    if (!isCount(message.from))
        return 'from must be a non-negative integer (client index)';
    if (!isCount(message.seq))
        return 'seq must be a non-negative integer';
    if (!isTime(message.t0Us))
        return 't0Us must be a finite number (monotonic microseconds)';
    if (!isTime(message.sentUs))
        return 'sentUs must be a finite number (monotonic microseconds)';
    return undefined;
}
/** `direct`: a DirectMessage with a non-empty `to`. */
export function directProblem(message) {
    if (!isRecord(message))
        return 'expected an object { to, from, seq, t0Us, sentUs, payload }';
    if (!isName(message.to))
        return 'to must be a non-empty string (a sid or a room)';
    return streamFieldsProblem(message);
}
/** `broadcast`: a BroadcastMessage with a non-empty `room` and an optional boolean `includeSelf`. */
export function broadcastProblem(message) {
    if (!isRecord(message))
        return 'expected an object { room, from, seq, t0Us, sentUs, payload }';
    if (!isName(message.room))
        return 'room must be a non-empty string';
    if (message.includeSelf !== undefined && typeof message.includeSelf !== 'boolean')
        return 'includeSelf must be a boolean';
    return streamFieldsProblem(message);
}
/** A `clientIndex` in the CONNECT auth: absent, or a non-negative integer. */
export function clientIndexProblem(auth) {
    if (!isRecord(auth) || auth.clientIndex === undefined)
        return undefined;
    return isCount(auth.clientIndex) ? undefined : 'auth.clientIndex must be a non-negative integer';
}
//# sourceMappingURL=bench-payload-checks.js.map