const cache = new WeakMap();
/** The endpoint for these options; throws a plain Error naming the option when the URL cannot be used. */
export function resolveEndpoint(options) {
    const cached = cache.get(options);
    if (cached !== undefined)
        return cached;
    const url = new URL(options.url);
    if (url.protocol !== 'http:' && url.protocol !== 'ws:') {
        throw new Error(`options.url: the lean client supports http:// and ws:// targets only (got ${url.protocol}); use client: official`);
    }
    let path = options.path.length > 0 ? options.path : '/socket.io/';
    if (!path.startsWith('/'))
        path = '/' + path;
    if (!path.endsWith('/'))
        path += '/';
    const userQuery = new URLSearchParams(options.query).toString();
    const query = userQuery.length > 0 ? `EIO=4&${userQuery}` : 'EIO=4';
    const endpoint = {
        host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port.length > 0 ? Number(url.port) : 80,
        hostHeader: url.host,
        pathAndQuery: `${path}?${query}`,
        headers: Object.entries(options.headers ?? {}),
        localAddress: options.localAddress,
        localPorts: options.localPorts,
    };
    cache.set(options, endpoint);
    return endpoint;
}
//# sourceMappingURL=lean-endpoint.js.map