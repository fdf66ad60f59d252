"""python-socketio's client against the reference server's python-socketio API (test/interop/server-api-app.ts).

Usage: /usr/bin/python3 server_api_client.py URL TRANSPORT   (TRANSPORT: websocket | polling)

Each step exercises one row of docs/server-api.md and records what the Python client observed under that row's
key. Prints one JSON line for the Node test to compare exactly; exits 1 on failure. Sids are replaced by 'A'/'B'.
"""
import json
import sys
import threading

import socketio

TIMEOUT_S = 10


class Recorder:
    """A client of the main namespace that records the server's pushes by event, and can wait for one.

    (python-socketio's client connects every namespace it has handlers for, so this one has handlers on '/' only.)
    """

    def __init__(self, url, transport, **connect_args):
        self.events = []
        self.arrived = threading.Condition()
        self.sio = socketio.Client(reconnection=False, handle_sigint=False)
        self.disconnected = threading.Event()
        self.sio.on('disconnect', self.disconnected.set)
        self.sio.on('*', self.record)
        self.sio.on('question', self.question)
        self.sio.on('empty question', lambda *args: None)
        self.sio.connect(url, transports=[transport], wait_timeout=TIMEOUT_S, **connect_args)

    def record(self, event, *args):
        with self.arrived:
            self.events.append([event, *[data(arg) for arg in args]])
            self.arrived.notify_all()

    def question(self, *args):
        self.record('question', *args)
        return ('answer', len(args))

    def wait_for(self, event):
        with self.arrived:
            if not self.arrived.wait_for(lambda: any(e[0] == event for e in self.events), TIMEOUT_S):
                raise RuntimeError(f'no {event!r} within {TIMEOUT_S}s')
            found = next(e for e in self.events if e[0] == event)
            self.events.remove(found)
            return found[1:]

    def seen(self, event):
        with self.arrived:
            return [e[1:] for e in self.events if e[0] == event]


def data(value):
    """JSON-friendly: bytes as {'$bytes': hex}, a tuple (several arguments) as {'tuple': [...]}."""
    if isinstance(value, bytes):
        return {'$bytes': value.hex()}
    if isinstance(value, tuple):
        return {'tuple': [data(v) for v in value]}
    if isinstance(value, list):
        return [data(v) for v in value]
    if isinstance(value, dict):
        return {k: data(v) for k, v in value.items()}
    return value


def connect_errors(url, transport, **connect_args):
    """What connect_error handlers get when the server refuses the connection."""
    errors = []
    sio = socketio.Client(reconnection=False, handle_sigint=False)
    sio.on('connect_error', lambda *args: errors.append(data(list(args))))
    try:
        sio.connect(url, transports=[transport], wait_timeout=TIMEOUT_S, **connect_args)
    except socketio.exceptions.ConnectionError:
        pass
    else:
        raise RuntimeError('connected, but a refusal was expected')
    finally:
        # A refused namespace leaves the Engine.IO connection open; its threads would keep Python from exiting.
        sio.eio.disconnect(abort=True)
    return errors


