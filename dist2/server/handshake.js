/** The client's handshake as the connect handler sees it. */
export function toHandshake(socket) {
    const { headers, query, address, url, issued, secure } = socket.handshake;
    return { headers, query: { ...query }, address, url, issuedAtMs: issued, secure };
}
/** The CONNECT packet's auth payload; socket.io guarantees an object, but a raw client may send anything. */
export function authOf(socket) {
    const auth = socket.handshake.auth;
    return typeof auth === 'object' && auth !== null && !Array.isArray(auth) ? auth : {};
}
//# sourceMappingURL=handshake.js.map