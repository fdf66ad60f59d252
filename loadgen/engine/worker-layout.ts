/**
 * How a run's clients are laid out over load processes and worker threads. Client i runs on worker
 * i mod workerCount, so every worker connects its share from the first second of a ramp. When the clients
 * exceed what one process may hold (file descriptors are a per-process limit that worker threads share), the
 * workers are spread over several child processes.
 */
import type { WorkerTask } from './messages.js';
import { ChildWorkerHost } from './load-process.js';
import { registerWorkerHost } from './loadgen-memory.js';
import { LocalWorkerHost, type WorkerHost, type WorkerReport } from './worker-host.js';

export interface WorkerLayout {
  processes: number;
  threadsPerProcess: number;
  workerCount: number;
}

/** Processes = ceil(clients / clientsPerProcess); the threads are shared out over them (at least one each). */
export function planWorkers(input: { totalClients: number; threads: number; clientsPerProcess: number }): WorkerLayout {
  if (!Number.isInteger(input.threads) || input.threads < 1) throw new RangeError('workers must be a positive integer');
  if (!Number.isInteger(input.clientsPerProcess) || input.clientsPerProcess < 1) throw new RangeError('clientsPerProcess must be a positive integer');
  const processes = Math.max(1, Math.ceil(input.totalClients / input.clientsPerProcess));
  const threadsPerProcess = Math.max(1, Math.ceil(input.threads / processes));
  // Never more workers than clients: an empty worker would only add noise.
  const workerCount = Math.max(1, Math.min(processes * threadsPerProcess, input.totalClients));
  return { processes, threadsPerProcess, workerCount };
}

/** Starts the hosts of `layout`: all threads in this process, or `processes` child processes. */
export function startWorkerHosts(
  layout: WorkerLayout,
  base: Omit<WorkerTask, 'workerId'>,
  onMessage: (message: WorkerReport) => void,
): WorkerHost[] {
  const tasks: WorkerTask[] = [];
  for (let workerId = 0; workerId < layout.workerCount; workerId += 1) tasks.push({ ...base, workerId });
  const hosts: WorkerHost[] = [];
  if (layout.processes === 1) {
    hosts.push(new LocalWorkerHost(tasks));
  } else {
    for (let p = 0; p < layout.processes; p += 1) {
      const own = tasks.filter((task) => task.workerId % layout.processes === p);
      if (own.length > 0) hosts.push(new ChildWorkerHost(own, `load process ${p + 1}`));
    }
  }
  for (const host of hosts) {
    registerWorkerHost(host);
    host.start(onMessage);
  }
  return hosts;
}

/**
 * A worker and the clients it drives, for error messages: worker 2 (3 clients: i where i mod 4 = 2) of
 * `totalClients` spread over `workerCount` workers.
 */
export function describeWorker(workerId: number, workerCount: number, totalClients: number): string {
  const clients = Math.max(0, Math.ceil((totalClients - workerId) / workerCount));
  return `worker ${workerId} (${clients} clients: i where i mod ${workerCount} = ${workerId})`;
}
