/**
 * The primary's listening socket. Each TCP connection is routed on its first chunk: a request for the metrics
 * paths is answered by the primary itself (it alone can add up every worker's figures); anything else goes to
 * @socket.io/sticky, which picks the worker (the one holding the Engine.IO session named in the URL, or the least
 * busy for a new one) and hands the connection over.
 */
import type { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';

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
}

/** The primary's server: listen on it; `destroyConnections()` ends every connection it still holds. */
export interface FrontDoor {
  server: Server;
  destroyConnections(): void;
}

/** Creates the (not yet listening) front door. */
export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
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
        case 'workers':
          if (!mayHaveMoreChunks(chunk)) stopReading(socket);
          for (const listener of workerListeners) socket.on('data', listener);
          for (const listener of workerListeners) listener(chunk);
          return;
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
