/**
 * `sio-bench serve --app engine-echo`: a raw Engine.IO server (no Socket.IO on top) at `/engine.io/` that sends
 * every message back as it came, text as text and binary as binary, with the reference server's transport,
 * heartbeat (`pingIntervalMs`, `pingTimeoutMs`), payload-limit, compression and CORS options. It checks the
 * transport layer on its own: the Engine.IO protocol's behaviours (handshake, heartbeat, upgrade, payload
 * framing, close) are those of the `engine.io` package that socket.io runs on. It has no metrics endpoint.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as EngineServer, type Socket as EngineSocket } from 'engine.io';
import { installCorsOriginCheck } from './cors-origin-check.js';
import { resolveServerOptions, type ReferenceServerOptionsInput } from './server-options.js';
import { toEngineIoOptions } from './socket-io-options.js';
import type { ReferenceServerOptions } from './types.js';

/** The echo server's default path, Engine.IO's own. */
export const ENGINE_ECHO_DEFAULT_PATH = '/engine.io/';

/** A running echo server. */
export interface EngineEchoServer {
  readonly address: { host: string; port: number };
  readonly url: string;
  /** The effective options (the reference server's; `app`, `parser`, faults and limits play no part). */
  readonly options: ReferenceServerOptions;
  /** Refuses (counted) requests the CORS origin check turned away, by kind. */
  refusedByKind(): Record<string, number>;
  /** Closes every session and the HTTP server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the echo server and resolves once it listens (127.0.0.1, a free port, `/engine.io/` unless told
 * otherwise). Rejects with ServerOptionsError for bad options and with the listen error if it cannot bind.
 */
export async function startEngineEchoServer(input: ReferenceServerOptionsInput = {}): Promise<EngineEchoServer> {
  const options = resolveServerOptions({ ...input, path: input.path ?? ENGINE_ECHO_DEFAULT_PATH });
  const refused: Record<string, number> = {};
  // Requests outside the engine's path (engine.io hands them on) get a 404 instead of hanging.
  const httpServer = createServer((_req, res) => res.writeHead(404).end());
  const engine = new EngineServer(toEngineIoOptions(options));
  if (options.cors !== undefined && options.cors.origin !== '*') {
    installCorsOriginCheck(engine, options.cors.origin, (kind) => (refused[kind] = (refused[kind] ?? 0) + 1));
  }
  engine.attach(httpServer, { path: options.path });
  engine.on('connection', (socket: EngineSocket) => {
    socket.on('message', (data: string | Buffer) => socket.send(data));
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: options.port, host: options.host, backlog: options.listenBacklog }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    address: { host: options.host, port },
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    options,
    refusedByKind: () => ({ ...refused }),
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        engine.close();
        httpServer.close((error) => (error === undefined ? resolve() : reject(error)));
        httpServer.closeAllConnections();
      })),
  };
}
