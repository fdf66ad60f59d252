/**
 * How many worker threads a run gets when it does not say (`--workers`): the machine's cores less the cores a
 * server on this same machine needs, at least one. A server is on this machine when the target is the built-in
 * one (one core per server process: `workers: N` in cluster mode) or a URL on loopback (counted as one process;
 * give `--workers` when you know better). Worker threads beyond the cores left over do not add capacity: they
 * compete with the server and with each other, and each extra event loop wakes up for its share of every
 * broadcast. Measured on a 2-core machine with the built-in server (docs/benchmarks.md, raw-floor): one worker
 * thread instead of two spent about 15 % less load-generator CPU per delivered broadcast and 20 % less per connect.
 */
import type { Scenario } from '../scenario/schema.js';
import { isLoopbackHost } from './source-addresses.js';

/** Server processes that run on this machine for `target`: builtin's workers (default 1), 1 on loopback, else 0. */
export function serverProcessesOnThisMachine(target: Scenario['target']): number {
  if (target.kind === 'builtin') return target.server.workers ?? 1;
  return isLoopbackHost(new URL(target.url).hostname) ? 1 : 0;
}

/** The default worker-thread count: `cores` less `serverProcesses`, at least 1. */
export function defaultWorkerThreads(cores: number, serverProcesses: number): number {
  return Math.max(1, cores - serverProcesses);
}
