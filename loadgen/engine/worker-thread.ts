/**
 * The piscina task of one worker thread: runs one worker's share of the population and talks to the coordinator over the
 * MessagePort it is given (snapshots out; start/stop in). Resolves when it has stopped.
 */
import type { MessagePort } from 'node:worker_threads';
import { createClient } from '../client/create-client.js';
import { monotonicClock } from '../measure/clock.js';
import type { CoordinatorToWorker, WorkerTask, WorkerToCoordinator } from './messages.js';
import { WorkerRuntime } from './worker-runtime.js';
import { createLatencyHistogram, encodeHistogram, histogramBackend, recordLatencyUs, releaseHistogram } from '../measure/histogram-factory.js';
import { memoryBaselineRequested, readThreadMemoryAfterGc, type ThreadMemory } from './thread-memory.js';

/**
 * Compiles the histograms' WebAssembly (about 100 ms, synchronous) and runs one record/encode before the worker
 * says it is ready, so that this one-time cost does not block the event loop during the run's first second.
 */
function warmUpHistograms(): void {
  histogramBackend();
  const histogram = createLatencyHistogram();
  recordLatencyUs(histogram, 1);
  encodeHistogram(histogram);
  releaseHistogram(histogram);
}

export interface WorkerThreadInput {
  task: WorkerTask;
  port: MessagePort;
}

export default async function runShardThread({ task, port }: WorkerThreadInput): Promise<void> {
  const post = (message: WorkerToCoordinator): void => port.postMessage(message);
  let runtime: WorkerRuntime;
  let baseline: ThreadMemory | undefined;
  try {
    warmUpHistograms();
    // The WorkerRuntime allocates every client's slot (its SimClient, schedules, delivery state) when it is built,
    // long before the client connects: a baseline taken any later, even in a phase with no client connected yet,
    // would already hold them and hide their cost. Code, pools and the histograms are loaded by now.
    if (memoryBaselineRequested()) baseline = readThreadMemoryAfterGc();
    runtime = new WorkerRuntime({ task, clock: monotonicClock, createClient: createClient(task.scenario.client), post });
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
          injectFault(task.workerId, message.runStartUs);
          running = runtime.run(message.runStartUs);
          void running.then(resolve);
          return;
        case 'stop':
          runtime.stop();
          if (!running) resolve();
          return;
        case 'measure-memory':
          post({ type: 'memory', workerId: task.workerId, requestId: message.requestId, baseline, now: readThreadMemoryAfterGc() });
          return;
      }
    });
    post({ type: 'ready', workerId: task.workerId });
  });
  port.close();
}

/**
 * Test-only fault switch, for the reliability tests: `SIO_BENCH_INJECT_WORKER_FAULT=crash:W@MS` makes worker W
 * throw an uncaught error MS after the run start; `hang:W@MS` makes it block forever (it never yields again);
 * `stall:W@MS` makes it block its event loop 200 ms of every 250 ms from then on (a saturated load generator).
 * Unset (the default), it does nothing.
 */
export const WORKER_FAULT_ENV = 'SIO_BENCH_INJECT_WORKER_FAULT';

function injectFault(workerId: number, runStartUs: number): void {
  const spec = process.env[WORKER_FAULT_ENV];
  if (spec === undefined || spec === '') return;
  const match = /^(crash|hang|stall):(\d+)@(\d+)$/.exec(spec);
  if (!match) throw new Error(`${WORKER_FAULT_ENV} must be crash:WORKER@MS, hang:WORKER@MS or stall:WORKER@MS (got ${JSON.stringify(spec)})`);
  if (Number(match[2]) !== workerId) return;
  const delayMs = Math.max(0, (runStartUs - monotonicClock.nowUs()) / 1000 + Number(match[3]));
  const block = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  setTimeout(() => {
    if (match[1] === 'stall') {
      setInterval(() => block(200), 250).unref();
      return;
    }
    if (match[1] === 'crash') throw new Error(`injected crash of worker ${workerId} (${WORKER_FAULT_ENV}=${spec})`);
    // A hang: the thread never yields again; only terminating it ends it.
    for (;;) block(1000);
  }, delayMs);
}
