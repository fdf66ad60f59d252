/** Normalises `to`/`room` and `skipSid`; throws a TypeError naming the option on misuse. */
export function resolveEmitTargets(options) {
    if (options.to !== undefined && options.room !== undefined) {
        throw new TypeError('emit: options.to and options.room are aliases; give only one');
    }
    const to = options.to ?? options.room;
    const rooms = to === undefined ? undefined : typeof to === 'string' ? [to] : [...to];
    const except = options.skipSid === undefined ? [] : typeof options.skipSid === 'string' ? [options.skipSid] : [...options.skipSid];
    if (rooms !== undefined && !rooms.every((r) => typeof r === 'string'))
        throw new TypeError('emit: options.to must be a string or a list of strings');
    if (!except.every((s) => typeof s === 'string'))
        throw new TypeError('emit: options.skipSid must be a string or a list of strings');
    if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs >= 0)) {
        throw new TypeError(`emit: options.timeoutMs must be a non-negative number of milliseconds (got ${String(options.timeoutMs)})`);
    }
    if (options.callback !== undefined && typeof options.callback !== 'function')
        throw new TypeError('emit: options.callback must be a function');
    return { rooms, except };
}
/** Sends `event` with `args` to the targets of one namespace, acks as described at the top of this file. */
export function emitToTargets(namespace, event, args, targets, options) {
    const { nsp } = namespace;
    const callback = options.callback;
    if (namespace.pending.size > 0)
        queueForPending(namespace.pending.values(), event, args, targets, options.timeoutMs === undefined ? callback : undefined);
    if (callback !== undefined && options.timeoutMs === undefined) {
        for (const socket of localRecipients(namespace, targets))
            socket.emit(event, ...args, callback);
        return;
    }
    if (targets.rooms !== undefined && targets.rooms.length === 0) {
        // An empty list addresses nobody (socket.io would read it as the whole namespace).
        if (callback !== undefined)
            queueMicrotask(() => callback(null, []));
        return;
    }
    // The common cases (whole namespace, rooms without exceptions) build one operator or none.
    if (callback === undefined) {
        if (targets.except.length > 0)
            (targets.rooms === undefined ? nsp : nsp.to(targets.rooms)).except(targets.except).emit(event, ...args);
        else if (targets.rooms === undefined)
            nsp.emit(event, ...args);
        else
            nsp.to(targets.rooms).emit(event, ...args);
        return;
    }
    const operator = (targets.rooms === undefined ? nsp : nsp.to(targets.rooms)).except(targets.except).timeout(options.timeoutMs ?? 0);
    operator.emit(event, ...args, (error, acks) => callback(error ?? null, acks));
}
/** This process's connected clients that the targets reach, each once. */
function localRecipients(namespace, targets) {
    const { nsp } = namespace;
    const skipped = (socket) => targets.except.some((room) => socket.rooms.has(room));
    if (targets.rooms === undefined)
        return [...nsp.sockets.values()].filter((socket) => !skipped(socket));
    const sids = new Set();
    for (const room of targets.rooms) {
        for (const sid of nsp.adapter.rooms.get(room) ?? [])
            sids.add(sid);
    }
    const recipients = [];
    for (const sid of sids) {
        const socket = nsp.sockets.get(sid);
        if (socket !== undefined && !skipped(socket))
            recipients.push(socket);
    }
    return recipients;
}
function queueForPending(pending, event, args, targets, callback) {
    for (const client of pending) {
        const { socket } = client;
        const reached = targets.rooms === undefined || targets.rooms.some((room) => socket.rooms.has(room));
        if (!reached || targets.except.some((room) => socket.rooms.has(room)))
            continue;
        client.queued.push(() => (callback === undefined ? socket.emit(event, ...args) : socket.emit(event, ...args, callback)));
    }
}
//# sourceMappingURL=emit-targeting.js.map