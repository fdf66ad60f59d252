/** The room that `my message` is relayed to, as in the seed. */
export const SEED_CHAT_ROOM = 'my room';
function stringField(data, name) {
    if (typeof data !== 'object' || data === null)
        return undefined;
    const value = data[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
}
/** The refusal kind (metrics `refusedByKind`) counted for a malformed `event`, e.g. 'seed-chat-malformed-enter room'. */
export function seedChatRefusalKind(event) {
    return `seed-chat-malformed-${event}`;
}
/** Installs the seed chat's handlers on `namespace` (default '/') of `server`. */
export function installSeedChatApp(server, hooks, namespace = '/') {
    server.on('connect', (sid) => {
        server.emit('addChat', sid, { namespace });
        return true;
    }, namespace);
    server.on('message', (sid) => {
        server.emit('reply', { message: 'hello', sid }, { namespace });
    }, namespace);
    server.on('sendMessage', (_sid, data) => {
        const destId = stringField(data, 'destId');
        if (destId === undefined || typeof data !== 'object' || data === null || !('content' in data)) {
            hooks.countRefused(seedChatRefusalKind('sendMessage'));
            return;
        }
        server.emit('reply', data.content, { to: destId, namespace });
    }, namespace);
    const roomHandler = (event) => (sid, data) => {
        const room = stringField(data, 'room');
        if (room === undefined) {
            hooks.countRefused(seedChatRefusalKind(event));
            return;
        }
        if (event === 'enter room')
            server.enterRoom(sid, room, namespace);
        else
            server.leaveRoom(sid, room, namespace);
    };
    server.on('enter room', roomHandler('enter room'), namespace);
    server.on('leave room', roomHandler('leave room'), namespace);
    server.on('my message', (sid, data) => {
        server.emit('my reply', data, { to: SEED_CHAT_ROOM, skipSid: sid, namespace });
    }, namespace);
}
//# sourceMappingURL=seed-chat-app.js.map