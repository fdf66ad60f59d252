"""The seed chat example's flow with three python-socketio clients against the reference server's seed-chat app.

Usage: /usr/bin/python3 seed_chat_clients.py URL TRANSPORT   (TRANSPORT: websocket | polling)

Prints one JSON line with what each client received, for the Node test to compare exactly; exits 1 on failure.
The seed has no acks, so after each step the acting client emits 'message' and everyone waits for the
resulting reply (the server handles one client's events in order, and sends to each client in order).
"""
import json
import os
import sys
import threading

import socketio

TIMEOUT_S = 10


class ChatClient:
    def __init__(self, name, url, transport):
        self.name = name
        self.received = []
        self.barrier_seen = threading.Condition()
        self.barriers = []
        self.sio = socketio.Client(reconnection=False, handle_sigint=False)
        self.sio.on('addChat', lambda sid: self.received.append(['addChat', sid]))
        self.sio.on('my reply', lambda data: self.received.append(['my reply', data]))
        self.sio.on('reply', self.on_reply)
        self.sio.connect(url, transports=[transport], wait_timeout=TIMEOUT_S)
        self.sid = self.sio.get_sid()

    def on_reply(self, data):
        if isinstance(data, dict) and data.get('message') == 'hello':
            with self.barrier_seen:
                self.barriers.append(data['sid'])
                self.barrier_seen.notify_all()
        else:
            self.received.append(['reply', data])

    def barrier_count(self, sid):
        with self.barrier_seen:
            return self.barriers.count(sid)

    def wait_barrier(self, sid, count):
        with self.barrier_seen:
            if not self.barrier_seen.wait_for(lambda: self.barriers.count(sid) >= count, TIMEOUT_S):
                raise RuntimeError(f'{self.name}: no reply for barrier {count} of {sid}')


def main():
    url, transport = sys.argv[1], sys.argv[2]
    clients = []

    def barrier(actor):
        expected = [client.barrier_count(actor.sid) + 1 for client in clients]
        actor.sio.emit('message', 'barrier')
        for client, count in zip(clients, expected):
            client.wait_barrier(actor.sid, count)

    for name in ('a', 'b', 'c'):
        clients.append(ChatClient(name, url, transport))
        barrier(clients[-1])
    a, b, c = clients
    b.sio.emit('sendMessage', {'content': 'psst, c', 'destId': c.sid})
    barrier(b)
    a.sio.emit('enter room', {'room': 'my room'})
    barrier(a)
    c.sio.emit('enter room', {'room': 'my room'})
    barrier(c)
    b.sio.emit('my message', {'text': 'from outside', 'bytes': b'\x01\x02'})
    barrier(b)
    a.sio.emit('my message', 'from a')
    barrier(a)
    c.sio.emit('leave room', {'room': 'my room'})
    barrier(c)
    b.sio.emit('my message', 'after leave')
    barrier(b)

    sids = {client.sid: client.name for client in clients}
    def named(entry):
        event, data = entry
        if isinstance(data, dict) and 'bytes' in data:
            data = dict(data, bytes=data['bytes'].hex())
        return [event, sids.get(data, data) if isinstance(data, str) else data]
    result = {client.name: [named(entry) for entry in client.received] for client in clients}
    result['barriersSeenByA'] = [sids[sid] for sid in a.barriers]
    for client in clients:
        client.sio.disconnect()
    print(json.dumps(result, sort_keys=True))


if __name__ == '__main__':
    try:
        main()
    except Exception as error:  # any failure: report it to the Node test and exit non-zero
        print(f'{type(error).__name__}: {error}', file=sys.stderr, flush=True)
        # os._exit: the clients' background threads would otherwise keep a failed run alive.
        os._exit(1)
