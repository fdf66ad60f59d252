/**
 * The options each of a worker's clients connects with: the scenario's target, path, namespace, transport,
 * headers and parser, its source address and ports (client i takes address i mod n and that address's port
 * pool; the engine-chosen first address, 127.0.0.1, is the kernel's own choice and is not bound: see
 * source-addresses.ts), its CONNECT payload, and the worker's one wire-byte counter.
 */
import type { ClientOptions } from '../client/virtual-client.js';
import type { SourcePortPool } from '../client/source-ports.js';
import { WireByteCounter } from '../client/wire-bytes.js';
import type { Clock } from '../measure/clock.js';
import { BENCH_ACTION_KINDS } from '../scenario/action-schema.js';
import { expandCustomArgs } from '../scenario/custom-args.js';
import type { WorkerTask } from './messages.js';
import { LOOPBACK_DEFAULT_SOURCE } from './source-addresses.js';

/** How long a client may take to connect before its attempt fails, ms. */
const CONNECT_TIMEOUT_MS = 10_000;

export class ClientConnectOptions {
  /** The counter every client connected with these options adds its wire bytes to. */
  readonly wireBytes = new WireByteCounter();
  /** Whether the scenario has bench-protocol actions (the bench app then learns each client's index at connect). */
  private readonly speaksBench: boolean;
  /** Whether the source addresses are the engine's own spread (not the scenario's list, whose every address is bound). */
  private readonly addressesChosenByEngine: boolean;
  /**
   * Options without a CONNECT payload, per source address (by index mod the address count): every client of that
   * address connects with the same object, so a storm of clients does not hold thousands of copies.
   */
  private readonly withoutPayload: (ClientOptions | undefined)[] = [];

  constructor(
    private readonly task: WorkerTask,
    /** The worker's port pools, one per source address (empty: the kernel chooses the ports). */
    private readonly sourcePorts: readonly SourcePortPool[],
    /** Stamps the CONNECT payload's `{{sentUs}}`. */
    private readonly clock: Clock,
  ) {
    this.speaksBench = task.scenario.actions.some((action) => BENCH_ACTION_KINDS.has(action.kind));
    this.addressesChosenByEngine = task.scenario.population.sourceAddresses === undefined;
  }

  /** The options client `index` connects with. */
  of(index: number): ClientOptions {
    const { sourceAddresses } = this.task;
    const auth = this.connectPayload(index);
    const slot = sourceAddresses.length > 0 ? index % sourceAddresses.length : 0;
    if (auth === undefined) return (this.withoutPayload[slot] ??= this.build(index, undefined));
    return this.build(index, auth);
  }

  private build(index: number, auth: Record<string, unknown> | undefined): ClientOptions {
    const { scenario, sourceAddresses } = this.task;
    const address = sourceAddresses.length > 0 ? sourceAddresses[index % sourceAddresses.length] : undefined;
    const bound = address !== undefined && !(this.addressesChosenByEngine && address === LOOPBACK_DEFAULT_SOURCE);
    return {
      url: this.task.targetUrl,
      path: scenario.path,
      namespace: scenario.namespace,
      transport: scenario.transport,
      auth,
      headers: scenario.headers,
      localAddress: bound ? address : undefined,
      localPorts: bound && this.sourcePorts.length > 0 ? this.sourcePorts[index % this.sourcePorts.length] : undefined,
      parser: scenario.parser,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      wireBytes: this.wireBytes,
    };
  }

  /**
   * The CONNECT payload: the scenario's `auth`, templated for the client; with bench-protocol actions, the
   * client's index for the bench app (a server that knows nothing of the bench protocol gets no payload at all
   * unless the scenario sets one: python-socketio's `connect(sid, environ)` refuses one).
   */
  private connectPayload(index: number): Record<string, unknown> | undefined {
    const { auth: template } = this.task.scenario;
    const auth =
      template === undefined
        ? undefined
        : (expandCustomArgs([template], { sid: '', requestId: `${index}.auth`, nowMs: Math.round(performance.timeOrigin + performance.now()), index, sentUs: this.clock.nowUs() })[0] as Record<string, unknown>);
    if (!this.speaksBench) return auth;
    return { ...auth, clientIndex: index };
  }
}
