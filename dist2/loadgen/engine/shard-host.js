/**
 * Where shards run. A ShardHost owns some of the run's worker threads: `LocalShardHost` runs them in this
 * process with piscina; `ChildShardHost` (load-process.ts) runs a LocalShardHost in a child process, because
 * one process may hold at most ~20,000 file descriptors and worker threads share their process's limit.
 * The coordinator talks to both the same way.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { PendingReplies } from './pending-replies.js';
import { mainThreadMemoryBaseline, readThreadMemoryAfterGc } from './thread-memory.js';
/** Longest wait for every thread of a host to answer a memory request (a forced GC of a large heap), ms. */
export const MEMORY_REPLY_TIMEOUT_MS = 30_000;
const WORKER_FILE = new URL('./worker-thread.js', import.meta.url).href;
/** Runs the given shard tasks as worker threads of this process, one thread each. */
export class LocalShardHost {
    tasks;
    workerIds;
    pool;
    ports = new Map();
    memoryReplies = new PendingReplies();
    closing = false;
    endedResolve;
    ended = new Promise((resolve) => {
        this.endedResolve = resolve;
    });
    constructor(tasks) {
        this.tasks = tasks;
        this.workerIds = tasks.map((task) => task.workerId);
        this.pool = new Piscina({
            filename: WORKER_FILE,
            minThreads: tasks.length,
            maxThreads: tasks.length,
            concurrentTasksPerWorker: 1,
            idleTimeout: 60_000,
        });
    }
    start(onMessage) {
        const runs = this.tasks.map((task) => {
            const channel = new MessageChannel();
            this.ports.set(task.workerId, channel.port1);
            channel.port1.on('message', (message) => {
                if (message.type === 'memory')
                    this.memoryReplies.reply(message.requestId, message);
                else
                    onMessage(message);
            });
            const input = { task, port: channel.port2 };
            return this.pool.run(input, { transferList: [channel.port2] }).then(() => undefined, (error) => {
                // A crashed thread never says 'done': report it so the coordinator can name the worker and end the run.
                // Tasks cut short by close() itself are not crashes.
                if (this.closing)
                    return;
                onMessage({ type: 'fatal', workerId: task.workerId, message: error instanceof Error ? error.message : String(error) });
            });
        });
        void Promise.all(runs).then(() => {
            this.memoryReplies.failAll('the worker threads ended');
            this.endedResolve();
        });
    }
    broadcast(message) {
        for (const port of this.ports.values())
            port.postMessage(message);
    }
    async measureMemory() {
        const { requestId, replies } = this.memoryReplies.open(this.ports.size, MEMORY_REPLY_TIMEOUT_MS, `memory of worker threads ${this.workerIds.join(', ')}`);
        this.broadcast({ type: 'measure-memory', requestId });
        const workers = (await replies)
            .map((reply) => ({ workerId: reply.workerId, baseline: reply.baseline, now: reply.now }))
            .sort((a, b) => a.workerId - b.workerId);
        // Read last, so that this process's RSS now is read after every thread's GC.
        return { pid: process.pid, mainThread: { baseline: mainThreadMemoryBaseline(), now: readThreadMemoryAfterGc() }, workers };
    }
    /** Waits (up to `graceMs`) for the tasks to end by themselves, then destroys the pool. */
    async close(graceMs = 5000) {
        await Promise.race([this.ended, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
        this.closing = true;
        for (const port of this.ports.values())
            port.close();
        await this.pool.destroy();
    }
}
//# sourceMappingURL=shard-host.js.map