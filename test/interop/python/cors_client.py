"""python-socketio's client against a reference server started with cors origin ['http://a.example'].

Usage: /usr/bin/python3 cors_client.py URL TRANSPORT   (TRANSPORT: websocket | polling)

Connects once with Origin http://b.example (refused: 400) and once with Origin http://a.example (accepted), and
prints one JSON line with what the client saw.
"""
import json
import sys

import socketio

TIMEOUT_S = 10


def attempt(url, transport, origin):
    errors = []
    sio = socketio.Client(reconnection=False, handle_sigint=False)
    sio.on('connect_error', lambda *args: errors.append(args[0] if args else None))
    try:
        sio.connect(url, transports=[transport], headers={'Origin': origin}, wait_timeout=TIMEOUT_S)
    except socketio.exceptions.ConnectionError:
        sio.eio.disconnect(abort=True)
        return {'connected': False, 'error': errors[0] if errors else None}
    sio.disconnect()
    return {'connected': True}


def main():
    url, transport = sys.argv[1], sys.argv[2]
    print(json.dumps({
        'otherOrigin': attempt(url, transport, 'http://b.example'),
        'allowedOrigin': attempt(url, transport, 'http://a.example'),
    }))


if __name__ == '__main__':
    main()
