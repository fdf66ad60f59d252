/**
 * Local source addresses for many connections. One (source address, destination) pair gives at most the
 * ephemeral port range (28,232 ports here), and connecting slows down as that range fills, so clients are
 * spread early: one loopback source address per CLIENTS_PER_SOURCE_ADDRESS clients.
 */
/** Clients per source address before another one is used. Well below the 28,232 ports of one address pair. */
export const CLIENTS_PER_SOURCE_ADDRESS = 10_000;
/** Whether a URL's hostname is this machine's loopback: localhost, 127.0.0.0/8 or [::1]. */
export function isLoopbackHost(hostname) {
    return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}
/** Source addresses for `clients` connections to `targetUrl`: 127.0.0.1, 127.0.0.2, ... on IPv4 loopback, else none. */
export function sourceAddressesFor(targetUrl, clients) {
    const host = new URL(targetUrl).hostname;
    // 127.0.0.x source addresses reach IPv4 loopback only (not [::1]).
    const loopback = host === 'localhost' || host.startsWith('127.');
    const count = Math.ceil(clients / CLIENTS_PER_SOURCE_ADDRESS);
    if (!loopback || count <= 1)
        return [];
    return Array.from({ length: count }, (_, i) => `127.0.0.${i + 1}`);
}
//# sourceMappingURL=source-addresses.js.map