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
export function windowHolds(startUs, endUs, sentUs) {
    return startUs <= sentUs && sentUs <= endUs;
}
/** A connection id unique in the run: the client's index and how many connections it opened before. */
export function connectionId(clientIndex, epoch, totalClients) {
    return epoch * totalClients + clientIndex;
}
//# sourceMappingURL=membership-window.js.map