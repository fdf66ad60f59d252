/**
 * The piscina task of one worker thread: runs one shard of the population and talks to the coordinator over the
 * MessagePort it is given (snapshots out; start/stop in). Resolves when the shard has stopped.
 */
import type { MessagePort } from 'node:worker_threads';
import { createClient } from '../client/create-client.js';
import { monotonicClock } from '../measure/clock.js';
import type { CoordinatorToWorker, ShardTask, WorkerToCoordinator } from './messages.js';
import { ShardRuntime } from './shard-runtime.js';

export interface WorkerThreadInput {
  task: ShardTask;
  port: MessagePort;
}

export default async function runShardThread({ task, port }: WorkerThreadInput): Promise<void> {
  const post = (message: WorkerToCoordinator): void => port.postMessage(message);
  let runtime: ShardRuntime;
  try {
    runtime = new ShardRuntime({ task, clock: monotonicClock, createClient: createClient(task.scenario.client), post });
  } catch (error) {
    post({ type: 'fatal', workerId: task.workerId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    port.close();
    return;
  }
  await new Promise<void>((resolve) => {
    let running: Promise<void> | undefined;
    port.on('message', (message: CoordinatorToWorker) => {
      switch (message.type) {
        case 'start':
          running = runtime.run(message.runStartUs);
          void running.then(resolve);
          return;
        case 'stop':
          runtime.stop();
          if (!running) resolve();
          return;
      }
    });
    post({ type: 'ready', workerId: task.workerId });
  });
  port.close();
}
