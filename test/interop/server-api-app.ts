/**
 * A server that uses every call of the facade's python-socketio API once, for server_api_client.py (python-
 * socketio's own client) to observe: each handler is the TypeScript line that docs/server-api.md gives for a
 * python-socketio call. Written with the facade only (no raw socket.io access).
 */
import { ConnectionRefusedError, type Handshake, type ReferenceServer } from '../../server/types.js';
import { Namespace, tuple, Tuple } from '../../server/reference-server.js';
import type { Sid } from '../../server/ids.js';

/** What a Tuple or one value looks like on the wire as one JSON argument, so the Python side can report it. */
function describeReply(reply: unknown): unknown {
  if (reply instanceof Tuple) return { tuple: [...reply] };
  return { one: reply ?? null };
}

/** A class-based namespace (python's socketio.Namespace subclass) at /ns. */
class ApiNamespace extends Namespace {
  on_connect(sid: Sid, _environ: Handshake, auth: Record<string, unknown> | undefined): void {
    this.saveSession(sid, { via: 'class', auth: auth ?? null });
    this.enterRoom(sid, 'ns-room');
  }

  on_echo(_sid: Sid, data: unknown): unknown {
    return data;
  }

  on_whoami(sid: Sid): unknown {
    return tuple(this.getSession(sid), this.rooms(sid).filter((room) => room !== sid), this.transport(sid));
  }

  on_shout(sid: Sid, text: unknown): void {
    this.emit('shouted', text, { to: 'ns-room', skipSid: sid });
  }
}

/** Installs the handlers on `server` and returns the sids its disconnect handler saw. */
export function installServerApiApp(server: ReferenceServer): { disconnected: Sid[] } {
  const disconnected: Sid[] = [];
  const others = (sid: Sid): string[] => server.rooms(sid).filter((room) => room !== sid).sort();

  // connect(sid, environ, auth): refuse with ConnectionRefusedError or False; auth is None without a payload.
  server.on('connect', (sid, environ, auth) => {
    if (auth?.refuse === true) throw new ConnectionRefusedError('refused', { why: 'asked' });
    if (auth?.reject === true) return false;
    server.saveSession(sid, { name: auth?.name ?? null, authWasNone: auth === undefined, probe: environ.query.probe ?? null });
    server.enterRoom(sid, 'everyone');
    return true;
  });
  server.on('disconnect', (sid) => {
    disconnected.push(sid);
  });
  server.on('whoami', (sid) => tuple(server.getSession(sid), others(sid)));
  server.on('rename', (sid, name) =>
    server.session(sid, (session) => {
      session.name = name;
      return session.name;
    }),
  );
  server.on('replace session', (sid, session) => {
    server.saveSession(sid, session as Record<string, unknown>);
    return server.getSession(sid);
  });
  server.on('environ', (sid) => {
    const environ = server.getEnviron(sid);
    return { probe: environ?.query.probe ?? null, header: environ?.headers['x-probe'] ?? null, address: environ?.address ?? null };
  });
  server.on('transport', (sid) => server.transport(sid));
  server.on('pair', () => tuple(1, 'two'));
  server.on('list', () => [1, 'two']);
  server.on('nothing', () => undefined);
  server.on('enter', (sid, room) => {
    server.enterRoom(sid, room as string);
    return others(sid);
  });
  server.on('leave', (sid, room) => {
    server.leaveRoom(sid, room as string);
    return others(sid);
  });
  server.on('close', (sid, room) => {
    server.closeRoom(room as string);
    return others(sid);
  });
  server.on('tell', (sid, request) => {
    const { event, data, to, skipSelf } = request as { event: string; data: unknown; to?: string; skipSelf: boolean };
    server.emit(event, data, { ...(to === undefined ? {} : { to }), ...(skipSelf ? { skipSid: sid } : {}) });
    return 'told';
  });
  server.on('tell pair', (sid) => {
    server.emit('pair pushed', tuple('a', 2), { to: sid });
    return 'told';
  });
  server.on('send me', (sid, data) => {
    server.send(data, { to: sid });
    return 'sent';
  });
  // python's message handler: what sio.send() on the client arrives as.
  server.on('message', (sid, data) => {
    server.emit('message seen', data, { to: sid });
  });
  server.on('call me', async (sid) => describeReply(await server.call('question', tuple('q', 2), { to: sid, timeoutMs: 10_000 })));
  server.on('call me empty', async (sid) => describeReply(await server.call('empty question', undefined, { to: sid, timeoutMs: 10_000 })));
  server.on('callback me', (sid) => {
    server.emit('question', tuple('cb', 1), { to: sid, callback: (...args) => server.emit('callback args', args, { to: sid }) });
    return 'asked';
  });
  server.on('disconnect me', (sid) => {
    // After the ack, so that the client sees it before its disconnect.
    setImmediate(() => server.disconnect(sid));
    return 'bye';
  });
  server.onAny((event, _sid, ...args) => tuple('caught', event, ...args));
  server.registerNamespace(new ApiNamespace('/ns'));
  return { disconnected };
}
