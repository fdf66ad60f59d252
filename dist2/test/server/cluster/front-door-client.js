/**
 * Test helper: starts a front door on a loopback port (closed after the test) and sends it one request per
 * connection (agent: false: the door routes connections, and a kept-alive one would stay put).
 */
import { EventEmitter } from 'node:events';
import { request } from 'node:http';
export async function listenFrontDoor(t, door) {
    await new Promise((resolve) => door.server.listen(0, '127.0.0.1', resolve));
    t.after(() => {
        door.destroyConnections();
        door.server.close();
    });
    const port = door.server.address().port;
    return (method, path, body) => new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(text));
        });
        req.once('error', reject);
        req.end(body);
    });
}
/**
 * Stands in for sticky: takes over a connection's data and answers each complete request with `bodyPrefix`, its
 * method, target and body; `requests` lists those answers, `nextRequest` resolves at the next one.
 */
export function fakeSticky(bodyPrefix = '') {
    const workers = new EventEmitter();
    const requests = [];
    let onRequest;
    workers.on('connection', (socket) => {
        socket.removeAllListeners('data');
        let raw = Buffer.alloc(0);
        socket.on('data', (chunk) => {
            raw = Buffer.concat([raw, chunk]);
            const headerEnd = raw.indexOf('\r\n\r\n');
            if (headerEnd < 0)
                return;
            const head = raw.subarray(0, headerEnd).toString('latin1');
            const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
            if (raw.length < headerEnd + 4 + length)
                return;
            const body = `${bodyPrefix}${head.split(' ', 2).join(' ')} ${raw.subarray(headerEnd + 4).toString('utf8')}`;
            requests.push(body);
            onRequest?.();
            socket.end(`HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
        });
    });
    return { workers, requests, nextRequest: () => new Promise((resolve) => (onRequest = () => resolve('routed'))) };
}
//# sourceMappingURL=front-door-client.js.map