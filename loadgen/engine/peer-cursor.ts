/**
 * The peers a worker's clients address by sid (`{{peerSid}}` in a custom action): each request gets the next open
 * client of the same worker thread in turn, never the sender. A worker knows the sids of its own clients only, so
 * a direct message of a custom action stays within its worker; its receiver's own channel is open from its
 * connect, so the delivery is accounted for like a bench direct.
 */
import { ClientState, type SimClient } from './sim-client.js';

export class PeerCursor {
  private at = -1;

  constructor(private readonly sims: readonly SimClient[]) {}

  /** The next open client after the last one handed out, other than `sender`; undefined when there is none. */
  next(sender: SimClient): SimClient | undefined {
    for (let tries = 0; tries < this.sims.length; tries += 1) {
      this.at = (this.at + 1) % this.sims.length;
      const candidate = this.sims[this.at]!;
      if (candidate !== sender && candidate.state === ClientState.open && candidate.client?.id !== undefined) return candidate;
    }
    return undefined;
  }
}
