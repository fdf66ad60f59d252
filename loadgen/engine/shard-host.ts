/**
 * Where shards run. A ShardHost owns some of the run's worker threads: `LocalShardHost` runs them in this
 * process with piscina; `ChildShardHost` (load-process.ts) runs a LocalShardHost in a child process, because
 * one process may hold at most ~20,000 file descriptors and worker threads share their process's limit.
 * The coordinator talks to both the same way.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { CoordinatorToWorker, ShardTask, WorkerToCoordinator } from './messages.js';
import type { WorkerThreadInput } from './worker-thread.js';

export interface ShardHost {
  /** The global worker ids this host runs. */
  readonly workerIds: readonly number[];
  /** Starts every worker; messages (including 'ready' and 'fatal') arrive at onMessage. */
  start(onMessage: (message: WorkerToCoordinator) => void): void;
  /** Sends a control message to every worker of this host. */
  broadcast(message: CoordinatorToWorker): void;
  /** Resolves when every worker of this host has ended (normally or not). */
  readonly ended: Promise<void>;
  /** Tears the host down (threads, child process). */
  close(): Promise<void>;
}

const WORKER_FILE = new URL('./worker-thread.js', import.meta.url).href;

/** Runs the given shard tasks as worker threads of this process, one thread each. */
export class LocalShardHost implements ShardHost {
  readonly workerIds: number[];
  private readonly pool: Piscina;
  private readonly ports = new Map<number, import('node:worker_threads').MessagePort>();
  private closing = false;
  private endedResolve!: () => void;
  readonly ended = new Promise<void>((resolve) => {
    this.endedResolve = resolve;
  });

  constructor(private readonly tasks: readonly ShardTask[]) {
    this.workerIds = tasks.map((task) => task.workerId);
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: tasks.length,
      maxThreads: tasks.length,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
  }

  start(onMessage: (message: WorkerToCoordinator) => void): void {
    const runs = this.tasks.map((task) => {
      const channel = new MessageChannel();
      this.ports.set(task.workerId, channel.port1);
      channel.port1.on('message', onMessage);
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
    void Promise.all(runs).then(() => this.endedResolve());
  }

  broadcast(message: CoordinatorToWorker): void {
    for (const port of this.ports.values()) port.postMessage(message);
  }

  /** Waits (up to `graceMs`) for the tasks to end by themselves, then destroys the pool. */
  async close(graceMs = 5000): Promise<void> {
    await Promise.race([this.ended, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    this.closing = true;
    for (const port of this.ports.values()) port.close();
    await this.pool.destroy();
  }
}
