"""python-socketio's chat example (the seed document's server, its handlers verbatim, two-argument connect included,
served by python-socketio 5's WSGIApp), plus two
events for the custom-event interop scenario: `ping` acks with its data, `shout` emits `shouted` to a room.

Usage: python3 chat_server.py   -> prints `listening http://127.0.0.1:PORT` and serves until killed.
"""
import sys

import eventlet

eventlet.monkey_patch()

import socketio  # noqa: E402  (after monkey_patch, as eventlet requires)

sio = socketio.Server(async_mode='eventlet', cors_allowed_origins='*')


@sio.on('connect')
def connect(sid, environ):
    sio.emit('addChat', sid)


@sio.on('message')
def message(sid, data):
    sio.emit('reply', {'message': 'hello', 'sid': sid})


@sio.on('sendMessage')
def send_message(sid, data):
    sio.emit('reply', data['content'], room=data['destId'])


@sio.on('enter room')
def enter_room(sid, data):
    sio.enter_room(sid, data['room'])


@sio.on('leave room')
def leave_room(sid, data):
    sio.leave_room(sid, data['room'])


@sio.on('my message')
def my_message(sid, data):
    sio.emit('my reply', data, room='my room', skip_sid=sid)


@sio.on('ping')
def ping(sid, data):
    return data


@sio.on('shout')
def shout(sid, data):
    sio.emit('shouted', data, room=data['room'])


if __name__ == '__main__':
    listener = eventlet.listen(('127.0.0.1', 0))
    print('listening http://127.0.0.1:%d' % listener.getsockname()[1], flush=True)
    eventlet.wsgi.server(listener, socketio.WSGIApp(sio), log_output=False, log=open('/dev/null', 'w'))
    sys.exit(0)
