/**
 * One connection's ClientHandlers as one small object: its events go to the thread's EventReceiver with the
 * simulated client and the connection's receiving side, its loss to the runtime. Two closures per connection
 * (and the context they share) were three objects more for every connect, which a connect storm allocates by
 * the ten thousand and the collector then copies out of the young generation.
 */
import type { ClientHandlers, VirtualClient } from '../client/virtual-client.js';
import type { EventReceiver } from './event-receiver.js';
import type { ReceiverConnection } from './receiver-connection.js';
import type { SimClient } from './sim-client.js';

/** What the runtime does when a connected client loses its connection (the server's or the network's doing). */
export type LostConnectionHandler = (sim: SimClient, client: VirtualClient, receiver: ReceiverConnection, reason: string) => void;

export class ConnectionHandlers implements ClientHandlers {
  /** The client these handlers serve, set right after it is made (before it connects). */
  client: VirtualClient | undefined;

  constructor(
    private readonly events: EventReceiver,
    private readonly lost: LostConnectionHandler,
    private readonly sim: SimClient,
    private readonly receiver: ReceiverConnection,
  ) {}

  onEvent(event: string, args: readonly unknown[]): void {
    this.events.onEvent(this.sim, this.receiver, event, args);
  }

  onDisconnect(reason: string): void {
    if (this.client !== undefined) this.lost(this.sim, this.client, this.receiver, reason);
  }
}
