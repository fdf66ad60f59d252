/**
 * Local source addresses for many connections. One (source address, destination) pair gives at most the
 * ephemeral port range (28,232 ports here), and connecting slows down as that range fills, so clients are
 * spread early: one loopback source address per CLIENTS_PER_SOURCE_ADDRESS clients.
 */

/** Clients per source address before another one is used. Well below the 28,232 ports of one address pair. */
export const CLIENTS_PER_SOURCE_ADDRESS = 10_000;

/**
 * Where an IPv4 loopback target's connections come from without a bind (the loopback route's source). The
 * engine's first spread address is this one, and its clients connect unbound: a bind and the check Node makes
 * after it cost CPU on every connect, while below CLIENTS_PER_SOURCE_ADDRESS the kernel's own port search stays
 * cheap (measured with raw-floor's raw client, one address: 76-80 µs of kernel CPU per connect for 12,000
 * connects, 323-338 µs for 20,000, with 21 of those failing).
 */
export const LOOPBACK_DEFAULT_SOURCE = '127.0.0.1';

/** Whether a URL's hostname is this machine's loopback: localhost, 127.0.0.0/8 or [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}

/** Source addresses for `clients` connections to `targetUrl`: 127.0.0.1, 127.0.0.2, ... on IPv4 loopback, else none. */
export function sourceAddressesFor(targetUrl: string, clients: number): string[] {
  const host = new URL(targetUrl).hostname;
  // 127.0.0.x source addresses reach IPv4 loopback only (not [::1]).
  const loopback = host === 'localhost' || host.startsWith('127.');
  const count = Math.ceil(clients / CLIENTS_PER_SOURCE_ADDRESS);
  if (!loopback || count <= 1) return [];
  return Array.from({ length: count }, (_, i) => `127.0.0.${i + 1}`);
}
