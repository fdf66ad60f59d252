/**
 * Which socket.io adapter carries broadcasts, room changes and acks between server processes, and how many
 * processes `sio-bench serve` runs: the scale-out settings, separate from ReferenceServerOptions because they
 * decide how processes are arranged, not how one server behaves.
 */

/**
 * - `memory`: socket.io's default in-memory adapter: one process, nothing shared.
 * - `cluster`: `@socket.io/cluster-adapter` over node:cluster's IPC (one host, `--workers N`).
 * - `redis`: `@socket.io/redis-adapter` over Redis pub/sub (any number of hosts).
 * - `redis-streams`: `@socket.io/redis-streams-adapter` over a Redis stream (any number of hosts; survives a
 *   short Redis disconnection without losing messages).
 */
export type AdapterKind = 'memory' | 'cluster' | 'redis' | 'redis-streams';

/** Every adapter kind, in the order `--help` lists them. */
export const adapterKinds: readonly AdapterKind[] = ['memory', 'cluster', 'redis', 'redis-streams'];

/** How the server is spread over processes. */
export interface ScaleOutOptions {
  /** Server processes; 1 runs the server in the serve process itself, N > 1 forks N node:cluster workers. Default 1. */
  workers: number;
  /** Default: 'cluster' when workers > 1, else 'memory'. */
  adapter: AdapterKind;
  /** Redis URL (`redis://HOST:PORT[/DB]`) for the redis adapters; required by them, refused by the others. */
  redisUrl: string | undefined;
}

/** Does `kind` need a Redis server? */
export function usesRedis(kind: AdapterKind): boolean {
  switch (kind) {
    case 'memory':
    case 'cluster':
      return false;
    case 'redis':
    case 'redis-streams':
      return true;
    default:
      throw new RangeError(`unknown adapter ${JSON.stringify(kind satisfies never)}`);
  }
}

/**
 * Every problem of a scale-out setting, each naming the serve flag it comes from. A `memory` adapter cannot
 * carry broadcasts between workers, and a `cluster` adapter needs node:cluster workers, so both are refused
 * where they would silently lose messages.
 */
export function scaleOutProblems(options: ScaleOutOptions): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(options.workers) || options.workers < 1) problems.push(`--workers must be a positive integer (got ${options.workers})`);
  if (options.adapter === 'memory' && options.workers > 1) {
    problems.push('--adapter memory cannot carry broadcasts between --workers processes: use cluster, redis or redis-streams');
  }
  if (options.adapter === 'cluster' && options.workers < 2) problems.push('--adapter cluster needs --workers 2 or more');
  if (usesRedis(options.adapter) && options.redisUrl === undefined) problems.push(`--adapter ${options.adapter} needs --redis-url redis://HOST:PORT`);
  if (!usesRedis(options.adapter) && options.redisUrl !== undefined) problems.push(`--redis-url is only used by --adapter redis or redis-streams (got --adapter ${options.adapter})`);
  if (options.redisUrl !== undefined && !isRedisUrl(options.redisUrl)) {
    problems.push(`--redis-url must be a redis:// or rediss:// URL (got ${JSON.stringify(options.redisUrl)})`);
  }
  return problems;
}

function isRedisUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol, hostname } = new URL(text);
  return (protocol === 'redis:' || protocol === 'rediss:') && hostname.length > 0;
}

/** The scale-out part of serve's `config` line, e.g. ` workers=2 adapter=cluster` (empty for one in-memory process). */
export function describeScaleOut(options: ScaleOutOptions): string {
  if (options.workers === 1 && options.adapter === 'memory') return '';
  // The URL may carry a password: print only where Redis is.
  const redis = options.redisUrl === undefined ? '' : ` redis=${new URL(options.redisUrl).host}`;
  return ` workers=${options.workers} adapter=${options.adapter}${redis}`;
}
