"""A python-socketio server with prometheus_client's default collectors (process_cpu_seconds_total,
process_resident_memory_bytes, ...) and a connected-clients gauge at /metrics, as a Python team would expose it.
`echo` acks with its data.

Usage: python3 prometheus_server.py   -> prints `listening http://127.0.0.1:PORT` and serves until killed.
"""
import eventlet

eventlet.monkey_patch()

import socketio  # noqa: E402  (after monkey_patch, as eventlet requires)
from prometheus_client import Gauge, make_wsgi_app  # noqa: E402

sio = socketio.Server(async_mode='eventlet')
connected = Gauge('socket_io_connected', 'Socket.IO clients connected.')


@sio.on('connect')
def connect(sid, environ, auth=None):
    connected.inc()


@sio.on('disconnect')
def disconnect(sid, *args):
    connected.dec()


@sio.on('echo')
def echo(sid, *data):
    return data


if __name__ == '__main__':
    app = socketio.WSGIApp(sio, wsgi_app=make_wsgi_app())
    listener = eventlet.listen(('127.0.0.1', 0))
    print('listening http://127.0.0.1:%d' % listener.getsockname()[1], flush=True)
    eventlet.wsgi.server(listener, app, log_output=False, log=open('/dev/null', 'w'))
