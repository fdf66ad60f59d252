/**
 * Shared pieces of the client tests: a bare socket.io server on port 0, a handler recorder whose waits are
 * bounded, and default client options.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';
import type { ClientHandlers, ClientOptions, ClientTransport } from '../../../loadgen/client/virtual-client.js';

export interface TestServer {
  io: Server;
  http: HttpServer;
  url: string;
  close(): Promise<void>;
}

/** A socket.io server on 127.0.0.1, port 0. */
export async function startSocketIoServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const http = createServer();
  const io = new Server(http, options);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    io,
    http,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      io.close(() => resolve());
    }),
  };
}

/** Client options for a test. */
export function clientOptions(url: string, transport: ClientTransport, extra: Partial<ClientOptions> = {}): ClientOptions {
  return { url, path: '/socket.io/', namespace: '/', transport, parser: 'default', connectTimeoutMs: 5000, ...extra };
}

/** A value some callback will deliver, awaited with a bound. */
export function waitFor<T>(what: string, register: (resolve: (value: T) => void) => void, timeoutMs = 5000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

type Waiter<T> = (value: T) => void;

/** Records what a client's handlers receive; next*() resolve with the next one (queued if already there). */
export class HandlerRecorder {
  readonly events: { event: string; args: readonly unknown[] }[] = [];
  readonly disconnects: { reason: string; description: string | undefined }[] = [];
  private eventWaiters: Waiter<{ event: string; args: readonly unknown[] }>[] = [];
  private disconnectWaiters: Waiter<{ reason: string; description: string | undefined }>[] = [];
  private eventsTaken = 0;
  private disconnectsTaken = 0;

  /** How onEventWithAck answers (echoes the arguments with 'answered' appended). */
  readonly handlers: ClientHandlers = {
    onEventWithAck: (event, args, reply) => {
      this.handlers.onEvent(event, args);
      reply([...args, 'answered']);
    },
    onEvent: (event, args) => {
      this.events.push({ event, args });
      this.eventWaiters.shift()?.(this.events[this.eventsTaken++]!);
    },
    onDisconnect: (reason, description) => {
      this.disconnects.push({ reason, description });
      this.disconnectWaiters.shift()?.(this.disconnects[this.disconnectsTaken++]!);
    },
  };

  nextEvent(): Promise<{ event: string; args: readonly unknown[] }> {
    if (this.eventsTaken < this.events.length) return Promise.resolve(this.events[this.eventsTaken++]!);
    return waitFor('a server event', (resolve) => this.eventWaiters.push(resolve));
  }

  nextDisconnect(): Promise<{ reason: string; description: string | undefined }> {
    if (this.disconnectsTaken < this.disconnects.length) return Promise.resolve(this.disconnects[this.disconnectsTaken++]!);
    return waitFor('onDisconnect', (resolve) => this.disconnectWaiters.push(resolve));
  }
}
