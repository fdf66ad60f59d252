/**
 * The server that the public Socket.IO protocol suite talks to, written with the facade only, the way
 * python-socketio's documentation writes it (no access to the raw socket.io instance):
 *
 *   sio = socketio.Server(ping_interval=0.3, ping_timeout=0.2, cors_allowed_origins='*')
 *
 *   @sio.event
 *   def connect(sid, environ, auth):
 *       sio.emit('auth', auth or {}, to=sid)
 *
 *   @sio.on('message')
 *   def message(sid, *args):
 *       sio.emit('message-back', args, to=sid)      # a tuple: every argument back
 *
 *   @sio.on('message-with-ack')
 *   def message_with_ack(sid, *args):
 *       return args                                  # a tuple: the ack has every argument
 *
 *   class CustomNamespace(socketio.Namespace):
 *       def on_connect(self, sid, environ, auth):
 *           self.emit('auth', auth or {}, to=sid)
 *
 *   sio.register_namespace(CustomNamespace('/custom'))
 */
import { createReferenceServer, Namespace, tuple } from '../../../server/reference-server.js';
import type { Sid } from '../../../server/ids.js';
import type { Handshake, ReferenceServer } from '../../../server/types.js';
import { PING_INTERVAL_MS, PING_TIMEOUT_MS } from './engine-io-cases.js';

/** How long a client may stay without a namespace CONNECT, ms (the suite waits for the close). */
export const CONNECT_TIMEOUT_MS = 1_000;

class CustomNamespace extends Namespace {
  on_connect(sid: Sid, _environ: Handshake, auth: Record<string, unknown> | undefined): void {
    this.emit('auth', auth ?? {}, { to: sid });
  }
}

/** Starts the suite's server on a free port. */
export async function startProtocolSuiteServer(): Promise<ReferenceServer> {
  const server = await createReferenceServer({
    pingIntervalMs: PING_INTERVAL_MS,
    pingTimeoutMs: PING_TIMEOUT_MS,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    cors: { origin: '*' },
    onHandlerError: () => undefined,
  });
  server.on('connect', (sid, _environ, auth) => {
    server.emit('auth', auth ?? {}, { to: sid });
  });
  server.on('message', (sid, ...args) => {
    server.emit('message-back', tuple(...args), { to: sid });
  });
  server.on('message-with-ack', (_sid, ...args) => tuple(...args));
  server.registerNamespace(new CustomNamespace('/custom'));
  return server;
}
