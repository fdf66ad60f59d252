/**
 * A scripted Engine.IO server over `ws` for the tests a real socket.io server cannot play: one that never pings,
 * or that sends malformed frames. It completes the handshake (open packet, namespace CONNECT) and then hands
 * each connection to the test.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeEngineServer {
  url: string;
  /** Text frames received from clients, in order. */
  received: string[];
  close(): Promise<void>;
}

export interface FakeEngineOptions {
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** Called once the client's namespace CONNECT has been answered. */
  onConnected(socket: WebSocket): void;
  /** Called with each text frame a client sends. */
  onText?(text: string): void;
}

export async function startFakeEngineServer(options: FakeEngineOptions): Promise<FakeEngineServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/socket.io/' });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const received: string[] = [];
  wss.on('connection', (socket) => {
    socket.send(`0{"sid":"fake-engine","upgrades":[],"pingInterval":${options.pingIntervalMs},"pingTimeout":${options.pingTimeoutMs},"maxPayload":1000000}`);
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      received.push(text);
      options.onText?.(text);
      if (text.startsWith('40')) {
        socket.send('40{"sid":"fake-socket"}');
        options.onConnected(socket);
      }
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    }),
  };
}
