/**
 * What a run launches its workers with: the layout for this process's clients (worker threads, and load processes
 * when one process cannot hold them), the task every worker shares, and the count of workers that said they are
 * ready, which resolves once all are.
 */
import os from 'node:os';
import type { Scenario } from '../scenario/schema.js';
import { clientsInShard } from '../shard/shard-spec.js';
import { defaultWorkerThreads, serverProcessesOnThisMachine } from './default-worker-threads.js';
import type { ShardSlice, WorkerTask } from './messages.js';
import { sourceAddressesFor } from './source-addresses.js';
import { planWorkers, type WorkerLayout } from './worker-layout.js';

/** Clients one load process holds by default: file descriptors are per process (worker threads share them). */
const CLIENTS_PER_PROCESS = { websocket: 15_000, polling: 7_000 } as const;

export interface WorkerLaunchInput {
  scenario: Scenario;
  /** Clients of the whole run (every shard). */
  totalClients: number;
  targetUrl: string;
  /** --shard i/n, with the epoch offset of its clock. */
  shard?: ShardSlice;
  clockOffsetUs: number;
  /** Worker threads (default: by this machine's cores and the server processes on it). */
  threads?: number;
  clientsPerProcess?: number;
}

export interface WorkerLaunch {
  /** Clients of this process's share (its shard's, or all). */
  clients: number;
  layout: WorkerLayout;
  base: Omit<WorkerTask, 'workerId'>;
}

export function planWorkerLaunch(input: WorkerLaunchInput): WorkerLaunch {
  const { scenario, totalClients, targetUrl, shard } = input;
  const threads = input.threads ?? defaultWorkerThreads(os.availableParallelism(), serverProcessesOnThisMachine(scenario.target));
  const clients = shard ? clientsInShard(totalClients, shard) : totalClients;
  const layout = planWorkers({
    totalClients: clients,
    threads,
    clientsPerProcess: input.clientsPerProcess ?? (scenario.transport === 'websocket' ? CLIENTS_PER_PROCESS.websocket : CLIENTS_PER_PROCESS.polling),
  });
  const base: Omit<WorkerTask, 'workerId'> = {
    workerCount: layout.workerCount,
    scenario,
    targetUrl,
    sourceAddresses: scenario.population.sourceAddresses ?? sourceAddressesFor(targetUrl, totalClients),
    intervalMs: 1000,
    ...(shard ? { shard, clockOffsetUs: input.clockOffsetUs } : {}),
  };
  return { clients, layout, base };
}

/** The workers that said 'ready'; `all` resolves when every one of `workerCount` has. */
export class ReadyWorkers {
  private readonly ready = new Set<number>();
  private resolveAll!: () => void;
  readonly all = new Promise<void>((resolve) => {
    this.resolveAll = resolve;
  });

  constructor(private readonly workerCount: number) {}

  add(workerId: number): void {
    this.ready.add(workerId);
    if (this.ready.size === this.workerCount) this.resolveAll();
  }

  get size(): number {
    return this.ready.size;
  }
}
