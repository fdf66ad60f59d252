/**
 * The HTTP endpoint of `run --metrics-listen HOST:PORT`: serves a registry at `GET /metrics` in the Prometheus
 * text format while the run goes on, and after it can wait (bounded) for one scrape of the final figures.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** Where to listen: as `--metrics-listen` gives it (port 0 picks a free port). */
export interface ListenAddress {
  host: string;
  port: number;
}

export interface MetricsListener {
  /** The scrape URL, e.g. `http://127.0.0.1:9464/metrics` (the real port when 0 was asked for). */
  readonly url: string;
  /** Scrapes served so far. */
  scrapes(): number;
  /** Resolves at the end of the next scrape, or after `timeoutMs`; true if a scrape came. */
  nextScrape(timeoutMs: number): Promise<boolean>;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Parses `HOST:PORT` (`127.0.0.1:9464`, `[::1]:9464`, `0.0.0.0:0`). Throws a RangeError naming `option` for
 * anything else.
 */
export function parseListenAddress(text: string, option: string): ListenAddress {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+):(\d{1,5})$/.exec(text);
  const port = Number(match?.[2]);
  if (match === null || !Number.isInteger(port) || port > 65535) {
    throw new RangeError(`${option} must be HOST:PORT, e.g. 127.0.0.1:9464 or [::1]:9464 (got ${JSON.stringify(text)})`);
  }
  const host = match[1]!;
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port };
}

/** Listens on `address` and serves `registry` at /metrics. Rejects when the address cannot be bound. */
export async function startMetricsListener(address: ListenAddress, registry: Registry): Promise<MetricsListener> {
  let scrapes = 0;
  const waiting = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: the metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    registry.metrics().then(
      (body) => {
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body, () => {
          scrapes += 1;
          for (const resolve of waiting) resolve();
          waiting.clear();
        });
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${String(error)}\n`);
      },
    );
  });
  server.listen(address.port, address.host);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${host}:${bound.port}/metrics`,
    scrapes: () => scrapes,
    nextScrape(timeoutMs: number): Promise<boolean> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(done);
          resolve(false);
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        waiting.add(done);
      });
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