def main():
    url, transport = sys.argv[1], sys.argv[2]
    out = {}
    out['connectRefusedError'] = connect_errors(url, transport, auth={'refuse': True})
    out['connectReturnsFalse'] = connect_errors(url, transport, auth={'reject': True})

    a = Recorder(url, transport)
    b = Recorder(url + '?probe=42', transport, auth={'name': 'bo'}, headers={'X-Probe': 'yes'})
    sids = {a.sio.get_sid(): 'A', b.sio.get_sid(): 'B'}

    def named(value):
        if isinstance(value, str):
            return sids.get(value, value)
        if isinstance(value, list):
            return [named(v) for v in value]
        if isinstance(value, dict):
            return {k: named(v) for k, v in value.items()}
        return value

    out['connectAuthNone'] = data(a.sio.call('whoami', timeout=TIMEOUT_S))
    out['connectAuth'] = data(b.sio.call('whoami', timeout=TIMEOUT_S))
    out['session'] = [a.sio.call('rename', 'ana', timeout=TIMEOUT_S), data(a.sio.call('whoami', timeout=TIMEOUT_S))]
    out['saveSession'] = data(a.sio.call('replace session', {'fresh': True}, timeout=TIMEOUT_S))
    out['getEnviron'] = b.sio.call('environ', timeout=TIMEOUT_S)
    out['transport'] = a.sio.call('transport', timeout=TIMEOUT_S)
    out['ackTuple'] = data(a.sio.call('pair', timeout=TIMEOUT_S))
    out['ackList'] = data(a.sio.call('list', timeout=TIMEOUT_S))
    out['ackNone'] = a.sio.call('nothing', timeout=TIMEOUT_S)
    out['catchAll'] = data(a.sio.call('no such handler', (1, b'\x02'), timeout=TIMEOUT_S))

    out['enterRoom'] = [a.sio.call('enter', 'red', timeout=TIMEOUT_S), b.sio.call('enter', 'red', timeout=TIMEOUT_S)]
    out['emitRoomSkipSid'] = [a.sio.call('tell', {'event': 'news', 'data': 'to red', 'to': 'red', 'skipSelf': True}, timeout=TIMEOUT_S)]
    out['emitRoomSkipSid'].append(b.wait_for('news'))
    out['emitToSid'] = [a.sio.call('tell', {'event': 'direct', 'data': {'x': b'\x01'}, 'to': b.sio.get_sid(), 'skipSelf': False}, timeout=TIMEOUT_S)]
    out['emitToSid'].append(b.wait_for('direct'))
    out['emitAll'] = [b.sio.call('tell', {'event': 'all', 'data': [1, 2], 'skipSelf': False}, timeout=TIMEOUT_S)]
    out['emitAll'].append([a.wait_for('all'), b.wait_for('all')])
    out['emitTuple'] = [a.sio.call('tell pair', timeout=TIMEOUT_S), a.wait_for('pair pushed')]
    out['leaveRoom'] = a.sio.call('leave', 'red', timeout=TIMEOUT_S)
    b.sio.call('enter', 'blue', timeout=TIMEOUT_S)
    out['closeRoom'] = [b.sio.call('close', 'blue', timeout=TIMEOUT_S), b.sio.call('close', 'red', timeout=TIMEOUT_S)]
    out['send'] = [a.sio.call('send me', 'via send', timeout=TIMEOUT_S), a.wait_for('message')]
    a.sio.send({'hello': 'server'})
    out['messageHandler'] = a.wait_for('message seen')
    out['call'] = [data(a.sio.call('call me', timeout=TIMEOUT_S)), a.wait_for('question')]
    out['callEmptyAck'] = a.sio.call('call me empty', timeout=TIMEOUT_S)
    out['emitCallback'] = [a.sio.call('callback me', timeout=TIMEOUT_S), a.wait_for('question'), a.wait_for('callback args')]

    c = socketio.Client(reconnection=False, handle_sigint=False)
    shouted = []
    c.on('shouted', lambda text: shouted.append(text), namespace='/ns')
    c.connect(url, transports=[transport], namespaces=['/ns'], auth={'who': 'c'}, wait_timeout=TIMEOUT_S)
    d = socketio.Client(reconnection=False, handle_sigint=False)
    d_shouted = threading.Event()
    d.on('shouted', lambda text: (shouted.append(['d', text]), d_shouted.set()), namespace='/ns')
    d.connect(url, transports=[transport], namespaces=['/ns'], wait_timeout=TIMEOUT_S)
    out['registerNamespace'] = [
        c.call('echo', {'n': 1}, namespace='/ns', timeout=TIMEOUT_S),
        data(c.call('whoami', namespace='/ns', timeout=TIMEOUT_S)),
        data(d.call('whoami', namespace='/ns', timeout=TIMEOUT_S)),
        c.call('shout', 'hey', namespace='/ns', timeout=TIMEOUT_S),
    ]
    if not d_shouted.wait(TIMEOUT_S):
        raise RuntimeError('d got no shout')
    out['registerNamespace'].append(shouted)
    c.disconnect()
    d.disconnect()

    out['disconnect'] = a.sio.call('disconnect me', timeout=TIMEOUT_S)
    if not a.disconnected.wait(TIMEOUT_S):
        raise RuntimeError('the server did not disconnect a')
    out['leftovers'] = {'a': a.events, 'b': b.events}
    b.sio.disconnect()
    print(json.dumps(named(out)))


if __name__ == '__main__':
    try:
        main()
    except Exception as error:  # noqa: BLE001 - report any failure to the Node test
        print(f'{type(error).__name__}: {error}', file=sys.stderr)
        sys.exit(1)
