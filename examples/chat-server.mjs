// A plain Socket.IO chat server, written the way socket.io's documentation shows (rooms, acknowledgements,
// socket.to(room).emit). It knows nothing of sio-bench: examples/chat.yml load-tests it as it is.
//
//   node examples/chat-server.mjs              # listens on http://127.0.0.1:3000 (PORT=0 picks a free port)
//   npx sio-bench run examples/chat.yml
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer);

io.on('connection', (socket) => {
  // A client enters a chat room; the acknowledgement tells it the server has done it.
  socket.on('join_room', (room, callback) => {
    socket.join(room);
    callback({ ok: true });
  });

  socket.on('leave_room', (room, callback) => {
    socket.leave(room);
    callback({ ok: true });
  });

  // A chat message goes to everyone else in its room, as it came.
  socket.on('chat', (message) => {
    socket.to(message.room).emit('chat_message', message);
  });

  // A private message to one other client, by its socket id.
  socket.on('direct_message', (message) => {
    socket.to(message.to).emit('direct_message', message);
  });

  // The whole room, sender included, as io.to(room).emit.
  socket.on('announce', (message) => {
    io.to(message.room).emit('announcement', message);
  });

  // A round trip with an acknowledgement.
  socket.on('ping', (callback) => {
    callback();
  });
});

httpServer.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${httpServer.address().port}`);
});
