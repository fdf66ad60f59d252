/**
 * The one membership-window rule of the delivery accounting (DESIGN.md, "One membership model"). A receiver's
 * window on a channel belongs to one connection: it opens when the join is acknowledged (or, for the
 * connection's own direct channel, when the connection opens) and closes when the load generator decides to
 * leave, to disconnect, or sees the connection close. A message on the channel is expected through that
 * connection exactly when its actual send time lies in [startUs, endUs], both bounds included. The worker's
 * receipts, the coordinator's ledger, fan-out completion, the shard merge and the live view all use this rule;
 * what arrives through one connection never counts for another.
 */

/** Start of a window whose join was sent but not yet acknowledged: it holds no send time yet. */
export const PENDING_START_US = Number.POSITIVE_INFINITY;
/** End of a window that is still open. */
export const OPEN_END_US = Number.POSITIVE_INFINITY;

/** Whether a message sent at `sentUs` is expected through a window [startUs, endUs]. */
export function windowHolds(startUs: number, endUs: number, sentUs: number): boolean {
  return startUs <= sentUs && sentUs <= endUs;
}

/**
 * Why an expected message that did not arrive is not counted as lost. `inFlightAtStop`: the run was stopped
 * (interrupted, failed, or cut) before the message's drain; `undeliverable`: the receiver's connection closed
 * (by the server, the transport, or a fault) while the message could still have been in flight.
 */
export type MissingCause = 'inFlightAtStop' | 'undeliverable';

/**
 * A connection ended without a drain. Of the messages its window on `channel` expected with a send time in
 * (fromUs, toUs], `received` arrived; the others are counted under `cause` instead of as lost. fromUs is the
 * end of the connection less the in-flight horizon (the scenario's drain time): older messages had their
 * chance to arrive and count as lost.
 */
export interface WindowTail {
  channel: number;
  connection: number;
  fromUs: number;
  toUs: number;
  received: number;
  cause: MissingCause;
}

/** A connection id unique in the run: the client's index and how many connections it opened before. */
export function connectionId(clientIndex: number, epoch: number, totalClients: number): number {
  return epoch * totalClients + clientIndex;
}
