/**
 * Where worker threads run. A WorkerHost owns some of the run's worker threads: `LocalWorkerHost` runs them in this
 * process with piscina; `ChildWorkerHost` (load-process.ts) runs a LocalWorkerHost in a child process, because
 * one process may hold at most ~20,000 file descriptors and worker threads share their process's limit.
 * The coordinator talks to both the same way.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { CoordinatorToWorker, WorkerTask, WorkerToCoordinator } from './messages.js';
import { PendingReplies } from './pending-replies.js';
import { mainThreadMemoryBaseline, readThreadMemoryAfterGc, type ProcessMemory } from './thread-memory.js';
import type { WorkerThreadInput } from './worker-thread.js';

/** What a host hands on to the coordinator: every worker message but the memory replies, which it answers itself. */
export type WorkerReport = Exclude<WorkerToCoordinator, { type: 'memory' }>;

/** Longest wait for every thread of a host to answer a memory request (a forced GC of a large heap), ms. */
export const MEMORY_REPLY_TIMEOUT_MS = 30_000;

export interface WorkerHost {
  /** The global worker ids this host runs. */
  readonly workerIds: readonly number[];
  /** Starts every worker; messages (including 'ready' and 'fatal') arrive at onMessage. */
  start(onMessage: (message: WorkerReport) => void): void;
  /** Sends a control message to every worker of this host. */
  broadcast(message: CoordinatorToWorker): void;
  /**
   * The memory of this host's process (its main thread and each of its worker threads) after a forced GC in each
   * thread, with their no-client baselines. Only on a benchmark's request; rejects when a thread does not answer.
   */
  measureMemory(): Promise<ProcessMemory>;
  /** Resolves when every worker of this host has ended (normally or not). */
  readonly ended: Promise<void>;
  /** Tears the host down (threads, child process). */
  close(): Promise<void>;
}

const WORKER_FILE = new URL('./worker-thread.js', import.meta.url).href;

/** Runs the given worker tasks as worker threads of this process, one thread each. */
export class LocalWorkerHost implements WorkerHost {
  readonly workerIds: number[];
  private readonly pool: Piscina;
  private readonly ports = new Map<number, import('node:worker_threads').MessagePort>();
  private readonly memoryReplies = new PendingReplies<Extract<WorkerToCoordinator, { type: 'memory' }>>();
  private closing = false;
  private endedResolve!: () => void;
  readonly ended = new Promise<void>((resolve) => {
    this.endedResolve = resolve;
  });

  constructor(private readonly tasks: readonly WorkerTask[]) {
    this.workerIds = tasks.map((task) => task.workerId);
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: tasks.length,
      maxThreads: tasks.length,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
  }

  start(onMessage: (message: WorkerReport) => void): void {
    const runs = this.tasks.map((task) => {
      const channel = new MessageChannel();
      this.ports.set(task.workerId, channel.port1);
      channel.port1.on('message', (message: WorkerToCoordinator) => {
        if (message.type === 'memory') this.memoryReplies.reply(message.requestId, message);
        else onMessage(message);
      });
      const input: WorkerThreadInput = { task, port: channel.port2 };
      return this.pool.run(input, { transferList: [channel.port2] }).then(
        () => undefined,
        (error: unknown) => {
          // A crashed thread never says 'done': report it so the coordinator can name the worker and end the run.
          // Tasks cut short by close() itself are not crashes.
          if (this.closing) return;
          onMessage({ type: 'fatal', workerId: task.workerId, message: error instanceof Error ? error.message : String(error) });
        },
      );
    });
    void Promise.all(runs).then(() => {
      this.memoryReplies.failAll('the worker threads ended');
      this.endedResolve();
    });
  }

  broadcast(message: CoordinatorToWorker): void {
    for (const port of this.ports.values()) port.postMessage(message);
  }

  async measureMemory(): Promise<ProcessMemory> {
    const { requestId, replies } = this.memoryReplies.open(this.ports.size, MEMORY_REPLY_TIMEOUT_MS, `memory of worker threads ${this.workerIds.join(', ')}`);
    this.broadcast({ type: 'measure-memory', requestId });
    const workers = (await replies)
      .map((reply) => ({ workerId: reply.workerId, baseline: reply.baseline, now: reply.now }))
      .sort((a, b) => a.workerId - b.workerId);
    // Read last, so that this process's RSS now is read after every thread's GC.
    return { pid: process.pid, mainThread: { baseline: mainThreadMemoryBaseline(), now: readThreadMemoryAfterGc() }, workers };
  }

  /** Waits (up to `graceMs`) for the tasks to end by themselves, then destroys the pool. */
  async close(graceMs = 5000): Promise<void> {
    await Promise.race([this.ended, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    this.closing = true;
    for (const port of this.ports.values()) port.close();
    await this.pool.destroy();
  }
}
