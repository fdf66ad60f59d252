/**
 * The primary's listening socket. Each TCP connection is routed on its first chunk: a request for the metrics
 * paths is answered by the primary itself (it alone can add up every worker's figures); anything else goes to
 * @socket.io/sticky, which picks the worker (the one holding the Engine.IO session named in the URL, or the least
 * busy for a new one) and hands the connection over. A request naming a sid that sticky has not learnt yet (its
 * worker's IPC message is still on the way, see session-registry.ts) is held until sticky knows where it goes.
 */
import type { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { SessionLookup } from './session-registry.js';

/** Where a connection goes. */
export type FrontDoorRoute = 'local' | 'workers';

export interface FrontDoorOptions {
  /** Which route a connection takes, from the first line of its first request (`GET /metrics.json HTTP/1.1`). */
  route: (requestLine: string) => FrontDoorRoute;
  /** Receives 'connection' for the local route (an http.Server that is not listening). */
  local: EventEmitter;
  /**
   * Receives 'connection' for every connection, first (the emitter given to sticky's setupMaster); the 'data'
   * listeners it attaches get the connection's chunks only if the route is `workers`.
   */
  workers: EventEmitter;
  /**
   * The sessions sticky knows of. When given, a worker-bound request whose URL names a sid that is neither live
   * nor closed waits (up to `unknownSessionWaitMs`) until it is, instead of being routed as a new session.
   */
  sessions?: SessionLookup;
  /** Longest hold of a request for an unknown sid, ms; after it the request goes on (and gets its 400). Default 5000. */
  unknownSessionWaitMs?: number;
}

/** The primary's server: listen on it; `destroyConnections()` ends every connection it still holds. */
export interface FrontDoor {
  server: Server;
  destroyConnections(): void;
}

/** Creates the (not yet listening) front door. */
export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const unknownSessionWaitMs = options.unknownSessionWaitMs ?? 5000;
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // Sticky takes the connection as it would from its own server, and its data listener is set aside until the
    // first chunk tells where the connection goes: a worker-bound connection then sees exactly what sticky
    // alone would (its listener gets the first chunk within the same 'data' event), which matters because
    // sticky passes the socket's handle to the worker while this process is still reading from it.
    options.workers.emit('connection', socket);
    const workerListeners = socket.listeners('data') as ((chunk: Buffer) => void)[];
    socket.removeAllListeners('data');
    // A client that resets before its first request is none of the server's concern; without a listener the
    // error would be thrown. Once routed, the receiver attaches its own error handling too.
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      const lineEnd = chunk.indexOf('\r\n');
      const requestLine = chunk.subarray(0, lineEnd < 0 ? Math.min(chunk.length, 2048) : lineEnd).toString('latin1');
      const route = options.route(requestLine);
      switch (route) {
        case 'local':
          // Paused and put back so that the local HTTP server reads the request from its first byte.
          socket.pause();
          socket.unshift(chunk);
          options.local.emit('connection', socket);
          socket.resume();
          return;
        case 'workers': {
          const handOver = (): void => {
            for (const listener of workerListeners) socket.on('data', listener);
            for (const listener of workerListeners) listener(chunk);
          };
          const hasBody = mayHaveMoreChunks(chunk);
          // A request without a body goes to the worker as a handle: the kernel keeps any later bytes for it.
          if (!hasBody) stopReading(socket);
          const sid = sessionIdIn(requestLine);
          const sessions = options.sessions;
          if (sid === undefined || sessions === undefined || sessions.status(sid) !== 'unknown') return handOver();
          // A body's later chunks wait in the socket's buffer and reach sticky, in order, once it is resumed.
          if (hasBody) socket.pause();
          const cancel = sessions.waitFor(sid, unknownSessionWaitMs, () => {
            socket.off('close', cancel);
            if (socket.destroyed) return;
            handOver();
            if (hasBody) socket.resume();
          });
          socket.once('close', cancel);
          return;
        }
        default:
          throw new RangeError(`unknown route ${JSON.stringify(route satisfies never)}`);
      }
    });
  });
  return {
    server,
    destroyConnections: () => {
      for (const socket of open) socket.destroy();
    },
  };
}

/** The route for a request line: `local` for GET/HEAD/... of one of `localPaths` (query ignored), else `workers`. */
export function routeByPath(localPaths: readonly string[]): (requestLine: string) => FrontDoorRoute {
  return (requestLine) => {
    const target = requestLine.split(' ', 3)[1] ?? '';
    const path = target.split('?', 1)[0] ?? '';
    return localPaths.includes(path) ? 'local' : 'workers';
  };
}

/** The Engine.IO sid in a request line's query (as sticky reads it: 20 characters of [A-Za-z0-9_-]), if any. */
export function sessionIdIn(requestLine: string): string | undefined {
  return /[?&]sid=([\w-]{20})(?![\w-])/.exec(requestLine.split(' ', 3)[1] ?? '')?.[1];
}

/**
 * Does the request announce a body (sticky then keeps the socket here and relays its later chunks)? Without one,
 * sticky passes the socket's handle to the worker: the same test as sticky's own.
 */
function mayHaveMoreChunks(chunk: Buffer): boolean {
  const headerEnd = chunk.indexOf('\r\n\r\n');
  const header = chunk.subarray(0, headerEnd < 0 ? chunk.length : headerEnd).toString('latin1').toLowerCase();
  return header.includes('content-length:') || header.includes('transfer-encoding:');
}

/**
 * Stops this process reading a socket whose handle goes to a worker. Node keeps reading the handle until the
 * worker acknowledges it and throws away what it reads meanwhile (onread becomes a no-op), so a websocket
 * client's first frame, sent as soon as the worker's handshake answer arrives, was now and then lost (seen
 * with @socket.io/sticky alone too). The bytes stay in the kernel for the worker's copy of the handle.
 */
function stopReading(socket: Socket): void {
  // `_handle` is Node's internal TCP wrap: there is no public way to stop reading at the kernel level.
  const handle = (socket as unknown as { _handle?: { readStop?: () => number; reading?: boolean } })._handle;
  if (handle?.readStop === undefined) return;
  handle.reading = false;
  handle.readStop();
}
