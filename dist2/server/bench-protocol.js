/** The personal room of a simulated client. */
export function clientRoom(clientIndex) {
    return `client:${clientIndex}`;
}
/** The names of the bench protocol's events, for validation and metrics. */
export const BENCH_EVENTS = ['join', 'leave', 'echo', 'direct', 'broadcast'];
//# sourceMappingURL=bench-protocol.js.map