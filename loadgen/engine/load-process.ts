/**
 * A load-generator child process: runs some of a run's worker threads (a LocalWorkerHost) and relays their
 * messages to the coordinator over IPC. Used when a scenario needs more connections than one process may hold
 * file descriptors for. This file is both the child's entry point and the parent's handle on it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CoordinatorToWorker, WorkerTask } from './messages.js';
import { PendingReplies } from './pending-replies.js';
import { LocalWorkerHost, MEMORY_REPLY_TIMEOUT_MS, type WorkerHost, type WorkerReport } from './worker-host.js';
import { markMainThreadBaseline, memoryBaselineRequested, type ProcessMemory } from './thread-memory.js';

/** Longest wait in a load process, after its threads ended, for their last messages, ms. */
const CHILD_REPORT_WAIT_MS = 5000;

type ParentToChild =
  | { type: 'init'; tasks: WorkerTask[] }
  | { type: 'control'; message: CoordinatorToWorker }
  /** A benchmark's request: read this process's threads (WorkerHost.measureMemory). */
  | { type: 'measure-memory'; requestId: number };
type ChildToParent =
  | { type: 'worker'; message: WorkerReport }
  | { type: 'ended' }
  | { type: 'memory'; requestId: number; memory: ProcessMemory }
  | { type: 'memory-failed'; requestId: number; message: string };

/** The parent's handle on one load process. */
export class ChildWorkerHost implements WorkerHost {
  readonly workerIds: number[];
  /** Control messages that could not be sent because the child was already gone. */
  unsentControlMessages = 0;
  private child: ChildProcess | undefined;
  private readonly memoryReplies = new PendingReplies<ProcessMemory>();
  private endedResolve!: () => void;
  readonly ended = new Promise<void>((resolve) => {
    this.endedResolve = resolve;
  });

  constructor(
    private readonly tasks: WorkerTask[],
    /** Label used in error messages, e.g. 'load process 2'. */
    private readonly label: string,
  ) {
    this.workerIds = tasks.map((task) => task.workerId);
  }

  start(onMessage: (message: WorkerReport) => void): void {
    const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.child = child;
    const done = new Set<number>();
    child.on('message', (raw: ChildToParent) => {
      switch (raw.type) {
        case 'worker':
          if (raw.message.type === 'done' || raw.message.type === 'fatal') done.add(raw.message.workerId);
          onMessage(raw.message);
          return;
        case 'ended':
          return;
        case 'memory':
          this.memoryReplies.reply(raw.requestId, raw.memory);
          return;
        case 'memory-failed':
          this.memoryReplies.fail(raw.requestId, raw.message);
          return;
      }
    });
    child.on('exit', (code, signal) => {
      this.memoryReplies.failAll(`${this.label} (pid ${child.pid}) exited (code ${code}, signal ${signal})`);
      for (const workerId of this.workerIds) {
        if (!done.has(workerId)) {
          onMessage({ type: 'fatal', workerId, message: `${this.label} (pid ${child.pid}) exited (code ${code}, signal ${signal}) before worker ${workerId} finished` });
        }
      }
      this.endedResolve();
    });
    const init: ParentToChild = { type: 'init', tasks: this.tasks };
    child.send(init);
  }

  broadcast(message: CoordinatorToWorker): void {
    if (!this.child?.connected) return;
    // Without a callback a send to a child that is exiting throws EPIPE as an uncaught 'error' event. Such a child
    // needs no message: its 'exit' handler already reports every worker it left unfinished.
    this.child.send({ type: 'control', message } satisfies ParentToChild, (error) => {
      if (error) this.unsentControlMessages += 1;
    });
  }

  async measureMemory(): Promise<ProcessMemory> {
    const { requestId, replies } = this.memoryReplies.open(1, MEMORY_REPLY_TIMEOUT_MS + 5000, `memory of ${this.label}`);
    if (!this.child?.connected) this.memoryReplies.fail(requestId, `${this.label} is not running`);
    else this.child.send({ type: 'measure-memory', requestId } satisfies ParentToChild, (error) => {
      if (error) this.memoryReplies.fail(requestId, `${this.label}: ${error.message}`);
    });
    const [memory] = await replies;
    return memory!;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([this.ended, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Child side: wait for the tasks, run them, relay, exit when every worker has ended. */
function runAsChild(): void {
  let host: WorkerHost | undefined;
  process.on('message', (raw: ParentToChild) => {
    switch (raw.type) {
      case 'init': {
        // This process's main thread has only relayed messages so far: its no-client baseline.
        if (memoryBaselineRequested()) markMainThreadBaseline();
        const local = new LocalWorkerHost(raw.tasks);
        host = local;
        const unreported = new Set(raw.tasks.map((task) => task.workerId));
        let allReported!: () => void;
        const reported = new Promise<void>((resolve) => {
          allReported = resolve;
        });
        local.start((message) => {
          process.send?.({ type: 'worker', message } satisfies ChildToParent);
          if (message.type === 'done' || message.type === 'fatal') unreported.delete(message.workerId);
          if (unreported.size === 0) allReported();
        });
        void local.ended.then(async () => {
          // A worker's last message ('done') comes on its own MessagePort and can arrive after piscina says the task
          // ended; closing the ports before it arrives would drop it and the parent would see a worker vanish.
          await Promise.race([reported, new Promise((resolve) => setTimeout(resolve, CHILD_REPORT_WAIT_MS).unref())]);
          await local.close();
          // Disconnect only once 'ended' (and so every message before it) has been written to the channel.
          process.send?.({ type: 'ended' } satisfies ChildToParent, undefined, {}, () => process.disconnect());
        });
        return;
      }
      case 'control':
        host?.broadcast(raw.message);
        return;
      case 'measure-memory': {
        const { requestId } = raw;
        if (host === undefined) {
          process.send?.({ type: 'memory-failed', requestId, message: 'no worker threads started yet' } satisfies ChildToParent);
          return;
        }
        host.measureMemory().then(
          (memory) => process.send?.({ type: 'memory', requestId, memory } satisfies ChildToParent),
          (error: unknown) => process.send?.({ type: 'memory-failed', requestId, message: error instanceof Error ? error.message : String(error) } satisfies ChildToParent),
        );
        return;
      }
    }
  });
  // The parent going away (it was killed) must not leave this process holding thousands of sockets.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 2000).unref());
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) runAsChild();
