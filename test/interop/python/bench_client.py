"""Interop check of the reference server's bench app with python-socketio's client (a client no one here wrote).

Usage: /usr/bin/python3 bench_client.py URL TRANSPORT   (TRANSPORT: websocket | polling)

Two clients, A (clientIndex 0) and B (clientIndex 1), connect over TRANSPORT only. Both join room 'interop';
A echoes text and binary with an ack; B broadcasts to the room (A must get it, B must not); A sends a direct to
B's personal room 'client:1' with a binary payload. Prints one JSON line with everything observed (bytes as
{"$bytes": hex}) for the Node test to compare exactly, and exits 0; any failure exits 1 with the reason.
"""
import json
import os
import sys
import threading

import socketio

TIMEOUT_S = 10


def plain(value):
    """Makes a received value printable as JSON: bytes become {"$bytes": hex}."""
    if isinstance(value, (bytes, bytearray)):
        return {'$bytes': bytes(value).hex()}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def client(url, transport, index, inbox, arrived):
    sio = socketio.Client(reconnection=False, handle_sigint=False)

    @sio.on('broadcast')
    def on_broadcast(message):
        inbox.append(('broadcast', index, message))
        arrived.set()

    @sio.on('direct')
    def on_direct(message):
        inbox.append(('direct', index, message))
        arrived.set()

    sio.connect(url, transports=[transport], auth={'clientIndex': index}, wait_timeout=TIMEOUT_S)
    return sio


def main():
    url, transport = sys.argv[1], sys.argv[2]
    inbox = []
    arrived = threading.Event()
    a = client(url, transport, 0, inbox, arrived)
    b = client(url, transport, 1, inbox, arrived)
    result = {'transportA': a.transport(), 'transportB': b.transport()}
    result['joinA'] = a.call('join', {'room': 'interop'}, timeout=TIMEOUT_S)
    result['joinB'] = b.call('join', {'room': 'interop'}, timeout=TIMEOUT_S)
    result['echoText'] = a.call('echo', {'text': 'héllo', 'n': [1, 2.5, None, True]}, timeout=TIMEOUT_S)
    result['echoBinary'] = plain(a.call('echo', {'blob': b'\x00\x01\xfe\xff', 'nested': [b'abc']}, timeout=TIMEOUT_S))
    result['badJoin'] = a.call('join', {'room': 42}, timeout=TIMEOUT_S)

    b.emit('broadcast', {'room': 'interop', 'from': 1, 'seq': 0, 't0Us': 5, 'sentUs': 6, 'payload': 'to the room'})
    if not arrived.wait(TIMEOUT_S):
        raise RuntimeError('no broadcast arrived')
    arrived.clear()
    a.emit('direct', {'to': 'client:1', 'from': 0, 'seq': 0, 't0Us': 7, 'sentUs': 8, 'payload': b'\x10\x20'})
    if not arrived.wait(TIMEOUT_S):
        raise RuntimeError('no direct arrived')
    # A round trip on each client after the sends: anything else either of them was sent has arrived by now.
    a.call('echo', 'flush', timeout=TIMEOUT_S)
    b.call('echo', 'flush', timeout=TIMEOUT_S)
    result['received'] = [[event, index, plain(message)] for event, index, message in inbox]
    result['leaveA'] = a.call('leave', {'room': 'interop'}, timeout=TIMEOUT_S)
    a.disconnect()
    b.disconnect()
    print(json.dumps(result, sort_keys=True))


if __name__ == '__main__':
    try:
        main()
    except Exception as error:  # any failure: report it to the Node test and exit non-zero
        print(f'{type(error).__name__}: {error}', file=sys.stderr, flush=True)
        # os._exit: the clients' background threads would otherwise keep a failed run alive.
        os._exit(1)
