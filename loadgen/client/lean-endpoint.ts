/**
 * Turns ClientOptions into the lean client's Endpoint once per target: an engine gives each of thousands of
 * clients its own options object (its CONNECT payload differs), but the fields the endpoint is made of (URL,
 * path, query, headers, source address and port pool) are the same objects for all clients of one source
 * address, so the URL is parsed and the query string built once per source address, not per connection.
 */
import type { ClientOptions } from './virtual-client.js';
import type { Endpoint } from './lean-transport.js';

/** The last endpoint resolved per source address, with the options it was resolved from. */
const recent = new Map<string | undefined, { options: ClientOptions; endpoint: Endpoint }>();

/** Whether both options resolve to the same endpoint (the same values, or the same objects for the maps). */
function sameEndpoint(a: ClientOptions, b: ClientOptions): boolean {
  return a.url === b.url && a.path === b.path && a.query === b.query && a.headers === b.headers && a.localAddress === b.localAddress && a.localPorts === b.localPorts;
}

/** The endpoint for these options; throws a plain Error naming the option when the URL cannot be used. */
export function resolveEndpoint(options: ClientOptions): Endpoint {
  const cached = recent.get(options.localAddress);
  if (cached !== undefined && sameEndpoint(cached.options, options)) return cached.endpoint;
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'ws:') {
    throw new Error(`options.url: the lean client supports http:// and ws:// targets only (got ${url.protocol}); use client: official`);
  }
  let path = options.path.length > 0 ? options.path : '/socket.io/';
  if (!path.startsWith('/')) path = '/' + path;
  if (!path.endsWith('/')) path += '/';
  const userQuery = new URLSearchParams(options.query).toString();
  const query = userQuery.length > 0 ? `EIO=4&${userQuery}` : 'EIO=4';
  const endpoint: Endpoint = {
    host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port.length > 0 ? Number(url.port) : 80,
    hostHeader: url.host,
    pathAndQuery: `${path}?${query}`,
    headers: Object.entries(options.headers ?? {}),
    localAddress: options.localAddress,
    localPorts: options.localPorts,
  };
  recent.set(options.localAddress, { options, endpoint });
  return endpoint;
}
