/**
 * Translates the reference server's options into the `socket.io` Server's own options (and the Engine.IO subset
 * of them, which the raw Engine.IO echo server uses too): one place where the transports, compression, CORS and
 * timing names of the two APIs meet.
 */
import type { ServerOptions as EngineIoServerOptions } from 'engine.io';
import type { ServerOptions } from 'socket.io';
import type { SocketIoParser } from './counting-parser.js';
import type { ReferenceServerOptions, TransportMode } from './types.js';

/** socket.io's adapter constructor (in-memory by default; @socket.io/cluster-adapter or redis for scale-out). */
export type AdapterConstructor = ServerOptions['adapter'];

/** The socket.io options for `options`, with the parser and adapter to use. */
export function toSocketIoOptions(
  options: ReferenceServerOptions,
  parser: SocketIoParser,
  adapter: AdapterConstructor | undefined,
): Partial<ServerOptions> {
  return {
    path: options.path,
    ...toEngineIoOptions(options),
    connectTimeout: options.connectTimeoutMs,
    parser,
    ...(adapter === undefined ? {} : { adapter }),
    // The server is a measuring instrument: no session recovery buffers, no EIO3 clients.
    allowEIO3: false,
    serveClient: false,
  };
}

/** The Engine.IO options for `options`: transports, heartbeat, payload limit, compression and CORS headers. */
export function toEngineIoOptions(options: ReferenceServerOptions): Partial<EngineIoServerOptions> {
  const { compression, cors } = options;
  return {
    ...transportSettings(options.transports),
    pingInterval: options.pingIntervalMs,
    pingTimeout: options.pingTimeoutMs,
    maxHttpBufferSize: options.maxHttpBufferSizeBytes,
    perMessageDeflate: compression.perMessageDeflate ? { threshold: compression.thresholdBytes } : false,
    httpCompression: compression.httpCompression ? { threshold: compression.thresholdBytes } : false,
    ...(cors === undefined
      ? {}
      : { cors: { origin: cors.origin === '*' ? '*' : [...cors.origin], credentials: cors.credentials, methods: [...cors.methods] } }),
  };
}

function transportSettings(mode: TransportMode): Pick<EngineIoServerOptions, 'transports' | 'allowUpgrades'> {
  switch (mode) {
    case 'polling-upgrade':
      return { transports: ['polling', 'websocket'], allowUpgrades: true };
    case 'polling':
      return { transports: ['polling'], allowUpgrades: false };
    case 'websocket':
      return { transports: ['websocket'], allowUpgrades: false };
  }
}
