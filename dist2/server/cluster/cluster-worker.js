/**
 * One worker of `sio-bench serve --workers N`: a reference server that binds no address (the primary owns the
 * listening socket and hands each connection over through @socket.io/sticky, so that every HTTP request of a
 * long-polling session reaches the process holding that session), with the adapter that joins it to the other
 * workers. It answers the primary's metrics requests and closes on the primary's shutdown message or on
 * SIGINT/SIGTERM (a Ctrl-C in a terminal reaches the whole process group).
 */
import cluster from 'node:cluster';
import { setupWorker } from '@socket.io/sticky';
import { openAdapter } from '../adapters/open-adapter.js';
import { createReferenceServer } from '../reference-server.js';
import { isPrimaryToWorkerMessage, WORKER_INDEX_ENV } from './cluster-messages.js';
/**
 * Runs this process as worker of a serve cluster until told to stop; resolves once its server and adapter are
 * closed and the IPC channel is released (the process can then exit). Rejects when the server cannot start
 * (bad options, Redis unreachable): the primary notices the exit before `ready`.
 */
export async function runClusterWorker(input, scaleOut) {
    if (!cluster.isWorker)
        throw new Error('runClusterWorker must run in a node:cluster worker');
    const workerIndex = Number(process.env[WORKER_INDEX_ENV]);
    if (!Number.isSafeInteger(workerIndex) || workerIndex < 1)
        throw new Error(`${WORKER_INDEX_ENV} must be set by the primary (got ${process.env[WORKER_INDEX_ENV]})`);
    const stopped = untilStopRequested();
    const opened = await openAdapter(scaleOut.adapter, scaleOut.redisUrl === undefined ? {} : { redisUrl: scaleOut.redisUrl });
    let server;
    try {
        server = await createReferenceServer({ ...input, adapter: opened.adapter, listen: false });
    }
    catch (error) {
        await opened.close();
        throw error;
    }
    setupWorker(server.io);
    const onMessage = (message) => {
        if (!isPrimaryToWorkerMessage(message))
            return;
        handle(message);
    };
    const handle = (message) => {
        switch (message.type) {
            case 'sio-bench:metrics-request':
                send({ type: 'sio-bench:metrics', requestId: message.requestId, snapshot: server.metrics.snapshot() });
                return;
            case 'sio-bench:shutdown':
                stopped.stop();
                return;
            default:
                throw new RangeError(`unknown message ${JSON.stringify(message)}`);
        }
    };
    process.on('message', onMessage);
    send({ type: 'sio-bench:worker-ready', workerIndex, pid: process.pid });
    await stopped.promise;
    process.off('message', onMessage);
    await server.close();
    await opened.close();
    // The IPC channel would keep this process alive; releasing it lets the process exit once its handles close.
    if (process.connected)
        process.disconnect();
}
function send(message) {
    // A primary that is gone cannot be told anything; the worker then ends with its disconnect (see below).
    if (process.connected)
        process.send?.(message);
}
/** Resolves on the first of: stop() (the primary's shutdown), SIGINT, SIGTERM, or the primary going away. */
function untilStopRequested() {
    let stop = () => undefined;
    const promise = new Promise((resolve) => {
        const signals = ['SIGINT', 'SIGTERM'];
        const done = () => {
            for (const signal of signals)
                process.off(signal, done);
            process.off('disconnect', done);
            resolve();
        };
        for (const signal of signals)
            process.on(signal, done);
        // A primary killed with SIGKILL cannot shut its workers down: its IPC channel closing is the last word.
        process.on('disconnect', done);
        stop = done;
    });
    return { promise, stop: () => stop() };
}
//# sourceMappingURL=cluster-worker.js.map