"""python-engineio's client (Debian python3-engineio) against `serve --app engine-echo` (a raw Engine.IO echo server).

Usage: /usr/bin/python3 engine_echo_client.py URL TRANSPORT TEXT   (TRANSPORT: websocket | polling)

Sends TEXT and a binary message and prints one JSON line with what came back and the transport used.
"""
import json
import sys
import threading

import engineio

TIMEOUT_S = 10


def main():
    url, transport, text = sys.argv[1], sys.argv[2], sys.argv[3]
    received = []
    both = threading.Event()
    client = engineio.Client()

    @client.on('message')
    def message(data):
        received.append({'$bytes': data.hex()} if isinstance(data, bytes) else data)
        if len(received) == 2:
            both.set()

    client.connect(url, transports=[transport])
    client.send(text)
    client.send(b'\x00\x01\xfe\xff')
    if not both.wait(TIMEOUT_S):
        raise RuntimeError(f'only {received!r} came back within {TIMEOUT_S}s')
    used = client.transport()
    client.disconnect()
    print(json.dumps({'transport': used, 'received': received}))


if __name__ == '__main__':
    main()
