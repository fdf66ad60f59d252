/**
 * Client child of the client-cost benchmark, run with --expose-gc:
 * `node --expose-gc client-child.js URL lean|official CLIENTS`. Connects CLIENTS idle clients of one kind (after a
 * warm-up batch that absorbs one-time costs: module code, pools, JIT), reports memory per client after forced GC,
 * then counts broadcasts and the CPU it spends receiving them when the parent arms it.
 */
import { createClient } from '../../loadgen/client/create-client.js';
import { cpuNowUs, isToClientMessage } from './messages.js';
const WARMUP_CLIENTS = 50;
const CONNECT_BATCH = 50;
function send(message) {
    process.send?.(message);
}
const gc = globalThis.gc;
const [url, kindArg, countArg] = process.argv.slice(2);
const kind = kindArg === 'lean' || kindArg === 'official' ? kindArg : undefined;
const count = Number(countArg);
if (gc === undefined || url === undefined || kind === undefined || !Number.isSafeInteger(count) || count < 1) {
    throw new Error('usage: node --expose-gc client-child.js URL lean|official CLIENTS (forked with IPC)');
}
let received = 0;
let expected = Infinity;
let armedCpuUs = 0;
const handlers = {
    onEvent() {
        received++;
        if (received === expected) {
            send({ type: 'received', events: received, cpuUs: cpuNowUs() - armedCpuUs });
            expected = Infinity;
        }
    },
    onDisconnect(reason, description) {
        send({ type: 'failed', message: `a client disconnected: ${reason} ${description ?? ''}` });
    },
};
const options = { url, path: '/socket.io/', namespace: '/', transport: 'websocket', parser: 'default', connectTimeoutMs: 20_000 };
const create = createClient(kind);
const clients = [];
async function connectMany(total) {
    for (let done = 0; done < total; done += CONNECT_BATCH) {
        const batch = [];
        for (let i = 0; i < Math.min(CONNECT_BATCH, total - done); i++) {
            const client = create(options, handlers);
            clients.push(client);
            batch.push(client.connect());
        }
        await Promise.all(batch);
    }
}
function measure() {
    gc();
    gc();
    const usage = process.memoryUsage();
    // external already includes arrayBuffers.
    return { heapPlusExternal: usage.heapUsed + usage.external, rss: usage.rss };
}
await connectMany(WARMUP_CLIENTS);
const before = measure();
await connectMany(count);
// Let the last handshakes' transient buffers go before measuring.
await new Promise((resolve) => setTimeout(resolve, 500));
const after = measure();
send({
    type: 'memory',
    clients: count,
    heapPlusExternalBytesPerClient: (after.heapPlusExternal - before.heapPlusExternal) / count,
    rssBytesPerClient: (after.rss - before.rss) / count,
});
process.on('message', (message) => {
    if (!isToClientMessage(message))
        return;
    switch (message.type) {
        case 'arm':
            received = 0;
            expected = message.expected;
            armedCpuUs = cpuNowUs();
            return;
        case 'stop':
            for (const client of clients)
                client.disconnect();
            process.disconnect();
            return;
    }
});
//# sourceMappingURL=client-child.js.map