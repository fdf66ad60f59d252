/**
 * IPC messages of the client-cost benchmark: the parent, a bare socket.io server child, and one client child per
 * client kind (so each kind's memory is measured in a process of its own, with --expose-gc).
 */
function hasType(value, types) {
    if (typeof value !== 'object' || value === null || !('type' in value))
        return false;
    return types.includes(String(value.type));
}
/** Narrowing at the IPC parse boundary. */
export function isToServerMessage(value) {
    return hasType(value, ['read-cpu', 'broadcast', 'stop']);
}
export function isFromServerMessage(value) {
    return hasType(value, ['listening', 'cpu', 'broadcast-sent']);
}
export function isToClientMessage(value) {
    return hasType(value, ['arm', 'stop']);
}
export function isFromClientMessage(value) {
    return hasType(value, ['memory', 'received', 'failed']);
}
/** process.cpuUsage() as one figure, microseconds (user + system). */
export function cpuNowUs() {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
}
//# sourceMappingURL=messages.js.map