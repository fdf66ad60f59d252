/**
 * IPC between the raw-floor benchmark and its raw-client child (one process of raw connections, so that their CPU
 * is read apart from the benchmark's own and from the server's).
 */
function hasType(value, types) {
    return typeof value === 'object' && value !== null && 'type' in value && types.includes(String(value.type));
}
/** Narrowing at the IPC parse boundary. */
export function isToRawChildMessage(value) {
    return hasType(value, ['go', 'read', 'stop']);
}
export function isFromRawChildMessage(value) {
    return hasType(value, ['ready', 'storm-done', 'received', 'failed']);
}
/** This process's CPU time since `since` (a process.cpuUsage() reading). */
export function cpuSince(since) {
    const usage = process.cpuUsage(since);
    return { userUs: usage.user, systemUs: usage.system };
}
//# sourceMappingURL=messages.js.map