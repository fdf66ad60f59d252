/**
 * The `authToken` option, a connect middleware in the style of socket.io's `io.use`: a client must send
 * `auth: {token: T}` in its namespace CONNECT, or it gets a CONNECT_ERROR with the message 'unauthorized'
 * (counted as `unauthorized`). The comparison takes the same time whatever the token sent.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
/** The refusal kind counted in /metrics, and the CONNECT_ERROR's message. */
export const UNAUTHORIZED = 'unauthorized';
/** A namespace middleware that lets in only clients whose `auth.token` equals `token`. */
export function authTokenMiddleware(token, metrics) {
    // Hashing both sides gives equal lengths, which timingSafeEqual needs, without leaking the token's length.
    const expected = digest(token);
    return (socket, next) => {
        const auth = socket.handshake.auth;
        const sent = auth?.token;
        if (typeof sent === 'string' && timingSafeEqual(digest(sent), expected)) {
            next();
            return;
        }
        metrics.countRefused(UNAUTHORIZED);
        next(new Error(UNAUTHORIZED));
    };
}
function digest(text) {
    return createHash('sha256').update(text).digest();
}
//# sourceMappingURL=auth-token.js.map