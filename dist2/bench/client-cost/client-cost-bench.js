/**
 * Client-cost benchmark: what one connected client costs the load generator, lean vs official.
 * Memory: CLIENTS idle websocket clients of one kind in a process of their own (--expose-gc), heap+external and
 * RSS delta per client. CPU: the server (its own process) broadcasts to all of them; CPU per delivered message on
 * the client side beside the server's CPU per delivery for the same messages.
 * Run alone: node dist/bench/client-cost/client-cost-bench.js [CLIENTS] [MESSAGES]
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isFromClientMessage, isFromServerMessage, } from './messages.js';
/** Idle clients per kind. The figures (lean < 5 KiB, socket.io-client ~17 KiB) are per client at this scale. */
export const DEFAULT_CLIENTS = 2000;
/** Broadcasts per kind per round of BenchSettings. */
const MESSAGES_PER_ROUND = 20;
const PAYLOAD_BYTES = 100;
const STEP_TIMEOUT_MS = 120_000;
function nextMessage(child, accept, what) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`client-cost: timed out waiting for ${what}`)), STEP_TIMEOUT_MS);
        const onMessage = (message) => {
            if (!accept(message))
                return;
            if (message.type === 'failed')
                return finish(new Error(`client-cost: ${message.message}`));
            finish(undefined, message);
        };
        const onExit = (code) => finish(new Error(`client-cost: child exited (${code}) while waiting for ${what}`));
        function finish(error, message) {
            clearTimeout(timer);
            child.off('message', onMessage);
            child.off('exit', onExit);
            if (error !== undefined)
                reject(error);
            else
                resolve(message);
        }
        child.on('message', onMessage);
        child.once('exit', onExit);
    });
}
function ofType(type, guard) {
    return (message) => guard(message) && (message.type === type || message.type === 'failed');
}
/** Measures one client kind: memory of `clients` idle clients, then CPU over `messages` broadcasts to all. */
export async function measureClientCost(kind, clients, messages) {
    const server = fork(fileURLToPath(new URL('./server-child.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let client;
    try {
        const listening = (await nextMessage(server, ofType('listening', isFromServerMessage), 'the server'));
        client = fork(fileURLToPath(new URL('./client-child.js', import.meta.url)), [`http://127.0.0.1:${listening.port}`, kind, String(clients)], {
            execArgv: ['--expose-gc'],
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const memory = (await nextMessage(client, ofType('memory', isFromClientMessage), 'the memory figures'));
        const connectedTotal = clients + 50; // the child's warm-up batch receives broadcasts too
        const deliveries = messages * connectedTotal;
        const serverCpu = () => {
            const reply = nextMessage(server, ofType('cpu', isFromServerMessage), 'server CPU');
            server.send({ type: 'read-cpu' });
            return reply;
        };
        const serverBefore = await serverCpu();
        if (serverBefore.connections !== connectedTotal)
            throw new Error(`client-cost: server holds ${serverBefore.connections} connections, expected ${connectedTotal}`);
        client.send({ type: 'arm', expected: deliveries });
        const received = nextMessage(client, ofType('received', isFromClientMessage), 'all broadcasts');
        server.send({ type: 'broadcast', messages, payloadBytes: PAYLOAD_BYTES });
        const done = (await received);
        const serverAfter = await serverCpu();
        return {
            kind,
            clients,
            heapPlusExternalBytesPerClient: memory.heapPlusExternalBytesPerClient,
            rssBytesPerClient: memory.rssBytesPerClient,
            deliveries,
            clientCpuUsPerDelivery: done.cpuUs / deliveries,
            serverCpuUsPerDelivery: (serverAfter.cpuUs - serverBefore.cpuUs) / deliveries,
        };
    }
    finally {
        if (client?.connected)
            client.send({ type: 'stop' });
        if (server.connected)
            server.send({ type: 'stop' });
        client?.kill();
        server.kill();
    }
}
/** The figures as a Markdown table. */
export function formatClientCost(figures) {
    const kib = (bytes) => (bytes / 1024).toFixed(2);
    const lines = [
        '| client | idle clients | heap+external KiB/client | RSS KiB/client | deliveries | client CPU µs/delivery | server CPU µs/delivery | client/server |',
        '|---|---|---|---|---|---|---|---|',
    ];
    for (const f of figures) {
        lines.push(`| ${f.kind} | ${f.clients} | ${kib(f.heapPlusExternalBytesPerClient)} | ${kib(f.rssBytesPerClient)} | ${f.deliveries} | ` +
            `${f.clientCpuUsPerDelivery.toFixed(2)} | ${f.serverCpuUsPerDelivery.toFixed(2)} | ${(f.clientCpuUsPerDelivery / f.serverCpuUsPerDelivery).toFixed(2)} |`);
    }
    return lines.join('\n');
}
/** Both kinds, one after the other, each with fresh processes. */
export async function runClientCost(clients, messages) {
    const figures = [];
    for (const kind of ['lean', 'official']) {
        process.stderr.write(`client-cost: ${kind}, ${clients} clients, ${messages} broadcasts\n`);
        figures.push(await measureClientCost(kind, clients, messages));
    }
    return `client-cost (websocket, ${PAYLOAD_BYTES}-byte payloads):\n\n${formatClientCost(figures)}`;
}
export const clientCostBench = {
    name: 'client-cost',
    description: 'memory per idle client and CPU per received broadcast: lean vs official client, beside the server',
    run: (settings) => runClientCost(DEFAULT_CLIENTS, MESSAGES_PER_ROUND * settings.rounds),
};
if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const clients = Number(process.argv[2] ?? DEFAULT_CLIENTS);
    const messages = Number(process.argv[3] ?? MESSAGES_PER_ROUND * 4);
    process.stdout.write(`${await runClientCost(clients, messages)}\n`);
}
//# sourceMappingURL=client-cost-bench.js.map