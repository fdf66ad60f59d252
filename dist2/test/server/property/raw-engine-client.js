/**
 * Raw Engine.IO sessions for the property tests: a websocket that sends whatever frames it is given and queues
 * what the server sends, and a long-polling session driven with plain fetch. Every wait is bounded by WAIT_MS.
 */
import WebSocket from 'ws';
/** The longest any single wait may take, ms. */
export const WAIT_MS = 5_000;
/** Opens a raw Engine.IO v4 websocket and takes its open packet; with `connect`, also joins namespace '/'. */
export async function openRawWebSocket(port, connect) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    const queue = [];
    const waiters = [];
    ws.on('message', (data, isBinary) => {
        if (isBinary)
            return;
        const text = data.toString();
        // Answer heartbeats so that a slow run is never closed for a missed pong.
        if (text === '2') {
            ws.send('3');
            return;
        }
        const waiter = waiters.shift();
        if (waiter !== undefined)
            waiter(text);
        else
            queue.push(text);
    });
    ws.on('error', () => undefined);
    const closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    const next = () => {
        const queued = queue.shift();
        if (queued !== undefined)
            return Promise.resolve(queued);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no message within ${WAIT_MS} ms`)), WAIT_MS);
            waiters.push((message) => {
                clearTimeout(timer);
                resolve(message);
            });
        });
    };
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`websocket not open within ${WAIT_MS} ms`)), WAIT_MS);
        ws.once('open', () => {
            clearTimeout(timer);
            resolve();
        });
    });
    const raw = {
        send: (frame) => ws.send(frame),
        next,
        closed,
        isOpen: () => ws.readyState === WebSocket.OPEN,
        terminate: () => ws.terminate(),
    };
    const open = await next();
    if (!open.startsWith('0{'))
        throw new Error(`expected an open packet, got ${open}`);
    if (connect) {
        ws.send('40');
        const connected = await next();
        if (!connected.startsWith('40{'))
            throw new Error(`expected a CONNECT ack, got ${connected}`);
    }
    return raw;
}
export async function openRawPolling(url) {
    const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, { signal: AbortSignal.timeout(WAIT_MS) });
    const body = await response.text();
    const sid = /^0\{"sid":"([^"]+)"/.exec(body)?.[1];
    if (sid === undefined)
        throw new Error(`polling handshake: ${body}`);
    const sessionUrl = `${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    return {
        sid,
        post: async (payload) => {
            const posted = await fetch(sessionUrl, { method: 'POST', body: payload, headers: { 'content-type': 'text/plain;charset=UTF-8' }, signal: AbortSignal.timeout(WAIT_MS) });
            await posted.arrayBuffer();
            return posted.status;
        },
        poll: async () => (await fetch(sessionUrl, { signal: AbortSignal.timeout(WAIT_MS) })).text(),
    };
}
//# sourceMappingURL=raw-engine-client.js.map