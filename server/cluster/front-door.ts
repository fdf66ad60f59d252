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
  /** Receives 'connection' for everything else (the emitter given to sticky's setupMaster). */
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
    // A client that resets before its first request is none of the server's concern; without a listener the
    // error would be thrown. Once routed, the receiver attaches its own error handling too.
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      // Paused and put back so that the receiver reads the request from its first byte.
      socket.pause();
      socket.unshift(chunk);
      const lineEnd = chunk.indexOf('\r\n');
      const requestLine = chunk.subarray(0, lineEnd < 0 ? Math.min(chunk.length, 2048) : lineEnd).toString('latin1');
      const route = options.route(requestLine);
      switch (route) {
        case 'local':
          options.local.emit('connection', socket);
          break;
        case 'workers':
          options.workers.emit('connection', socket);
          break;
        default:
          throw new RangeError(`unknown route ${JSON.stringify(route satisfies never)}`);
      }
      socket.resume();
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
