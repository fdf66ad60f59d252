/**
 * The IPC messages between the facade-overhead benchmark and its server child processes: each server runs in
 * its own process so that its CPU time is measured alone (process.cpuUsage in the child).
 */
export const ECHO_SERVER_KINDS = ['reference', 'bare'];
/** Narrows an IPC message from a child (parse boundary: IPC delivers `unknown`). */
export function isFromChildMessage(value) {
    if (typeof value !== 'object' || value === null || !('type' in value))
        return false;
    const type = value.type;
    return type === 'listening' || type === 'cpu' || type === 'profile-started' || type === 'profile-share' || type === 'failed';
}
/** Narrows an IPC message from the parent. */
export function isToChildMessage(value) {
    if (typeof value !== 'object' || value === null || !('type' in value))
        return false;
    const type = value.type;
    return type === 'read-cpu' || type === 'profile-start' || type === 'profile-stop' || type === 'stop';
}
//# sourceMappingURL=child-messages.js.map