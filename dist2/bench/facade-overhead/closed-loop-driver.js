/**
 * Drives one server with N raw echo clients in a closed loop for a warm-up and a measured window, and reads
 * the server's CPU time (through a callback) at the window's edges.
 */
import { connectRawEchoClient } from './raw-echo-client.js';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Connects the clients, runs warm-up then the measured window, closes the clients. */
export async function measureClosedLoop(settings, readServerCpuUs, edges) {
    const clients = [];
    try {
        for (let i = 0; i < settings.clients; i += 1)
            clients.push(await connectRawEchoClient(settings.url, settings.payloadJson));
        for (const client of clients)
            client.start();
        await sleep(settings.warmupMs);
        await edges?.atStart();
        const cpuBeforeUs = await readServerCpuUs();
        for (const client of clients)
            client.takeAckCount();
        const startedMs = performance.now();
        await sleep(settings.measureMs);
        let acks = 0;
        for (const client of clients)
            acks += client.takeAckCount();
        const elapsedMs = performance.now() - startedMs;
        const cpuAfterUs = await readServerCpuUs();
        await edges?.atEnd();
        return { acks, elapsedMs, serverCpuUs: cpuAfterUs - cpuBeforeUs };
    }
    finally {
        await Promise.all(clients.map((client) => client.close()));
    }
}
//# sourceMappingURL=closed-loop-driver.js.map