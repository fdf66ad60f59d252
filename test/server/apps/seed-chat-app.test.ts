import { test } from 'node:test';
import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import { createReferenceServer } from '../../../server/reference-server.js';
import { seedChatRefusalKind } from '../../../server/apps/seed-chat-app.js';
import { collect, connectClient, metricsJson, WAIT_MS, type ClientTransport } from './app-test-clients.js';

/** Everything one chat client received, by event, attached before it connected. */
interface ChatClient {
  socket: Socket;
  sid: string;
  addChat: unknown[][];
  reply: unknown[][];
  myReply: unknown[][];
}

async function chatClient(url: string, transport: ClientTransport): Promise<ChatClient> {
  let addChat: unknown[][] = [];
  let reply: unknown[][] = [];
  let myReply: unknown[][] = [];
  const socket = await connectClient(url, transport, {}, (s) => {
    addChat = collect(s, 'addChat');
    reply = collect(s, 'reply');
    myReply = collect(s, 'my reply');
  });
  return { socket, sid: socket.id ?? '', addChat, reply, myReply };
}

/**
 * The seed has no acks; its `message` handler replies to everyone, so `actor` emitting `message` and every
 * client receiving that reply proves that the server handled what `actor` sent before, and that whatever it
 * emitted meanwhile has arrived.
 */
async function barrier(actor: ChatClient, everyone: readonly ChatClient[]): Promise<void> {
  await sendMessageAndAwaitReplies(actor, everyone, 'barrier');
}

/** `actor` emits `message`; resolves when every client got the reply, removing that reply from their lists. */
async function sendMessageAndAwaitReplies(actor: ChatClient, everyone: readonly ChatClient[], data: unknown): Promise<void> {
  const arrivals = everyone.map((client) => waitForReplyFrom(client, actor.sid));
  actor.socket.emit('message', data);
  await Promise.all(arrivals);
  for (const client of everyone) {
    const last = client.reply.pop();
    assert.deepEqual(last, [{ message: 'hello', sid: actor.sid }]);
  }
}

/** Resolves when `client` gets the `reply` that `barrier` asked `sid` to cause. */
function waitForReplyFrom(client: ChatClient, sid: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.socket.off('reply', onReply);
      reject(new Error(`no barrier reply from ${sid} within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const onReply = (data: unknown): void => {
      if (typeof data !== 'object' || data === null || (data as { sid?: unknown }).sid !== sid) return;
      clearTimeout(timer);
      client.socket.off('reply', onReply);
      resolve();
    };
    client.socket.on('reply', onReply);
  });
}

for (const transport of ['websocket', 'polling'] as const satisfies readonly ClientTransport[]) {
  test(`seed chat over ${transport}, end to end with three official clients`, async (t) => {
    const server = await createReferenceServer({ app: 'seed-chat' });
    const clients: ChatClient[] = [];
    t.after(async () => {
      for (const client of clients) client.socket.close();
      await server.close();
    });
    const a = await chatClient(server.url, transport);
    clients.push(a);
    const b = await chatClient(server.url, transport);
    clients.push(b);
    const c = await chatClient(server.url, transport);
    clients.push(c);
    await barrier(c, clients);

    // connect → addChat with the sid, to everyone (the newcomer included, as python-socketio does).
    assert.deepEqual(a.addChat, [[a.sid], [b.sid], [c.sid]]);
    assert.deepEqual(b.addChat, [[b.sid], [c.sid]]);
    assert.deepEqual(c.addChat, [[c.sid]]);

    // message → reply { message: 'hello', sid } to everyone.
    // (sendMessageAndAwaitReplies checks that each client got exactly that reply, and nothing after it.)
    await sendMessageAndAwaitReplies(a, clients, 'hi there');
    for (const client of clients) assert.deepEqual(client.reply, []);

    // sendMessage { content, destId } → reply with the content to destId only.
    b.socket.emit('sendMessage', { content: 'psst, c', destId: c.sid });
    await barrier(b, clients);
    assert.deepEqual([a.reply, b.reply, c.reply], [[], [], [['psst, c']]]);
    c.reply.length = 0;

    // enter room / my message → my reply to 'my room', skipping the sender.
    a.socket.emit('enter room', { room: 'my room' });
    await barrier(a, clients);
    c.socket.emit('enter room', { room: 'my room' });
    await barrier(c, clients);
    b.socket.emit('my message', { text: 'from outside' });
    await barrier(b, clients);
    a.socket.emit('my message', 'from a');
    await barrier(a, clients);
    assert.deepEqual(a.myReply, [[{ text: 'from outside' }]]);
    assert.deepEqual(b.myReply, []);
    assert.deepEqual(c.myReply, [[{ text: 'from outside' }], ['from a']]);

    // leave room: c no longer gets it.
    c.socket.emit('leave room', { room: 'my room' });
    await barrier(c, clients);
    b.socket.emit('my message', 'after leave');
    await barrier(b, clients);
    assert.deepEqual(a.myReply.at(-1), ['after leave']);
    assert.equal(c.myReply.length, 2);

    // Malformed payloads (the Python handlers would raise): counted, dropped, nothing sent.
    b.socket.emit('sendMessage', { content: 'no destination' });
    b.socket.emit('enter room', 'my room');
    b.socket.emit('leave room', { room: 7 });
    await barrier(b, clients);
    assert.deepEqual([a.reply, b.reply, c.reply], [[], [], []]);
    assert.deepEqual((await metricsJson(server.url)).refusedByKind, {
      [seedChatRefusalKind('sendMessage')]: 1,
      [seedChatRefusalKind('enter room')]: 1,
      [seedChatRefusalKind('leave room')]: 1,
    });
  });
}

for (const transport of ['websocket', 'polling'] as const satisfies readonly ClientTransport[]) {
  test(`seed chat over ${transport}: connect(sid, environ) takes clients with no CONNECT payload and with auth`, async (t) => {
    const server = await createReferenceServer({ app: 'seed-chat' });
    const sockets: Socket[] = [];
    t.after(async () => {
      for (const socket of sockets) socket.close();
      await server.close();
    });
    for (const auth of [undefined, { token: 'x' }]) {
      // Without `auth` the client sends a bare CONNECT ("40"), which the handler gets as auth undefined.
      const socket = io(server.url, { transports: [transport], reconnection: false, forceNew: true, ...(auth === undefined ? {} : { auth }) });
      sockets.push(socket);
      const added = new Promise<unknown[]>((resolve) => socket.once('addChat', (...args: unknown[]) => resolve(args)));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      assert.deepEqual(await added, [socket.id]);
    }
    assert.deepEqual((await metricsJson(server.url)).refusedByKind, {});
  });
}
