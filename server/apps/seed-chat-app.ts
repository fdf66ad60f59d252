/**
 * The `seed-chat` app: python-socketio's classic chat example (the project's seed), ported handler by handler
 * so that its users see the same behaviour. The Python original, for reference:
 *
 *   @sio.on('connect')      def connect(sid, environ):   sio.emit('addChat', sid)
 *   @sio.on('message')      def message(sid, data):      sio.emit('reply', {'message': 'hello', 'sid': sid})
 *   @sio.on('sendMessage')  def sendMessage(sid, data):  sio.emit('reply', data['content'], room=data['destId'])
 *   @sio.on('disconnect')   def disconnect(sid):         print('disconnect ', sid)
 *   @sio.on('enter room')   def enter_room(sid, data):   sio.enter_room(sid, data['room'])
 *   @sio.on('leave room')   def leave_room(sid, data):   sio.leave_room(sid, data['room'])
 *   @sio.on('my message')   def message(sid, data):      sio.emit('my reply', data, room='my room', skip_sid=sid)
 *
 * (The seed registers 'my message' twice; the second registration, with skip_sid, is the one that takes effect.)
 * Where the Python handlers would raise on a malformed payload (a KeyError, logged by python-socketio and
 * otherwise ignored), these count the request as refused and drop it. The prints are left out: no logging on
 * the message path.
 */
import type { NamespaceName, RoomName, Sid } from '../ids.js';
import type { Handshake, ReferenceServer } from '../types.js';
import type { AppHooks } from './app-hooks.js';

/** The room that `my message` is relayed to, as in the seed. */
export const SEED_CHAT_ROOM: RoomName = 'my room';

function stringField(data: unknown, name: string): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The refusal kind (metrics `refusedByKind`) counted for a malformed `event`, e.g. 'seed-chat-malformed-enter room'. */
export function seedChatRefusalKind(event: 'sendMessage' | 'enter room' | 'leave room'): string {
  return `seed-chat-malformed-${event}`;
}

/** Installs the seed chat's handlers on `namespace` (default '/') of `server`. */
export function installSeedChatApp(server: ReferenceServer, hooks: AppHooks, namespace: NamespaceName = '/'): void {
  server.on(
    'connect',
    // python's connect(sid, environ): the seed's signature; auth (undefined without a CONNECT payload) is unused.
    (sid: Sid, _environ: Handshake) => {
      server.emit('addChat', sid, { namespace });
      return true;
    },
    namespace,
  );

  server.on(
    'message',
    (sid: Sid) => {
      server.emit('reply', { message: 'hello', sid }, { namespace });
    },
    namespace,
  );

  server.on(
    'sendMessage',
    (_sid: Sid, data: unknown) => {
      const destId = stringField(data, 'destId');
      if (destId === undefined || typeof data !== 'object' || data === null || !('content' in data)) {
        hooks.countRefused(seedChatRefusalKind('sendMessage'));
        return;
      }
      server.emit('reply', data.content, { to: destId, namespace });
    },
    namespace,
  );

  const roomHandler = (event: 'enter room' | 'leave room') => (sid: Sid, data: unknown) => {
    const room = stringField(data, 'room');
    if (room === undefined) {
      hooks.countRefused(seedChatRefusalKind(event));
      return;
    }
    if (event === 'enter room') server.enterRoom(sid, room, namespace);
    else server.leaveRoom(sid, room, namespace);
  };
  server.on('enter room', roomHandler('enter room'), namespace);
  server.on('leave room', roomHandler('leave room'), namespace);

  server.on(
    'my message',
    (sid: Sid, data: unknown) => {
      server.emit('my reply', data, { to: SEED_CHAT_ROOM, skipSid: sid, namespace });
    },
    namespace,
  );
}
