/**
 * Raw-client child of the raw-floor benchmark (forked with IPC), in one of two modes:
 *
 *   raw-client-child.js storm HOST PORT CLIENTS RATE
 *     on 'go', opens CLIENTS raw connections at RATE per second (open model: connect i is due at i / RATE s,
 *     latency counted from then), reports 'storm-done' when every one is open or failed;
 *   raw-client-child.js receive HOST PORT CLIENTS BROADCASTS_PER_SEC PAYLOAD_BYTES
 *     connects CLIENTS raw connections (50 at a time) and joins them all to one room through the bench app,
 *     reports 'ready'; on 'go', client 0 sends BROADCASTS_PER_SEC bench broadcasts per second to that room (the
 *     server forwards each to the other CLIENTS - 1); on 'read', reports the events received and the CPU since 'go'.
 */
import { cpuSince, isToRawChildMessage } from './messages.js';
import { maskedTextFrame, RawConnection } from './raw-connection.js';
const ROOM = 'raw-floor';
const CONNECT_BATCH = 50;
/** Longest a storm waits for its last connects after the last is due, ms. */
const STORM_GRACE_MS = 30_000;
/** Storm schedule timer, ms (the engine's shard runtime ticks about as often). */
const TICK_MS = 10;
function send(message) {
    process.send?.(message);
}
function fatal(message) {
    send({ type: 'failed', message });
    process.exit(1);
}
const [mode, host, portArg, clientsArg, rateArg, payloadArg] = process.argv.slice(2);
const port = Number(portArg);
const clients = Number(clientsArg);
const rate = Number(rateArg);
if ((mode !== 'storm' && mode !== 'receive') || host === undefined || !(port > 0) || !(clients > 1) || !(rate > 0)) {
    fatal('usage: raw-client-child.js storm HOST PORT CLIENTS RATE | receive HOST PORT CLIENTS BROADCASTS_PER_SEC PAYLOAD_BYTES');
}
const connections = [];
let onMessage = () => undefined;
process.on('message', (message) => {
    if (!isToRawChildMessage(message))
        return;
    if (message.type === 'stop') {
        for (const connection of connections)
            connection.closeQuietly();
        process.disconnect();
        return;
    }
    onMessage(message.type);
});
function percentile(sorted, fraction) {
    return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}
function storm() {
    let connected = 0;
    let failed = 0;
    let firstFailure;
    const latenciesMs = [];
    let startMs = 0;
    let cpuStart = process.cpuUsage();
    let reported = false;
    const dueMs = new Map();
    const report = () => {
        if (reported)
            return;
        reported = true;
        clearInterval(timer);
        clearTimeout(deadline);
        latenciesMs.sort((a, b) => a - b);
        send({
            type: 'storm-done',
            connected,
            failed,
            firstFailure,
            elapsedMs: performance.now() - startMs,
            latencyP50Ms: percentile(latenciesMs, 0.5),
            latencyP99Ms: percentile(latenciesMs, 0.99),
            latencyMaxMs: latenciesMs[latenciesMs.length - 1] ?? 0,
            cpu: cpuSince(cpuStart),
        });
    };
    const events = {
        onOpen(connection) {
            connected++;
            latenciesMs.push(performance.now() - dueMs.get(connection));
            dueMs.delete(connection);
            if (connected + failed === clients)
                report();
        },
        onAck() { },
        onEvent() { },
        onFail(connection, reason) {
            if (!dueMs.delete(connection))
                return; // a drop after it opened is not a failed connect
            failed++;
            firstFailure ??= reason;
            if (connected + failed === clients)
                report();
        },
    };
    let started = 0;
    let timer;
    let deadline;
    onMessage = (type) => {
        if (type !== 'go' || timer !== undefined)
            return;
        startMs = performance.now();
        cpuStart = process.cpuUsage();
        timer = setInterval(() => {
            const due = Math.min(clients, Math.floor(((performance.now() - startMs) / 1000) * rate) + 1);
            for (; started < due; started++) {
                const connection = new RawConnection(events, RawConnection.connectFrameFor(started), host, port);
                dueMs.set(connection, startMs + (started / rate) * 1000);
                connections.push(connection);
            }
            if (started === clients)
                clearInterval(timer);
        }, TICK_MS);
        deadline = setTimeout(report, (clients / rate) * 1000 + STORM_GRACE_MS);
    };
    send({ type: 'ready', connected: 0 });
}
async function receive() {
    const payloadBytes = Number(payloadArg ?? 100);
    let events = 0;
    let pending;
    const settleOne = () => {
        if (pending !== undefined && --pending.left === 0)
            pending.resolve();
    };
    const handlers = {
        onOpen: settleOne,
        onAck: settleOne,
        onEvent() {
            events++;
        },
        onFail(_connection, reason) {
            fatal(`a raw client failed: ${reason}`);
        },
    };
    const waitFor = (left, start) => new Promise((resolve, reject) => {
        pending = { resolve, reject, left };
        start();
    });
    const joinFrame = maskedTextFrame(`420["join",{"room":"${ROOM}"}]`);
    for (let done = 0; done < clients; done += CONNECT_BATCH) {
        const batch = Math.min(CONNECT_BATCH, clients - done);
        const opened = [];
        await waitFor(batch, () => {
            for (let i = 0; i < batch; i++)
                opened.push(new RawConnection(handlers, RawConnection.connectFrameFor(done + i), host, port));
        });
        connections.push(...opened);
        await waitFor(batch, () => {
            for (const connection of opened)
                connection.sendFrame(joinFrame);
        });
    }
    const sender = connections[0];
    const padding = 'x'.repeat(payloadBytes);
    let seq = 0;
    let sendTimer;
    let cpuStart = process.cpuUsage();
    onMessage = (type) => {
        if (type === 'go' && sendTimer === undefined) {
            events = 0;
            cpuStart = process.cpuUsage();
            const startMs = performance.now();
            sendTimer = setInterval(() => {
                // Open model like the engine's: every broadcast due by now is sent, none skipped.
                const due = Math.floor(((performance.now() - startMs) / 1000) * rate) + 1;
                for (; seq < due; seq++) {
                    const nowUs = Math.round(performance.now() * 1000);
                    sender.sendFrame(maskedTextFrame(`42["broadcast",{"room":"${ROOM}","from":0,"seq":${seq},"t0Us":${nowUs},"sentUs":${nowUs},"payload":"${padding}"}]`));
                }
            }, Math.max(1, Math.min(100, Math.floor(1000 / rate))));
        }
        else if (type === 'read') {
            send({ type: 'received', events, broadcastsSent: seq, cpu: cpuSince(cpuStart) });
        }
    };
    send({ type: 'ready', connected: connections.length });
}
if (mode === 'storm')
    storm();
else
    await receive().catch((error) => fatal(error instanceof Error ? error.message : String(error)));
//# sourceMappingURL=raw-client-child.js.map