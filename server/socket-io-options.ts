/**
 * Translates the reference server's options into the `socket.io` Server's own options: one place where the
 * transports, compression, CORS and timing names of the two APIs meet.
 */
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
  const { compression, cors } = options;
  return {
    path: options.path,
    ...transportSettings(options.transports),
    pingInterval: options.pingIntervalMs,
    pingTimeout: options.pingTimeoutMs,
    connectTimeout: options.connectTimeoutMs,
    maxHttpBufferSize: options.maxHttpBufferSizeBytes,
    perMessageDeflate: compression.perMessageDeflate ? { threshold: compression.thresholdBytes } : false,
    httpCompression: compression.httpCompression ? { threshold: compression.thresholdBytes } : false,
    ...(cors === undefined
      ? {}
      : { cors: { origin: cors.origin === '*' ? '*' : [...cors.origin], credentials: cors.credentials, methods: [...cors.methods] } }),
    parser,
    ...(adapter === undefined ? {} : { adapter }),
    // The server is a measuring instrument: no session recovery buffers, no EIO3 clients.
    allowEIO3: false,
    serveClient: false,
  };
}

function transportSettings(mode: TransportMode): Pick<ServerOptions, 'transports' | 'allowUpgrades'> {
  switch (mode) {
    case 'polling-upgrade':
      return { transports: ['polling', 'websocket'], allowUpgrades: true };
    case 'polling':
      return { transports: ['polling'], allowUpgrades: false };
    case 'websocket':
      return { transports: ['websocket'], allowUpgrades: false };
  }
}
