/**
 * Explicit local ports for connections bound to a source address. Binding a socket to an address with port 0
 * makes the kernel search its whole port range for a port no other socket holds, TIME_WAIT ones included; with
 * tens of thousands of recently closed connections around (any earlier run) that search cost 3.4 ms of kernel
 * CPU per connect here (12,000 binds: 41 s of CPU, against 1 s for the same connects with explicit ports). A pool
 * hands out ports itself: from below the kernel's ephemeral range (which connects without a bind use), in a
 * slice of its own per worker so that threads and processes of one run never share a port, skipping ports it
 * holds and ports something listens on. Sockets bind with SO_REUSEADDR (libuv's default), so a port whose old
 * connection is in TIME_WAIT can be bound again at once.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** Lowest port a pool hands out: the first unprivileged one. */
const FIRST_PINNED_PORT = 1024;
/** The kernel's default ephemeral range starts here when /proc cannot be read. */
const DEFAULT_EPHEMERAL_LOW = 32_768;

/** Ports handed out for one source address, cycling through one slice; `take` undefined means let the kernel choose. */
export class SourcePortPool {
  private readonly held: Uint8Array;
  private cursor: number;
  private heldCount = 0;
  private httpAgent: http.Agent | undefined;

  /**
   * @param firstPort first port of the slice
   * @param size ports in the slice
   * @param excluded ports never handed out (listening sockets)
   * @param startAt where the cycle starts, 0..size-1 (random by default, so two unrelated runs rarely meet)
   */
  constructor(
    readonly address: string,
    readonly firstPort: number,
    readonly size: number,
    excluded: ReadonlySet<number> = new Set(),
    startAt = Math.floor(Math.random() * size),
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`SourcePortPool: size must be a positive integer (got ${size})`);
    this.held = new Uint8Array(size);
    for (const port of excluded) {
      const slot = port - firstPort;
      if (slot >= 0 && slot < size && this.held[slot] === 0) {
        this.held[slot] = 2; // never released
        this.heldCount += 1;
      }
    }
    this.cursor = startAt % size;
  }

  /** The next port not held, least recently handed out first; undefined when every port is held. */
  take(): number | undefined {
    if (this.heldCount >= this.size) return undefined;
    for (;;) {
      const slot = this.cursor;
      this.cursor = slot + 1 === this.size ? 0 : slot + 1;
      if (this.held[slot] === 0) {
        this.held[slot] = 1;
        this.heldCount += 1;
        return this.firstPort + slot;
      }
    }
  }

  /** The socket bound to `port` has closed. */
  release(port: number): void {
    const slot = port - this.firstPort;
    if (slot < 0 || slot >= this.size || this.held[slot] !== 1) return;
    this.held[slot] = 0;
    this.heldCount -= 1;
  }

  /** Ports held now (excluded ones included). */
  get heldPorts(): number {
    return this.heldCount;
  }

  /** A keep-alive HTTP agent whose sockets bind this address and a port of this pool (for HTTP clients). */
  get agent(): http.Agent {
    this.httpAgent ??= new PinnedPortAgent(this);
    return this.httpAgent;
  }

  /** Connects a TCP socket from this address and a pool port (a kernel-chosen port when all are held). */
  connect(options: { host?: string; port: number }): net.Socket {
    const socket = new net.Socket();
    this.connectSocket(socket, options);
    return socket;
  }

  /** Starts `socket`'s connect from this address and a pool port; the port is released when it closes. */
  connectSocket(socket: net.Socket, options: { host?: string; port: number }): void {
    const localPort = this.connectHeld(socket, options);
    if (localPort !== undefined) socket.once('close', () => this.release(localPort));
  }

  /**
   * Starts `socket`'s connect from this address and a pool port, and returns the port (undefined: the kernel
   * chose), which the caller must `release` when the socket has closed: for a socket that listens to its own
   * 'close' anyway, without a listener and its closure per connection.
   */
  connectHeld(socket: net.Socket, options: { host?: string; port: number }): number | undefined {
    const localPort = this.take();
    socket.connect({ host: options.host, port: options.port, localAddress: this.address, localPort });
    return localPort;
  }
}

/** http.Agent (keep-alive) whose new sockets come from a SourcePortPool. */
class PinnedPortAgent extends http.Agent {
  constructor(private readonly pool: SourcePortPool) {
    super({ keepAlive: true });
  }

  override createConnection(options: net.NetConnectOpts & { host?: string; port?: number }): net.Socket {
    return this.pool.connect({ host: options.host, port: options.port ?? 80 });
  }
}

/** Ports some socket listens on now (IPv4 and IPv6), from /proc/net/tcp*; empty where /proc is not there. */
export function listeningPorts(): Set<number> {
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields[1] = local address:port (hex), fields[3] = state; 0A = LISTEN
      if (fields[3] !== '0A' || fields[1] === undefined) continue;
      const port = Number.parseInt(fields[1].slice(fields[1].lastIndexOf(':') + 1), 16);
      if (Number.isInteger(port)) ports.add(port);
    }
  }
  return ports;
}

/** The low end of the kernel's ephemeral port range (ports at or above it are left to connects without a bind). */
export function ephemeralPortLow(): number {
  try {
    const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'latin1').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : DEFAULT_EPHEMERAL_LOW;
  } catch {
    return DEFAULT_EPHEMERAL_LOW;
  }
}

/**
 * One pool per source address for slice `slice` of `slices` (one slice per worker thread of every load
 * process and --shard run on this machine). Empty when the slice would be under `minSize` ports: the kernel
 * then chooses, as without pools.
 */
export function sourcePortPools(addresses: readonly string[], slice: number, slices: number, minSize = 64): SourcePortPool[] {
  if (addresses.length === 0) return [];
  const span = ephemeralPortLow() - FIRST_PINNED_PORT;
  const size = Math.floor(span / slices);
  if (size < minSize) return [];
  const firstPort = FIRST_PINNED_PORT + slice * size;
  const listening = listeningPorts();
  return addresses.map((address) => new SourcePortPool(address, firstPort, size, listening));
}
